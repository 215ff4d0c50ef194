/**
 * The postings of each term best first: an index on (term, weight desc, day desc, item desc),
 * holding the language too, so that a ranked search reads a word's passages in the order of
 * their BM25 weight (its "impact") and stops after the best ones, instead of reading its newest
 * postings and scoring them all. Built from the postings already stored: no text is analysed
 * again.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** Creates search_postings_impact. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('search_postings_impact')
    .on('search_postings')
    .columns(['term', 'weight desc', 'day desc', 'item desc', 'lang'])
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  // SQLite takes an index without statistics for one that finds about ten rows a term: where
  // the primary key has statistics (ANALYZE was run), it would read a common word's postings
  // newest first through this index and sort them all. Its statistics are made in full: a
  // sample (analysis_limit) misjudged the common words just as badly (measured at 1,000,000).
  const analysed = await sql`select 1 from sqlite_master where name = 'sqlite_stat1'`.execute(db);
  if (analysed.rows.length > 0) await sql`analyze search_postings_impact`.execute(db);
}
