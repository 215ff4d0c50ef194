/**
 * Small and wide screens (issue 19, point 8): every kind of page in English, Arabic and Chinese
 * at 390 px and 1280 px, on the briefing corpus, as an anonymous reader, a representative and a
 * secretariat would see them. On every page: no sideways scrolling, the page's <h1> inside the
 * first screenful (390 × 844 on the phone, 1280 × 900 on the desktop), the right direction, the
 * header compact on the phone; the comparison page's two versions side by side at 1280 px and
 * one above the other at 390 px; axe-core clean (once per page, at 1280 px, in English, Arabic
 * or Chinese in turn: the rules it checks change with neither the width nor the language). The desktop header at 1024 and 1280 px in the
 * six languages keeps its language list on one line and no link broken across lines.
 *
 * Fast by design: one server, one browser, one sign-in per person (cookies handed to each
 * context), each person's walk at once, axe-core only at 1280 px in a checker context beside the
 * reader (loading the next page meanwhile). Screenshots of the first screenful
 * (the whole comparison page) go to test-results/screens/<lang>-<width>-<page>.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Viewer } from '../../src/accounts/accounts.schema.ts';
import { briefingNow, buildBriefingCorpus } from '../../src/briefings/briefing.builder.ts';
import { builtPassword, draftText } from '../../src/consultations/consultation.builder.ts';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../src/db/database.ts';
import { createHttpServer, listen } from '../../src/http-server.ts';
import { createImportDraft } from '../../src/imports/import-drafts.service.ts';
import { openTestRound } from '../../src/registry/round.builder.ts';
import {
  axeOf,
  chromiumSkip as skip,
  fitsWidth,
  launchChromium,
  signedInContext,
  signInCookies,
} from '../support/browser.ts';

const shots = join(process.cwd(), 'test-results', 'screens');

/** Who looks at a page: nobody signed in, a representative (civil), the secretariat. */
type Who = 'reader' | 'civil' | 'secretariat';

let dir = '';
let opened: OpenDatabase;
let server: Server | undefined;
let browser: Browser | undefined;
let base = '';
let pages: [name: string, path: string, who: Who][] = [];
/** Each signed-in person's cookies (session and form token), taken from an in-process sign-in. */
const cookies = new Map<Who, Map<string, string>>();

