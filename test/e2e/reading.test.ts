/**
 * Browser test: a reader opens plenum in Chromium, finds a document, follows a footnote and comes
 * back, switches version and language (Arabic, right to left), and every page passes axe-core.
 * Screenshots go to test-results/screenshots/.
 */
import { after, before, test } from 'node:test';
import { existsSync } from 'node:fs';
import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { axeViolations } from '../support/browser.ts';
import { startServer } from '../support/start-server.ts';

// Without Chromium a developer's run skips these tests and says why; CI (CI=true) must have it.
const skip =
  !existsSync('/usr/bin/chromium') && process.env.CI !== 'true'
    ? 'Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium)'
    : false;
const shots = join(process.cwd(), 'test-results', 'screenshots');
let server: ChildProcess;
let browser: Browser;
let base = '';
let dataDir = '';

/** Starts `plenum serve` on a free port with a new SQLite database (so the demo loads). */
async function startDemoServer(): Promise<string> {
  dataDir = mkdtempSync(join(tmpdir(), 'plenum-e2e-'));
  const started = startServer(['--db', join(dataDir, 'plenum.sqlite')], {
    PLENUM_DEMO: 'auto',
    DATABASE_URL: '',
  });
  server = started.child;
  return started.ready;
}

/**
 * Runs axe-core on the page's address in a separate context with JavaScript on (the reader's
 * context has it off) and the page's CSP bypassed so the checker can be injected.
 */
async function checkAccessibility(page: Page, what: string): Promise<void> {
  assert.deepEqual(await axeViolations(browser, page.url()), [], `axe-core violations on ${what}`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}

before(async () => {
  if (skip) return;
  mkdirSync(shots, { recursive: true });
  base = await startDemoServer();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test(
  'a reader finds a draft, follows a footnote and back, and switches version and language',
  { skip },
  async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1100, height: 900 },
    });
    const page = await context.newPage();

    await page.goto(`${base}/`);
    await assert.doesNotReject(page.getByRole('heading', { name: 'Processes' }).waitFor());
    await shot(page, '01-processes');
    await checkAccessibility(page, 'the process list');

    await page.getByRole('link', { name: /Open-ended Working Group/ }).click();
    await page.getByRole('heading', { level: 1, name: /Open-ended Working Group/ }).waitFor();
    await shot(page, '02-process');
    await checkAccessibility(page, 'the process page');

    await page.getByRole('link', { name: /Illustrative pre-draft/ }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The latest version (Rev.1) opens first; go to the pre-draft in English.
    assert.equal(
      await page.locator('.switcher [aria-current="page"]').first().innerText(),
      'Rev.1 (2 November 2026)',
    );
    await page.getByRole('link', { name: /^pre-draft/ }).click();
    await page.locator('#para-1').waitFor();
    assert.match(page.url(), /\/v\/1\/en$/);
    await shot(page, '03-document-pre-draft-en');
    await checkAccessibility(page, 'the English pre-draft');

    // Paragraph anchors: para 4(b) exists and para 38-style anchors are on every numbered paragraph.
    for (const id of ['para-1', 'para-4', 'para-4-b', 'para-12']) {
      assert.equal(await page.locator(`#${id}`).count(), 1, `#${id} is on the page`);
    }

    // Follow the footnote marker in paragraph 1 to its footnote, then back.
    const marker = page.locator('#para-1 a.fnref');
    const target = await marker.getAttribute('href');
    assert.ok(target?.startsWith('#fn-'), `marker links to a footnote (${target})`);
    await marker.click();
    await page.waitForURL((url) => url.hash === target);
    const footnote = page.locator(target!);
    assert.match(await footnote.innerText(), /invented for this illustration/);
    await shot(page, '04-footnote');
    await footnote.locator('.backlinks a').first().click();
    await page.waitForURL((url) => url.hash.startsWith('#ref-'));
    assert.equal(await page.locator(`${new URL(page.url()).hash}`).getAttribute('href'), target);
    await shot(page, '05-back-from-footnote');

    // The import report says what was removed from the extracted text (the table of contents, page headers).
    await page.getByRole('link', { name: 'import report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import report' }).waitFor();
    assert.ok(await page.getByRole('cell', { name: 'table of contents' }).first().isVisible());
    assert.ok(await page.getByRole('cell', { name: 'page header' }).first().isVisible());
    await shot(page, '05b-import-report');
    await checkAccessibility(page, 'the import report');
    await page.goBack();

    // Switch language to Arabic: the content reads right to left.
    await page.locator('.switcher').getByRole('link', { name: 'العربية' }).click();
    await page.waitForURL(/\/v\/1\/ar$/);
    assert.equal(await page.locator('article.content').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('article.content').getAttribute('lang'), 'ar');
    assert.match(await page.locator('#para-3').innerText(), /يلاحظ الفريق العامل/);
    await shot(page, '06-document-ar');
    await checkAccessibility(page, 'the Arabic pre-draft');

    // French, then the revised version.
    await page.locator('.switcher').getByRole('link', { name: 'français' }).click();
    await page.waitForURL(/\/v\/1\/fr$/);
    assert.match(await page.locator('#para-6').innerText(), /noyau public/);
    await page.getByRole('link', { name: /^Rev\.1/ }).click();
    await page.waitForURL(/\/v\/2/);
    assert.match(await page.locator('#para-11').innerText(), /incident response exercises/);
    await shot(page, '07-document-rev1');
    await checkAccessibility(page, 'Rev.1');

    // A Chinese language version of the other demo document.
    await page.goto(`${base}/processes/OECE`);
    await page.getByRole('link', { name: 'Chinese' }).click();
    await page.locator('article.content[lang="zh"]').waitFor();
    await shot(page, '08-document-zh');
    await checkAccessibility(page, 'the Chinese non-paper');

    // An address that does not exist gets a page that says so.
    const missing = await page.goto(`${base}/documents/not-a-document`);
    assert.equal(missing?.status(), 404);
    await shot(page, '09-not-found');
    await checkAccessibility(page, 'the not-found page');
    await context.close();
  },
);

