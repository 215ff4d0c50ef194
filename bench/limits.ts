/**
 * Limits under attack, measured through real servers on loopback:
 * - pages during a password-guessing burst: the p95 of a document page, quiet and while 16
 *   sign-in attempts are always in flight, against `plenum serve` of this tree and, when
 *   PLENUM_BENCH_BEFORE names a copy of an older tree, against that one side by side;
 * - a flood from one API token: five tokens submit at a steady rate, one sends ten times as fast;
 *   the others' rate and p99, without the flood, with it and quotas on, with it and quotas off.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createApiToken } from '../src/accounts/accounts.service.ts';
import {
  buildConsultation,
  paragraphBlock,
  representativeViewer,
} from '../src/consultations/consultation.builder.ts';
import type { Engine } from '../src/db/database.ts';
import { defaultLimitSettings, noLimits, type LimitSettings } from '../src/limits/limits.ts';
import { createHttpServer, listen } from '../src/http-server.ts';
import { openBenchDatabase } from './databases.ts';
import { startServer } from '../test/support/start-server.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ms = (n: number): string => `${n.toFixed(1)} ms`;
function quantile(samples: number[], q: number): number {
  const sorted = samples.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
const sleep = (t: number) => new Promise((resolve) => setTimeout(resolve, t));

/** `plenum serve` of the tree at `root` on a new SQLite file with the demo content. */
async function serveTree(root: string, env: Record<string, string>) {
  const db = join(mkdtempSync(join(tmpdir(), 'plenum-bench-')), 'bench.sqlite');
  const { child, ready } = startServer(['--db', db], env, {
    ...(root === '.' ? {} : { cwd: root }),
    timeoutMs: 120_000,
  });
  return { base: await ready, stop: () => child.kill('SIGTERM') };
}

/** Page p95 quiet and under 16 concurrent sign-in attempts, for the tree at `root`. */
async function pagesDuringGuessing(label: string, root: string): Promise<void> {
  // Sign-in limits off: every attempt reaches the password check, the worst case for the pages.
  const server = await serveTree(root, {
    PLENUM_LIMIT_SIGN_IN: '0',
    PLENUM_LIMIT_SIGN_IN_ACCOUNT: '0',
    PLENUM_LIMIT_SIGN_IN_ADDRESS: '0',
    PLENUM_PASSWORD_QUEUE: '64',
  });
  try {
    const home = await (await fetch(`${server.base}/documents`)).text();
    const path = /href="(\/documents\/[0-9a-f-]{36})"/.exec(home)?.[1] ?? '/';
    const page = async () => {
      const t = performance.now();
      const res = await fetch(server.base + path, { headers: { 'accept-encoding': 'gzip' } });
      await res.arrayBuffer();
      return performance.now() - t;
    };
    for (let i = 0; i < 10; i++) await page();
    const quiet: number[] = [];
    for (let i = 0; i < 60; i++) quiet.push(await page());
    let attacking = true;
    let attempts = 0;
    const guesser = async () => {
      while (attacking) {
        const form = await fetch(`${server.base}/sign-in`);
        const csrf = /plenum_csrf=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')?.[1] ?? '';
        await form.text();
        const res = await fetch(`${server.base}/sign-in`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: `plenum_csrf=${csrf}`,
          },
          body: new URLSearchParams({
            email: `guess${attempts}@example.org`,
            password: `guess ${attempts}`,
            _csrf: csrf,
          }).toString(),
          redirect: 'manual',
        });
        await res.text();
        attempts += 1;
      }
    };
    const guessers = Array.from({ length: 16 }, guesser);
    await sleep(1000);
    const attacked: number[] = [];
    const started = performance.now();
    for (let i = 0; i < 60 && performance.now() - started < 120_000; i++)
      attacked.push(await page());
    attacking = false;
    await Promise.all(guessers);
    const [q, a] = [quantile(quiet, 0.95), quantile(attacked, 0.95)];
    console.log(
      `pages during password guessing (${label}): document page p95 quiet ${ms(q)} (median ${ms(quantile(quiet, 0.5))}), under 16 concurrent sign-in attempts ${ms(a)} (median ${ms(quantile(attacked, 0.5))}), ${(a / q).toFixed(1)}x; ${attempts} attempts answered  [target ≤ 2x]`,
    );
  } finally {
    server.stop();
  }
}

