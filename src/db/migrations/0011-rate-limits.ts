/**
 * Rate limits and quotas: one row per limited subject (hashed) and time window, counting what
 * was taken in it, shared by every process on the database. Sign-in throttling counts here too,
 * so the failure count and lock of an account row are dropped.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Creates the counters table and drops the accounts' old lock columns. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    // The rule's name and the SHA-256 of the subject (an e-mail, an address, an account).
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('window_end', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limits_pk', ['bucket', 'window_start'])
    .execute();
  await db.schema
    .createIndex('rate_limits_by_end')
    .on('rate_limits')
    .column('window_end')
    .execute();
  await db.schema.alterTable('accounts').dropColumn('failed_sign_ins').execute();
  await db.schema.alterTable('accounts').dropColumn('locked_until').execute();
}
