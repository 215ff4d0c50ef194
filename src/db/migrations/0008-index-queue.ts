/**
 * The indexing queue: a published submission is queued here in the transaction that stores it,
 * and indexed for search, tagged and matched against watches a moment later, in batches, off the
 * path of the receipt. A row stays until the transaction that indexes it commits, so nothing
 * queued is lost when a process stops.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import { PostgresAdapter, type Kysely } from 'kysely';

/** Creates the queue table. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('index_queue')
    .addColumn('seq', postgres ? 'bigserial' : 'integer', (c) => c.primaryKey())
    // The submission whose place in the index is to be brought in line with its status.
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .execute();
}
