/**
 * The recent uses of each API token (its last 100: when, the method, the route's pattern, the
 * status answered), so that its owner can see what a token has been doing. Uses are buffered in
 * each process and written in batches, each batch trimming its tokens back to 100 (see
 * TokenUseLog), not written per request.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Adds the recent uses of API tokens. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('api_token_uses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_id', 'text', (c) =>
      c.notNull().references('api_tokens.id').onDelete('cascade'),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .execute();
  // The owner reads a token's newest uses; each batch keeps a token's newest 100.
  await db.schema
    .createIndex('api_token_uses_token')
    .on('api_token_uses')
    .columns(['token_id', 'at', 'id'])
    .execute();
}
