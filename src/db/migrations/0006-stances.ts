/**
 * Stances: an analyst's record that an actor (an organisation, or a state by its ISO code)
 * supports, opposes, conditionally supports or is neutral on a concept, with the quoted words
 * that show it, anchored to their source (a paragraph or a published submission).
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Creates the stance table. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('concept_id', 'text', (c) => c.notNull().references('concepts.id'))
    .addColumn('stance', 'text', (c) => c.notNull())
    // The actor: a registered organisation, or a state named by ISO 3166-1 alpha-3.
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('country', 'text')
    .addColumn('stakeholder_group', 'text', (c) => c.notNull())
    // The evidence: the source passage (a block or a submission) and the exact words quoted,
    // as a W3C TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector (start, end).
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('process_id', 'text', (c) => c.notNull())
    .addColumn('exact', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('suffix', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    // YYYY-MM-DD: when the actor said it (the source's date unless the analyst knows better).
    .addColumn('said_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stances_concept')
    .on('stances')
    .columns(['concept_id', 'said_on'])
    .execute();
  await db.schema.createIndex('stances_country').on('stances').column('country').execute();
  await db.schema
    .createIndex('stances_organisation')
    .on('stances')
    .column('organisation_id')
    .execute();
  await db.schema.createIndex('stances_source').on('stances').column('source_id').execute();
}
