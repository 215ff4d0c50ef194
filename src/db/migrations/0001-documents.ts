/**
 * Processes, documents, versions, language versions, blocks, footnote references and the event log.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Creates the foundation tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('processes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('parent_body', 'text', (c) => c.notNull())
    .addColumn('mandate', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('established', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('process_aliases')
    .addColumn('process_id', 'text', (c) =>
      c.notNull().references('processes.id').onDelete('cascade'),
    )
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('alias_key', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createIndex('process_aliases_process')
    .on('process_aliases')
    .column('process_id')
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('symbol', 'text', (c) => c.unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('documents_process').on('documents').column('process_id').execute();

  await db.schema
    .createTable('versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('versions_document_seq', ['document_id', 'seq'])
    .addUniqueConstraint('versions_document_label', ['document_id', 'label'])
    .execute();

  await db.schema
    .createTable('language_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('source_format', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text')
    .addColumn('source_sha256', 'text', (c) => c.notNull())
    .addColumn('source_bytes', 'integer', (c) => c.notNull())
    .addColumn('import_report', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('language_versions_version_language', ['version_id', 'language'])
    .execute();

  await db.schema
    .createTable('blocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('language_version_id', 'text', (c) =>
      c.notNull().references('language_versions.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('label', 'text')
    .addColumn('level', 'integer')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('rows', 'text')
    .addUniqueConstraint('blocks_language_version_seq', ['language_version_id', 'seq'])
    .execute();

  await db.schema
    .createTable('footnote_refs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('block_id', 'text', (c) => c.notNull().references('blocks.id').onDelete('cascade'))
    .addColumn('footnote_id', 'text')
    .addColumn('marker', 'text', (c) => c.notNull())
    .addColumn('offset', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('footnote_refs_block')
    .on('footnote_refs')
    .column('block_id')
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('events_subject')
    .on('events')
    .columns(['subject_type', 'subject_id'])
    .execute();
}
