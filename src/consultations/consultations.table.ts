/** Row types of comment periods, as stored. */

/** A row of `comment_periods`: a consultation on one version of a document. */
export interface CommentPeriodTable {
  id: string;
  process_id: string;
  version_id: string;
  title: string;
  description: string;
  /** UTC instants, ISO 8601. */
  opens_at: string;
  closes_at: string;
  /** IANA time zone the secretariat announced the period in, e.g. America/New_York. */
  time_zone: string;
  /** 'immediate' (published at once) or 'review' (a moderator publishes). */
  moderation: string;
  extensions: number;
  /** Who may submit: 'verified_organisations', 'organisations' or 'individuals' (organisations and people). */
  submitters: string;
  /** Individuals' names: 'published', 'optional' (a person may stay anonymous) or 'withheld' (all anonymous). */
  individual_names: string;
  created_by: string;
  created_at: string;
}
