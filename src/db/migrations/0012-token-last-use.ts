/**
 * When each API token was last used, so that its owner can tell a forgotten or stolen one. The
 * time is written at most once a minute per token (see TokenViewers), not on every request.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Adds the last-use time of API tokens. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').addColumn('last_used_at', 'text').execute();
}
