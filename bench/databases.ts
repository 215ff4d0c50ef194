/**
 * The benchmarks' databases: a real SQLite file (so that every commit pays for its fsync, as in
 * production), or a PostgreSQL schema of its own with the pool size plenum serve uses by default.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  migrateToLatest,
  openDatabase,
  type Engine,
  type OpenDatabase,
} from '../src/db/database.ts';
import { openTestDatabase } from '../src/db/test-databases.ts';

/** Opens a new, migrated database on the engine; `close` also removes it. */
export async function openBenchDatabase(engine: Engine): Promise<OpenDatabase> {
  if (engine === 'postgres') return openTestDatabase('postgres', { pgPoolSize: 10 });
  const dir = mkdtempSync(join(tmpdir(), 'plenum-bench-'));
  const o = await openDatabase(join(dir, 'bench.sqlite'));
  await migrateToLatest(o.db);
  return {
    ...o,
    close: async () => {
      await o.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
