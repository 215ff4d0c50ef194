/**
 * Browser test of verified voices in Chromium, on a 390 px wide screen without JavaScript: a
 * government not verified is labelled so and listed apart on the period page (English and
 * Arabic); the secretariat's verify form refuses a reference too short with what was typed kept,
 * then verifies with a note verbale; the organisation's page then shows how, with the revoke form,
 * and a representative is verified from the Arabic page. axe-core checks every page.
 *
 * The app runs in this process on a new SQLite database. Screenshots go to
 * test-results/screenshots/verification-NN-name.png.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createHttpServer, listen } from '../../src/http-server.ts';
import {
  buildConsultation,
  builtPassword,
  representativeViewer,
  type BuiltConsultation,
} from '../../src/consultations/consultation.builder.ts';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../src/db/database.ts';
import { submitComment } from '../../src/submissions/submissions.service.ts';
import { axeViolations, chromiumSkip as skip, launchChromium } from '../support/browser.ts';

const shots = join(process.cwd(), 'test-results', 'screenshots');
const narrow = { width: 390, height: 844 };
let opened: OpenDatabase;
let built: BuiltConsultation;
let server: Server | undefined;
let browser: Browser;
let base = '';

let shotNumber = 0;
async function shot(page: Page, name: string): Promise<void> {
  shotNumber += 1;
  const file = `verification-${String(shotNumber).padStart(2, '0')}-${name}.png`;
  await page.screenshot({ path: join(shots, file), fullPage: true });
}

/** Every axe-core violation and every horizontal overflow, by page; asserted at the end. */
const problems: string[] = [];
async function check(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 1) problems.push(`${what}: ${overflow}px wider than 390 px`);
  const storageState = await page.context().storageState();
  for (const v of await axeViolations(browser, page.url(), storageState))
    problems.push(`${what}: ${v}`);
}

async function narrowContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: narrow, javaScriptEnabled: false });
  context.setDefaultTimeout(20_000);
  return context;
}

