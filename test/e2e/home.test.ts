/**
 * Browser test at 390 px without JavaScript: the home page in English, Arabic and Chinese (axe,
 * no horizontal overflow, the demo process's name in the reader's language), the Arabic stance
 * table (the quotation marks of Arabic around an isolated quote, concept names, not slugs) and
 * the Arabic compare page. Screenshots go to test-results/screenshots/home-*.png.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, chromiumSkip as skip, launchChromium } from '../support/browser.ts';
import { startServer } from '../support/start-server.ts';

const shots = join(process.cwd(), 'test-results', 'screenshots');
let server: ChildProcess;
let browser: Browser;
let base = '';
let dataDir = '';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `home-${name}.png`), fullPage: true });
}

/** axe-core's findings and the horizontal overflow at 390 px, with the page's direction. */
async function check(page: Page, what: string, dir: 'ltr' | 'rtl'): Promise<string[]> {
  const found = (await axeViolations(browser, page.url(), await page.context().storageState())).map(
    (v) => `${what}: ${v}`,
  );
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 1) found.push(`${what}: ${overflow}px wider than the screen`);
  assert.equal(await page.locator('html').getAttribute('dir'), dir, `${what}: direction`);
  return found;
}

/** A phone without JavaScript, reading in `lang` (chosen as a reader does, by the switcher). */
async function phone(lang: string): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await page.goto(`${base}/language/${lang}?back=%2F`);
  return page;
}

before(async () => {
  if (skip) return;
  mkdirSync(shots, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'plenum-e2e-home-'));
  const started = startServer(['--db', join(dataDir, 'plenum.sqlite')], {
    PLENUM_DEMO: 'auto',
    DATABASE_URL: '',
  });
  server = started.child;
  base = await started.ready;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the home page in English, Arabic and Chinese at 390 px', { skip }, async () => {
  const findings: string[] = [];
  const expected = {
    en: { dir: 'ltr', heading: 'What is happening', name: 'Open-ended Working Group on ICT' },
    ar: { dir: 'rtl', heading: 'ما يجري الآن', name: 'الفريق العامل المفتوح العضوية' },
    zh: { dir: 'ltr', heading: '最新动态', name: '信息和通信技术与国际安全不限成员名额工作组' },
  } as const;
  for (const [lang, want] of Object.entries(expected)) {
    const page = await phone(lang);
    await page.waitForURL(`${base}/`);
    assert.equal(await page.locator('h1').innerText(), want.heading);
    // The demo's open period, its newest versions and its process in the reader's language.
    const open = page.locator('section[aria-labelledby="open-periods"] li');
    assert.ok((await open.count()) >= 1, `${lang}: an open period is listed`);
    assert.ok((await page.locator('section[aria-labelledby="latest"] li').count()) >= 1);
    assert.match(await page.locator('table.list').innerText(), new RegExp(want.name));
    await shot(page, `${lang}`);
    findings.push(...(await check(page, `home (${lang})`, want.dir)));
    await page.context().close();
  }
  assert.deepEqual(findings, []);
});

test('the Arabic stance table and compare page at 390 px', { skip }, async () => {
  const findings: string[] = [];
  const page = await phone('ar');
  await page.goto(`${base}/concepts/public-core`);
  const table = page.locator('table.stances');
  await table.waitFor();
  const html = await table.innerHTML();
  // Arabic quotation marks around an isolated quote; concept names, never their slugs.
  assert.match(html, /«<bdi>[^<]+<\/bdi>»/);
  assert.doesNotMatch(await table.innerText(), /public-core|unique-identifiers/);
  await shot(page, 'ar-stances');
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'home-ar-stance-table.png') });
  findings.push(...(await check(page, 'stance map (ar)', 'rtl')));

  await page.goto(`${base}/processes/oewg`);
  // The demo's draft in two versions (pre-draft and Rev.1).
  const documentLink = page.locator('a[href^="/documents/"]', { hasText: 'public core' }).first();
  const href = (await documentLink.getAttribute('href'))!.split('/v/')[0]!;
  await page.goto(`${base}${href}/compare?from=1&to=2&lang=en`);
  await page.locator('table.compare').waitFor();
  await shot(page, 'ar-compare');
  findings.push(...(await check(page, 'compare (ar)', 'rtl')));
  assert.deepEqual(findings, []);
});
