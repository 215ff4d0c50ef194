/**
 * Ranked search: each posting gets the weight of its term in its passage (the term-frequency
 * part of BM25, with headings and titles weighing more), and `search_terms` counts the passages
 * of each term (and, under the empty term, all passages) for the rarity part. Terms are made by
 * Snowball stemmers from now on, so an index built before is built anew: an event asks the
 * search follower for it, when there is an index to rebuild.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Adds posting weights and term counts, and asks for the index to be rebuilt. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('search_postings')
    .addColumn('weight', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('search_terms')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('passages', 'integer', (c) => c.notNull())
    .execute();
  const indexed = await db.selectFrom('search_items').select('seq').limit(1).executeTakeFirst();
  if (!indexed) return;
  await db
    .insertInto('events')
    .values({
      id: crypto.randomUUID(),
      at: new Date().toISOString(),
      actor: 'plenum',
      action: 'search.reindex_requested',
      subject_type: 'search',
      subject_id: 'index',
      data: '{}',
    })
    .execute();
}
