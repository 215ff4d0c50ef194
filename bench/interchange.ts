/**
 * Akoma Ntoso export of a 1,000-paragraph version (300 footnotes): read from the database and
 * written as XML, the whole request's work without HTTP (target ≤ 300 ms).
 */
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

if (import.meta.main) {
  for (const engine of (process.env.PLENUM_TEST_POSTGRES_URL
    ? ['sqlite', 'postgres']
    : ['sqlite']) as Engine[])
    await benchAknExport(engine);
}
