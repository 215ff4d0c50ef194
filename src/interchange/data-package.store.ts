/**
 * SQL of a consultation's data package: pages of a period's submission ids, and for a page the
 * columns of each file (submissions, receipts, anchors, co-signers, attachments), the bytes of an
 * attachment, and the events of a period and of its submissions.
 */
import type { Db } from '../db/database.ts';
import { shapedList } from '../db/statement-shapes.ts';

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

/** Submissions per page of a package's file: each page one statement per file. */
const PAGE = 1000;

/**
 * The ids of a period's submissions (every status, or only those published now) in id order (the
 * order received), a page at a time: each file of the package walks them and reads its own
 * columns for the page, so nothing holds every submission.
 */
export async function* iteratePackageSubmissionPages(
  db: Db,
  periodId: string,
  allStatuses: boolean,
  pageSize = PAGE,
): AsyncGenerator<string[]> {
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
    yield ids;
    if (ids.length < pageSize) return;
    after = ids.at(-1)!;
  }
}

/** A submission's row of the package, with its author's name, group, country and verification. */
export interface PackageSubmissionRow {
  id: string;
  received_at: string;
  published_at: string | null;
  status: string;
  status_reason: string | null;
  organisation_id: string;
  organisation: string;
  stakeholder_group: string;
  country: string | null;
  verified_at: string | null;
  affiliation: string | null;
  language: string;
  title: string | null;
  body: string;
  campaign_id: string | null;
}

/** The submissions of a page of ids with their authors, in id order. */
export async function findPackageSubmissions(
  db: Db,
  ids: string[],
): Promise<PackageSubmissionRow[]> {
  return db
    .selectFrom('submissions as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select([
      's.id',
      's.received_at',
      's.published_at',
      's.status',
      's.status_reason',
      's.organisation_id',
      'o.name as organisation',
      'o.stakeholder_group',
      'o.country',
      'o.verified_at',
      's.affiliation',
      's.language',
      's.title',
      's.body',
      's.campaign_id',
    ])
    .where('s.id', 'in', shapedList(ids))
    .orderBy('s.id')
    .execute();
}

/** What the receipts of a page of submissions attest, in id order. */
export async function findPackageReceipts(
  db: Db,
  ids: string[],
): Promise<
  { id: string; received_at: string; content_sha256: string; fingerprint_version: number }[]
> {
  const rows = await db
    .selectFrom('submissions as s')
    .select(['s.id', 's.received_at', 's.content_sha256', 's.fingerprint_version'])
    .where('s.id', 'in', shapedList(ids))
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({ ...r, fingerprint_version: r.fingerprint_version === 1 ? 1 : 2 }));
}

/** An anchor as made, as the package gives it. */
export interface PackageAnchorRow {
  id: string;
  submission_id: string;
  block_id: string;
  version_id: string;
  address: string;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
}

/** The anchors of a page of submissions, by submission id and then in each one's order. */
export async function findPackageAnchors(db: Db, ids: string[]): Promise<PackageAnchorRow[]> {
  const rows = await db
    .selectFrom('submission_anchors as a')
    .select([
      'a.id',
      'a.submission_id',
      'a.block_id',
      'a.version_id',
      'a.address',
      'a.exact',
      'a.prefix',
      'a.suffix',
      'a.start',
      'a.end',
    ])
    .where('a.submission_id', 'in', shapedList(ids))
    .orderBy('a.submission_id')
    .orderBy('a.seq')
    .execute();
  return rows.map((r) => ({
    ...r,
    start: r.start === null ? null : Number(r.start),
    end: r.end === null ? null : Number(r.end),
  }));
}

/** The co-signers of a page of submissions with their names, by submission and organisation. */
export async function findPackageCosigners(
  db: Db,
  ids: string[],
): Promise<
  { submission_id: string; organisation_id: string; organisation: string; state: string }[]
> {
  return db
    .selectFrom('submission_cosigners as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['c.submission_id', 'c.organisation_id', 'o.name as organisation', 'c.state'])
    .where('c.submission_id', 'in', shapedList(ids))
    .orderBy('c.submission_id')
    .orderBy('c.organisation_id')
    .execute();
}

/** An attachment's description (not its bytes). */
export type PackageAttachmentRow = {
  id: string;
  submission_id: string;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
};

/** The attachments of a page of submissions, without their bytes, by submission and id. */
export async function findPackageAttachments(
  db: Db,
  ids: string[],
): Promise<PackageAttachmentRow[]> {
  const rows = await db
    .selectFrom('attachments as a')
    .select(['a.id', 'a.submission_id', 'a.filename', 'a.media_type', 'a.size', 'a.sha256'])
    .where('a.submission_id', 'in', shapedList(ids))
    .orderBy('a.submission_id')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ ...r, size: Number(r.size) }));
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
