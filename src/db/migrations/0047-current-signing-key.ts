/**
 * An index on the transparency log's keys not retired, by creation time: every group commit of
 * submissions signs its tree head with the newest such key, and without it that read sorted the
 * key table in a temporary tree, once per group, inside the write transaction.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import { sql, type Kysely } from 'kysely';

/** Creates transparency_keys_current. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('transparency_keys_current')
    .on('transparency_keys')
    .column('created_at')
    .where(sql.ref('retired_at'), 'is', null)
    .execute();
}
