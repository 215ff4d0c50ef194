/**
 * Browser test of monitoring in Chromium: a reader searches in Chinese and in Arabic from the
 * page, and on a 390 px phone without JavaScript sorts and narrows by a facet; an analyst makes
 * a watch and finds a newly published submission in its Atom feed; records a stance from that
 * submission and sees it on the concept's stance map (in English and Arabic); drafts a briefing
 * paper from the form and opens it; and the process timeline shows its meetings. axe-core checks every page. Screenshots: test-results/screenshots/monitoring-*.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { operatorViewer } from '../../src/accounts/accounts.schema.ts';
import { createHttpServer, listen } from '../../src/http-server.ts';
import { installShippedConcepts } from '../../src/concepts/concepts.service.ts';
import {
  buildConsultation,
  builtPassword,
  draftText,
  representativeViewer,
  type BuiltConsultation,
} from '../../src/consultations/consultation.builder.ts';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../src/db/database.ts';
import { importFile } from '../../src/imports/imports.service.ts';
import { drain } from '../../src/followers.ts';
import { changeMeeting, createMeeting } from '../../src/meetings/meetings.service.ts';
import { submitComment } from '../../src/submissions/submissions.service.ts';
import { axeViolations, chromiumSkip as skip, launchChromium } from '../support/browser.ts';

const shots = join(process.cwd(), 'test-results', 'screenshots');
const governmentSays =
  'The Ministry supports protecting the root servers, which are part of the public core of the Internet. Other matters can wait.';

let opened: OpenDatabase;
let built: BuiltConsultation;
let server: Server | undefined;
let browser: Browser;
let base = '';
const findings: string[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `monitoring-${name}.png`), fullPage: true });
}

async function checkAxe(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(browser, page.url(), await page.context().storageState());
  findings.push(...violations.map((v) => `${what}: ${v}`));
}

async function person(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  context.setDefaultTimeout(10_000);
  return context;
}

async function signIn(page: Page, who: keyof BuiltConsultation['accounts']): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('E-mail address').fill(built.accounts[who].email);
  await page.getByLabel('Password').fill(builtPassword);
  await Promise.all([
    page.waitForURL((u) => u.pathname !== '/sign-in'),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

before(async () => {
  if (skip) return;
  mkdirSync(shots, { recursive: true });
  for (const f of readdirSync(shots)) if (f.startsWith('monitoring-')) rmSync(join(shots, f));
  opened = await openDatabase(':memory:');
  await migrateToLatest(opened.db);
  await installShippedConcepts(opened.db);
  built = await buildConsultation(opened.db, { moderation: 'immediate' });
  await importFile(
    opened.db,
    new TextEncoder().encode(
      draftText(
        [
          'ينبغي للدول حماية النواة العامة للإنترنت وتوافرها العام.',
          'يجري تنسيق نظام أسماء النطاقات.',
        ],
        'مشروع تقرير الفريق العامل',
      ),
    ),
    { process: 'twg', symbol: 'TWG/AR/1', language: 'ar', format: 'text' },
  );
  await importFile(
    opened.db,
    new TextEncoder().encode(
      draftText(
        ['各国应保护互联网公共核心的普遍可用性和完整性。', '域名系统由技术界协调。'],
        '工作组报告草案',
      ),
    ),
    { process: 'twg', symbol: 'TWG/ZH/1', language: 'zh', format: 'text' },
  );
  const session = await createMeeting(
    opened.db,
    operatorViewer,
    built.process.id,
    {
      title: 'Third substantive session',
      kind: 'formal',
      format: 'in_person',
      place: 'Conference Room 4, New York',
      startsAt: '2026-12-07T10:00',
      endsAt: '2026-12-11T18:00',
      timeZone: 'America/New_York',
    },
    new Date('2026-06-01T00:00:00Z'),
  );
  await changeMeeting(
    opened.db,
    operatorViewer,
    session.id,
    {
      action: 'postpone',
      startsAt: '2027-01-18T10:00',
      endsAt: '2027-01-22T18:00',
      reason: 'Liquidity constraints.',
    },
    new Date('2026-06-05T00:00:00Z'),
  );
  await drain(opened.db, opened.engine);
  ({ server } = await createHttpServer({ db: opened.db, engine: opened.engine }));
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (server) {
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
  }
  await opened?.close();
});

test(
  'monitoring in Chromium: search, a watch and its feed, a stance, a briefing, the timeline',
  { skip, timeout: 300_000 },
  async (t) => {
    const reader = await (await person()).newPage();

    await t.test('a reader searches in Chinese from the search box in the header', async () => {
      await reader.goto(`${base}/`);
      await reader.locator('header input[name="q"]').fill('公共核心');
      await Promise.all([
        reader.waitForURL(/\/search\?/),
        reader.locator('header input[name="q"]').press('Enter'),
      ]);
      const results = await reader.locator('main').innerText();
      assert.match(results, /TWG\/ZH\/1/);
      assert.match(await reader.locator('main mark').first().innerText(), /公共核心/);
      await shot(reader, '01-search-chinese');
      await checkAxe(reader, 'search results (Chinese query)');
    });

    await t.test('and in Arabic, with the interface in Arabic, right to left', async () => {
      await reader.goto(
        `${base}/language/ar?back=${encodeURIComponent('/search?q=' + encodeURIComponent('الإنترنت'))}`,
      );
      assert.equal(await reader.locator('html').getAttribute('dir'), 'rtl');
      const results = await reader.locator('main').innerText();
      assert.match(results, /TWG\/AR\/1/);
      await shot(reader, '02-search-arabic');
      await checkAxe(reader, 'search results (Arabic)');
    });

    await t.test(
      'on a 390 px phone without JavaScript, in Arabic: sort newest first, then narrow by a facet',
      async () => {
        const context = await browser.newContext({
          viewport: { width: 390, height: 844 },
          javaScriptEnabled: false,
        });
        context.setDefaultTimeout(10_000);
        const phone = await context.newPage();
        await phone.goto(
          `${base}/language/ar?back=${encodeURIComponent('/search?q=' + encodeURIComponent('الإنترنت'))}`,
        );
        assert.equal(await phone.locator('html').getAttribute('dir'), 'rtl');
        assert.match(await phone.locator('main [role="status"]').innerText(), /\S/);
        await phone.locator('form.filters summary').click();
        await phone.locator('select[name="sort"]').selectOption('newest');
        await Promise.all([
          phone.waitForURL(/sort=newest/),
          phone.locator('form.filters fieldset button[type="submit"]').click(),
        ]);
        assert.equal(await phone.locator('select[name="sort"]').inputValue(), 'newest');
        assert.match(await phone.locator('main').innerText(), /TWG\/AR\/1/);
        const facet = phone.locator('nav.facets a').first();
        const href = (await facet.getAttribute('href'))!;
        assert.match(href, /sort=newest/, 'a facet keeps the order chosen');
        await shot(phone, '02b-search-phone-arabic-sorted');
        await checkAxe(phone, 'search results (Arabic, newest first, 390 px)');
        await Promise.all([phone.waitForURL((url) => url.href.endsWith(href)), facet.click()]);
        assert.ok((await phone.locator('main ol.submissions > li').count()) > 0);
        const width = await phone.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `the page fits 390 px (${width} px wide)`);
        await shot(phone, '02c-search-phone-arabic-facet');
        await checkAxe(phone, 'search results narrowed by a facet (Arabic, 390 px)');
        await context.close();
      },
    );

    const analyst = await (await person()).newPage();
    let feedUrl = '';
    await t.test(
      'an analyst makes a watch; a new submission arrives in its Atom feed',
      async () => {
        await signIn(analyst, 'civil');
        await analyst.goto(`${base}/watches`);
        await analyst.locator('#name').fill('Root servers');
        await analyst.getByLabel(/Words to watch for/).fill('root servers');
        await analyst.getByRole('button', { name: 'Save the watch' }).click();
        feedUrl = (await analyst.locator('code.hash').first().innerText()).trim();
        assert.match(feedUrl, /\/watch-feeds\/[A-Za-z0-9_-]+\.atom$/);
        await shot(analyst, '03-watch-made');
        await checkAxe(analyst, 'watch page');
        const org = built.organisations.government;
        const viewer = representativeViewer(built, 'government');
        await opened.db
          .transaction()
          .execute((trx) =>
            submitComment(
              trx,
              viewer,
              built.period.id,
              { organisationId: org.id, body: governmentSays, idempotencyKey: 'e2e-monitoring-1' },
              [],
              new Date(),
            ),
          );
        await drain(opened.db, opened.engine);
        const feed = await analyst.request.get(feedUrl);
        assert.equal(feed.status(), 200);
        assert.match(await feed.text(), /The Ministry supports protecting the root servers/);
        // The form answered with a redirect: reloading the watch's page makes no second watch.
        await analyst.reload();
        const watches = await opened.db.selectFrom('watches').select('id').execute();
        assert.equal(watches.length, 1);
        assert.equal(
          await analyst.locator('code.hash').count(),
          0,
          'the feed address was shown once',
        );
        assert.match(
          await analyst.locator('main').innerText(),
          /Ministry of Digital Affairs of Ruritania/,
        );
        await shot(analyst, '04-watch-match');
        // The watch is changed from its page; the matches so far stay.
        await analyst.getByRole('link', { name: 'Change this watch' }).click();
        assert.equal(await analyst.locator('#name').inputValue(), 'Root servers');
        await analyst.locator('#name').fill('Root servers and the DNS');
        await analyst.getByRole('button', { name: 'Save the changes' }).click();
        assert.equal(
          await analyst.locator('h1').innerText(),
          'Root servers and the DNS',
          'back on the watch page',
        );
        assert.match(
          await analyst.locator('main').innerText(),
          /Ministry of Digital Affairs of Ruritania/,
        );
        await analyst.goto(`${analyst.url()}/change`);
        await shot(analyst, '04b-watch-change');
        await checkAxe(analyst, 'watch change page');
        await analyst.goBack();
      },
    );

    await t.test(
      'the analyst records a stance from the submission and sees it on the stance map',
      async () => {
        const row = await opened.db
          .selectFrom('submissions')
          .select('id')
          .where('idempotency_key', '=', 'e2e-monitoring-1')
          .executeTakeFirstOrThrow();
        await analyst.goto(`${base}/submissions/${row.id}`);
        await analyst.getByRole('link', { name: 'Record a stance' }).click();
        await analyst.getByLabel('Concept').selectOption('root-servers');
        await analyst.getByLabel('supports', { exact: true }).check();
        await analyst
          .getByLabel(/The words that show it/)
          .fill('The Ministry supports protecting the root servers');
        await shot(analyst, '05-stance-form');
        await checkAxe(analyst, 'stance form');
        await Promise.all([
          analyst.waitForURL(/\/concepts\/root-servers/),
          analyst.getByRole('button', { name: 'Record the stance' }).click(),
        ]);
        assert.equal(await analyst.locator('svg.stance-map').count(), 1);
        assert.match(
          await analyst.locator('table.stances').innerText(),
          /Ministry of Digital Affairs of Ruritania/,
        );
        await shot(analyst, '06-stance-map');
        await checkAxe(analyst, 'concept page with the stance map');
        await reader.goto(`${base}/concepts/root-servers`);
        assert.match(await reader.locator('h1').innerText(), /خوادم الجذر|نظام خوادم الجذر/);
        await shot(reader, '07-stance-map-arabic');
        await checkAxe(reader, 'concept page (Arabic)');
      },
    );

    await t.test('a briefing is drafted from the form and opens as a printable page', async () => {
      const page = await (await person()).newPage();
      await page.goto(`${base}/briefings`);
      await page.getByLabel('TWG').check();
      await page.getByLabel('From').fill('2026-01-01');
      await page.getByLabel('To', { exact: true }).fill('2030-12-31');
      await page.getByLabel('Root server system').check();
      await checkAxe(page, 'briefing form');
      await Promise.all([
        page.waitForURL(/\/briefings\?/),
        page.getByRole('button', { name: 'Draft the paper' }).click(),
      ]);
      const text = await page.locator('main').innerText();
      assert.match(text, /Briefing: Root server system/);
      assert.match(
        text,
        /The Ministry supports protecting the root servers, which are part of the public core of the Internet\./,
      );
      await shot(page, '08-briefing');
      await checkAxe(page, 'briefing paper');
    });

    await t.test('the process timeline lists the postponed meeting', async () => {
      await analyst.goto(
        `${base}/language/en?back=${encodeURIComponent('/processes/twg/timeline')}`,
      );
      assert.match(await analyst.locator('main').innerText(), /Third substantive session/);
      await shot(analyst, '09-timeline');
      await checkAxe(analyst, 'timeline');
    });

    await t.test(
      'an administrator reads the followers of the event log, in English and Arabic',
      async () => {
        const admin = await (await person()).newPage();
        await signIn(admin, 'admin');
        await admin.goto(`${base}/admin/followers`);
        const text = await admin.locator('main').innerText();
        for (const name of ['search', 'concepts', 'watches']) assert.match(text, new RegExp(name));
        await shot(admin, '10-followers');
        await checkAxe(admin, 'followers');
        await admin.goto(`${base}/language/ar?back=${encodeURIComponent('/admin/followers')}`);
        assert.equal(await admin.locator('html').getAttribute('dir'), 'rtl');
        await shot(admin, '10b-followers-ar');
        await checkAxe(admin, 'followers (Arabic)');
      },
    );

    await t.test('axe-core finds no violations on the pages checked', () => {
      assert.deepEqual(findings, []);
    });
  },
);
