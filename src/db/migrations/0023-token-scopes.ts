/**
 * Scoped, expiring API tokens (issue 17): each token names what it may do (read, submit,
 * moderate, secretariat, admin: a token never does more than its account may) and may expire; its
 * uses are counted. Tokens made before this migration get every scope and no expiry, so every
 * script that used one keeps working exactly as before; their owners see them listed as such and
 * may replace them with narrower ones.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Adds scopes, expiry and a use count to API tokens. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('api_tokens')
    // Space-separated scope names; the default serves the rows that exist now (new tokens name
    // their scopes).
    .addColumn('scopes', 'text', (c) =>
      c.notNull().defaultTo('read submit moderate secretariat admin'),
    )
    .execute();
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
  await db.schema
    .alterTable('api_tokens')
    .addColumn('use_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