before(async () => {
  if (skip) return;
  mkdirSync(shots, { recursive: true });
  for (const f of readdirSync(shots)) if (f.startsWith('verification-')) rmSync(join(shots, f));
  opened = await openDatabase(':memory:');
  await migrateToLatest(opened.db);
  built = await buildConsultation(opened.db, { moderation: 'immediate', verifyGovernment: false });
  await opened.db.transaction().execute((trx) =>
    submitComment(
      trx,
      representativeViewer(built, 'government'),
      built.period.id,
      {
        organisationId: built.organisations.government.id,
        body: 'The Ministry asks that paragraph 2 name the public core explicitly.',
        idempotencyKey: 'e2e-government-0001',
      },
      [],
      new Date('2026-06-01T10:00:00Z'),
    ),
  );
  ({ server } = await createHttpServer({
    db: opened.db,
    engine: opened.engine,
    now: () => new Date('2026-06-01T12:00:00Z'),
  }));
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
  'the secretariat verifies a government from its page; until then it is "not verified" and apart',
  { skip },
  async () => {
    const government = built.organisations.government;
    const periodPath = `/consultations/${built.period.id}`;
    const organisationPath = `/organisations/${government.slug}`;

    // A reader, in English then Arabic: the ministry's comment is apart, labelled not verified.
    const reader = await narrowContext();
    const page = await reader.newPage();
    await page.goto(`${base}${periodPath}`);
    const apart = page.locator('section.apart');
    assert.equal(
      await apart.getByRole('heading').innerText(),
      'From organisations not yet verified',
    );
    assert.equal(await apart.locator('.unverified').first().innerText(), 'not verified');
    await apart.scrollIntoViewIfNeeded();
    await shot(page, 'period-apart-en');
    await check(page, 'the period page (English)');
    await page.goto(`${base}/language/ar?back=${encodeURIComponent(periodPath)}`);
    await page.waitForURL(`${base}${periodPath}`);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await apart.locator('.unverified').first().innerText(), 'لم يتم التحقق منها');
    await shot(page, 'period-apart-ar');
    await check(page, 'the period page (Arabic)');

    // The secretariat, in English: the form refuses a reference too short, keeping it.
    const secretariat = await narrowContext();
    const staff = await secretariat.newPage();
    await staff.goto(`${base}/sign-in`);
    await staff.getByLabel('E-mail address').fill(built.accounts.secretariat.email);
    await staff.getByLabel('Password').fill(builtPassword);
    await Promise.all([
      staff.waitForURL((u) => u.pathname !== '/sign-in'),
      staff.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await staff.goto(`${base}${organisationPath}`);
    assert.equal(await staff.locator('main .unverified').first().innerText(), 'not verified');
    await shot(staff, 'organisation-not-verified-en');
    await check(staff, "the organisation's page with the verify form (English)");
    await staff.getByLabel('How it was verified').first().selectOption('note_verbale');
    // Long enough for the browser, two letters once the server trims it.
    await staff.getByLabel('Reference (published on this page)').first().fill('  ab ');
    await staff.getByRole('button', { name: 'Verify', exact: true }).click();
    await staff.locator('p.problem[role="alert"]').waitFor();
    assert.equal(
      await staff.getByLabel('Reference (published on this page)').first().inputValue(),
      '  ab ',
      'what was typed is kept',
    );
    assert.equal(
      await staff.getByLabel('How it was verified').first().inputValue(),
      'note_verbale',
    );
    await shot(staff, 'verify-refused-en');
    const reference = 'Note verbale BRA/2026/117 of the Permanent Mission in Geneva';
    await staff.getByLabel('Reference (published on this page)').first().fill(reference);
    await Promise.all([
      staff.waitForURL(`${base}${organisationPath}`),
      staff.getByRole('button', { name: 'Verify', exact: true }).click(),
    ]);
    const status = await staff
      .locator('main p:not(.who)', { has: staff.locator('.badge') })
      .innerText();
    assert.match(status, /verified/);
    assert.match(status, /Note verbale, Note verbale BRA\/2026\/117/);
    assert.match(status, /Verified on 1 Jun 2026/, "dated by the app's clock");
    assert.equal(await staff.getByRole('button', { name: 'Revoke the verification' }).count(), 1);
    await shot(staff, 'organisation-verified-en');
    await check(staff, "the organisation's page, verified (English)");

    // In Arabic: the representative is verified from the page, right to left.
    await staff.goto(`${base}/language/ar?back=${encodeURIComponent(organisationPath)}`);
    await staff.waitForURL(`${base}${organisationPath}`);
    assert.equal(await staff.locator('html').getAttribute('dir'), 'rtl');
    const representative = built.accounts.government.id;
    const form = staff.locator(
      `form[action="${organisationPath}/representatives/${representative}/verify"]`,
    );
    await shot(staff, 'organisation-verified-ar');
    await check(staff, "the organisation's page with the representative's form (Arabic)");
    await form.locator('select[name="kind"]').selectOption('email_domain');
    await form.locator('input[name="reason"]').fill('itamaraty.gov.br');
    // The form posts, and the answer brings the same page back.
    await Promise.all([
      staff.waitForResponse((r) => r.url() === `${base}${organisationPath}` && r.status() === 200),
      form.locator('button[type="submit"]').click(),
    ]);
    await staff.waitForLoadState();
    assert.equal(await form.count(), 0, 'the representative is verified: no form to verify');
    assert.equal(
      await staff
        .locator(`form[action="${organisationPath}/representatives/${representative}/revoke"]`)
        .count(),
      1,
    );
    await shot(staff, 'representative-verified-ar');
    await check(staff, "the organisation's page, representative verified (Arabic)");

    // Once verified, the reader's period page lists the ministry among the others.
    await page.goto(`${base}${periodPath}`);
    assert.equal(await apart.count(), 0);
    assert.ok((await page.locator('main').innerText()).includes(government.name));
    await shot(page, 'period-verified-ar');

    await reader.close();
    await secretariat.close();
    assert.deepEqual(problems, []);
  },
);