before(async () => {
  if (skip) return;
  mkdirSync(shots, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'plenum-screens-e2e-'));
  opened = await openDatabase(join(dir, 'plenum.sqlite'));
  await migrateToLatest(opened.db);
  const corpus = await buildBriefingCorpus(opened, opened.engine);
  const { built } = corpus;
  const secretariat: Viewer = {
    ...built.accounts.secretariat,
    name: 'secretariat person',
    isAdmin: false,
    via: 'session',
    grants: [{ role: 'secretariat', scopeId: built.process.id }],
  };
  const draft = await createImportDraft(opened.db, secretariat, {
    process: built.process.slug,
    bytes: new TextEncoder().encode(
      `Draft report of the test working group\n\nIntroduction\n\nA paragraph before the numbers.\n\n${draftText().split('\n\n').slice(1).join('\n\n')}`,
    ),
    fileName: 'revised-draft.txt',
    target: { version: 'Revised draft', language: 'en' },
  });
  const round = await openTestRound(opened.db, built, {
    title: 'National plans for the public core',
    invited: ['BRA', 'EGY'],
    closesAt: '2026-07-15T17:00',
  });
  const meeting = await opened.db
    .selectFrom('meetings')
    .select('id')
    .orderBy('starts_at')
    .executeTakeFirstOrThrow();
  const submission = await opened.db
    .selectFrom('submissions')
    .select('id')
    .where('status', '=', 'published')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  pages = [
    ['home', '/', 'reader'],
    ['process', `/processes/${built.process.slug}`, 'reader'],
    ['document', `/documents/${built.documentId}/v/2/en`, 'reader'],
    ['paragraph', `/documents/${built.documentId}/v/2/en?comments=para+3`, 'reader'],
    ['compare', `/documents/${built.documentId}/compare?from=1&to=2&lang=en`, 'reader'],
    ['consultation', `/consultations/${built.period.id}`, 'reader'],
    ['search', '/search?q=root', 'reader'],
    ['concept', '/concepts/public-core', 'reader'],
    ['country', '/countries/EGY', 'reader'],
    ['organisations', '/organisations', 'reader'],
    ['organisation', `/organisations/${built.organisations.civil.slug}`, 'reader'],
    ['meeting', `/meetings/${meeting.id}`, 'reader'],
    ['registry', '/registry', 'reader'],
    ['registry-map', '/registry/map', 'reader'],
    ['registry-matrix', '/registry/compare', 'reader'],
    ['registry-pair', '/registry/pair?a=BRA&b=EGY', 'reader'],
    ['registry-timeline', '/registry/timeline', 'reader'],
    ['concepts', '/concepts', 'reader'],
    ['countries', '/countries', 'reader'],
    ['submission', `/submissions/${submission.id}`, 'reader'],
    ['sign-up', '/sign-up', 'reader'],
    ['watches', '/watches', 'civil'],
    ['briefings', '/briefings', 'reader'],
    ['sign-in', '/sign-in', 'reader'],
    ['submit', `/consultations/${built.period.id}/submit`, 'civil'],
    ['account', '/account', 'civil'],
    ['round', `/registry/rounds/${round.id}`, 'secretariat'],
    ['moderation', `/consultations/${built.period.id}/moderation`, 'secretariat'],
    ['import-draft', `/import-drafts/${draft}`, 'secretariat'],
  ];
  ({ server } = await createHttpServer({
    db: opened.db,
    engine: opened.engine,
    now: () => briefingNow,
  }));
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  for (const who of ['civil', 'secretariat'] as const)
    cookies.set(who, await signInCookies(base, built.accounts[who].email, builtPassword));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await opened?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What is wrong with one page at one width, read as a reader without JavaScript sees it. */
async function lookAt(
  page: Page,
  [name, path]: [string, string, Who],
  lang: string,
  dir: string,
  width: number,
): Promise<string[]> {
  const height = width < 600 ? 844 : 900;
  const what = `${name} (${lang} ${width}px)`;
  const findings: string[] = [];
  const response = await page.goto(`${base}${path}`);
  if (response?.status() !== 200) return [`${what}: status ${response?.status()}`];
  if ((await page.locator('html').getAttribute('dir')) !== dir)
    findings.push(`${what}: not ${dir}`);
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
    // The two versions' cells of the first row: side by side on a desktop, stacked on a phone;
    // and the page uses the width it has on a desktop.
    const [a, b] = await Promise.all(
      [1, 2].map((n) =>
        page.locator(`table.compare tbody tr:first-child td:nth-child(${n})`).boundingBox(),
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
  return findings;
}

/** A context for `who` in `lang` at `width`: a reader without JavaScript, or a checker with it. */
function contextFor(
  who: Who,
  lang: string,
  width: number,
  checker = false,
): Promise<BrowserContext> {
  return signedInContext(browser!, base, {
    lang,
    width,
    cookies: cookies.get(who),
    javaScript: checker,
  });
}

/** The languages axe-core takes turns in, page by page. */
const axeLanguages = ['en', 'ar', 'zh'];

/**
 * Pages read by `who` in `lang` at `width`, each looked at by the reader; at 1280 px also checked
 * by axe-core in a checker context of the same person, loading the next page meanwhile.
 */
async function walk(
  who: Who,
  mine: [string, string, Who][],
  lang: string,
  dir: string,
  width: number,
): Promise<string[]> {
  const reader = await contextFor(who, lang, width);
  const checking = width >= 1024 ? await contextFor(who, lang, width, true) : undefined;
  const findings: string[] = [];
  try {
    const page = await reader.newPage();
    const checker = await checking?.newPage();
    let axeRun: Promise<void> = Promise.resolve();
    for (const entry of mine) {
      findings.push(...(await lookAt(page, entry, lang, dir, width)));
      // axe-core once per page, in one of the three languages in turn (every page in one, every
      // language on a third of the pages): its rules do not change with the language, and a
      // run costs about 2 s here.
      if (checker && pages.indexOf(entry) % axeLanguages.length === axeLanguages.indexOf(lang)) {
        await axeRun;
        axeRun = (async () => {
          await checker.goto(`${base}${entry[1]}`);
          const what = `${entry[0]} (${lang})`;
          findings.push(...(await axeOf(checker)).map((v) => `${what}: ${v}`));
        })();
      }
    }
    await axeRun;
  } finally {
    await reader.close();
    await checking?.close();
  }
  return findings;
}

describe(
  'every kind of page at 390 and 1280 px in English, Arabic and Chinese',
  { concurrency: 1 },
  () => {
    for (const [lang, dir] of [
      ['en', 'ltr'],
      ['ar', 'rtl'],
      ['zh', 'ltr'],
    ] as const) {
      for (const width of [390, 1280]) {
        const height = width < 600 ? 844 : 900;
        test(
          `${lang} at ${width} px: no sideways scrolling, the h1 in the first ${width}×${height} screen${width >= 1024 ? ', axe-core clean' : ''}`,
          { skip },
          async () => {
            // One walk per person at once (the anonymous reader's is the long one): on two cores
            // more renderers at once only make each slower.
            const found = await Promise.all(
              (['reader', 'civil', 'secretariat'] as const).map((who) =>
                walk(
                  who,
                  pages.filter((p) => p[2] === who),
                  lang,
                  dir,
                  width,
                ),
              ),
            );
            assert.deepEqual(found.flat(), []);
          },
        );
      }
    }

    test(
      'the desktop header at 1024 and 1280 px in the six languages: the languages on one line, no link broken, two rows at most',
      { skip },
      async () => {
        const findings: string[] = [];
        for (const who of ['reader', 'secretariat'] as const) {
          for (const lang of ['en', 'ar', 'zh', 'ru', 'fr', 'es']) {
            // The header is the same on every page: a light one, at each width in turn.
            const context = await contextFor(who, lang, 1024);
            try {
              const page = await context.newPage();
              await page.goto(`${base}/concepts`);
              for (const width of [1024, 1280]) {
                await page.setViewportSize({ width, height: 900 });
                const what = `${who} ${lang} ${width}px`;
                const languages = await page
                  .locator('header.site nav.languages li')
                  .evaluateAll((items) => items.map((i) => i.getBoundingClientRect().top));
                if (new Set(languages.map(Math.round)).size !== 1)
                  findings.push(`${what}: the languages on ${new Set(languages).size} lines`);
                // A link broken across lines has boxes on several lines (mixed scripts give
                // several boxes on one line).
                const broken = await page.locator('header.site li a').evaluateAll((links) =>
                  links
                    .filter((a) => {
                      const tops = [...a.getClientRects()].map((r) => r.top);
                      return Math.max(...tops) - Math.min(...tops) > 2;
                    })
                    .map((a) => a.textContent),
                );
                if (broken.length > 0) findings.push(`${what}: broken across lines: ${broken}`);
                const rows = await page
                  .locator('header.site > *')
                  .evaluateAll(
                    (parts) =>
                      new Set(parts.map((p) => Math.round(p.getBoundingClientRect().top / 8))).size,
                  );
                const header = (await page.locator('header.site').boundingBox())!;
                if (header.height > 150)
                  findings.push(
                    `${what}: the header is ${Math.round(header.height)}px high (${rows} rows)`,
                  );
                await page.screenshot({
                  path: join(shots, `header-${who}-${lang}-${width}.png`),
                  clip: { x: 0, y: 0, width, height: Math.ceil(header.height) + 10 },
                });
              }
            } finally {
              await context.close();
            }
          }
        }
        assert.deepEqual(findings, []);
      },
    );
  },
);
