/**
 * Browser test of campaigns in Chromium, without JavaScript: a period whose comments include a
 * mail-merge campaign shows it once (count, first text, the texts that differ, signatories), the
 * reader opens the campaign's page and a member from it; in English and in Arabic (right to
 * left), on a 390 px wide screen without sideways scrolling; axe-core checks every page.
 * Screenshots: test-results/screenshots/campaigns-*.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../../src/consultations/consultation.builder.ts';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../src/db/database.ts';
import { drain } from '../../src/followers.ts';
import { createHttpServer, listen } from '../../src/http-server.ts';
import { submitComment } from '../../src/submissions/submissions.service.ts';
import {
  axeViolations,
  chromiumSkip as skip,
  fitsWidth,
  launchChromium,
} from '../support/browser.ts';

const shots = join(process.cwd(), 'test-results', 'screenshots');
const letter =
  'We ask the working group to keep the multistakeholder model in paragraph 12 and to publish every contribution received during the consultation. The secretariat should report on the comments before the next session, and answer each of them in writing.';

let dir = '';
let opened: OpenDatabase;
let built: BuiltConsultation;
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
  dir = mkdtempSync(join(tmpdir(), 'plenum-campaigns-e2e-'));
  opened = await openDatabase(join(dir, 'plenum.sqlite'));
  await migrateToLatest(opened.db);
  built = await buildConsultation(opened.db, { moderation: 'immediate' });
  const now = new Date('2026-06-01T12:00:00Z');
  const bodies = {
    civil: letter,
    tech: `On behalf of the Root Operators Forum. ${letter} Signed, Anna Berg.`,
    government: `${letter.split('. ')[1]} ${letter.split('. ')[0]}.`,
  };
  for (const who of ['civil', 'tech', 'government'] as const)
    await submitComment(
      opened.db,
      representativeViewer(built, who),
      built.period.id,
      {
        organisationId: built.organisations[who].id,
        body: bodies[who],
        idempotencyKey: `e2e-${who}`,
      },
      [],
      now,
    );
  await submitComment(
    opened.db,
    representativeViewer(built, 'civil'),
    built.period.id,
    {
      organisationId: built.organisations.civil.id,
      body: 'Paragraph 7 should name the regional Internet registries and their policy development processes.',
      idempotencyKey: 'e2e-distinct',
    },
    [],
    now,
  );
  await drain(opened.db, opened.engine);
  ({ server } = await createHttpServer({ db: opened.db, engine: opened.engine, now: () => now }));
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
  'a campaign is read once on the period page and opened member by member, in English and Arabic, at 390 px',
  { skip },
  async () => {
    const context = await browser!.newContext({
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const periodPath = `/consultations/${built.period.id}`;
    await page.goto(`${base}${periodPath}`);
    const campaign = page.locator('li.campaign');
    assert.equal(await campaign.count(), 1);
    assert.match(await campaign.innerText(), /3 submissions with the same or nearly the same text/);
    assert.equal(
      await page.locator('li.submission:not(.campaign)').count(),
      1,
      'the distinct comment',
    );
    assert.ok(await fitsWidth(page), 'the period page fits 390 px');
    await page.screenshot({ path: join(shots, 'campaigns-1-period.png'), fullPage: true });
    await checkAxe(page, 'period page');

    await campaign.getByRole('link', { name: 'Every submission of this campaign' }).click();
    await page.waitForURL(/\/campaigns\//);
    assert.equal(await page.locator('li.submission').count(), 3);
    assert.ok(await fitsWidth(page), 'the campaign page fits 390 px');
    await page.screenshot({ path: join(shots, 'campaigns-2-campaign.png'), fullPage: true });
    await checkAxe(page, 'campaign page');
    const campaignPath = new URL(page.url()).pathname;

    await page.locator('li.submission').first().locator('a[href^="/submissions/"]').click();
    await page.waitForURL(/\/submissions\//);
    assert.match(await page.locator('main').innerText(), /multistakeholder model/);

    await page.goto(`${base}/language/ar?back=${encodeURIComponent(periodPath)}`);
    await page.waitForURL(`${base}${periodPath}`);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.match(await page.locator('li.campaign').innerText(), /حملة/);
    assert.ok(await fitsWidth(page), 'the Arabic period page fits 390 px');
    await page.screenshot({ path: join(shots, 'campaigns-3-period-ar.png'), fullPage: true });
    await checkAxe(page, 'period page (Arabic)');
    await page.goto(`${base}${campaignPath}`);
    assert.ok(await fitsWidth(page), 'the Arabic campaign page fits 390 px');
    await page.screenshot({ path: join(shots, 'campaigns-4-campaign-ar.png'), fullPage: true });
    await checkAxe(page, 'campaign page (Arabic)');
    await context.close();
    assert.deepEqual(findings, []);
  },
);
