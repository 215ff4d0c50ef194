/**
 * Content in the reader's language: the translations the secretariat enters of what a process
 * shows (its name and mandate, its periods' titles, its versions' labels), and the indexes the
 * home page reads with (open periods by their close, meetings by their start, versions by their
 * arrival, concept tags by their date).
 *
 * One table keyed by subject, field and language rather than a column per field and language:
 * six languages times five fields would add thirty columns to three tables, most of them empty,
 * and every new translatable field another migration; here a new field is a new key. The text of
 * the original (English) stays in its own table, so nothing that reads it changes.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Makes the translations table and the home page's indexes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('content_translations')
    // 'process', 'period' or 'version'.
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    // 'name', 'mandate', 'title' or 'label'.
    .addColumn('field', 'text', (c) => c.notNull())
    // BCP 47: one of the six UN languages.
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // The process the subject belongs to: whose secretariat may change it.
    .addColumn('process_id', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('content_translations_pk', [
      'subject_type',
      'subject_id',
      'field',
      'language',
    ])
    .execute();
  await db.schema
    .createIndex('comment_periods_closes')
    .on('comment_periods')
    .columns(['closes_at', 'opens_at'])
    .execute();
  await db.schema
    .createIndex('meetings_starts')
    .on('meetings')
    .columns(['starts_at', 'id'])
    .execute();
  await db.schema
    .createIndex('versions_created')
    .on('versions')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('concept_tags_at')
    .on('concept_tags')
    .columns(['at', 'concept_id'])
    .execute();
}
