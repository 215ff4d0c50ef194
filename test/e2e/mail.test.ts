/**
 * Browser test of the e-mail pages in Chromium at 390 px, without JavaScript, in English and in
 * Arabic (right to left): "Forgot your password?" from the sign-in page, the answer, the message
 * read on the development mailbox, the reset form its link opens and the sign-in that follows; and
 * a new account's page with its unverified notice and "send the link again". axe-core checks each
 * page. Screenshots: test-results/screenshots/mail-*.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import {
  buildConsultation,
  type BuiltConsultation,
} from '../../src/consultations/consultation.builder.ts';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../src/db/database.ts';
import { drain } from '../../src/followers.ts';
import { createHttpServer, listen } from '../../src/http-server.ts';
import { fill, isolated, uiFor } from '../../src/web/i18n.ts';
import { axeViolations, chromiumSkip as skip, launchChromium } from '../support/browser.ts';

const shots = join(process.cwd(), 'test-results', 'screenshots');

let opened: OpenDatabase;
let built: BuiltConsultation;
let server: Server | undefined;
let browser: Browser;
let base = '';
const findings: string[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `mail-${name}.png`), fullPage: true });
}

/** axe-core's findings, the horizontal overflow at 390 px, and the direction of the page. */
async function check(page: Page, what: string, dir: 'ltr' | 'rtl'): Promise<void> {
  const violations = await axeViolations(browser, page.url(), await page.context().storageState());
  findings.push(...violations.map((v) => `${what}: ${v}`));
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 1) findings.push(`${what}: ${overflow}px wider than the screen`);
  assert.equal(await page.locator('html').getAttribute('dir'), dir, `${what}: direction`);
}

before(async () => {
  if (skip) return;
  mkdirSync(shots, { recursive: true });
  for (const f of readdirSync(shots)) if (f.startsWith('mail-')) rmSync(join(shots, f));
  opened = await openDatabase(':memory:');
  await migrateToLatest(opened.db);
  built = await buildConsultation(opened.db);
  // Development mode: the messages are read on /dev/mail instead of sent.
  ({ server } = await createHttpServer({
    db: opened.db,
    engine: opened.engine,
    mail: 'development',
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

for (const lang of ['en', 'ar'] as const) {
  const m = uiFor(lang).m;
  const dir = lang === 'ar' ? 'rtl' : 'ltr';

  test(`a forgotten password, reset by its link (${lang}, 390 px)`, { skip }, async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 800 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${base}/language/${lang}?back=/sign-in`);
    await page.getByRole('link', { name: m.accounts.forgotPassword }).click();
    await page.waitForURL((u) => u.pathname === '/forgot-password');
    await check(page, `forgot-password (${lang})`, dir);
    await shot(page, `01-forgot-${lang}`);

    const email = lang === 'en' ? built.accounts.civil.email : built.accounts.government.email;
    await page.locator('input[name="email"]').fill(email);
    await page.getByRole('button', { name: m.accounts.forgotSubmit }).click();
    await page.getByText(m.accounts.forgotSent).waitFor();
    assert.equal(await page.locator('input[name="email"]').inputValue(), email, 'kept');
    await check(page, `forgot-password sent (${lang})`, dir);
    await shot(page, `02-forgot-sent-${lang}`);

    // The mail follower writes the message; the development mailbox shows it with its link.
    await drain(opened.db, opened.engine);
    await page.getByRole('link', { name: m.accounts.devMailLink }).click();
    await page.waitForURL((u) => u.pathname === '/dev/mail');
    const link = page.locator(`article:has-text("${email}") a[href*="/reset-password?token="]`);
    const href = await link.first().getAttribute('href');
    assert.ok(href, 'the reset link is on the development mailbox');
    await shot(page, `03-dev-mail-${lang}`);

    await page.goto(href);
    await page.locator('input[name="password"]').waitFor();
    await check(page, `reset-password (${lang})`, dir);
    await shot(page, `04-reset-${lang}`);
    await page.locator('input[name="password"]').fill('a brand new password');
    await page.getByRole('button', { name: m.accounts.resetSubmit }).click();
    await page.waitForURL((u) => u.pathname === '/sign-in');
    await page.getByText(m.accounts.resetDone).waitFor();
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill('a brand new password');
    await page.locator('form[action^="/sign-in"] button[type="submit"]').click();
    await page.waitForURL((u) => u.pathname !== '/sign-in');

    // The link works once.
    await page.goto(href);
    await page.locator('input[name="password"]').fill('another new password');
    await page.getByRole('button', { name: m.accounts.resetSubmit }).click();
    await page.getByRole('link', { name: m.accounts.askAgain }).waitFor();
    await check(page, `reset-password used (${lang})`, dir);
    await shot(page, `05-reset-used-${lang}`);
    await context.close();
  });

  test(
    `a new account is told it is unverified, and may have the link again (${lang}, 390 px)`,
    { skip },
    async () => {
      const context = await browser.newContext({
        viewport: { width: 390, height: 800 },
        javaScriptEnabled: false,
      });
      const page = await context.newPage();
      await page.goto(`${base}/language/${lang}?back=/sign-up`);
      await page.locator('input[name="email"]').fill(`new-${lang}@example.org`);
      await page.locator('input[name="name"]').fill(lang === 'ar' ? 'سلمى' : 'Selma');
      await page.locator('input[name="password"]').fill('a long enough password');
      await page.locator('form[action^="/sign-up"] button[type="submit"]').click();
      await page.waitForURL((u) => u.pathname === '/account');
      const notice = page.locator('section[aria-labelledby="unverified"]');
      await notice.waitFor();
      assert.match(await notice.innerText(), new RegExp(`new-${lang}@example\\.org`));
      await check(page, `account, unverified (${lang})`, dir);
      await shot(page, `06-account-unverified-${lang}`);

      await page.getByRole('button', { name: m.accounts.resendLink }).click();
      const sent = fill(m.accounts.linkSent, { email: isolated(`new-${lang}@example.org`) });
      await page.getByText(sent).waitFor();
      await check(page, `account, link sent again (${lang})`, dir);
      await shot(page, `07-account-link-sent-${lang}`);
      await context.close();
    },
  );
}

test('no accessibility finding and no page wider than 390 px', { skip }, () => {
  assert.deepEqual(findings, []);
});
