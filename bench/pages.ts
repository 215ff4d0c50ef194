/**
 * What the pages that list submissions cost as more are stored: the home page (issue 15: p95 ≤ 50
 * ms with 1,000,000 stored), the document page, the opened paragraph, the consultation page, the moderation queue, an organisation's and a country's page, timed at
 * 1,000, 10,000 and 100,000 stored submissions (1,000,000 with PLENUM_BENCH_PAGES_MILLION=1) in
 * one growing database, with the load average. A page that costs what it shows stays flat; one
 * that walks what is stored grows tenfold a step. Run alone with `node bench/pages.ts
 * [sqlite|postgres]`, or from bench/run.ts (SQLite).
 *
 * PLENUM_BENCH_PAGES_DIR keeps each size's store for the next run (building 1,000,000 takes many
 * minutes): on SQLite a file pages-<size>.sqlite there, grown from the next smaller one; on
 * PostgreSQL a schema pages_<size>; what the pages need (ids) beside them in pages-<size>.json. A
 * kept store is migrated when opened, so it also checks that a new migration fills what it adds.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { operatorViewer } from '../src/accounts/accounts.schema.ts';
import { createApp } from '../src/app.ts';
import {
  migrateToLatest,
  openDatabase,
  type Engine,
  type OpenDatabase,
} from '../src/db/database.ts';
import { getModerationQueue } from '../src/submissions/submissions.service.ts';
import {
  setUp,
  timePage,
  writePublishedSubmissions,
  type PageTiming,
  type Setup,
} from './consultations.ts';
import { openBenchDatabase } from './databases.ts';

const ms = (n: number): string => `${n.toFixed(1)} ms`;

function sizesAsked(): number[] {
  const out = [1_000, 10_000, 100_000];
  if (process.env.PLENUM_BENCH_PAGES_MILLION === '1') out.push(1_000_000);
  const max = Number(process.env.PLENUM_BENCH_PAGES_MAX);
  return Number.isInteger(max) && max > 0 ? out.filter((n) => n <= max) : out;
}

/** A store of `size` submissions with what its pages need, and how long its writing took. */
interface Store {
  o: OpenDatabase;
  setup: Setup;
  written: number;
}

/** A new store of `size` published submissions (not kept). */
async function freshStore(
  engine: Engine,
  size: number,
): Promise<Store & { close(): Promise<void> }> {
  const o = await openBenchDatabase(engine);
  const setup = await setUp(o);
  const t = performance.now();
  await writePublishedSubmissions(o.db, setup, size, `s${size}-`);
  return { o, setup, written: (performance.now() - t) / 1000, close: () => o.close() };
}

/**
 * The kept store of `size` in `dir`: opened as it is, or made (on SQLite from a copy of the
 * largest smaller one, topped up) and kept.
 */
async function keptStore(
  engine: Engine,
  dir: string,
  size: number,
): Promise<Store & { close(): Promise<void> }> {
  const meta = (n: number) => join(dir, `pages-${engine}-${n}.json`);
  const file = (n: number) => join(dir, `pages-${n}.sqlite`);
  const open = async (n: number): Promise<OpenDatabase> => {
    if (engine === 'postgres') return openBenchDatabase(engine, `pages_${n}`);
    const o = await openDatabase(file(n));
    await migrateToLatest(o.db);
    return o;
  };
  if (existsSync(meta(size))) {
    const setup = JSON.parse(readFileSync(meta(size), 'utf8')) as Setup;
    const o = await open(size);
    return { o, setup, written: 0, close: () => o.close() };
  }
  const smaller =
    engine === 'sqlite'
      ? [...sizesAsked(), 100_000, 10_000, 1_000]
          .filter((n) => n < size && existsSync(meta(n)) && existsSync(file(n)))
          .sort((a, b) => b - a)[0]
      : undefined;
  let setup: Setup;
  let stored = 0;
  if (smaller !== undefined) {
    copyFileSync(file(smaller), file(size));
    setup = JSON.parse(readFileSync(meta(smaller), 'utf8')) as Setup;
    stored = smaller;
  }
  const o = await open(size);
  if (smaller === undefined) setup = await setUp(o);
  const t = performance.now();
  await writePublishedSubmissions(o.db, setup!, size - stored, `s${size}-`);
  const written = (performance.now() - t) / 1000;
  if (engine === 'sqlite') await sql`pragma wal_checkpoint(truncate)`.execute(o.db);
  writeFileSync(meta(size), JSON.stringify(setup!));
  return { o, setup: setup!, written, close: () => o.close() };
}

/** The cost curve of the listing pages on one engine. */
export async function benchPages(engine: Engine): Promise<void> {
  const dir = process.env.PLENUM_BENCH_PAGES_DIR;
  // Without a kept store, one database grows from one size to the next.
  let growing: (Store & { close(): Promise<void> }) | undefined;
  let stored = 0;
  try {
    for (const size of sizesAsked()) {
      let store: Store & { close(): Promise<void> };
      if (dir) store = await keptStore(engine, dir, size);
      else {
        if (!growing) growing = await freshStore(engine, size);
        else {
          const t = performance.now();
          await writePublishedSubmissions(growing.o.db, growing.setup, size - stored, `s${size}-`);
          growing.written = (performance.now() - t) / 1000;
        }
        store = growing;
      }
      stored = size;
      try {
        await timeAtSize(engine, store, size);
      } finally {
        if (dir) await store.close();
      }
    }
  } finally {
    await growing?.close();
  }
}

/** Times each page of a store. */
async function timeAtSize(
  engine: Engine,
  { o, setup, written }: Store,
  size: number,
): Promise<void> {
  const { process_id: processId } = await o.db
    .selectFrom('comment_periods')
    .select('process_id')
    .where('id', '=', setup.periodId)
    .executeTakeFirstOrThrow();
  // PostgreSQL's autovacuum analyses tables this size; SQLite runs no ANALYZE in plenum.
  if (engine === 'postgres') await sql.raw('analyze').execute(o.db);
  const app = createApp({ db: o.db, engine });
  const organisation = setup.organisations[0]!.id;
  const pages: [string, string][] = [
    ['home page', '/'],
    ['document page', `/documents/${setup.documentId}/v/1/en`],
    ['opened paragraph', `/documents/${setup.documentId}/v/1/en?comments=para%2050`],
    ['consultation page', `/consultations/${setup.periodId}`],
    ['organisation page', `/organisations/${organisation}`],
    ['country page', '/countries/BRA'],
  ];
  const plan = { warmUp: 5, timed: 40, budgetMs: 8000 };
  const figures: string[] = [];
  for (const [name, path] of pages) {
    try {
      const r: PageTiming = await timePage(app, path, plan);
      figures.push(`${name} median ${ms(r.p50)} p95 ${ms(r.p95)}`);
    } catch (error) {
      figures.push(`${name}: ${(error as Error).message}`);
    }
  }
  const queue: number[] = [];
  for (let i = 0; i < 40; i++) {
    const s = performance.now();
    await getModerationQueue(o.db, operatorViewer, processId, setup.periodId);
    queue.push(performance.now() - s);
  }
  queue.sort((a, b) => a - b);
  figures.push(`moderation queue (service) median ${ms(queue[20]!)} p95 ${ms(queue[38]!)}`);
  console.log(
    `pages on ${engine} at ${size.toLocaleString('en')} stored submissions (${written > 0 ? `written in ${written.toFixed(0)} s` : 'kept store'}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores): ${figures.join('; ')}`,
  );
}

if (import.meta.main) {
  const asked = process.argv[2];
  await benchPages(asked === 'postgres' ? 'postgres' : 'sqlite');
}
