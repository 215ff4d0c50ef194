/**
 * plenum serve --workers 2: two server processes on one port and one SQLite file. Concurrent
 * submissions are each stored once, a key sent twice at once yields one submission,
 * and a port already taken stops the command instead of restarting its processes forever.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../src/accounts/accounts.service.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../src/consultations/consultation.builder.ts';
import { openMigratedDatabase } from '../src/db/database.ts';
import { startServer, type StartedServer } from './support/start-server.ts';

describe('plenum serve --workers 2 on one SQLite file', () => {
  let dir = '';
  let file = '';
  let built: BuiltConsultation;
  let token = '';
  let server: StartedServer;
  let base = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plenum-workers-'));
    file = join(dir, 'plenum.sqlite');
    const { opened } = await openMigratedDatabase(file);
    built = await buildConsultation(opened.db, { now: new Date() });
    token = await createApiToken(opened.db, representativeViewer(built, 'civil'), 'test');
    await opened.close();
    server = startServer(['--workers', '2', '--db', file], { PLENUM_DEMO: 'off' });
    base = await server.ready;
  });
  after(async () => {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    assert.equal(await exited, 0, 'SIGTERM stops both processes and the command ends with 0');
    rmSync(dir, { recursive: true, force: true });
  });

  test('the command announces two processes', async () => {
    assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
  });

  test('120 concurrent submissions, each key sent twice: 60 stored, every receipt a row', async () => {
    const send = (n: number) =>
      fetch(`${base}/api/consultations/${built.period.id}/submissions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          organisationId: built.organisations.civil.id,
          body: `Comment number ${n} on the draft.`,
          idempotencyKey: `workers-test-${n}`,
        }),
      }).then(async (res) => ({
        status: res.status,
        json: (await res.json()) as Record<string, unknown>,
      }));
    const answers = await Promise.all(Array.from({ length: 120 }, (_, i) => send(i % 60)));
    const refused = answers.find((a) => a.status !== 201);
    assert.equal(refused, undefined, JSON.stringify(refused));
    assert.equal(answers.filter((a) => a.json.replayed === true).length, 60);
    const ids = new Set(answers.map((a) => a.json.submissionId));
    assert.equal(ids.size, 60, 'the two sends of each key got the same receipt');
    const { opened } = await openMigratedDatabase(file);
    try {
      const row = await opened.db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(row.n), 60);
    } finally {
      await opened.close();
    }
  });

  test('a port already taken ends the command with an error instead of restarting forever', async () => {
    const port = new URL(base).port;
    const result = spawnSync(
      process.execPath,
      ['src/cli/main.ts', 'serve', '--workers', '2', '--port', port, '--db', file],
      { encoding: 'utf8', env: { ...process.env, PLENUM_DEMO: 'off' }, timeout: 30_000 },
    );
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /EADDRINUSE/);
    assert.match(result.stderr, /could not start/);
  });
});
