/**
 * The transparency log's lookup by leaf hash moves out of the receipt's commit: the index on
 * transparency_entries.leaf_hash (random keys: a page of the write-ahead log per entry, which
 * doubled what a receipt's commit wrote) is replaced by a table the transparency follower fills
 * after the commit, in batches, with the position up to which it has filled it. A lookup reads
 * that table and the few entries appended since (by position), so it is never incomplete.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import { sql, type Kysely } from 'kysely';

/** Creates the hash table filled from the entries so far, its progress row, and drops the index. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('transparency_leaf_hashes')
    .addColumn('leaf_hash', 'text', (c) => c.notNull())
    .addColumn('leaf_index', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('transparency_leaf_hashes_pk', ['leaf_hash', 'leaf_index'])
    .execute();
  await sql`insert into transparency_leaf_hashes (leaf_hash, leaf_index)
    select leaf_hash, leaf_index from transparency_entries`.execute(db);
  await db.schema
    .createTable('transparency_hash_progress')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    // Entries at positions below it are in transparency_leaf_hashes.
    .addColumn('indexed_size', 'integer', (c) => c.notNull())
    .execute();
  const size = await sql<{ n: number | string | null }>`
    select coalesce(max(leaf_index) + 1, 0) as n from transparency_entries`.execute(db);
  await db
    .insertInto('transparency_hash_progress')
    .values({ id: 1, indexed_size: Number(size.rows[0]?.n ?? 0) })
    .execute();
  await db.schema.dropIndex('transparency_entries_by_hash').execute();

  // The follower starts after everything logged so far: the table above already holds it.
  const last = (
    await sql<{ txid: string; seq: string | number }>`
      select cast(txid as text) as txid, seq from events order by txid desc, seq desc limit 1`.execute(
      db,
    )
  ).rows[0];
  await db
    .insertInto('follower_cursors')
    .values({
      follower: 'transparency-hashes',
      txid: last?.txid ?? '0',
      seq: Number(last?.seq ?? 0),
      updated_at: new Date().toISOString(),
    })
    .execute();
}
