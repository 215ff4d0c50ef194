/**
 * A briefing paper in Chromium: an analyst drafts one from the form at 390 px, reads the HTML
 * paper at the width of an A4 page in English and in Arabic (screenshots to look at), and
 * downloads it as PDF printed by Chromium, on A4 and on US Letter: the PDF's pages have the size
 * asked for, and its text has the paper's parts and quotations.
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
} from '../../src/briefings/briefing.builder.ts';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../src/db/database.ts';
import { createHttpServer, listen } from '../../src/http-server.ts';
import {
  axeViolations,
  chromiumSkip as skip,
  fitsWidth,
  launchChromium,
} from '../support/browser.ts';
import { readPdf } from '../support/pdf.ts';

const shots = join(process.cwd(), 'test-results', 'screenshots');
const paper = '/briefings?processes=twg&concepts=public-core&from=2026-01-01&to=2026-06-30';

let dir = '';
let opened: OpenDatabase;
let server: Server | undefined;
let browser: Browser | undefined;
let base = '';
const findings: string[] = [];

async function checkAxe(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(browser!, page.url(), await page.context().storageState());
  findings.push(...violations.map((v) => `${what}: ${v}`));
}

before(async () => {
  if (skip) return;
  mkdirSync(shots, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'plenum-briefing-e2e-'));
  opened = await openDatabase(join(dir, 'plenum.sqlite'));
  await migrateToLatest(opened.db);
  await buildBriefingCorpus(opened, opened.engine);
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
  'a briefing is drafted from the form, read at A4 width in English and Arabic, and printed to PDF on A4 and Letter',
  { skip },
  async () => {
    const phone = await browser!.newContext({
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    phone.setDefaultTimeout(15_000);
    const form = await phone.newPage();
    await form.goto(`${base}/briefings`);
    await form.getByLabel('TWG').check();
    await form.getByLabel('From').fill('2026-01-01');
    await form.getByLabel('To', { exact: true }).fill('2026-06-30');
    await form.getByLabel('Public core of the Internet').check();
    await form.getByLabel('Paper size').selectOption('a4');
    assert.ok(await fitsWidth(form), 'the form fits 390 px');
    await form.screenshot({ path: join(shots, 'briefing-1-form.png'), fullPage: true });
    await checkAxe(form, 'briefing form');
    await Promise.all([
      form.waitForURL(/\/briefings\?/),
      form.getByRole('button', { name: 'Draft the paper' }).click(),
    ]);
    const onPhone = await form.locator('main').innerText();
    assert.match(onPhone, /What the current draft says/);
    assert.ok(await fitsWidth(form), 'the paper fits 390 px');
    await form.screenshot({ path: join(shots, 'briefing-2-paper-390.png'), fullPage: true });

    // A4 is 210 mm wide: 794 CSS pixels.
    const desk = await browser!.newContext({ viewport: { width: 794, height: 1123 } });
    desk.setDefaultTimeout(15_000);
    const page = await desk.newPage();
    await page.goto(`${base}${paper}`);
    await checkAxe(page, 'briefing paper');
    const egypt = page.locator('blockquote[lang="ar"]');
    assert.equal(await egypt.getAttribute('dir'), 'rtl');
    assert.match(await egypt.innerText(), /تؤيد مصر حماية النواة العامة للإنترنت/);
    // The Arabic block is laid out right to left: its text ends at the block's right edge.
    const align = await egypt.locator('p').evaluate((p) => getComputedStyle(p).direction);
    assert.equal(align, 'rtl');
    await page.screenshot({ path: join(shots, 'briefing-3-paper-a4-en.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({
      path: join(shots, 'briefing-4-paper-a4-en-print.png'),
      fullPage: true,
    });

    const arabic = await desk.newPage();
    await arabic.goto(`${base}${paper}&language=ar`);
    assert.equal(await arabic.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await arabic.locator('blockquote[lang="en"]').first().getAttribute('dir'), 'ltr');
    await arabic.screenshot({ path: join(shots, 'briefing-5-paper-a4-ar.png'), fullPage: true });
    await checkAxe(arabic, 'briefing paper (Arabic)');

    for (const [size, width, height] of [
      ['a4', 595.92, 842.88],
      ['letter', 612, 792],
    ] as const) {
      const res = await page.request.get(`${base}${paper}&format=pdf&paper=${size}`);
      assert.equal(res.status(), 200, await res.text());
      assert.equal(res.headers()['content-type'], 'application/pdf');
      const bytes = new Uint8Array(await res.body());
      writeFileSync(join(shots, `briefing-${size}.pdf`), bytes);
      const pages = await readPdf(bytes);
      assert.ok(pages.length >= 2, `${pages.length} pages`);
      for (const p of pages) {
        assert.ok(Math.abs(p.width - width) < 2, `page width ${p.width} for ${size}`);
        assert.ok(Math.abs(p.height - height) < 2, `page height ${p.height} for ${size}`);
      }
      const text = pages
        .map((p) => p.text)
        .join('\n')
        .replace(/\s+/g, ' ');
      for (const words of [
        'Briefing: Public core of the Internet',
        'What happened',
        'What the current draft says',
        'Who said what',
        'Member states (in alphabetical order)',
        'What is coming',
        'Notes',
        briefingSays.igo.split('. ')[1]!,
      ])
        assert.ok(text.includes(words), `"${words}" in the ${size} PDF`);
      // Printed from the HTML written for print: no note links back to its call (↩).
      assert.ok(!text.includes('↩'), `no link back in the ${size} PDF`);
    }
    await phone.close();
    await desk.close();
    assert.deepEqual(findings, [], 'axe-core finds nothing');
  },
);
