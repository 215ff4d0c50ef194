/** Row types of rate limits, as stored. */

/** A row of `rate_limits`: how much one subject took of one rule in one time window. */
export interface RateLimitTable {
  /** The rule's name and the SHA-256 of the subject, never the subject itself. */
  bucket: string;
  window_start: string;
  window_end: string;
  hits: number;
}
