/**
 * Concepts (the taxonomy analysts follow), the terms by which passages mention them in each
 * language, and the tags that say which passage mentions which concept.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Creates the concept tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('concepts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('parent_id', 'text', (c) => c.references('concepts.id'))
    // The name in each UN language, as JSON {"en": …, "fr": …}.
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('concept_terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('concept_id', 'text', (c) => c.notNull().references('concepts.id'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('concept_terms_unique', ['concept_id', 'language', 'term'])
    .execute();
  await db.schema
    .createTable('concept_tags')
    .addColumn('concept_id', 'text', (c) => c.notNull().references('concepts.id'))
    // The passage: a search item's source id (a block id, or "submission:<id>") and its kind.
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('process_id', 'text', (c) => c.notNull())
    // The passage's date (ISO 8601), newest first on a concept's page.
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('concept_tags_pk', ['concept_id', 'source_id'])
    .execute();
  await db.schema
    .createIndex('concept_tags_concept_at')
    .on('concept_tags')
    .columns(['concept_id', 'at'])
    .execute();
  await db.schema
    .createIndex('concept_tags_source')
    .on('concept_tags')
    .column('source_id')
    .execute();
}
