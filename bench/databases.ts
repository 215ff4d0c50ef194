/**
 * The benchmarks' databases: a real SQLite file (so that every commit pays for its fsync, as in
 * production), or a PostgreSQL schema of its own with the pool size plenum serve uses by default.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  migrateToLatest,
  openDatabase,
  type Engine,
  type OpenDatabase,
} from '../src/db/database.ts';

/** A bench database, with the location `plenum serve --db` takes to serve the same data. */
export type BenchDatabase = OpenDatabase & { url: string };

/**
 * Opens a new, migrated database on the engine; `close` also removes it. With `keepSchema`
 * (PostgreSQL), the schema of that name is used, made if missing, and left in place.
 */
export async function openBenchDatabase(
  engine: Engine,
  keepSchema?: string,
): Promise<BenchDatabase> {
  if (engine === 'postgres') {
    const base = process.env.PLENUM_TEST_POSTGRES_URL;
    if (!base) throw new Error('PLENUM_TEST_POSTGRES_URL is not set');
    const schema = keepSchema ?? `bench_${randomBytes(6).toString('hex')}`;
    const o = await openDatabase(base, { pgSchema: schema, pgPoolSize: 10 });
    await migrateToLatest(o.db);
    const url = `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    if (keepSchema) return { ...o, url };
    return {
      ...o,
      url,
      close: async () => {
        await o.close();
        const client = new pg.Client({ connectionString: base });
        await client.connect();
        try {
          await client.query(`drop schema ${schema} cascade`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'plenum-bench-'));
  const file = join(dir, 'bench.sqlite');
  const o = await openDatabase(file);
  await migrateToLatest(o.db);
  return {
    ...o,
    url: file,
    close: async () => {
      await o.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