test('the document page is usable on a narrow screen', { skip }, async () => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 800 },
    javaScriptEnabled: false,
  });
  const page = await context.newPage();
  await page.goto(`${base}/processes/oewg`);
  await page.getByRole('link', { name: 'Arabic' }).first().click();
  await page.locator('#para-1').waitFor();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.ok(overflow <= 1, `no horizontal scrolling (overflow ${overflow}px)`);
  await shot(page, '10-mobile-ar');
  await context.close();
});

test(
  'with script, selecting words in a paragraph offers a comment on exactly those words',
  { skip },
  async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/processes/oewg`);
    await page.getByRole('link', { name: /Illustrative pre-draft/ }).click();
    // The demo's second round is open on Rev.1, the version that opens first.
    const paragraph = page.locator('#para-7');
    await paragraph.waitFor();
    const words = 'general availability and integrity';
    await paragraph.evaluate((p, wanted) => {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = document.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
      throw new Error('the words are not in para 7');
    }, words);
    const button = page.getByRole('link', { name: 'Comment on the selected words' });
    await button.waitFor();
    await shot(page, '11-selection-offer');
    const href = await button.getAttribute('href');
    assert.match(
      href ?? '',
      /\/submit\?block=[0-9a-f-]{36}&quote=general%20availability%20and%20integrity$/,
    );
    await context.close();
  },
);

test(
  'a document with a cover and a back cover shows them apart, right to left, on a narrow screen',
  { skip },
  async () => {
    // an Arabic paper with a cover (title, organisation, date, code) and a back cover (addresses)
    const file = join(dataDir, 'cover.ar.txt');
    writeFileSync(
      file,
      [
        'مستجدات الأمم المتحدة',
        'فريق المشاركة الحكومية',
        '15 تموز 2020',
        'GE-005',
        '',
        '1 - يلاحظ الفريق التقدم المحرز في أعمال الفريق العامل خلال الفترة المشمولة بالتقرير.',
        '',
        '2 - ويرحب الفريق بمشاركة جميع أصحاب المصلحة في المشاورات.',
        '',
        'شبكة واحدة وأصوات كثيرة',
        'www.example.org',
        '@example',
      ].join('\n'),
    );
    const imported = spawnSync(
      process.execPath,
      [
        'src/cli/main.ts',
        'import',
        file,
        '--process',
        'oewg',
        '--symbol',
        'TEST/COVER/AR',
        '--language',
        'ar',
        '--db',
        join(dataDir, 'plenum.sqlite'),
        '--json',
      ],
      { encoding: 'utf8' },
    );
    assert.equal(imported.status, 0, imported.stderr);
    const id = (JSON.parse(imported.stdout) as { ids: { document: string } }).ids.document;
    const context = await browser.newContext({
      viewport: { width: 390, height: 800 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${base}/documents/${id}`);
    const cover = page.locator('section.front-matter');
    await cover.waitFor();
    assert.match((await cover.textContent()) ?? '', /GE-005/);
    assert.match(
      (await page.locator('section.back-matter').textContent()) ?? '',
      /www\.example\.org/,
    );
    assert.equal(await page.locator('article.content').getAttribute('dir'), 'rtl');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 1, `no horizontal scrolling (overflow ${overflow}px)`);
    await shot(page, '14-cover-ar');
    await checkAccessibility(page, 'a document with a cover');
    await context.close();
  },
);

test('account and organisation pages pass axe-core, in English and Arabic', { skip }, async () => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1100, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${base}/organisations`);
  const organisation = await page
    .locator('main li a[href^="/organisations/"]')
    .first()
    .getAttribute('href');
  assert.ok(organisation);
  for (const path of ['/sign-in', '/sign-up', '/organisations', organisation]) {
    await page.goto(`${base}${path}`);
    await page.locator('h1').first().waitFor();
    await checkAccessibility(page, path);
  }
  await shot(page, '12-organisation');
  await page.goto(`${base}/language/ar?back=${encodeURIComponent(organisation)}`);
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  await shot(page, '13-organisation-ar');
  await context.close();
});

test(
  'the transparency page passes axe-core, in English and Arabic, and fits 390 px',
  { skip },
  async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 800 },
    });
    const page = await context.newPage();
    await page.goto(`${base}/transparency`);
    await page.locator('h1').first().waitFor();
    // The demo's submissions are in the log: its latest tree heads are listed.
    assert.ok((await page.locator('main table tbody tr').count()) > 0);
    await checkAccessibility(page, '/transparency');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
    await shot(page, '14-transparency');
    await page.goto(`${base}/language/ar?back=${encodeURIComponent('/transparency')}`);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await checkAccessibility(page, '/transparency in Arabic');
    await shot(page, '15-transparency-ar');
    await context.close();
  },
);
