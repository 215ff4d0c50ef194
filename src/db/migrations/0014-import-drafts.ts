/**
 * Import drafts: a file uploaded by a process's secretariat, parsed but not yet published, with the
 * corrections made to its parse. Corrections are keyed by the file's SHA-256 so that the same file
 * imported again gets them re-applied; once published they name the language version too.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Creates the import drafts and their corrections. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) =>
      c.notNull().references('processes.id').onDelete('cascade'),
    )
    // open, published or discarded
    .addColumn('status', 'text', (c) => c.notNull())
    // Where the file goes (symbol, title, language, version, kind) as JSON.
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('source_format', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text')
    .addColumn('source_sha256', 'text', (c) => c.notNull())
    .addColumn('source_bytes', 'integer', (c) => c.notNull())
    // The parser's result as it came out, before any correction (JSON).
    .addColumn('parse_result', 'text', (c) => c.notNull())
    // The corrections of an earlier import of the same file: how many were re-applied, and
    // those that no longer applied (JSON).
    .addColumn('reapplication', 'text', (c) => c.notNull())
    .addColumn('language_version_id', 'text', (c) =>
      c.references('language_versions.id').onDelete('set null'),
    )
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('import_drafts_by_process')
    .on('import_drafts')
    .columns(['process_id', 'status'])
    .execute();
  await db.schema
    .createTable('import_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draft_id', 'text', (c) =>
      c.notNull().references('import_drafts.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('source_sha256', 'text', (c) => c.notNull())
    // The correction as JSON (see imports/corrections.ts).
    .addColumn('correction', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('language_version_id', 'text', (c) =>
      c.references('language_versions.id').onDelete('set null'),
    )
    .addUniqueConstraint('import_corrections_seq', ['draft_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('import_corrections_by_file')
    .on('import_corrections')
    .columns(['source_sha256', 'created_at'])
    .execute();
}
