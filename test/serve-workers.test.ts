/**
 * plenum serve --workers 2: two server processes on one port and one SQLite file. Concurrent
 * submissions are each stored once, a key sent twice at once yields one submission, the
 * submissions of both processes are committed by the one writer in the primary, a process
 * killed mid-surge loses no receipt and is replaced, and a port already taken stops the command
 * instead of restarting its processes forever.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
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
  let output = '';
  /** The server processes the command's primary has forked, by pid. */
  const workerPids = (): number[] =>
    execFileSync('ps', ['-o', 'pid=', '--ppid', String(server.child.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(Number);
  const submissionPath = (): string => `/api/consultations/${built.period.id}/submissions`;
  const submission = (key: string): string =>
    JSON.stringify({
      organisationId: built.organisations.civil.id,
      body: `Comment ${key} on the draft.`,
      idempotencyKey: key,
    });
  const storedIds = async (ids: string[]): Promise<Set<string>> => {
    const { opened } = await openMigratedDatabase(file);
    try {
      const rows = await opened.db
        .selectFrom('submissions')
        .select('id')
        .where('id', 'in', ids.length > 0 ? ids : [''])
        .execute();
      return new Set(rows.map((r) => r.id));
    } finally {
      await opened.close();
    }
  };
  /** Requests on one agent's connections, with the test's token on a POST. */
  const callOn = (agent: Agent) => (method: string, path: string, body?: string) =>
    new Promise<{ status: number; body: string; localPort: number }>((resolve, reject) => {
      const url = new URL(base);
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method,
          path,
          headers:
            body === undefined
              ? {}
              : {
                  authorization: `Bearer ${token}`,
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(body),
                },
        },
        (res) => {
          const localPort = res.socket.localPort!;
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, localPort }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const until = async (done: () => boolean, what: string): Promise<void> => {
    const deadline = Date.now() + 60_000;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`not within 60 s: ${what}\n${output}`);
      await sleep(20);
    }
  };
  const countStored = async (): Promise<number> => {
    const { opened } = await openMigratedDatabase(file);
    try {
      const row = await opened.db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    } finally {
      await opened.close();
    }
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plenum-workers-'));
    file = join(dir, 'plenum.sqlite');
    const { opened } = await openMigratedDatabase(file);
    built = await buildConsultation(opened.db, { now: new Date() });
    token = await createApiToken(opened.db, representativeViewer(built, 'civil'), 'test');
    await opened.close();
    // Durability, not the quota, is tested: one account sends hundreds.
    server = startServer(['--workers', '2', '--db', file], {
      PLENUM_DEMO: 'off',
      PLENUM_LIMIT_SUBMISSIONS: '0',
    });
    server.child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    base = await server.ready;
  });
  after(async () => {
    const { child } = server;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // A command that ended during a test (a crash) has no exit left to wait for.
    assert.equal(child.exitCode ?? child.signalCode, null, `the command ended early:\n${output}`);
    child.kill('SIGTERM');
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
    assert.equal(await countStored(), 60);
  });

  test('submissions commit in the primary: paused, it holds every receipt while a worker still answers', async () => {
    assert.match(output, /one writer for 2 processes/);
    // One kept-alive connection: once the primary has handed it to a worker, that worker serves
    // it without the primary. A submission on it waits for the primary only if the primary is
    // the one that commits it; a worker committing on its own connection would answer at once.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const call = callOn(agent);
    assert.equal((await call('GET', '/healthz')).status, 200);
    const before = await countStored();
    process.kill(server.child.pid!, 'SIGSTOP');
    let submitted: Promise<{ status: number; body: string }> | undefined;
    try {
      assert.equal(
        (await call('GET', '/healthz')).status,
        200,
        'the worker answers on its connection while the primary is paused',
      );
      submitted = call('POST', submissionPath(), submission('paused-primary'));
      const first = await Promise.race([
        submitted.then(() => 'answered'),
        sleep(2000).then(() => 'waiting'),
      ]);
      assert.equal(first, 'waiting', 'no receipt while the one writer is paused');
      assert.equal(await countStored(), before, 'nor is anything stored');
    } finally {
      process.kill(server.child.pid!, 'SIGCONT');
    }
    const answer = await submitted;
    agent.destroy();
    assert.equal(answer.status, 201, answer.body);
    const { submissionId } = JSON.parse(answer.body) as { submissionId: string };
    assert.deepEqual([...(await storedIds([submissionId]))], [submissionId]);
  });

  test('a process killed with SIGKILL mid-surge: every receipt is a row, it is replaced, each key stored once', async (t) => {
    const pids = workerPids();
    assert.equal(pids.length, 2, `two server processes: ${pids.join(', ')}`);
    const victim = pids[0]!;
    const before = await countStored();
    const receipts = new Map<string, string>();
    const unanswered: string[] = [];
    let sent = 0;
    let stop = false;
    const send = async (key: string) => {
      const res = await fetch(`${base}${submissionPath()}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: submission(key),
      });
      return { status: res.status, json: (await res.json()) as { submissionId: string } };
    };
    const lane = async (): Promise<void> => {
      while (!stop) {
        const key = `killed-${sent++}`;
        try {
          const answer = await send(key);
          if (answer.status === 201) receipts.set(key, answer.json.submissionId);
          else unanswered.push(key);
        } catch {
          unanswered.push(key);
        }
      }
    };
    const lanes = Array.from({ length: 16 }, lane);
    await until(() => receipts.size >= 40, '40 receipts before the kill');
    process.kill(victim, 'SIGKILL');
    const killedAt = receipts.size;
    await until(
      () => /ended \(SIGKILL\); starting another/.test(output),
      'the primary replaces the killed process',
    );
    await until(
      () => /serves in place of the one that ended/.test(output),
      'the new process serves',
    );
    const now = workerPids();
    assert.equal(now.length, 2, `two server processes again: ${now.join(', ')}`);
    assert.ok(!now.includes(victim));
    // The server keeps accepting after the replacement.
    const afterKill = receipts.size;
    await until(() => receipts.size >= afterKill + 40, '40 receipts after the replacement');
    stop = true;
    await Promise.all(lanes);
    assert.ok(killedAt >= 40);
    t.diagnostic(
      `${sent} sent, ${killedAt} receipts before the kill, ${unanswered.length} without an answer`,
    );

    const ids = [...receipts.values()];
    const stored = await storedIds(ids);
    assert.deepEqual(
      ids.filter((id) => !stored.has(id)),
      [],
      'every receipt given is a stored row',
    );
    // A request whose answer was lost is sent again with its key: one submission per key.
    for (const key of unanswered) {
      const answer = await send(key);
      assert.equal(answer.status, 201, JSON.stringify(answer.json));
      receipts.set(key, answer.json.submissionId);
    }
    assert.equal(receipts.size, sent);
    assert.equal(new Set(receipts.values()).size, sent, 'a receipt per key');
    assert.equal(await countStored(), before + sent, 'each key stored once');
  });

  test('a process killed while its group waits in the paused primary: the group commits, a resend replays it', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const call = callOn(agent);
    const { localPort } = await call('GET', '/healthz');
    // The server process at the other end of this connection.
    const victim = Number(
      /pid=(\d+)/.exec(
        execFileSync('ss', ['-tnpH', 'state', 'established', `( dport = :${localPort} )`], {
          encoding: 'utf8',
        }),
      )?.[1],
    );
    assert.ok(workerPids().includes(victim), `process ${victim} is one of the command's`);
    const replacements = (output.match(/serves in place/g) ?? []).length;
    process.kill(server.child.pid!, 'SIGSTOP');
    let lost: unknown;
    try {
      const submitted = call('POST', submissionPath(), submission('orphaned')).catch(
        (error: unknown) => (lost = error),
      );
      // The worker checks the group and sends it to the primary, which is paused.
      await sleep(1500);
      process.kill(victim, 'SIGKILL');
      await submitted;
    } finally {
      process.kill(server.child.pid!, 'SIGCONT');
    }
    agent.destroy();
    assert.ok(lost instanceof Error, 'the killed process never answered');
    await until(
      () => (output.match(/serves in place/g) ?? []).length > replacements,
      'the primary replaces the killed process, and the new one serves',
    );
    // On a new connection (fetch could reuse one to the killed process).
    const fresh = new Agent({ keepAlive: false });
    const again = await callOn(fresh)('POST', submissionPath(), submission('orphaned'));
    fresh.destroy();
    assert.equal(again.status, 201, again.body);
    const json = JSON.parse(again.body) as { replayed?: boolean };
    assert.equal(json.replayed, true, 'the primary committed the group of the killed process');
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
