/**
 * Akoma Ntoso export of a 1,000-paragraph version (300 footnotes): read from the database and
 * written as XML, the whole request's work without HTTP (target ≤ 300 ms). The data package of a
 * consultation of 100,000 published submissions (PLENUM_BENCH_PACKAGE_SIZE to change it), made in
 * a child process of its own (bench/data-package-child.ts, which imports only the export) so its
 * resident memory is the export's: bytes per second of the ZIP as it streams (target ≥ 20 MB/s)
 * and the highest RSS (target < 200 MB).
 */
import { fork } from 'node:child_process';
import { flushCompileCache } from 'node:module';
import { sql } from 'kysely';
import { fileURLToPath } from 'node:url';
import { setUp, writePublishedSubmissions } from './consultations.ts';
import { operatorViewer } from '../src/accounts/accounts.schema.ts';
import type { Engine } from '../src/db/database.ts';
import { buildProcess } from '../src/imports/imports.builder.ts';
import { importFile } from '../src/imports/imports.service.ts';
import { exportVersionAkn } from '../src/interchange/akn.service.ts';
import { openBenchDatabase } from './databases.ts';
import { generateDraftText } from './generate.ts';

/** Exports the version 20 times (after 3 warm-ups) and prints the median and the slowest. */
export async function benchAknExport(engine: Engine): Promise<void> {
  const o = await openBenchDatabase(engine);
  try {
    await buildProcess(o.db);
    const text = new TextEncoder().encode(generateDraftText(1000, 300));
    const r = await importFile(o.db, text, {
      process: 'twg',
      symbol: 'BENCH/AKN/1',
      language: 'en',
      format: 'text',
      date: '2026-01-15',
    });
    let bytes = 0;
    for (let i = 0; i < 3; i++)
      bytes = (await exportVersionAkn(o.db, r.ids.version, 'en', operatorViewer)).xml.length;
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await exportVersionAkn(o.db, r.ids.version, 'en', operatorViewer);
      samples.push(performance.now() - t);
    }
    const sorted = samples.toSorted((a, b) => a - b);
    console.log(
      `Akoma Ntoso export of a ${r.blocks.numberedParagraphs}-paragraph version (${r.blocks.total} blocks, ${(bytes / 1024).toFixed(0)} KB of XML) on ${engine}: median of 20 ${sorted[10]!.toFixed(2)} ms, slowest ${sorted.at(-1)!.toFixed(2)} ms  [target ≤ 300 ms]`,
    );
  } finally {
    await o.close();
  }
}

/** Seeds a consultation of `size` published submissions and times its data package in a child. */
export async function benchDataPackage(engine: Engine): Promise<void> {
  const size = Number(process.env.PLENUM_BENCH_PACKAGE_SIZE ?? 100_000);
  const o = await openBenchDatabase(engine);
  try {
    const setup = await setUp(o);
    const t = performance.now();
    await writePublishedSubmissions(o.db, setup, size, 'package-');
    // PostgreSQL's autovacuum analyses tables this size; without statistics it walked every
    // submission of the period for each page of events. SQLite runs no ANALYZE in plenum.
    if (engine === 'postgres') await sql.raw('analyze').execute(o.db);
    const seeded = (performance.now() - t) / 1000;
    // The modules this process compiled are written to the compile cache (npm run bench sets
    // NODE_COMPILE_CACHE), so the child starts as a plenum command does after its first run.
    flushCompileCache();
    const result = await new Promise<string>((resolve, reject) => {
      const child = fork(
        fileURLToPath(new URL('./data-package-child.ts', import.meta.url)),
        [o.url, setup.periodId],
        { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
      );
      child.on('message', (m) => resolve(String(m)));
      child.on('exit', (code) =>
        code === 0 ? undefined : reject(new Error(`child exited ${code}`)),
      );
    });
    console.log(
      `Data package of ${size.toLocaleString('en')} published submissions on ${engine} (seeded in ${seeded.toFixed(0)} s): ${result}  [targets ≥ 20 MB/s, RSS < 200 MB]`,
    );
  } finally {
    await o.close();
  }
}

if (import.meta.main) {
  for (const engine of (process.env.PLENUM_TEST_POSTGRES_URL
    ? ['sqlite', 'postgres']
    : ['sqlite']) as Engine[]) {
    await benchAknExport(engine);
    await benchDataPackage(engine);
  }
}
