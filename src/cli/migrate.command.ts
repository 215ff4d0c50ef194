/** plenum migrate: bring the database schema up to date. */
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../db/database.ts';
import { parseFlags } from './output.ts';

/** Usage of plenum migrate. */
export const migrateUsage = `plenum migrate [--db URL|PATH]

Applies every pending migration (the server and the other commands also do this on start).`;

/** Runs plenum migrate; returns the exit code. */
export async function migrateCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, { db: { type: 'string' } });
  const config = loadConfig(values.db ? { ...process.env, DATABASE_URL: values.db } : process.env);
  const { opened, applied } = await openMigratedDatabase(config.databaseUrl);
  try {
    process.stdout.write(
      applied.length === 0
        ? `${opened.location} (${opened.engine}) is up to date.\n`
        : `Applied ${applied.length} migration(s) to ${opened.location} (${opened.engine}): ${applied.join(', ')}\n`,
    );
    return 0;
  } finally {
    await opened.close();
  }
}
