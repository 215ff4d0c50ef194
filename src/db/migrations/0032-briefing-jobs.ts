/**
 * Briefings drafted as jobs: what was asked, by whom, its state (queued, running, done, failed),
 * why it failed, and the drafted paper (JSON) that each format is written from. Jobs live in the
 * database so that one queued before a restart is drafted after it, by any process.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Adds the briefing jobs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('briefing_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('result', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  // The runner takes the oldest queued job; an owner lists theirs.
  await db.schema
    .createIndex('briefing_jobs_status')
    .on('briefing_jobs')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('briefing_jobs_account')
    .on('briefing_jobs')
    .columns(['account_id', 'id'])
    .execute();
}
