/** SQL for import drafts and their corrections. */
import type { Db } from '../db/database.ts';
import type { ImportCorrectionTable, ImportDraftTable } from './import-drafts.table.ts';

/** Stores a new draft. */
export async function insertImportDraft(db: Db, row: ImportDraftTable): Promise<void> {
  await db.insertInto('import_drafts').values(row).execute();
}

/** A draft by id, or undefined. */
export async function findImportDraftRow(
  db: Db,
  id: string,
): Promise<ImportDraftTable | undefined> {
  return db.selectFrom('import_drafts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The open drafts of a process, newest first. */
export async function listOpenDraftRows(
  db: Db,
  processId: string,
): Promise<Pick<ImportDraftTable, 'id' | 'source_name' | 'target' | 'created_at'>[]> {
  return db
    .selectFrom('import_drafts')
    .select(['id', 'source_name', 'target', 'created_at'])
    .where('process_id', '=', processId)
    .where('status', '=', 'open')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Closes an open draft (published or discarded); false when it was no longer open. */
export async function closeImportDraft(
  db: Db,
  id: string,
  close: { status: 'published' | 'discarded'; languageVersionId: string | null; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('import_drafts')
    .set({
      status: close.status,
      language_version_id: close.languageVersionId,
      closed_at: close.at,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The corrections of a draft, in the order they were made. */
export async function listCorrectionRows(
  db: Db,
  draftId: string,
): Promise<ImportCorrectionTable[]> {
  return db
    .selectFrom('import_corrections')
    .selectAll()
    .where('draft_id', '=', draftId)
    .orderBy('seq')
    .execute();
}

/** Appends corrections to a draft, numbered after those it has. */
export async function insertCorrections(
  db: Db,
  rows: Omit<ImportCorrectionTable, 'seq'>[],
): Promise<void> {
  if (rows.length === 0) return;
  const last = await db
    .selectFrom('import_corrections')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('draft_id', '=', rows[0]!.draft_id)
    .executeTakeFirst();
  const from = Number(last?.seq ?? 0);
  await db
    .insertInto('import_corrections')
    .values(rows.map((row, i) => ({ ...row, seq: from + i + 1 })))
    .execute();
}

/**
 * The corrections last recorded for a file: those of the newest draft of the same SHA-256 that
 * has any (other than `except`), in order.
 */
export async function findLatestCorrectionRows(
  db: Db,
  sha256: string,
  except?: string,
): Promise<ImportCorrectionTable[]> {
  let newest = db
    .selectFrom('import_corrections')
    .select('draft_id')
    .where('source_sha256', '=', sha256)
    .orderBy('created_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(1);
  if (except !== undefined) newest = newest.where('draft_id', '<>', except);
  const found = await newest.executeTakeFirst();
  return found ? listCorrectionRows(db, found.draft_id) : [];
}

/** Marks a draft's corrections as kept with the language version it became. */
export async function attachCorrections(
  db: Db,
  draftId: string,
  languageVersionId: string,
): Promise<void> {
  await db
    .updateTable('import_corrections')
    .set({ language_version_id: languageVersionId })
    .where('draft_id', '=', draftId)
    .execute();
}
