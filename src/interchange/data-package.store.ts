/**
 * SQL of a consultation's data package: the pages of a period's submissions (ranges of ids), the
 * attachments of a page and the bytes of each, and the events of a period and of its
 * submissions. The submissions of a page are read whole by the submissions' service.
 */
import type { Db } from '../db/database.ts';
import { shapedList } from '../db/statement-shapes.ts';
import type { SubmissionRange } from '../submissions/submissions.schema.ts';

/** One event as the package publishes it: no actor (an account id is not public) and no data. */
export interface PackageEvent {
  id: string;
  at: string;
  action: string;
  subjectType: string;
  subjectId: string;
}

/**
 * The events of a period and of its submissions (every status, or only those published now),
 * oldest first, read a thousand at a time.
 */
export async function* iteratePeriodEvents(
  db: Db,
  periodId: string,
  allStatuses: boolean,
): AsyncGenerator<PackageEvent> {
  for (const subject of ['comment_period', 'submission'] as const) {
    let after = { at: '', id: '' };
    for (;;) {
      let q = db
        .selectFrom('events as e')
        .select(['e.id', 'e.at', 'e.action', 'e.subject_type', 'e.subject_id'])
        .where('e.subject_type', '=', subject)
        // A range on the index's time, then the cursor's tie-break on the id.
        .where('e.at', '>=', after.at)
        .where((eb) => eb.or([eb('e.at', '>', after.at), eb('e.id', '>', after.id)]));
      if (subject === 'comment_period') q = q.where('e.subject_id', '=', periodId);
      else
        // Each event's submission looked up by its key as the index on (subject_type, at, id)
        // is walked in order: a page reads about a page of rows (an IN list of the period's
        // submissions had every page gather and sort all their events).
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('submissions as s')
              .select('s.id')
              .whereRef('s.id', '=', 'e.subject_id')
              .where('s.period_id', '=', periodId)
              .$if(!allStatuses, (sq) => sq.where('s.status', '=', 'published')),
          ),
        );
      const rows = await q.orderBy('e.at').orderBy('e.id').limit(1000).execute();
      for (const r of rows)
        yield {
          id: r.id,
          at: r.at,
          action: r.action,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
        };
      if (rows.length < 1000) break;
      after = { at: rows.at(-1)!.at, id: rows.at(-1)!.id };
    }
  }
}

/**
 * Submissions per page of the package's walk: what a page holds lives while its rows are written,
 * and a small page dies young in V8's heap (20,000 submissions on SQLite: 285 MB of RSS at most
 * with pages of 1,000, 211 MB with 250, 184 MB with 100, for the same CPU time; on PostgreSQL
 * at 100,000, 345 MB with 1,000 and 321 MB with 250, in about the same time).
 */
const PAGE = 250;

/**
 * A period's submissions (every status, or only those published now) in id order (the order
 * received), as ranges of a page each: a page is read by its range, one statement per table,
 * so nothing holds every submission.
 */
export async function* iteratePackagePages(
  db: Db,
  periodId: string,
  allStatuses: boolean,
  pageSize = PAGE,
): AsyncGenerator<SubmissionRange> {
  // Each status walked in id order through the index on (period_id, status, id), the walks
  // merged: without the status the engines read and sorted the period's every id for each page.
  const statuses = allStatuses
    ? (
        await db
          .selectFrom('submissions')
          .select('status')
          .distinct()
          .where('period_id', '=', periodId)
          .execute()
      ).map((r) => r.status)
    : ['published'];
  let after = '';
  for (;;) {
    const walks = await Promise.all(
      statuses.map((status) =>
        db
          .selectFrom('submissions as s')
          .select('s.id')
          .where('s.period_id', '=', periodId)
          .where('s.status', '=', status)
          .where('s.id', '>', after)
          .orderBy('s.id')
          .limit(pageSize)
          .execute(),
      ),
    );
    const ids = walks
      .flat()
      .map((r) => r.id)
      .sort()
      .slice(0, pageSize);
    if (ids.length === 0) return;
    const last = ids.at(-1)!;
    yield { periodId, statuses, after, last };
    if (ids.length < pageSize) return;
    after = last;
  }
}

/** An attachment's description (not its bytes). */
export type PackageAttachmentRow = {
  id: string;
  submission_id: string;
  filename: string;
  media_type: string;
};

/** The attachments of a page of submissions, without their bytes, by submission and id. */
export async function findPackageAttachments(
  db: Db,
  range: SubmissionRange,
): Promise<PackageAttachmentRow[]> {
  return db
    .selectFrom('attachments as a')
    .innerJoin('submissions as s', 's.id', 'a.submission_id')
    .select(['a.id', 'a.submission_id', 'a.filename', 'a.media_type'])
    .where('s.period_id', '=', range.periodId)
    .where('s.status', 'in', shapedList(range.statuses))
    .where('s.id', '>', range.after)
    .where('s.id', '<=', range.last)
    .orderBy('a.submission_id')
    .orderBy('a.id')
    .execute();
}

/** The bytes of one attachment (read one at a time: an attachment may be megabytes). */
export async function findAttachmentContent(db: Db, id: string): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('attachments')
    .select('content')
    .where('id', '=', id)
    .executeTakeFirst();
  return row && new Uint8Array(row.content.buffer, row.content.byteOffset, row.content.byteLength);
}
