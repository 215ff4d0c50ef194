/**
 * Country reports in Chromium, on the briefing corpus (Egypt and Brazil speak through verified
 * governments; "Atlantis" claims Argentina unverified): `/countries` and Egypt's report in
 * English and Arabic at 390 px and 1280 px (axe-core, no sideways scrolling, Arabic right to
 * left), the link from an organisation's page to its country, the report's PDF on A4 and Letter
 * (page sizes read back with pdfjs-dist) and its HTML paper at A4 width; then the period page's
 * charts and the document page's heat strip at 390 px in Arabic, each with its table behind it.
 * Screenshots go to test-results/screenshots/countries-*.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  briefingNow,
  briefingSays,
  buildBriefingCorpus,
  type BuiltBriefingCorpus,
} from '../../src/briefings/briefing.builder.ts';
import {
  paragraphBlock,
  representativeViewer,
} from '../../src/consultations/consultation.builder.ts';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../src/db/database.ts';
import type { Db } from '../../src/db/database.ts';
import { createHttpServer, listen } from '../../src/http-server.ts';
import { operatorViewer } from '../../src/accounts/accounts.schema.ts';
import { verifyRepresentative } from '../../src/organisations/organisations.service.ts';
import { recordMeasure } from '../../src/registry/registry.service.ts';
import { submitComment } from '../../src/submissions/submissions.service.ts';
import {
  axeViolations,
  chromiumSkip as skip,
  launchChromium,
  readerContext,
} from '../support/browser.ts';
import { readPdf } from '../support/pdf.ts';

const shots = join(process.cwd(), 'test-results', 'screenshots');

let dir = '';
let opened: OpenDatabase;
let corpus: BuiltBriefingCorpus;
let server: Server | undefined;
let browser: Browser | undefined;
let base = '';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `countries-${name}.png`), fullPage: true });
}

/** axe-core's findings and the horizontal overflow, with the page's direction checked. */
async function check(page: Page, what: string, dir: 'ltr' | 'rtl'): Promise<string[]> {
  const found = (
    await axeViolations(browser!, page.url(), await page.context().storageState())
  ).map((v) => `${what}: ${v}`);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 1) found.push(`${what}: ${overflow}px wider than the screen`);
  assert.equal(await page.locator('html').getAttribute('dir'), dir, `${what}: direction`);
  return found;
}

