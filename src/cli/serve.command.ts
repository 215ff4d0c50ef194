/** plenum serve: open the database, fill a new one with demo content, and listen. */
import { serve } from '@hono/node-server';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../db/database.ts';
import { loadDemoIfEmpty } from '../demo/demo.service.ts';
import { parseFlags } from './output.ts';

/** Usage of plenum serve. */
export const serveUsage = `plenum serve [--port N] [--host ADDRESS] [--db URL|PATH] [--no-demo]

Serves the web pages and the JSON API. Environment: PORT (3000), HOST (127.0.0.1),
DATABASE_URL (./data/plenum.sqlite), PLENUM_DEMO (auto: fill a new, empty database with
demo content; off: never). Several serve processes may share one PostgreSQL database.`;

/** Runs plenum serve until SIGINT or SIGTERM; returns the exit code. */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    'no-demo': { type: 'boolean', default: false },
  });
  const config = loadConfig({
    ...process.env,
    ...(values.port !== undefined ? { PORT: values.port } : {}),
    ...(values.host !== undefined ? { HOST: values.host } : {}),
    ...(values.db !== undefined ? { DATABASE_URL: values.db } : {}),
    ...(values['no-demo'] ? { PLENUM_DEMO: 'off' } : {}),
  });
  const { opened, applied } = await openMigratedDatabase(config.databaseUrl, {
    pgPoolSize: config.pgPoolSize,
  });
  if (applied.length > 0)
    console.log(`plenum: applied ${applied.length} migration(s) to ${opened.location}`);
  if (config.demo !== 'off') {
    const loaded = await loadDemoIfEmpty(opened.db);
    if (loaded)
      console.log(
        `plenum: new database, filled with demo content (${loaded.processes} processes, ${loaded.documents} documents, ${loaded.submissions} demo submissions; demo accounts are listed in the README)`,
      );
  }
  const app = createApp({ db: opened.db, engine: opened.engine });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    console.log(
      `plenum: serving on http://${shown}:${info.port}/ (${opened.engine}: ${opened.location})`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.on('error', reject);
    const stop = (): void => {
      server.close(() => resolve());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await opened.close();
  return 0;
}
