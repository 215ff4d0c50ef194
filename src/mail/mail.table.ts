/** Row types of the mail outbox. */
import type { Generated } from 'kysely';

/** A row of `mail_outbox`: one message, written with what caused it, sent once after the commit. */
export interface MailOutboxTable {
  id: string;
  idempotency_key: string;
  kind: string;
  recipient: string;
  account_id: string | null;
  language: string;
  subject: string;
  /** Links are written relative to the site as `{site}/…`; the sender completes them. */
  text_body: string;
  html_body: string;
  created_at: string;
  /** 'pending', 'sending' (claimed), 'sent' or 'failed' (given up: the operator page shows it). */
  state: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_until: string | null;
  last_error: string | null;
  sent_at: string | null;
}
