/**
 * Browser test: the secretariat uploads a DOCX on the process page, checks the draft beside its
 * report, splits one block, and publishes, at 390 px without JavaScript, in English and Arabic;
 * every page passes axe-core and fits the width. Screenshots go to test-results/screenshots/.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { createHttpServer, listen } from '../../src/http-server.ts';
import {
  buildConsultation,
  builtPassword,
  type BuiltConsultation,
} from '../../src/consultations/consultation.builder.ts';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../src/db/database.ts';
import {
  buildDocx,
  docxFootnoteRef,
  docxParagraph,
  docxRun,
} from '../../src/imports/parser/docx.builder.ts';
import { axeViolations, chromiumSkip as skip, launchChromium } from '../support/browser.ts';

const shots = join(process.cwd(), 'test-results', 'screenshots');
let opened: OpenDatabase;
let built: BuiltConsultation;
let server: Server | undefined;
let browser: Browser | undefined;
let base = '';

before(async () => {
  if (skip) return;
  mkdirSync(shots, { recursive: true });
  opened = await openDatabase(':memory:');
  await migrateToLatest(opened.db);
  built = await buildConsultation(opened.db);
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

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `import-${name}.png`), fullPage: true });
}

/** Asserts the page passes axe-core (with the reader's cookies) and fits its 390 px width. */
async function checkPage(page: Page, what: string): Promise<void> {
  const state = await page.context().storageState();
  assert.deepEqual(await axeViolations(browser!, page.url(), state), [], `axe-core on ${what}`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `${what} fits 390 px (is ${width})`);
}

test(
  'the secretariat uploads a DOCX, splits a block and publishes, in English and Arabic',
  { skip, timeout: 180_000 },
  async () => {
    const docx = await buildDocx(
      [
        docxParagraph(docxRun('Draft report on shared resolvers'), { style: 'Title' }),
        docxParagraph(docxRun('Introduction'), { style: 'Heading1' }),
        docxParagraph(docxRun('The Group met three times on the stability of resolvers.'), {
          num: [1, 0],
        }),
        docxParagraph(
          docxRun('Resolvers answer queries for many networks. Operators publish policies.'),
          { num: [1, 0] },
        ),
        docxParagraph(docxRun('The Group recalls earlier work.') + docxFootnoteRef(1), {
          num: [1, 0],
        }),
      ].join(''),
      { 1: 'See the first report of the Group.' },
    );
    const context = await browser!.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('E-mail address').fill(built.accounts.secretariat.email);
    await page.getByLabel('Password').fill(builtPassword);
    await Promise.all([
      page.waitForURL((u) => u.pathname !== '/sign-in'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);

    await page.goto(`${base}/processes/twg`);
    await page.getByRole('heading', { name: 'Import a document' }).waitFor();
    await page.getByLabel('File (PDF, DOCX, text or Markdown)').setInputFiles({
      name: 'resolvers.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(docx),
    });
    await page.getByLabel('Symbol (optional)').fill('TWG/2026/E2E');
    await page.getByLabel('Language of the text').selectOption('en');
    await shot(page, '01-form');
    await checkPage(page, 'the process page with the import form');
    await Promise.all([
      page.waitForURL(/\/import-drafts\//),
      page.getByRole('button', { name: 'Read the file' }).click(),
    ]);
    const draft = page.url();
    await page.getByRole('heading', { name: 'Import draft: TWG/2026/E2E' }).waitFor();
    assert.ok(await page.getByText('Operators publish policies.', { exact: false }).isVisible());
    await shot(page, '02-draft');
    await checkPage(page, 'the import draft');

    const block = page.locator('li.import-block', { hasText: 'Resolvers answer' });
    await block.locator('summary').click();
    await block.getByLabel('Split before these words').fill('Operators publish');
    await Promise.all([
      page.waitForURL(/#block-/),
      block.getByRole('button', { name: 'Split the block' }).click(),
    ]);
    const pieces = page.locator('li.import-block p.block-text');
    assert.ok(
      (await pieces.allInnerTexts()).includes('Operators publish policies.'),
      'the split-off block stands alone',
    );
    assert.ok(await page.getByRole('heading', { name: 'Corrections made (1)' }).isVisible());
    await shot(page, '03-corrected');

    await page.goto(`${base}/language/ar?back=${encodeURIComponent(new URL(draft).pathname)}`);
    await page.waitForURL(/\/import-drafts\//);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.ok(await page.getByRole('heading', { name: 'تقرير الاستيراد' }).isVisible());
    await shot(page, '04-draft-ar');
    await checkPage(page, 'the import draft in Arabic');
    await Promise.all([
      page.waitForURL(/\/documents\/.+\/v\/1\/en$/),
      page.getByRole('button', { name: 'نشر الوثيقة' }).click(),
    ]);
    assert.ok(await page.getByText('Operators publish policies.').first().isVisible());
    await shot(page, '05-published-ar');
    await checkPage(page, 'the published document in Arabic');
    const lv = await opened.db
      .selectFrom('blocks')
      .select('text')
      .where('text', '=', 'Operators publish policies.')
      .execute();
    assert.equal(lv.length, 1, 'the corrected block is stored');
    await context.close();
  },
);
