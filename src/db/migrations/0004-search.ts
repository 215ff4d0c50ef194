/**
 * The search index: one row per findable passage (a paragraph, a footnote, a published
 * submission) and one posting per (term, passage). Terms are made in plenum's code
 * (src/text/search-terms.ts), so both engines hold the same postings and give the same answers.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** Creates the search tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // A small integer per passage keeps the postings compact; SQLite numbers an INTEGER PRIMARY
  // KEY itself, PostgreSQL needs a serial for the same.
  await db.schema
    .createTable('search_items')
    .addColumn('seq', postgres ? 'serial' : 'integer', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    // Days since 1970-01-01 of `date`: postings sort by it, so the newest passages come first.
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('process_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text')
    .addColumn('version_id', 'text')
    .addColumn('symbol', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('href', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text')
    .addColumn('organisation_name', 'text')
    .addColumn('stakeholder_group', 'text')
    .addColumn('country', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('folded', 'text', (c) => c.notNull())
    .execute();

  // Scanned backwards from the newest (day, item) of a term; other terms are checked by lookups.
  await db.schema
    .createTable('search_postings')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('item', 'integer', (c) => c.notNull())
    // The passage's language, copied here so the language filter needs no look-up of the passage.
    .addColumn('lang', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_postings_pk', ['term', 'day', 'item'])
    .$call((b) => (postgres ? b : b.modifyEnd(sql`without rowid`)))
    .execute();
}
