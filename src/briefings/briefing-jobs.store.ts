/** The SQL of briefing jobs. */
import type { Db } from '../db/database.ts';
import type { BriefingJobTable } from './briefing-jobs.table.ts';

/** Stores a new job. */
export async function insertBriefingJob(db: Db, row: BriefingJobTable): Promise<void> {
  await db.insertInto('briefing_jobs').values(row).execute();
}

/** A job by id, if there is one. */
export async function findBriefingJobRow(
  db: Db,
  id: string,
): Promise<BriefingJobTable | undefined> {
  return db.selectFrom('briefing_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An account's jobs, by id (ids only grow), after `after` when given, up to `limit`. */
export async function listBriefingJobRows(
  db: Db,
  accountId: string,
  after: string | undefined,
  limit: number,
): Promise<BriefingJobTable[]> {
  let query = db
    .selectFrom('briefing_jobs')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('id')
    .limit(limit);
  if (after !== undefined) query = query.where('id', '>', after);
  return query.execute();
}

/**
 * Takes the oldest queued job for this runner: true when this call moved it from queued to
 * running (another process may have taken it first).
 */
export async function claimBriefingJob(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('briefing_jobs')
    .set({ status: 'running', started_at: at })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The id of the oldest queued job, if any. */
export async function findOldestQueuedJob(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('briefing_jobs')
    .select('id')
    .where('status', '=', 'queued')
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** Puts back in the queue the jobs left running since before `before` (their process stopped). */
export async function requeueStaleJobs(db: Db, before: string): Promise<number> {
  const r = await db
    .updateTable('briefing_jobs')
    .set({ status: 'queued', started_at: null })
    .where('status', '=', 'running')
    .where('started_at', '<', before)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Ends a running job: done with its result, or failed with why. */
export async function finishBriefingJob(
  db: Db,
  id: string,
  end:
    | { status: 'done'; result: string; at: string }
    | { status: 'failed'; code: string; message: string; at: string },
): Promise<void> {
  await db
    .updateTable('briefing_jobs')
    .set(
      end.status === 'done'
        ? { status: 'done', result: end.result, finished_at: end.at }
        : {
            status: 'failed',
            error_code: end.code,
            error_message: end.message,
            finished_at: end.at,
          },
    )
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}
