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
  // Only a page's last id comes out of the database: each status's walk is stepped over inside
  // it (LIMIT 1 OFFSET), where handing every id of the period to JavaScript made a row object
  // each (200,000 of them for a package of 100,000, an eighth of its statements' time).
  const walk = (status: string, after: string) =>
    db
      .selectFrom('submissions as s')
      .where('s.period_id', '=', periodId)
      .where('s.status', '=', status)
      .where('s.id', '>', after);
  const pageEnd = async (after: string): Promise<string | undefined> => {
    if (statuses.length === 1) {
      const row = await walk(statuses[0]!, after)
        .select('s.id')
        .orderBy('s.id')
        .limit(1)
        .offset(pageSize - 1)
        .executeTakeFirst();
      return row?.id;
    }
    // Several statuses: each walked in order through the index on (period_id, status, id), a
    // page of each at most, merged (with the status in a list the engines read and sorted the
    // period's every id).
    const [first, ...more] = statuses.map((status, i) =>
      db
        .selectFrom(walk(status, after).select('s.id').orderBy('s.id').limit(pageSize).as(`w${i}`))
        .select(`w${i}.id as id`),
    );
    const merged = more.reduce((union, next) => union.unionAll(next), first!);
    const row = await merged
      .orderBy('id')
      .limit(1)
      .offset(pageSize - 1)
      .executeTakeFirst();
    return row?.id;
  };
  let after = '';
  for (;;) {
    const full = await pageEnd(after);
    if (full !== undefined) {
      yield { periodId, statuses, after, last: full };
      after = full;
      continue;
    }
    // Fewer than a page left: the last page ends at the greatest id of any status.
    const ends = await Promise.all(
      statuses.map((status) =>
        walk(status, after)
          .select((eb) => eb.fn.max('s.id').as('last'))
          .executeTakeFirst(),
      ),
    );
    const last = ends
      .map((r) => r?.last)
      .filter((id): id is string => typeof id === 'string')
      .sort()
      .at(-1);
    if (last !== undefined) yield { periodId, statuses, after, last };
    return;
  }
}

/** An attachment's description (not its bytes). */
export type PackageAttachmentRow = {
  id: string;
  submission_id: string;
  filename: string;
  media_type: string;
};

/**
 * Whether any submission of the period (every status, or only those published now) has an
 * attachment: most consultations have none, and walking the pages again to find none cost two
 * statements a page.
 */
export async function hasPackageAttachments(
  db: Db,
  periodId: string,
  allStatuses: boolean,
): Promise<boolean> {
  const row = await db
    .selectFrom('attachments as a')
    .innerJoin('submissions as s', 's.id', 'a.submission_id')
    .select('a.id')
    .where('s.period_id', '=', periodId)
    .$if(!allStatuses, (q) => q.where('s.status', '=', 'published'))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

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
