/**
 * Meetings of processes with the history of their changes, the processes an account follows, and
 * the secret calendar address of each account.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Creates the meeting tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('session_label', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    // UTC instants, ISO 8601; time_zone is the IANA zone the secretariat announced them in.
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('webcast_url', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // 1 while a postponed meeting has no new dates yet (its calendar entry is then TENTATIVE).
    .addColumn('dates_pending', 'integer', (c) => c.notNull().defaultTo(0))
    // RFC 5545 SEQUENCE: 0 when announced, one more at every change.
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meetings_process')
    .on('meetings')
    .columns(['process_id', 'starts_at'])
    .execute();

  // One row per field a change touched; the rows of one change share `sequence`.
  await db.schema
    .createTable('meeting_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('from_value', 'text')
    .addColumn('to_value', 'text')
    .addColumn('reason', 'text')
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_changes_meeting')
    .on('meeting_changes')
    .columns(['meeting_id', 'sequence'])
    .execute();

  await db.schema
    .createTable('process_follows')
    .addColumn('account_id', 'text', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('process_follows_pk', ['account_id', 'process_id'])
    .execute();

  // Calendar apps send no cookie: the address carries a secret, stored only as its SHA-256.
  await db.schema
    .createTable('calendar_addresses')
    .addColumn('account_id', 'text', (c) =>
      c.primaryKey().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
