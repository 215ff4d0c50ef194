/**
 * States marked fictional (the demo's administrations, a training round): a code from the ISO
 * 3166-1 user-assigned range XAA–XZZ, which no real State has, with its name in the six UN
 * languages. Only a code marked here is accepted as a State's code beyond the UN members; a
 * fictional State is named with "(fictional)" and counts in none of the 193 Member States' figures.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Adds the fictional States. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fictional_states')
    .addColumn('iso3', 'text', (c) => c.primaryKey())
    // JSON: the State's name in each of the six UN languages.
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
