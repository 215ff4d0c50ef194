/**
 * Briefings as jobs (the JSON API's asynchronous briefing): a request is checked and queued in the
 * database at once, a runner in each server process drafts the queued ones oldest first, and the
 * owner polls the job for its state and, once done, reads the paper in each format. A job left
 * running by a process that stopped is queued again after `staleAfterMs`.
 */
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { isPlenumError, PlenumError } from '../errors.ts';
import { recordEvent } from '../events/events.store.ts';
import { zodError } from '../validation.ts';
import {
  claimBriefingJob,
  findBriefingJobRow,
  findOldestQueuedJob,
  finishBriefingJob,
  insertBriefingJob,
  listBriefingJobRows,
  requeueStaleJobs,
} from './briefing-jobs.store.ts';
import type { BriefingJobTable } from './briefing-jobs.table.ts';
import { briefingRequestSchema, type Briefing, type BriefingRequest } from './briefings.schema.ts';
import { draftBriefing } from './briefings.service.ts';

/** The states of a briefing job. */
export const briefingJobStatuses = ['queued', 'running', 'done', 'failed'] as const;

/** A briefing job as its owner sees it. */
export interface BriefingJob {
  id: string;
  status: (typeof briefingJobStatuses)[number];
  request: BriefingRequest;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
}

/** How long a job may stay running before it is taken to be lost with its process. */
export const staleAfterMs = 10 * 60_000;

function toJob(row: BriefingJobTable): BriefingJob {
  return {
    id: row.id,
    status: row.status as BriefingJob['status'],
    request: JSON.parse(row.request) as BriefingRequest,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error:
      row.error_code !== null ? { code: row.error_code, message: row.error_message ?? '' } : null,
  };
}

function checkSignedIn(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
}

/** Checks a briefing request and queues it for the viewer, with its event; returns the job. */
export async function requestBriefing(
  db: Db,
  viewer: Viewer | null,
  input: unknown,
  now: Date,
): Promise<BriefingJob> {
  checkSignedIn(viewer);
  const parsed = briefingRequestSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const id = newId();
  const at = now.toISOString();
  await insertBriefingJob(db, {
    id,
    account_id: viewer.id,
    request: JSON.stringify(parsed.data),
    status: 'queued',
    error_code: null,
    error_message: null,
    result: null,
    created_at: at,
    started_at: null,
    finished_at: null,
  });
  await recordEvent(
    db,
    { actor: viewer.id, action: 'briefing.requested', subjectType: 'briefing_job', subjectId: id },
    now,
  );
  return toJob((await findBriefingJobRow(db, id))!);
}

/** The viewer's own job with its paper once drafted; NOT_FOUND for another's or none. */
export async function getBriefingJob(
  db: Db,
  viewer: Viewer | null,
  id: string,
): Promise<{ job: BriefingJob; briefing: Briefing | null }> {
  checkSignedIn(viewer);
  const row = /^[0-9a-f-]{36}$/i.test(id)
    ? await findBriefingJobRow(db, id.toLowerCase())
    : undefined;
  if (!row || row.account_id !== viewer.id)
    throw new PlenumError('NOT_FOUND', 'There is no briefing job of yours with this id.');
  return { job: toJob(row), briefing: row.result ? (JSON.parse(row.result) as Briefing) : null };
}

/** The viewer's jobs, oldest first, a page at a time after the job `after`. */
export async function getBriefingJobs(
  db: Db,
  viewer: Viewer | null,
  after: string | undefined,
  limitPlusOne: number,
): Promise<BriefingJob[]> {
  checkSignedIn(viewer);
  return (await listBriefingJobRows(db, viewer.id, after, limitPlusOne)).map(toJob);
}

/**
 * Drafts the queued jobs, oldest first, until none is left; returns how many this call ended.
 * The draft reads outside any transaction (it writes nothing but the job's end), so a long one
 * holds no lock; a draft that fails ends its job as failed, with the reason.
 */
export async function runQueuedBriefingJobs(db: Db, clock: () => Date): Promise<number> {
  await requeueStaleJobs(db, new Date(clock().getTime() - staleAfterMs).toISOString());
  let ended = 0;
  for (;;) {
    const id = await findOldestQueuedJob(db);
    if (id === undefined) return ended;
    if (!(await claimBriefingJob(db, id, clock().toISOString()))) continue;
    const row = (await findBriefingJobRow(db, id))!;
    try {
      const briefing = await draftBriefing(db, JSON.parse(row.request), clock(), null);
      await finishBriefingJob(db, id, {
        status: 'done',
        result: JSON.stringify(briefing),
        at: clock().toISOString(),
      });
    } catch (error) {
      // A request that names what is no longer there fails with its reason; anything else too,
      // without the details of a fault (they go to the log).
      const known = isPlenumError(error) && error.status < 500;
      if (!known) console.error('briefing job', id, error);
      await finishBriefingJob(db, id, {
        status: 'failed',
        code: known ? error.code : 'INTERNAL',
        message: known ? error.message : 'The briefing could not be drafted.',
        at: clock().toISOString(),
      });
    }
    ended++;
  }
}

/** The runs under way, by database: one per process, so a kick during a run asks for another. */
const running = new WeakMap<object, { again: boolean }>();

/**
 * Runs the queued jobs in this process, in the background: the API kicks it after queuing a job,
 * and the server at start-up and on a timer (for jobs queued by other processes or before a
 * restart). A kick during a run makes the run look again when it ends.
 */
export function kickBriefingJobs(db: Db, clock: () => Date = () => new Date()): void {
  const under = running.get(db);
  if (under) {
    under.again = true;
    return;
  }
  const state = { again: false };
  running.set(db, state);
  void (async () => {
    try {
      do {
        state.again = false;
        await runQueuedBriefingJobs(db, clock);
      } while (state.again);
    } catch (error) {
      // The database is away: the next kick or the timer tries again.
      console.error('briefing jobs', error);
    } finally {
      running.delete(db);
    }
  })();
}
