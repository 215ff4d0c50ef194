/**
 * Front and back matter: a block on a document's cover or back cover ('front', 'back'), kept apart
 * from the body; null for the body.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Adds the matter of blocks. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('blocks').addColumn('matter', 'text').execute();
}