before(async () => {
  if (skip) return;
  mkdirSync(shots, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'plenum-countries-e2e-'));
  opened = await openDatabase(join(dir, 'plenum.sqlite'));
  await migrateToLatest(opened.db);
  corpus = await buildBriefingCorpus(opened, opened.engine);
  // Comments on paragraphs, in two later weeks, so that the document has a heat strip and the
  // period's charts more than one column.
  const { built } = corpus;
  let key = 0;
  for (const [who, address, day] of [
    ['civil', 'para 2', '2026-06-09'],
    ['tech', 'para 2', '2026-06-09'],
    ['civil', 'para 5', '2026-06-16'],
  ] as const) {
    const blockId = await paragraphBlock(opened.db, built.versionId, address);
    await opened.db.transaction().execute((trx: Db) =>
      submitComment(
        trx,
        representativeViewer(built, who),
        built.period.id,
        {
          organisationId: built.organisations[who].id,
          body: `On ${address}, from the e2e test (${++key}).`,
          anchors: [{ blockId }],
          idempotencyKey: `countries-e2e-${key}`,
        },
        [],
        new Date(`${day}T10:00:00Z`),
      ),
    );
  }
  // Brazil's own measure (a verified representative of its verified government) and one a
  // civil-society organisation reports, for the report's "National regulatory measures".
  const government = representativeViewer(built, 'government');
  await verifyRepresentative(
    opened.db,
    operatorViewer,
    { organisation: built.organisations.government.id, accountId: government.id },
    { kind: 'note_verbale', reason: 'Note verbale 2026/7 from the Permanent Mission.' },
  );
  await opened.db.transaction().execute((trx: Db) =>
    recordMeasure(
      trx,
      government,
      {
        country: 'BRA',
        title: 'Lei de infraestrutura crítica da Internet',
        titleLanguage: 'pt',
        titleTranslations: {
          en: 'Critical Internet infrastructure act',
          ar: 'قانون البنية التحتية الحيوية للإنترنت',
        },
        instrument: 'law',
        status: 'in_force',
        statusDates: { adopted: '2026-03-01', in_force: '2026-06-01' },
        elements: ['naming-numbering', 'routing'],
        kinds: ['national-root'],
        source: { documentId: built.documentId, paragraphs: ['para 2'] },
        organisationId: built.organisations.government.id,
        asState: true,
      },
      new Date('2026-06-05T10:00:00Z'),
    ),
  );
  await opened.db.transaction().execute((trx: Db) =>
    recordMeasure(
      trx,
      representativeViewer(built, 'civil'),
      {
        country: 'BRA',
        title: 'Portaria sobre bloqueio de DNS',
        titleLanguage: 'pt',
        instrument: 'regulation',
        status: 'draft',
        statusDates: { draft: '2026-05-20' },
        elements: ['naming-numbering'],
        kinds: ['dns-obligations'],
        organisationId: built.organisations.civil.id,
      },
      new Date('2026-06-06T10:00:00Z'),
    ),
  );
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

test(
  '/countries and a State report in English and Arabic at 390 and 1280 px, reached from an organisation page',
  { skip },
  async () => {
    const findings: string[] = [];
    const expected = {
      en: { dir: 'ltr', egypt: 'Egypt' },
      ar: { dir: 'rtl', egypt: 'مصر' },
    } as const;
    for (const [lang, want] of Object.entries(expected)) {
      for (const width of [390, 1280]) {
        const context = await readerContext(browser!, base, lang, width);
        const page = await context.newPage();
        const what = `${lang} ${width}px`;

        await page.goto(`${base}/countries`);
        const row = page.locator('tr[data-country="EGY"]');
        assert.match(await row.innerText(), new RegExp(want.egypt), `${what}: Egypt's row`);
        // Egypt's verified government spoke once (Latin digits in Arabic too, as UN texts do);
        // Argentina's unverified claimant not at all.
        assert.deepEqual(await row.locator('td').allInnerTexts(), ['1', '0']);
        const argentina = page.locator('tr[data-country="ARG"] td');
        assert.deepEqual(await argentina.allInnerTexts(), ['0', '0']);
        await shot(page, `list-${lang}-${width}`);
        findings.push(...(await check(page, `/countries (${what})`, want.dir)));

        // From the Egyptian mission's page to Egypt's report, by its link.
        await page.goto(`${base}/organisations/${corpus.organisations.egypt.id}`);
        await Promise.all([
          page.waitForURL(`${base}/countries/EGY`),
          page.locator('a[href="/countries/EGY"]').first().click(),
        ]);
        const main = await page.locator('main').innerText();
        assert.match(main, new RegExp(want.egypt));
        assert.ok(main.includes(briefingSays.egypt.slice(0, 30)), `${what}: Egypt's words`);
        assert.ok(!main.includes(briefingSays.atlantis.slice(0, 30)), `${what}: not Atlantis'`);
        await shot(page, `egy-${lang}-${width}`);
        findings.push(...(await check(page, `/countries/EGY (${what})`, want.dir)));
        await context.close();
      }
    }
    assert.deepEqual(findings, []);
  },
);

test(
  "a State report's national regulatory measures in English and Arabic at 390 px: the State's own word apart from reports",
  { skip },
  async () => {
    const findings: string[] = [];
    for (const [lang, dir, heading, own] of [
      ['en', 'ltr', 'National regulatory measures', 'Critical Internet infrastructure act'],
      ['ar', 'rtl', 'التدابير التنظيمية الوطنية', 'قانون البنية التحتية الحيوية للإنترنت'],
    ] as const) {
      const context = await readerContext(browser!, base, lang, 390);
      const page = await context.newPage();
      await page.goto(`${base}/countries/BRA`);
      assert.equal(await page.locator('h2#measures').innerText(), heading);
      const stated = await page.locator('h3#measures-state').evaluate((h) => {
        let text = '';
        for (let n = h.nextElementSibling; n && n.tagName !== 'H3'; n = n.nextElementSibling)
          text += (n as HTMLElement).innerText;
        return text;
      });
      assert.ok(stated.includes(own), `${lang}: Brazil's own measure under its own heading`);
      assert.ok(!stated.includes('Portaria'), `${lang}: a report is not the State's word`);
      assert.equal((await page.locator('a[href$="#para-2"]').count()) > 0, true);
      await page.locator('h2#measures').scrollIntoViewIfNeeded();
      await shot(page, `bra-measures-${lang}-390`);
      findings.push(...(await check(page, `/countries/BRA (${lang} 390px)`, dir)));
      await context.close();
    }
    assert.deepEqual(findings, []);
  },
);

test("a State report's HTML paper at A4 width and its PDF on A4 and Letter", { skip }, async () => {
  // A4 is 210 mm wide: 794 CSS pixels.
  const desk = await browser!.newContext({ viewport: { width: 794, height: 1123 } });
  desk.setDefaultTimeout(15_000);
  const page = await desk.newPage();
  await page.goto(`${base}/countries/EGY?format=html&language=en`);
  const findings = (await axeViolations(browser!, page.url())).map((v) => `paper: ${v}`);
  assert.ok(
    await page.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    ),
    'the paper fits A4 width',
  );
  const egypt = page.locator('blockquote[lang="ar"]');
  assert.equal(await egypt.first().getAttribute('dir'), 'rtl');
  await page.screenshot({ path: join(shots, 'countries-paper-a4-en.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(shots, 'countries-paper-a4-print.png'), fullPage: true });

  const arabic = await desk.newPage();
  await arabic.goto(`${base}/countries/EGY?format=html&language=ar`);
  assert.equal(await arabic.locator('html').getAttribute('dir'), 'rtl');
  // The notes' addresses read left to right inside the Arabic paper.
  const address = arabic.locator('section.notes a[href*="/submissions/"]').first();
  assert.equal(await address.getAttribute('dir'), 'ltr');
  assert.equal(await address.evaluate((a) => getComputedStyle(a).direction), 'ltr');
  await arabic.screenshot({ path: join(shots, 'countries-paper-a4-ar.png'), fullPage: true });
  findings.push(...(await axeViolations(browser!, arabic.url())).map((v) => `paper ar: ${v}`));

  for (const [size, width, height] of [
    ['a4', 595.92, 842.88],
    ['letter', 612, 792],
  ] as const) {
    const res = await page.request.get(
      `${base}/countries/EGY?format=pdf&paper=${size}&language=en`,
    );
    assert.equal(res.status(), 200, await res.text());
    assert.equal(res.headers()['content-type'], 'application/pdf');
    const bytes = new Uint8Array(await res.body());
    writeFileSync(join(shots, `countries-egy-${size}.pdf`), bytes);
    const pages = await readPdf(bytes);
    assert.ok(pages.length >= 1, `${pages.length} pages`);
    for (const p of pages) {
      assert.ok(Math.abs(p.width - width) < 2, `page width ${p.width} for ${size}`);
      assert.ok(Math.abs(p.height - height) < 2, `page height ${p.height} for ${size}`);
    }
    const text = pages
      .map((p) => p.text)
      .join('\n')
      .replace(/\s+/g, ' ');
    assert.match(text, /Egypt/, `Egypt in the ${size} PDF`);
    assert.ok(text.includes('Permanent Mission of Egypt'), `the mission in the ${size} PDF`);
    assert.ok(!text.includes('Atlantis'), `no unverified claimant in the ${size} PDF`);
  }
  await desk.close();
  assert.deepEqual(findings, []);
});

test(
  "the period page's charts and the document's heat strip at 390 px in Arabic",
  { skip },
  async () => {
    const findings: string[] = [];
    const context = await readerContext(browser!, base, 'ar', 390);
    const page = await context.newPage();
    const { built } = corpus;

    await page.goto(`${base}/consultations/${built.period.id}`);
    const charts = page.locator('section[aria-labelledby="period-charts"] figure.chart');
    assert.equal(await charts.count(), 2, 'by group and by region');
    for (const chart of await charts.all()) {
      assert.equal(await chart.locator('svg.chart').count(), 1);
      // The figures in a table behind each drawing, one row per week (three weeks here).
      const rows = chart.locator('details table tbody tr');
      assert.equal(await rows.count(), 3, 'one row per week');
      const totals = await rows.locator('td:last-child').allTextContents();
      assert.equal(totals.map(Number).reduce((a, b) => a + b, 0) > 0, true, 'counted');
      assert.ok((await chart.locator('figcaption').innerText()).trim().length > 0);
    }
    // The axis labels read at a phone's size (the drawing is scaled to about half its width).
    const labelHeights = await page
      .locator('svg.chart text')
      .evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect().height));
    assert.ok(labelHeights.length >= 4, 'axis labels');
    for (const h of labelHeights) assert.ok(h >= 11, `an axis label ${h.toFixed(1)} px high`);
    await page.locator('#period-charts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'countries-ar-period-charts.png') });
    await shot(page, 'ar-period');
    findings.push(...(await check(page, 'period (ar)', 'rtl')));

    await page.goto(`${base}/documents/${built.documentId}`);
    const strip = page.locator('figure.heat-strip');
    assert.equal(await strip.count(), 1, 'a heat strip');
    assert.ok((await strip.locator('svg rect').count()) >= 2, 'a cell per paragraph');
    // Behind it, the paragraphs with comments: 2 (two comments) and 5 (one).
    const rows = strip.locator('details table tbody tr');
    assert.equal(await rows.count(), 2);
    assert.deepEqual(await rows.locator('td').allTextContents(), ['2', '1']);
    await strip.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'countries-ar-heat-strip.png') });
    findings.push(...(await check(page, 'document (ar)', 'rtl')));
    await context.close();
    assert.deepEqual(findings, []);
  },
);
