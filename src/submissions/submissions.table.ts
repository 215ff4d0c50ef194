/** Row types of submissions, their anchors, co-signers and attachments, as stored. */

/** A row of `submissions`: one organisation's written comment in a comment period. */
export interface SubmissionTable {
  id: string;
  period_id: string;
  organisation_id: string;
  author_id: string;
  title: string | null;
  body: string;
  language: string;
  language_detected: string | null;
  status: string;
  status_reason: string | null;
  status_note: string | null;
  content_sha256: string;
  /** 1: the fingerprint covers the content only; 2: also the id and the received-at instant. */
  fingerprint_version: number;
  idempotency_key: string;
  received_at: string;
  published_at: string | null;
  updated_at: string;
  /** An individual's affiliation as they gave it (not verified); null for organisations. */
  affiliation: string | null;
  /** 1 when a person submitted anonymously: organisation_id is then the Anonymous voice. */
  anonymous: number;
  /** The campaign of near-duplicates the campaigns follower put it in; null until grouped. */
  campaign_id: string | null;
}

/** A row of `submission_anchors`: a paragraph, or a span inside it, that a submission is about. */
export interface SubmissionAnchorTable {
  id: string;
  submission_id: string;
  seq: number;
  block_id: string;
  version_id: string;
  address: string;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
  /** 1 while the submission is published (kept in step with its status). */
  published: number;
}

/** A row of `submission_cosigners`: an organisation named on a joint submission. */
export interface SubmissionCosignerTable {
  submission_id: string;
  organisation_id: string;
  /** 'invited', 'confirmed' or 'declined'. */
  state: string;
  responded_at: string | null;
  responded_by: string | null;
}

/** A row of `attachments`: a PDF, DOCX or ODT file sent with a submission. */
export interface AttachmentTable {
  id: string;
  submission_id: string;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
}

/** A row of `period_status_counts`: a period's submissions in a status (and reason, or ''). */
export interface PeriodStatusCountTable {
  period_id: string;
  status: string;
  reason: string;
  n: number;
}

/**
 * A row of `period_day_counts`: a period's published submissions of a day of publication (or ''),
 * organisation and language, kept as they change.
 */
export interface PeriodDayCountTable {
  period_id: string;
  day: string;
  organisation_id: string;
  language: string;
  n: number;
}

/**
 * A row of `campaign_counts`: a campaign of a period with its published members and how many
 * distinct texts they sent, kept as members are grouped, merged, published and rejected.
 */
export interface CampaignCountTable {
  period_id: string;
  campaign_id: string;
  n: number;
  variants: number;
}

/** A row of `campaign_texts`: a campaign's published members that sent one text (by its SHA-256). */
export interface CampaignTextTable {
  period_id: string;
  campaign_id: string;
  text_sha256: string;
  n: number;
}
