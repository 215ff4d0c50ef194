/**
 * What the pages that list submissions cost as more are stored: the home page (issue 15: p95 ≤ 50
 * ms with 1,000,000 stored), the opened paragraph, the consultation page, the moderation queue, an organisation's and a country's page, timed at
 * 1,000, 10,000 and 100,000 stored submissions (1,000,000 with PLENUM_BENCH_PAGES_MILLION=1) in
 * one growing database, with the load average. A page that costs what it shows stays flat; one
 * that walks what is stored grows tenfold a step. Run alone with `node bench/pages.ts
 * [sqlite|postgres]`, or from bench/run.ts (SQLite).
 */
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import { operatorViewer } from '../src/accounts/accounts.schema.ts';
import { createApp } from '../src/app.ts';
import type { Engine } from '../src/db/database.ts';
import { getModerationQueue } from '../src/submissions/submissions.service.ts';
import { setUp, timePage, writePublishedSubmissions, type PageTiming } from './consultations.ts';
import { openBenchDatabase } from './databases.ts';

const ms = (n: number): string => `${n.toFixed(1)} ms`;

function sizes(): number[] {
  const out = [1_000, 10_000, 100_000];
  if (process.env.PLENUM_BENCH_PAGES_MILLION === '1') out.push(1_000_000);
  const max = Number(process.env.PLENUM_BENCH_PAGES_MAX);
  return Number.isInteger(max) && max > 0 ? out.filter((n) => n <= max) : out;
}

/** The cost curve of the listing pages on one engine. */
export async function benchPages(engine: Engine): Promise<void> {
  const o = await openBenchDatabase(engine);
  try {
    const setup = await setUp(o);
    const { process_id: processId } = await o.db
      .selectFrom('comment_periods')
      .select('process_id')
      .where('id', '=', setup.periodId)
      .executeTakeFirstOrThrow();
    const app = createApp({ db: o.db, engine });
    const organisation = setup.organisations[0]!.id;
    const pages: [string, string][] = [
      ['home page', '/'],
      ['opened paragraph', `/documents/${setup.documentId}/v/1/en?comments=para%2050`],
      ['consultation page', `/consultations/${setup.periodId}`],
      ['organisation page', `/organisations/${organisation}`],
      ['country page', '/countries/BRA'],
    ];
    const plan = { warmUp: 5, timed: 40, budgetMs: 8000 };
    let stored = 0;
    for (const size of sizes()) {
      const t = performance.now();
      await writePublishedSubmissions(o.db, setup, size - stored, `s${size}-`);
      const written = (performance.now() - t) / 1000;
      stored = size;
      // PostgreSQL's autovacuum analyses tables this size; SQLite runs no ANALYZE in plenum.
      if (engine === 'postgres') await sql.raw('analyze').execute(o.db);
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
        `pages on ${engine} at ${size.toLocaleString('en')} stored submissions (written in ${written.toFixed(0)} s; load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} on ${cpus().length} cores): ${figures.join('; ')}`,
      );
    }
  } finally {
    await o.close();
  }
}

if (import.meta.main) {
  const asked = process.argv[2];
  await benchPages(asked === 'postgres' ? 'postgres' : 'sqlite');
}