/** The others' rate and p99 while one token floods. */
async function flood(engine: Engine): Promise<void> {
  const modes: { label: string; limits: LimitSettings; flooding: boolean }[] = [
    { label: 'no flood', limits: defaultLimitSettings, flooding: false },
    { label: 'flood, quotas on', limits: defaultLimitSettings, flooding: true },
    { label: 'flood, quotas off', limits: noLimits, flooding: true },
  ];
  for (const mode of modes) {
    const o = await openBenchDatabase(engine);
    let server: Server | undefined;
    let indexer: { stop: () => Promise<void> } | undefined;
    try {
      const built = await buildConsultation(o.db, { moderation: 'immediate' });
      const blockId = await paragraphBlock(o.db, built.versionId, 'para 2');
      const http = await createHttpServer({ db: o.db, engine, limitSettings: mode.limits });
      server = http.server;
      indexer = http.deps.followers;
      const port = await listen(server, 0, '127.0.0.1');
      const who = ['civil', 'tech', 'government'] as const;
      const tokens = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          createApiToken(o.db, representativeViewer(built, who[i % 3]!, 'session'), `t${i}`).then(
            (token) => ({ token, organisationId: built.organisations[who[i % 3]!].id }),
          ),
        ),
      );
      // Each of the three accounts has two tokens; the civil account floods with its first, and
      // the steady clients are the four tokens of the two other accounts (quotas are per account).
      const url = `http://127.0.0.1:${port}/api/consultations/${built.period.id}/submissions`;
      const send = async (t: { token: string; organisationId: string }) => {
        const started = performance.now();
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${t.token}`,
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify({
            organisationId: t.organisationId,
            body: 'A comment sent by a steady client of the API.',
            anchors: [{ blockId }],
          }),
        });
        await res.text();
        return { status: res.status, ms: performance.now() - started };
      };
      // Warm up (compiled code, first claims, connections) before anything is measured.
      for (let i = 0; i < 10; i++) await Promise.all(tokens.slice(1).map((t) => send(t)));
      const seconds = 10;
      const steadyRate = 4; // per second per steady token: 240 a minute, under the quota
      const steady = tokens.filter((_, i) => i % 3 !== 0);
      const results = {
        accepted: 0,
        latencies: [] as number[],
        flood: 0,
        floodAccepted: 0,
        floodRefused: 0,
      };
      const began = Date.now();
      const end = performance.now() + seconds * 1000;
      const pace = async (rate: number, act: () => Promise<void>) => {
        const jobs: Promise<void>[] = [];
        for (let next = performance.now(); next < end; next += 1000 / rate) {
          await sleep(Math.max(0, next - performance.now()));
          jobs.push(act());
        }
        await Promise.all(jobs);
      };
      await Promise.all([
        ...steady.map((t) =>
          pace(steadyRate, async () => {
            const r = await send(t);
            if (r.status === 201) results.accepted += 1;
            results.latencies.push(r.ms);
          }),
        ),
        ...(mode.flooding
          ? [
              pace(steadyRate * 10 * steady.length, async () => {
                const r = await send(tokens[0]!);
                results.flood += 1;
                if (r.status === 429) results.floodRefused += 1;
                if (r.status === 201) results.floodAccepted += 1;
              }),
            ]
          : []),
      ]);
      const expected = steady.length * steadyRate * seconds;
      // The quota is per minute window: the run may straddle two or more of them.
      const windows = Math.floor(Date.now() / 60_000) - Math.floor(began / 60_000) + 1;
      console.log(
        `flood from one token on ${engine} (${mode.label}): ${steady.length} steady tokens at ${steadyRate}/s each got ${results.accepted} of ${expected} accepted (${((results.accepted * 100) / expected).toFixed(0)}%), p99 ${ms(quantile(results.latencies, 0.99))}, p50 ${ms(quantile(results.latencies, 0.5))}` +
          (mode.flooding
            ? `; the flooding token sent ${results.flood} (${steadyRate * 10 * steady.length}/s asked, 10x the others together), ${results.floodAccepted} accepted, ${results.floodRefused} refused with 429, over ${windows} minute window(s) of the quota`
            : ''),
      );
    } finally {
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server!.close(() => resolve()));
      }
      await indexer?.stop();
      await o.close();
    }
  }
}

/** The limits benchmarks: pages under sign-in pressure (this tree, and an older one if given), a token's flood. */
export async function benchLimits(engine: Engine): Promise<void> {
  await flood(engine);
  if (engine !== 'sqlite') return;
  const before = process.env.PLENUM_BENCH_BEFORE;
  if (before) await pagesDuringGuessing(`before: ${before}`, before);
  await pagesDuringGuessing('this tree', '.');
}

if (import.meta.main) await benchLimits('sqlite');
