import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import {
  inWriteTransaction,
  migrateToLatest,
  openBulkReader,
  openDatabase,
  sqliteLockWaitMs,
  type Db,
} from './database.ts';

test('SQLite runs in WAL mode with a full fsync at every commit', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-db-'));
  const o = await openDatabase(join(dir, 'p.sqlite'));
  try {
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(o.db);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(o.db);
    const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(o.db);
    assert.equal(mode.rows[0]?.journal_mode, 'wal');
    assert.equal(sync.rows[0]?.synchronous, 2, 'synchronous=FULL');
    assert.equal(keys.rows[0]?.foreign_keys, 1);
  } finally {
    await o.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bulk reader of a SQLite file is a read-only connection of its own with a small page cache, closed after', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-db-'));
  const o = await openDatabase(join(dir, 'p.sqlite'));
  try {
    await migrateToLatest(o.db);
    const reader = openBulkReader(o.db);
    assert.notEqual(reader.db, o.db, 'a connection of its own');
    const cache = await sql<{ cache_size: number }>`pragma cache_size`.execute(reader.db);
    assert.equal(cache.rows[0]?.cache_size, -8192, '8 MB of pages');
    const shared = await sql<{ cache_size: number }>`pragma cache_size`.execute(o.db);
    assert.ok(Number(shared.rows[0]?.cache_size) < -8192, 'the shared connection keeps its own');
    const tables = await sql<{ n: number }>`select count(*) as n from sqlite_master`.execute(
      reader.db,
    );
    assert.ok(Number(tables.rows[0]?.n) > 10, 'it reads the same, migrated file');
    await assert.rejects(
      sql`create table written_by_reader (n integer)`.execute(reader.db),
      /readonly/,
    );
    await reader.close();
    await assert.rejects(sql`select 1`.execute(reader.db), 'closed');
  } finally {
    await o.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bulk reader of an in-memory database is the database itself, left open', async () => {
  const o = await openDatabase(':memory:');
  try {
    const reader = openBulkReader(o.db);
    assert.equal(reader.db, o.db);
    await reader.close();
    await sql`select 1`.execute(o.db);
  } finally {
    await o.close();
  }
});

test('a transaction that is not durable commits without its own fsync, and only it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-db-'));
  const o = await openDatabase(join(dir, 'p.sqlite'));
  const level = async (db: Db) =>
    (await sql<{ synchronous: number }>`pragma synchronous`.execute(db)).rows[0]?.synchronous;
  try {
    const inside = await inWriteTransaction(o.db, 'sqlite', (trx) => level(trx), {
      durable: false,
    });
    assert.equal(inside, 1, 'synchronous=NORMAL inside');
    assert.equal(await level(o.db), 2, 'synchronous=FULL again after the commit');
    await assert.rejects(
      inWriteTransaction(
        o.db,
        'sqlite',
        async () => {
          throw new Error('rolled back');
        },
        { durable: false },
      ),
      /rolled back/,
    );
    assert.equal(await level(o.db), 2, 'synchronous=FULL again after a rollback');
    assert.equal(await inWriteTransaction(o.db, 'sqlite', (trx) => level(trx)), 2);
  } finally {
    await o.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a committed write survives the process being killed right after the commit', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-db-'));
  const file = join(dir, 'p.sqlite');
  try {
    const writer = `
      import { migrateToLatest, openDatabase } from './src/db/database.ts';
      import { createProcess } from './src/processes/processes.service.ts';
      const o = await openDatabase(${JSON.stringify(file)});
      await migrateToLatest(o.db);
      await createProcess(o.db, { slug: 'crash-test', name: 'Crash test', parentBody: 'X', mandate: 'Y' });
      process.stdout.write('committed\\n');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', writer], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('committed')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`writer exited with ${code} before committing`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const o = await openDatabase(file);
    try {
      await migrateToLatest(o.db);
      const row = await o.db
        .selectFrom('processes')
        .select('slug')
        .where('slug', '=', 'crash-test')
        .executeTakeFirst();
      assert.deepEqual(row, { slug: 'crash-test' });
    } finally {
      await o.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(
  'two PostgreSQL schemas of one database each get their own migration tables',
  { skip: process.env.PLENUM_TEST_POSTGRES_URL ? false : 'PLENUM_TEST_POSTGRES_URL is not set' },
  async () => {
    // Kysely once found the first schema's lock table and never made the second its own.
    const { openTestDatabase } = await import('./test-databases.ts');
    const first = await openTestDatabase('postgres');
    const second = await openTestDatabase('postgres');
    try {
      for (const o of [first, second]) {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from information_schema.tables
          where table_schema = current_schema() and table_name in ('plenum_migrations', 'plenum_migrations_lock')`.execute(
          o.db,
        );
        assert.equal(rows[0]!.n, 2);
      }
      assert.deepEqual(await migrateToLatest(second.db), [], 'nothing left to apply');
    } finally {
      await first.close();
      await second.close();
    }
  },
);

