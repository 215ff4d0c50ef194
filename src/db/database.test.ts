import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase } from './database.ts';

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
