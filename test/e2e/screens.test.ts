/**
 * Small and wide screens (issue 19, point 8): the main pages in English, Arabic and Chinese at
 * 390 px and 1280 px, on the briefing corpus. On every page: no sideways scrolling, the page's
 * <h1> inside the first screenful (390 × 844 on the phone, 1280 × 900 on the desktop), the right
 * direction, axe-core clean; the comparison page's two versions side by side at 1280 px and one
 * above the other at 390 px. One browser; per language × width one reader context (no
 * JavaScript) and one checker context (axe-core needs JavaScript). Screenshots of the first
 * screenful (the whole comparison page) go to test-results/screens/<lang>-<width>-<page>.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { briefingNow, buildBriefingCorpus } from '../../src/briefings/briefing.builder.ts';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../src/db/database.ts';
import { createHttpServer, listen } from '../../src/http-server.ts';
import {
  chromiumSkip as skip,
  fitsWidth,
  launchChromium,
  readerContext,
} from '../support/browser.ts';

const shots = join(process.cwd(), 'test-results', 'screens');
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

let dir = '';
let opened: OpenDatabase;
let server: Server | undefined;
let browser: Browser | undefined;
let base = '';
let pages: [name: string, path: string][] = [];

before(async () => {
  if (skip) return;
  mkdirSync(shots, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'plenum-screens-e2e-'));
  opened = await openDatabase(join(dir, 'plenum.sqlite'));
  await migrateToLatest(opened.db);
  const corpus = await buildBriefingCorpus(opened, opened.engine);
  const { built } = corpus;
  pages = [
    ['home', '/'],
    ['process', `/processes/${built.process.slug}`],
    ['document', `/documents/${built.documentId}/v/2/en`],
    ['compare', `/documents/${built.documentId}/compare?from=1&to=2&lang=en`],
    ['consultation', `/consultations/${built.period.id}`],
    ['search', '/search?q=root'],
    ['concept', '/concepts/public-core'],
    ['country', '/countries/EGY'],
    ['registry', '/registry'],
    ['sign-in', '/sign-in'],
  ];
  ({ server } = await createHttpServer({
    db: opened.db,
    engine: opened.engine,
    now: () => briefingNow,
  }));
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await opened?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** axe-core's findings on the page the checker has loaded. */
async function axe(checker: Page): Promise<string[]> {
  await checker.addScriptTag({ content: axeSource });
  return checker.evaluate(async () => {
    const run = (
      globalThis as unknown as {
        axe: {
          run: (ctx: Document) => Promise<{
            violations: { id: string; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe.run;
    const result = await run(document);
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  });
}

/** A checker in `lang` at `width`: JavaScript on (for axe-core), the page's CSP bypassed. */
async function checkerContext(lang: string, width: number): Promise<BrowserContext> {
  const context = await browser!.newContext({
    bypassCSP: true,
    viewport: { width, height: width < 600 ? 844 : 900 },
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(`${base}/language/${lang}?back=%2F`);
  await page.close();
  return context;
}

for (const [lang, dir] of [
  ['en', 'ltr'],
  ['ar', 'rtl'],
  ['zh', 'ltr'],
] as const) {
  for (const width of [390, 1280]) {
    const height = width < 600 ? 844 : 900;
    test(
      `the main pages in ${lang} at ${width} px: no sideways scrolling, the h1 in the first ${width}×${height} screen, axe-core clean`,
      { skip },
      async () => {
        const findings: string[] = [];
        const reader = await readerContext(browser!, base, lang, width);
        const checking = await checkerContext(lang, width);
        const page = await reader.newPage();
        const checker = await checking.newPage();
        try {
          for (const [name, path] of pages) {
            const what = `${name} (${lang} ${width}px)`;
            const response = await page.goto(`${base}${path}`);
            assert.equal(response?.status(), 200, `${what}: status`);
            assert.equal(await page.locator('html').getAttribute('dir'), dir, `${what}: dir`);
            if (!(await fitsWidth(page))) {
              const over = await page.evaluate(
                () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
              );
              findings.push(`${what}: ${over}px wider than the screen`);
            }
            // The header's height on a phone: compact enough to leave the screen to the page.
            const header = (await page.locator('header.site').boundingBox())!;
            if (width < 600 && header.height > 200)
              findings.push(`${what}: the header is ${Math.round(header.height)}px high`);
            const h1 = await page.locator('main h1').first().boundingBox();
            if (!h1) findings.push(`${what}: no h1 in main`);
            else if (h1.y + h1.height > height)
              findings.push(`${what}: the h1 ends at ${Math.round(h1.y + h1.height)}px`);
            if (name === 'compare') {
              // The two versions' cells of the first row: side by side on a desktop, stacked
              // on a phone; and the page uses the width it has on a desktop.
              const [a, b] = await Promise.all(
                [1, 2].map((n) =>
                  page
                    .locator(`table.compare tbody tr:first-child td:nth-child(${n})`)
                    .boundingBox(),
                ),
              );
              assert.ok(a && b, `${what}: the first row's cells`);
              const table = (await page.locator('table.compare').boundingBox())!;
              await page.screenshot({
                path: join(shots, `${lang}-${width}-compare-table.png`),
                clip: { x: 0, y: table.y, width, height },
                fullPage: true,
              });
              if (width >= 1024) {
                if (Math.abs(a.y - b.y) >= 2) findings.push(`${what}: not side by side`);
                if (table.width < 1100) findings.push(`${what}: table ${table.width}px wide`);
              } else if (b.y < a.y + a.height - 1) {
                findings.push(`${what}: the versions not one above the other`);
              }
            }
            // The first screenful, and the whole of the comparison (its table is further down).
            await page.screenshot({
              path: join(shots, `${lang}-${width}-${name}.png`),
              fullPage: name === 'compare',
            });
            await checker.goto(`${base}${path}`);
            findings.push(...(await axe(checker)).map((v) => `${what}: ${v}`));
          }
        } finally {
          await reader.close();
          await checking.close();
        }
        assert.deepEqual(findings, []);
      },
    );
  }
}
