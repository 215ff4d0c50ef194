/**
 * Several `plenum serve` processes share one PostgreSQL database: started together on a new
 * database, they migrate it once, load the demo once, and serve the same content.
 */
import { migrations as allMigrations } from '../src/db/migrations/index.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startServer } from './support/start-server.ts';

const url = process.env.PLENUM_TEST_POSTGRES_URL;

test(
  'three serve processes started at once share one new PostgreSQL database',
  { skip: url ? false : 'PLENUM_TEST_POSTGRES_URL is not set' },
  async () => {
    const schema = `shared_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const separator = url!.includes('?') ? '&' : '?';
    const databaseUrl = `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const env = { DATABASE_URL: databaseUrl, PLENUM_DEMO: 'auto' };
    const servers = [startServer([], env), startServer([], env), startServer([], env)];
    try {
      const bases = await Promise.all(servers.map((s) => s.ready));
      const lists = await Promise.all(
        bases.map(async (base) =>
          (
            (await (await fetch(`${base}/api/processes`)).json()) as {
              processes: { slug: string }[];
            }
          ).processes.map((p) => p.slug),
        ),
      );
      assert.equal(lists[0]!.length, 7, 'the demo processes were loaded');
      assert.deepEqual(lists[1], lists[0]);
      assert.deepEqual(lists[2], lists[0]);
      const counted = await admin.query(`select count(*)::int as n from ${schema}.documents`);
      assert.equal(counted.rows[0].n, 2, 'the demo documents were loaded once, not three times');
      const migrations = await admin.query(
        `select count(*)::int as n from ${schema}.plenum_migrations`,
      );
      assert.equal(
        migrations.rows[0].n,
        Object.keys(allMigrations).length,
        'each migration ran once',
      );
    } finally {
      for (const s of servers) s.child.kill('SIGTERM');
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  },
);
