/**
 * A narrow index of the search passages: what ranking, grouping and facets need of a passage
 * (kind, language, process, document, version, address, stakeholder group, country, source id)
 * beside its number, so that a search reads its thousands of candidates from this index alone
 * and not from the wide rows that hold the text. Each passage adds one entry at the end of it (its
 * number is the newest), so indexing stays as fast (one more entry beside its forty postings).
 * PostgreSQL keeps the columns in the index (INCLUDE) for index-only scans.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const columns = [
  'kind',
  'language',
  'process_id',
  'document_id',
  'version_id',
  'address',
  'stakeholder_group',
  'country',
  'source_id',
];

/** Creates the index. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const list = sql.join(columns.map((c) => sql.ref(c)));
  await (
    postgres
      ? sql`create index search_items_facets on search_items (seq) include (${list})`
      : sql`create index search_items_facets on search_items (seq, ${list})`
  ).execute(db);
}
