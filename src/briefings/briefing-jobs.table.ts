/** Row types of briefing jobs, as stored. */

/** A row of `briefing_jobs`: a briefing asked for, drafted later by a runner. */
export interface BriefingJobTable {
  id: string;
  account_id: string;
  /** The request as checked (JSON). */
  request: string;
  /** 'queued', 'running', 'done' or 'failed'. */
  status: string;
  error_code: string | null;
  error_message: string | null;
  /** The drafted paper (JSON), once done: each format is written from it. */
  result: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}
