/**
 * npm run bench: parse of 400,000 lines and the event loop under five ZIP-bomb attachments
 * (hardening.ts), parse of a 200-page PDF (pdf.ts), the import evaluation corpus (eval-corpus.ts),
 * import of a generated 1,000-paragraph, 300-footnote document, and server render of a
 * 200-paragraph document page, on SQLite (and PostgreSQL when PLENUM_TEST_POSTGRES_URL is set);
 * campaign grouping through its follower per engine, and of 1,000,000 submissions in memory;
 * the registry of national measures at 50,000 measures and 500,000 versions (registry.ts).
 */
import { cpus } from 'node:os';
import { createApp } from '../src/app.ts';
import type { Engine } from '../src/db/database.ts';
import { buildProcess } from '../src/imports/imports.builder.ts';
import { importFile, parseImportFile } from '../src/imports/imports.service.ts';
import { benchConsultations } from './consultations.ts';
import { openBenchDatabase } from './databases.ts';
import { generateDraftText } from './generate.ts';
import { benchSearch } from './search.ts';
import { benchPages } from './pages.ts';
import { benchWatchFollower, benchWatchMatching } from './watches.ts';
import { benchBriefing } from './briefings.ts';
import { benchAttachmentBombs, benchLongText } from './hardening.ts';
import { benchLimits } from './limits.ts';
import { benchPdfImport } from './pdf.ts';
import { benchEvalCorpus } from './eval-corpus.ts';
import { benchTransparency } from './transparency.ts';
import { benchCampaignFollower, benchCampaignGrouping } from './campaigns.ts';
import { benchAknExport, benchDataPackage } from './interchange.ts';
import { benchRegistry } from './registry.ts';

function stats(samples: number[]): { median: number; p95: number; min: number } {
  const sorted = samples.toSorted((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), min: sorted[0]! };
}

const ms = (n: number): string => `${n.toFixed(2)} ms`;

async function benchImport(engine: Engine): Promise<void> {
  const text = new TextEncoder().encode(generateDraftText(1000, 300));
  const parseOnly: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    await parseImportFile(text, { format: 'text', language: 'en' });
    parseOnly.push(performance.now() - t);
  }
  const o = await openBenchDatabase(engine);
  try {
    await buildProcess(o.db);
    const samples: number[] = [];
    let last;
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      last = await importFile(o.db, text, {
        process: 'twg',
        symbol: `BENCH/${i}`,
        language: 'en',
        format: 'text',
      });
      samples.push(performance.now() - t);
    }
    const s = stats(samples);
    console.log(
      `import 1,000 paragraphs + 300 footnotes (${(text.byteLength / 1024).toFixed(0)} KB) on ${engine}: median of 10 ${ms(s.median)}, slowest ${ms(Math.max(...samples))} (parse alone median ${ms(stats(parseOnly).median)}); ` +
        `${last!.blocks.numberedParagraphs} numbered paragraphs, ${last!.footnotes.footnotes} footnotes, ${last!.footnotes.linked} linked  [target < 1000 ms]`,
    );
  } finally {
    await o.close();
  }
}

async function benchRender(engine: Engine): Promise<void> {
  const o = await openBenchDatabase(engine);
  try {
    await buildProcess(o.db);
    const text = new TextEncoder().encode(generateDraftText(200, 60, 2));
    const r = await importFile(o.db, text, {
      process: 'twg',
      symbol: 'BENCH/RENDER',
      language: 'en',
      format: 'text',
    });
    const app = createApp({ db: o.db, engine });
    const path = `/documents/${r.ids.document}`;
    let bytes = 0;
    for (let i = 0; i < 30; i++) bytes = Buffer.byteLength(await (await app.request(path)).text());
    const gzipped = (
      await (await app.request(path, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer()
    ).byteLength;
    const samples: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      const res = await app.request(path);
      await res.text();
      samples.push(performance.now() - t);
    }
    const s = stats(samples);
    console.log(
      `render a 200-paragraph document page on ${engine} (warm, 300 requests through app.request): median ${ms(s.median)}, p95 ${ms(s.p95)}, ${(bytes / 1024).toFixed(1)} KB of HTML, ${(gzipped / 1024).toFixed(1)} KB sent gzipped  [target median < 20 ms]`,
    );
  } finally {
    await o.close();
  }
}

console.log(
  `plenum bench on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
);
const engines: Engine[] = process.env.PLENUM_TEST_POSTGRES_URL
  ? ['sqlite', 'postgres']
  : ['sqlite'];
await benchLongText();
await benchPdfImport();
await benchEvalCorpus();
for (const engine of engines) {
  await benchAttachmentBombs(engine);
  await benchImport(engine);
  await benchRender(engine);
  await benchAknExport(engine);
  await benchDataPackage(engine);
  // 50,000 measures, 500,000 versions (minutes to load per engine); PLENUM_BENCH_REGISTRY_MEASURES for fewer.
  await benchRegistry(engine);
  await benchConsultations(engine);
  // The listing pages at 1,000 / 10,000 / 100,000 stored submissions (PLENUM_BENCH_PAGES_MILLION=1
  // adds 1,000,000; PLENUM_BENCH_PAGES_MAX stops earlier).
  await benchPages(engine);
  // 1,000,000 passages by default (minutes per engine); PLENUM_BENCH_SEARCH_ITEMS for fewer.
  await benchSearch(engine);
  // Every speaker in the same words (a quotation each), then in five phrasings (three each).
  await benchBriefing(engine);
  await benchBriefing(engine, 100_000, 5);
  await benchLimits(engine);
  await benchCampaignFollower(engine);
  await benchTransparency(engine, { verify: engine === engines[0] });
}
// Watch matching runs in memory: once, whatever the engines.
benchWatchMatching();
benchWatchMatching(100_000, 5_000, true);
// The watch follower's matching and writing of matches, on SQLite.
await benchWatchFollower();
// Campaign grouping of 1,000,000 planted submissions in memory: once, whatever the engines.
benchCampaignGrouping();
