/**
 * The registry in Chromium without JavaScript, in English and Arabic at 390 px: the list, a
 * measure with its history, a State's practice at a past date, the comparison matrix with its
 * fragmentation indicator, the world map (by element and by indicator), two States side by side,
 * the timeline, and the elements and kinds; axe-core finds nothing, no page scrolls
 * sideways, Arabic reads right to left. Screenshots go to test-results/screenshots/registry-*.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { operatorViewer } from '../../src/accounts/accounts.schema.ts';
import {
  buildConsultation,
  builtPassword,
  representativeViewer,
  type BuiltConsultation,
} from '../../src/consultations/consultation.builder.ts';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../src/db/database.ts';
import type { Db } from '../../src/db/database.ts';
import { createHttpServer, listen } from '../../src/http-server.ts';
import { verifyRepresentative } from '../../src/organisations/organisations.service.ts';
import { recordMeasure, reviseMeasure } from '../../src/registry/registry.service.ts';
import { openRound } from '../../src/registry/rounds.service.ts';
import {
  axeViolations,
  chromiumSkip as skip,
  launchChromium,
  readerContext,
} from '../support/browser.ts';

const shots = join(process.cwd(), 'test-results', 'screenshots');

let dir = '';
let opened: OpenDatabase;
let built: BuiltConsultation;
let server: Server | undefined;
let browser: Browser | undefined;
let base = '';
let measureId = '';
let roundId = '';

async function check(page: Page, what: string, direction: 'ltr' | 'rtl'): Promise<string[]> {
  const found = (
    await axeViolations(browser!, page.url(), await page.context().storageState())
  ).map((v) => `${what}: ${v}`);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 1) found.push(`${what}: ${overflow}px wider than the screen`);
  assert.equal(await page.locator('html').getAttribute('dir'), direction, `${what}: direction`);
  return found;
}

before(async () => {
  if (skip) return;
  mkdirSync(shots, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'plenum-registry-e2e-'));
  opened = await openDatabase(join(dir, 'plenum.sqlite'));
  await migrateToLatest(opened.db);
  built = await buildConsultation(opened.db);
  const government = representativeViewer(built, 'government');
  await verifyRepresentative(
    opened.db,
    operatorViewer,
    { organisation: built.organisations.government.id, accountId: government.id },
    { kind: 'note_verbale', reason: 'Note verbale 2026/7.' },
  );
  const input = (extra: Record<string, unknown> = {}) => ({
    country: 'BRA',
    title: 'Lei de infraestrutura crítica da Internet',
    titleLanguage: 'pt',
    titleTranslations: {
      en: 'Critical Internet infrastructure act',
      ar: 'قانون البنية التحتية الحيوية للإنترنت',
    },
    instrument: 'law',
    status: 'adopted',
    statusDates: { adopted: '2026-03-01' },
    elements: ['naming-numbering', 'routing'],
    kinds: ['national-root', 'routing-obligations'],
    reach: 'partial',
    source: { documentId: built.documentId, paragraphs: ['para 2', 'para 4'] },
    organisationId: built.organisations.government.id,
    asState: true,
    ...extra,
  });
  const law = await opened.db
    .transaction()
    .execute((trx: Db) =>
      recordMeasure(trx, government, input(), new Date('2026-04-01T00:00:00Z')),
    );
  measureId = law.id;
  await opened.db.transaction().execute((trx: Db) =>
    reviseMeasure(
      trx,
      government,
      law.id,
      input({
        status: 'in_force',
        statusDates: { adopted: '2026-03-01', in_force: '2026-05-01' },
      }),
      new Date('2026-05-02T00:00:00Z'),
    ),
  );
  await opened.db.transaction().execute((trx: Db) =>
    recordMeasure(
      trx,
      representativeViewer(built, 'civil'),
      {
        country: 'KEN',
        title: 'Data localisation regulations (as reported)',
        titleLanguage: 'en',
        instrument: 'regulation',
        status: 'draft',
        statusDates: { draft: '2026-02-01' },
        elements: ['data-centres'],
        kinds: ['data-localisation'],
        organisationId: built.organisations.civil.id,
      },
      new Date('2026-04-10T00:00:00Z'),
    ),
  );
  roundId = (
    await opened.db.transaction().execute((trx: Db) =>
      openRound(
        trx,
        operatorViewer,
        built.process.id,
        {
          title: 'Practice on the public core',
          questions: [
            { key: 'plans', texts: { en: 'What do you plan?', ar: 'ما الذي تعتزمون القيام به؟' } },
            {
              key: 'localisation',
              kind: 'choice',
              texts: { en: 'Must data stay in the country?' },
              choices: ['yes', 'no'],
            },
          ],
          invited: ['BRA', 'KEN'],
          opensAt: '2026-01-01T09:00',
          closesAt: '2035-12-31T18:00',
          timeZone: 'Europe/Zurich',
        },
        new Date(),
      ),
    )
  ).id;
  ({ server } = await createHttpServer({ db: opened.db, engine: opened.engine }));
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
  'the registry pages in English and Arabic at 390 px: axe-clean, no sideways scrolling',
  { skip },
  async () => {
    const findings: string[] = [];
    const pages = [
      ['list', '/registry'],
      ['measure', `/registry/measures/${measureId}`],
      ['measure-past', `/registry/measures/${measureId}?at=2026-04-15`],
      ['country', '/registry/countries/BRA?at=2026-04-15'],
      ['compare', '/registry/compare?region=latin-american-caribbean'],
      ['terms', '/registry/terms'],
      ['map', '/registry/map?element=naming-numbering'],
      ['map-indicator', '/registry/map?element=data-centres&show=indicator'],
      ['pair', '/registry/pair?a=BRA&b=KEN'],
      ['timeline', '/registry/timeline'],
    ] as const;
    for (const [lang, direction] of [
      ['en', 'ltr'],
      ['ar', 'rtl'],
    ] as const) {
      const context = await readerContext(browser!, base, lang, 390);
      const page = await context.newPage();
      for (const [name, path] of pages) {
        const res = await page.goto(`${base}${path}`);
        assert.equal(res?.status(), 200, `${lang} ${name}`);
        findings.push(...(await check(page, `${lang} ${name}`, direction)));
        await page.screenshot({
          path: join(shots, `registry-${name}-${lang}-390.png`),
          fullPage: true,
        });
        if (name.startsWith('map'))
          await page
            .locator('figure.world-map')
            .screenshot({ path: join(shots, `registry-${name}-${lang}-390-figure.png`) });
      }
      // The filter form works without JavaScript: choosing a kind narrows the list.
      await page.goto(`${base}/registry`);
      await page.selectOption('select[name="kind"]', 'data-localisation');
      await page.click('form.filters button[type="submit"]');
      assert.match(page.url(), /kind=data-localisation/);
      const text = await page.locator('main').innerText();
      assert.ok(text.includes('Data localisation regulations'), `${lang}: the filtered list`);
      assert.ok(
        !text.includes('Lei de infraestrutura') &&
          !text.includes('Critical Internet infrastructure act'),
      );
      // The map's form works without JavaScript too: colouring by the indicator.
      await page.goto(`${base}/registry/map?element=naming-numbering`);
      await page.selectOption('select[name="show"]', 'indicator');
      await page.click('form.filters button[type="submit"]');
      assert.match(page.url(), /show=indicator/);
      assert.equal(
        (await page.locator('.world-map svg path.map-b1').count()) > 0,
        true,
        `${lang}: banded`,
      );
      await context.close();
    }
    assert.deepEqual(findings, []);
  },
);

test(
  'the answer form on a round page, in Arabic at 390 px: axe-clean, right to left, no sideways scrolling',
  { skip },
  async () => {
    const context = await readerContext(browser!, base, 'en', 390);
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('E-mail address').fill(built.accounts.government.email);
    await page.getByLabel('Password').fill(builtPassword);
    await Promise.all([
      page.waitForURL((u) => u.pathname !== '/sign-in'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await page.goto(`${base}/language/ar?back=%2F`);
    const res = await page.goto(`${base}/registry/rounds/${roundId}`);
    assert.equal(res?.status(), 200);
    assert.equal(await page.locator('textarea[name="answers.plans"]').count(), 1);
    assert.equal(await page.locator('select[name="answers.localisation"]').count(), 1);
    const findings = await check(page, 'ar round answer form', 'rtl');
    await page.screenshot({
      path: join(shots, 'registry-round-answer-ar-390.png'),
      fullPage: true,
    });
    await context.close();
    assert.deepEqual(findings, []);
  },
);
