/**
 * Watches: a user's saved search or set of concepts, the passages that matched it, and the
 * webhook deliveries of those matches with a log of every attempt.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Creates the watch tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('watches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text')
    // JSON arrays of ids (concepts, processes) and of stakeholder groups; [] means any.
    .addColumn('concepts', 'text', (c) => c.notNull())
    .addColumn('processes', 'text', (c) => c.notNull())
    .addColumn('groups', 'text', (c) => c.notNull())
    // The feed address is a secret (feed readers send no cookie); only its SHA-256 is kept.
    .addColumn('feed_key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('webhook_url', 'text')
    .addColumn('webhook_secret', 'text')
    // 1: e-mail the owner a digest of new matches (when an SMTP server is configured).
    .addColumn('email_digest', 'integer', (c) => c.notNull().defaultTo(0))
    // Matches made after this instant go into the next digest.
    .addColumn('digest_sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('watches_account').on('watches').column('account_id').execute();
  await db.schema
    .createTable('watch_hits')
    .addColumn('watch_id', 'text', (c) => c.notNull().references('watches.id').onDelete('cascade'))
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('matched_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('watch_hits_pk', ['watch_id', 'source_id'])
    .execute();
  await db.schema
    .createIndex('watch_hits_watch_matched')
    .on('watch_hits')
    .columns(['watch_id', 'matched_at'])
    .execute();
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('watch_id', 'text', (c) => c.notNull().references('watches.id').onDelete('cascade'))
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    // pending → delivered, or failed after the last retry.
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_due')
    .on('webhook_deliveries')
    .columns(['state', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_watch')
    .on('webhook_deliveries')
    .column('watch_id')
    .execute();
  await db.schema
    .createTable('webhook_attempts')
    .addColumn('delivery_id', 'text', (c) =>
      c.notNull().references('webhook_deliveries.id').onDelete('cascade'),
    )
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    // The HTTP status answered, or null when the request failed (refused, timed out).
    .addColumn('status', 'integer')
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('webhook_attempts_pk', ['delivery_id', 'attempt'])
    .execute();
}
