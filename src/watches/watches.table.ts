/** Row types of watches, as stored. */

/** A row of `watches`: a saved search or set of concepts, with its filters and its outlets. */
export interface WatchTable {
  id: string;
  account_id: string;
  name: string;
  query: string | null;
  /** JSON array of concept ids. */
  concepts: string;
  /** JSON array of process ids. */
  processes: string;
  /** JSON array of stakeholder groups. */
  groups: string;
  feed_key_hash: string;
  webhook_url: string | null;
  webhook_secret: string | null;
  email_digest: number;
  digest_sent_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A row of `watch_hits`: a passage that matched a watch. */
export interface WatchHitTable {
  watch_id: string;
  source_id: string;
  matched_at: string;
}

/** A row of `webhook_deliveries`: one match to POST to a watch's webhook. */
export interface WebhookDeliveryTable {
  id: string;
  watch_id: string;
  source_id: string;
  payload: string;
  state: string;
  attempts: number;
  next_attempt_at: string;
  created_at: string;
  delivered_at: string | null;
}

/** A row of `webhook_attempts`: one try of a delivery and what came back. */
export interface WebhookAttemptTable {
  delivery_id: string;
  attempt: number;
  at: string;
  status: number | null;
  error: string | null;
}
