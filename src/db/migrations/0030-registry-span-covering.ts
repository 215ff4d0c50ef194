/**
 * The registry at a past date read from its index alone: the span index of the version cells
 * (kind, until_at, from_at) also holds what the past-date matrix, its indicator and the timeline
 * read of each cell (country, element, status, voice, in_force). Before, each of the few hundred
 * thousand cells the span range yields was then fetched from the table (5.4 s at 500,000
 * versions); now none is. It replaces the narrower index, which it begins with.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Makes the covering index and drops the narrower one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('registry_version_cells_span_covering')
    .on('registry_version_cells')
    .columns(['kind', 'until_at', 'from_at', 'country', 'element', 'status', 'voice', 'in_force'])
    .execute();
  await db.schema.dropIndex('registry_version_cells_span').execute();
}

/** Puts the narrower index back. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('registry_version_cells_span')
    .on('registry_version_cells')
    .columns(['kind', 'until_at', 'from_at'])
    .execute();
  await db.schema.dropIndex('registry_version_cells_span_covering').execute();
}
