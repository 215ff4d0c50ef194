/** What every request handler can reach: the database, set once by createApp. */
import type { Kysely } from 'kysely';
import type { Database, Engine } from '../db/database.ts';

/** Dependencies of the web app. */
export interface AppDeps {
  db: Kysely<Database>;
  engine: Engine;
}

/** Hono's environment type for plenum's app. */
export interface AppEnv {
  Variables: { deps: AppDeps };
}