test(
  'on PostgreSQL, migrating looks only at its own schema, so a schema dropped meanwhile cannot break it',
  { skip: process.env.PLENUM_TEST_POSTGRES_URL ? false : 'PLENUM_TEST_POSTGRES_URL is not set' },
  async () => {
    // Kysely's own introspector lists every schema's tables and checks privileges by schema name:
    // a test dropping its schema at that moment failed another's migration ("schema … does not
    // exist"). Ours lists the current schema only.
    const { openTestDatabase } = await import('./test-databases.ts');
    const mine = await openTestDatabase('postgres');
    const other = await openTestDatabase('postgres');
    try {
      const tables = await mine.db.introspection.getTables();
      const [current] = (await sql<{ s: string }>`select current_schema() as s`.execute(mine.db))
        .rows;
      assert.ok(tables.length > 10);
      assert.ok(tables.every((t) => t.schema === current!.s));
      assert.ok(tables.some((t) => t.name === 'plenum_migrations'));
      assert.ok(tables.some((t) => t.name === 'submissions'));
      // Another schema dropped while this one migrates again: nothing fails.
      await Promise.all([other.close(), migrateToLatest(mine.db), migrateToLatest(mine.db)]);
    } finally {
      await mine.close();
    }
  },
);

test('a write transaction waits for another connection’s write lock without stopping the event loop', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-db-'));
  const file = join(dir, 'p.sqlite');
  const holder = await openDatabase(file);
  const waiter = await openDatabase(file);
  let release = (): void => {};
  let ticks = 0;
  const ticker = setInterval(() => (ticks += 1), 5);
  try {
    await sql`create table t (n integer)`.execute(holder.db);
    // The holder takes the write lock and lets go of it only from a timer of this same thread:
    // a wait that blocked the thread (SQLite's busy handler) would never see it fire.
    const held = inWriteTransaction(holder.db, 'sqlite', async (trx) => {
      await sql`insert into t (n) values (1)`.execute(trx);
      await new Promise<void>((resolve) => (release = resolve));
    });
    await new Promise((resolve) => setImmediate(resolve));
    ticks = 0;
    setTimeout(() => release(), 150);
    const started = performance.now();
    await inWriteTransaction(waiter.db, 'sqlite', async (trx) => {
      await sql`insert into t (n) values (2)`.execute(trx);
    });
    const waited = performance.now() - started;
    await held;
    assert.ok(waited >= 140, `waited ${waited} ms for the lock`);
    // A 5 ms timer over a 150 ms wait: about 30 ticks on a quiet machine, fewer on a busy one;
    // a wait that blocked the thread would let none fire (nor the release: it would time out).
    assert.ok(ticks >= 3, `the event loop ran meanwhile (${ticks} ticks)`);
    const rows = await sql<{ n: number }>`select n from t order by n`.execute(waiter.db);
    assert.deepEqual(
      rows.rows.map((r) => r.n),
      [1, 2],
    );
    // SQLite's own wait is back for statements outside write transactions.
    const timeout = await sql<{ timeout: number }>`pragma busy_timeout`.execute(waiter.db);
    assert.equal(timeout.rows[0]?.timeout, sqliteLockWaitMs);
  } finally {
    clearInterval(ticker);
    release();
    await holder.close();
    await waiter.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
