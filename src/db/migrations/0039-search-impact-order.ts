/**
 * The postings of each term best first: an index on (term, weight desc, day desc, item desc),
 * holding the language too, so that a ranked search reads a word's passages in the order of
 * their BM25 weight (its "impact") and stops after the best ones, instead of reading its newest
 * postings and scoring them all. Built from the postings already stored: no text is analysed
 * again.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Creates search_postings_impact. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('search_postings_impact')
    .on('search_postings')
    .columns(['term', 'weight desc', 'day desc', 'item desc', 'lang'])
    .execute();
}
