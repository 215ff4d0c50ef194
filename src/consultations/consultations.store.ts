/** SQL for comment periods. */
import type { Db } from '../db/database.ts';
import { periodStateAt, type CommentPeriod } from './consultations.schema.ts';
import type { CommentPeriodTable } from './consultations.table.ts';

type PeriodRow = CommentPeriodTable & { document_id: string };

function toPeriod(row: PeriodRow, now: Date): CommentPeriod {
  const period = {
    id: row.id,
    processId: row.process_id,
    documentId: row.document_id,
    versionId: row.version_id,
    title: row.title,
    description: row.description,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    timeZone: row.time_zone,
    moderation: row.moderation as CommentPeriod['moderation'],
    submitters: row.submitters as CommentPeriod['submitters'],
    individualNames: row.individual_names as CommentPeriod['individualNames'],
    extensions: Number(row.extensions),
  };
  return { ...period, state: periodStateAt(period, now) };
}

function selectPeriods(db: Db) {
  return db
    .selectFrom('comment_periods')
    .innerJoin('versions', 'versions.id', 'comment_periods.version_id')
    .selectAll('comment_periods')
    .select('versions.document_id');
}

/** Inserts a comment period row. */
export async function insertPeriod(db: Db, row: CommentPeriodTable): Promise<void> {
  await db.insertInto('comment_periods').values(row).execute();
}

/** The period with this id, its state read at `now`. */
export async function findPeriod(
  db: Db,
  id: string,
  now: Date,
): Promise<CommentPeriod | undefined> {
  const row = await selectPeriods(db).where('comment_periods.id', '=', id).executeTakeFirst();
  return row ? toPeriod(row, now) : undefined;
}

/** The periods with these ids (one query). */
export async function findPeriods(db: Db, ids: string[], now: Date): Promise<CommentPeriod[]> {
  if (ids.length === 0) return [];
  const rows = await selectPeriods(db)
    .where('comment_periods.id', 'in', [...new Set(ids)])
    .execute();
  return rows.map((r) => toPeriod(r, now));
}

/** The periods of a process, newest first. */
export async function listPeriodsOfProcess(
  db: Db,
  processId: string,
  now: Date,
  page?: { after: readonly [opensAt: string, id: string] | undefined; limit: number },
): Promise<CommentPeriod[]> {
  let query = selectPeriods(db)
    .where('comment_periods.process_id', '=', processId)
    .orderBy('comment_periods.opens_at', 'desc')
    .orderBy('comment_periods.id', 'desc');
  if (page) {
    const after = page.after;
    query = query.limit(page.limit);
    if (after)
      query = query.where((eb) =>
        eb.or([
          eb('comment_periods.opens_at', '<', after[0]),
          eb.and([
            eb('comment_periods.opens_at', '=', after[0]),
            eb('comment_periods.id', '<', after[1]),
          ]),
        ]),
      );
  }
  const rows = await query.execute();
  return rows.map((r) => toPeriod(r, now));
}

/** The periods on the versions of a document, newest first. */
export async function listPeriodsOfDocument(
  db: Db,
  documentId: string,
  now: Date,
): Promise<CommentPeriod[]> {
  const rows = await selectPeriods(db)
    .where('versions.document_id', '=', documentId)
    .orderBy('comment_periods.opens_at', 'desc')
    .execute();
  return rows.map((r) => toPeriod(r, now));
}

/** Moves the closing instant and counts the extension. */
export async function updateClose(db: Db, id: string, closesAt: string): Promise<void> {
  await db
    .updateTable('comment_periods')
    .set((eb) => ({ closes_at: closesAt, extensions: eb('extensions', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Closes a period early: its closing instant becomes `closesAt` (no extension is counted). */
export async function closeEarly(db: Db, id: string, closesAt: string): Promise<void> {
  await db
    .updateTable('comment_periods')
    .set({ closes_at: closesAt })
    .where('id', '=', id)
    .execute();
}

/**
 * The periods open at `now` in every process, closing soonest first, at most `limit` (read from
 * the index on the close, so the home page's cost does not grow with the periods of the past).
 */
export async function listOpenPeriods(db: Db, now: Date, limit: number): Promise<CommentPeriod[]> {
  const t = now.toISOString();
  const rows = await selectPeriods(db)
    .where('comment_periods.closes_at', '>', t)
    .where('comment_periods.opens_at', '<=', t)
    .orderBy('comment_periods.closes_at')
    .orderBy('comment_periods.id')
    .limit(limit)
    .execute();
  return rows.map((r) => toPeriod(r, now));
}
