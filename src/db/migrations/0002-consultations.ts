/**
 * Accounts, sessions, API tokens, organisations, roles, comment periods, submissions with their
 * anchors, co-signers and attachments, version alignments and the anchors carried across them.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import { sql, type Kysely } from 'kysely';

/** Creates the consultation tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  // A version in preparation is read only by its process's secretariat and moderators.
  await db.schema
    .alterTable('versions')
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    // Failed sign-ins in a row, and until when the account refuses passwords after too many.
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_account').on('sessions').column('account_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('stakeholder_group', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('website', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('verified_by', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // scope_id is the process (secretariat, moderator) or the organisation (representative).
  await db.schema
    .createTable('role_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('role_grants_unique', ['account_id', 'role', 'scope_id'])
    .execute();
  await db.schema.createIndex('role_grants_scope').on('role_grants').column('scope_id').execute();

  await db.schema
    .createTable('comment_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('moderation', 'text', (c) => c.notNull())
    .addColumn('extensions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('comment_periods_version')
    .on('comment_periods')
    .column('version_id')
    .execute();
  await db.schema
    .createIndex('comment_periods_process')
    .on('comment_periods')
    .column('process_id')
    .execute();

  await db.schema
    .createTable('submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('comment_periods.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('title', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('language_detected', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('status_note', 'text')
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('submissions_idempotency', ['author_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('submissions_period_status')
    .on('submissions')
    .columns(['period_id', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('submissions_organisation')
    .on('submissions')
    .columns(['organisation_id', 'id'])
    .execute();
  await db.schema
    .createIndex('submissions_published')
    .on('submissions')
    .columns(['status', 'published_at'])
    .execute();

  // version_id and address are copied from the block so per-paragraph counts need no join.
  await db.schema
    .createTable('submission_anchors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) =>
      c.notNull().references('submissions.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('block_id', 'text', (c) => c.notNull().references('blocks.id'))
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('exact', 'text')
    .addColumn('prefix', 'text')
    .addColumn('suffix', 'text')
    .addColumn('start', 'integer')
    .addColumn('end', 'integer')
    // 1 while the submission is published: per-paragraph counts then read this table alone.
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('submission_anchors_submission')
    .on('submission_anchors')
    .column('submission_id')
    .execute();
  await db.schema
    .createIndex('submission_anchors_version')
    .on('submission_anchors')
    .columns(['version_id', 'address'])
    .execute();
  await db.schema
    .createIndex('submission_anchors_published')
    .on('submission_anchors')
    .columns(['version_id', 'published', 'address', 'submission_id'])
    .execute();

  await db.schema
    .createTable('submission_cosigners')
    .addColumn('submission_id', 'text', (c) =>
      c.notNull().references('submissions.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text')
    .addColumn('responded_by', 'text')
    .addPrimaryKeyConstraint('submission_cosigners_pk', ['submission_id', 'organisation_id'])
    .execute();
  await db.schema
    .createIndex('submission_cosigners_organisation')
    .on('submission_cosigners')
    .column('organisation_id')
    .execute();

  // "bytea" is PostgreSQL's binary type; SQLite stores a Buffer in it unchanged as a BLOB.
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) =>
      c.notNull().references('submissions.id').onDelete('cascade'),
    )
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', sql`bytea`, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachments_submission')
    .on('attachments')
    .column('submission_id')
    .execute();

  // One row per (from block, to block) pair; rows of one split or merge share link_seq.
  await db.schema
    .createTable('block_alignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_language_version_id', 'text', (c) => c.notNull())
    .addColumn('to_language_version_id', 'text', (c) => c.notNull())
    .addColumn('link_seq', 'integer', (c) => c.notNull())
    .addColumn('from_block_id', 'text')
    .addColumn('to_block_id', 'text')
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('renumbered', 'integer', (c) => c.notNull())
    .addColumn('moved', 'integer', (c) => c.notNull())
    .addColumn('similarity', 'real', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('block_alignments_pair')
    .on('block_alignments')
    .columns(['to_language_version_id', 'from_language_version_id', 'link_seq'])
    .execute();
  await db.schema
    .createIndex('block_alignments_from')
    .on('block_alignments')
    .columns(['from_language_version_id', 'to_language_version_id'])
    .execute();
  await db.schema
    .createIndex('block_alignments_from_block')
    .on('block_alignments')
    .column('from_block_id')
    .execute();

  // Where an anchor on an earlier version lands in a later one; block_id null = orphan.
  await db.schema
    .createTable('carried_anchors')
    .addColumn('anchor_id', 'text', (c) =>
      c.notNull().references('submission_anchors.id').onDelete('cascade'),
    )
    .addColumn('to_version_id', 'text', (c) => c.notNull())
    .addColumn('block_id', 'text')
    .addColumn('address', 'text')
    .addColumn('start', 'integer')
    .addColumn('end', 'integer')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('carried_anchors_pk', ['anchor_id', 'to_version_id'])
    .execute();
  await db.schema
    .createIndex('carried_anchors_version')
    .on('carried_anchors')
    .columns(['to_version_id', 'address'])
    .execute();

  await db.schema.createIndex('events_at').on('events').columns(['action', 'at']).execute();
}
