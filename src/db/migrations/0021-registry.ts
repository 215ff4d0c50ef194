/**
 * The registry of national regulatory practice: the elements of the public core and the kinds of
 * measure as data (administrators' edits over the shipped defaults), national measures, and every
 * version of each measure (a measure is never updated in place: an edit adds a version, so the
 * registry can be read as it stood at any past instant).
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Makes the registry's tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registry_terms')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    // 'element' or 'kind'.
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    // The concept it is linked to, by slug, if any.
    .addColumn('concept_slug', 'text')
    // JSON: { "en": { "name": …, "definition": … }, "fr": …, … } for the six UN languages.
    .addColumn('texts', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('registry_measures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // ISO 3166-1 alpha-3.
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('latest_version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('registry_measures_country')
    .on('registry_measures')
    .columns(['country', 'id'])
    .execute();
  await db.schema
    .createTable('registry_measure_versions')
    .addColumn('measure_id', 'text', (c) => c.notNull().references('registry_measures.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // BCP 47 tag of the title's original language.
    .addColumn('title_language', 'text', (c) => c.notNull())
    // JSON: { "en": "…", … }: translations of the title.
    .addColumn('title_translations', 'text', (c) => c.notNull())
    // 'law', 'decree', 'regulation', 'guideline', 'bill' or 'plan'.
    .addColumn('instrument', 'text', (c) => c.notNull())
    // 'planned', 'draft', 'adopted', 'in_force', 'amended' or 'repealed'.
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON: { "adopted": "2024-03-01", "in_force": "2024-06-01", … }: the date of each status.
    .addColumn('status_dates', 'text', (c) => c.notNull())
    // JSON arrays of term slugs.
    .addColumn('elements', 'text', (c) => c.notNull())
    .addColumn('kinds', 'text', (c) => c.notNull())
    // 'none', 'partial' or 'stated'.
    .addColumn('reach', 'text', (c) => c.notNull())
    .addColumn('source_document_id', 'text')
    // JSON: [{ "blockId": …, "address": "para 3" }].
    .addColumn('source_blocks', 'text', (c) => c.notNull())
    // 'state': a verified representative of the State's government; 'reported': anyone else.
    .addColumn('voice', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('registry_measure_versions_pk', ['measure_id', 'version'])
    .execute();
  await db.schema
    .createIndex('registry_versions_country_at')
    .on('registry_measure_versions')
    .columns(['country', 'recorded_at'])
    .execute();
  await db.schema
    .createTable('registry_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // JSON: [{ "key": …, "kind": "text" | "choice", "texts": { "en": …, … }, "choices": […] }].
    .addColumn('questions', 'text', (c) => c.notNull())
    // JSON: the ISO 3166-1 alpha-3 codes of the administrations invited.
    .addColumn('invited', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('registry_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('registry_rounds.id'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    // 1 when the answer's language is not one the questionnaire has (accepted, and marked).
    .addColumn('language_marked', 'integer', (c) => c.notNull())
    // JSON: { "<question key>": "<answer>" }.
    .addColumn('answers', 'text', (c) => c.notNull())
    // JSON: the measures the answer declares, registry entries once the round publishes them.
    .addColumn('measures', 'text', (c) => c.notNull())
    // 'draft' or 'submitted'.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    // SHA-256 (hex) of the submitted answer as canonical JSON: the receipt's fingerprint.
    .addColumn('receipt', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('registry_answers_round_country', ['round_id', 'country'])
    .execute();
}

/** Drops the registry's tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('registry_answers').execute();
  await db.schema.dropTable('registry_rounds').execute();
  await db.schema.dropTable('registry_measure_versions').execute();
  await db.schema.dropTable('registry_measures').execute();
  await db.schema.dropTable('registry_terms').execute();
}
