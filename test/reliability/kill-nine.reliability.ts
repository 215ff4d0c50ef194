/**
 * Durability under kill -9: `plenum serve` takes API submissions from concurrent clients and is
 * killed with SIGKILL at a random moment, then started again; every request whose answer was
 * lost is sent again with the same idempotency key. Every receipt ever given must be a stored
 * row, each key must be stored once, and a replay must give back the same receipt.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApiToken } from '../../src/accounts/accounts.service.ts';
import {
  buildConsultation,
  representativeViewer,
} from '../../src/consultations/consultation.builder.ts';
import { openMigratedDatabase, type Engine } from '../../src/db/database.ts';
import { startServer } from '../support/start-server.ts';

/** Durability is what is tested, not the quota: one account sends hundreds a second. */
const noSubmissionQuota = { PLENUM_LIMIT_SUBMISSIONS: '0' };
import { Random, postgresSchema, reliabilityEngines, reliabilitySeed } from './support.ts';

/** Rounds of load and kill per engine. */
const rounds = 4;
/** Clients sending at once. */
const clients = 12;

interface Receipt {
  submissionId: string;
  replayed: boolean;
}

/** Where the database of an engine is, for the server and for the checks. */
async function databaseFor(
  engine: Engine,
): Promise<{ location: string; env: Record<string, string>; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'plenum-kill-'));
    const file = join(dir, 'plenum.sqlite');
    return {
      location: file,
      env: { DATABASE_URL: file },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = await postgresSchema('kill');
  return { location: schema.url, env: { DATABASE_URL: schema.url }, drop: schema.drop };
}

for (const engine of reliabilityEngines()) {
  describe(`kill -9 under submission load (${engine})`, () => {
    test('every receipt is a stored row, each key stored once, replays give the same receipt', async () => {
      const seed = reliabilitySeed() + (engine === 'sqlite' ? 1 : 2);
      const random = new Random(seed);
      const database = await databaseFor(engine);
      const { opened } = await openMigratedDatabase(database.location);
      const built = await buildConsultation(opened.db, {
        now: new Date(),
        moderation: 'immediate',
      });
      const token = await createApiToken(
        opened.db,
        representativeViewer(built, 'civil', 'session'),
        'kill test',
      );
      await opened.close();

      const receipts = new Map<string, string>();
      let lost: string[] = [];
      let sent = 0;
      let nextKey = 0;
      let replaysChecked = 0;
      let lostTotal = 0;
      const send = async (base: string, key: string): Promise<Receipt> => {
        sent++;
        const res = await fetch(`${base}/api/consultations/${built.period.id}/submissions`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': key,
          },
          body: JSON.stringify({
            organisationId: built.organisations.civil.id,
            body: `Durability comment ${key}: the Group should keep every receipt it gives.`,
          }),
        });
        const json = (await res.json()) as Receipt & { code?: string };
        assert.equal(res.status, 201, `${key}: ${JSON.stringify(json)}`);
        return json;
      };
      const record = (key: string, receipt: Receipt): void => {
        const earlier = receipts.get(key);
        if (earlier !== undefined) {
          assert.equal(receipt.submissionId, earlier, `${key}: a replay gave another receipt`);
          replaysChecked++;
        }
        receipts.set(key, receipt.submissionId);
      };

      const started = performance.now();
      try {
        for (let round = 0; round < rounds; round++) {
          const server = startServer([], {
            ...database.env,
            PLENUM_DEMO: 'off',
            ...noSubmissionQuota,
          });
          const base = await server.ready;
          const exited = new Promise((resolve) => server.child.once('exit', resolve));
          // The answers lost at the last kill go first, with their keys; then fresh keys, and
          // now and then the replay of a key that already has its receipt.
          const queue = lost;
          lost = [];
          let alive = true;
          const worker = async (): Promise<void> => {
            while (alive) {
              const replay = receipts.size > 0 && random.chance(0.05);
              const key =
                queue.pop() ??
                (replay ? random.pick([...receipts.keys()]) : `kill-${engine}-${nextKey++}`);
              try {
                record(key, await send(base, key));
              } catch (error) {
                if (error instanceof assert.AssertionError) throw error;
                lost.push(key);
                lostTotal++;
              }
            }
          };
          const working = Array.from({ length: clients }, worker);
          await sleep(random.int(300, 1500));
          server.child.kill('SIGKILL');
          await exited;
          alive = false;
          await Promise.all(working);
          lost.push(...queue);
        }
        // Settle after the last kill: every lost key again, then every receipt replayed.
        const server = startServer([], {
          ...database.env,
          PLENUM_DEMO: 'off',
          ...noSubmissionQuota,
        });
        const base = await server.ready;
        const exited = new Promise((resolve) => server.child.once('exit', resolve));
        const settle = async (keys: string[]): Promise<void> => {
          const next = [...keys];
          const worker = async (): Promise<void> => {
            for (let key = next.pop(); key !== undefined; key = next.pop()) {
              record(key, await send(base, key));
            }
          };
          await Promise.all(Array.from({ length: clients }, worker));
        };
        await settle(lost);
        lost = [];
        await settle([...receipts.keys()]);
        server.child.kill('SIGTERM');
        await exited;
        assert.equal(lost.length, 0, 'every lost answer was settled in the last round');

        const { opened: after } = await openMigratedDatabase(database.location);
        try {
          const rows = await after.db
            .selectFrom('submissions')
            .select(['id', 'idempotency_key'])
            .where('period_id', '=', built.period.id)
            .execute();
          const ids = new Set(rows.map((r) => r.id));
          const missing = [...receipts].filter(([, id]) => !ids.has(id));
          assert.deepEqual(missing, [], 'receipts given without a stored row');
          const keys = rows.map((r) => r.idempotency_key);
          assert.equal(new Set(keys).size, keys.length, 'an idempotency key stored twice');
          assert.equal(rows.length, receipts.size, 'rows without a receipt');
        } finally {
          await after.close();
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          `kill -9 (${engine}, seed ${seed}): ${rounds} kills, ${sent} requests, ${lostTotal} answers lost and sent again, ${receipts.size} receipts checked against stored rows, ${replaysChecked} replays gave the same receipt, ${seconds} s`,
        );
      } finally {
        await database.drop();
      }
    });
  });
}
