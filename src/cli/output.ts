/** Shared CLI plumbing: parsing flags, opening the database, reporting errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase, type OpenDatabase } from '../db/database.ts';
import { PlenumError } from '../errors.ts';

/** A wrong command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses flags strictly; unknown flags and missing values are usage errors. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
): {
  values: ReturnType<
    typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
  >['values'];
  positionals: string[];
} {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Opens and migrates the database named by --db, else DATABASE_URL, else the embedded file. */
export async function openCliDatabase(dbFlag: string | undefined): Promise<OpenDatabase> {
  const config = loadConfig(dbFlag ? { ...process.env, DATABASE_URL: dbFlag } : process.env);
  const { opened } = await openMigratedDatabase(config.databaseUrl, {
    pgPoolSize: config.pgPoolSize,
  });
  return opened;
}

/** Writes an error for a person (or as JSON) to stderr; returns the exit code. */
export function reportError(error: unknown, json: boolean): number {
  if (error instanceof PlenumError) {
    if (json)
      process.stderr.write(
        `${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`,
      );
    else process.stderr.write(`plenum: ${error.message} [${error.code}]\n`);
    return 1;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`plenum: ${error.message}\nRun "plenum help" for usage.\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (json) process.stderr.write(`${JSON.stringify({ error: { code: 'INTERNAL', message } })}\n`);
  else process.stderr.write(`plenum: ${message}\n`);
  return 1;
}
