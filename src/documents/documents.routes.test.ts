import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HtmlValidate } from 'html-validate';
import { createApp } from '../app.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { buildDraftMarkdown, buildProcess } from '../imports/imports.builder.ts';
import { importFile } from '../imports/imports.service.ts';
import type { ImportReport } from '../imports/imports.schema.ts';
import { buildMessyDocument } from '../imports/parser/messy-document.builder.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Style preferences, not validity: the templates are formatted by prettier.
    'doctype-style': 'off',
    'void-style': 'off',
    'no-trailing-whitespace': 'off',
    // UN document titles are long; the 70-character limit is search-engine advice, not HTML.
    'long-title': 'off',
  },
});

async function assertValidHtml(html: string, what: string): Promise<void> {
  const report = await validator.validateString(html);
  const messages = report.results.flatMap((r) =>
    r.messages.map((m) => `${m.ruleId} line ${m.line}: ${m.message}`),
  );
  assert.deepEqual(messages, [], `${what} is not valid HTML`);
}

for (const engine of testEngines()) {
  describe(`reading pages and API (${engine})`, () => {
    let o: OpenDatabase;
    let app: ReturnType<typeof createApp>;
    let en: ImportReport;
    let ar: ImportReport;
    let rev: ImportReport;
    before(async () => {
      o = await openTestDatabase(engine);
      app = createApp({ db: o.db, engine });
      await buildProcess(o.db);
      en = await importFile(o.db, utf8(buildDraftMarkdown(20)), {
        process: 'twg',
        symbol: 'TEST/2026/CRP.2',
        title: 'Draft report <on> "stability"',
        kind: 'draft report',
        version: 'pre-draft',
        date: '2026-04-01',
        language: 'en',
        sourceName: 'draft.md',
      });
      ar = await importFile(
        o.db,
        utf8(
          '# مشروع\n\n1. الفقرة الأولى عن استقرار الإنترنت.[^1]\n\n2. الفقرة الثانية.\n\n[^1]: حاشية.\n',
        ),
        {
          process: 'twg',
          document: 'TEST/2026/CRP.2',
          version: 'pre-draft',
          language: 'ar',
        },
      );
      rev = await importFile(o.db, utf8(buildDraftMarkdown(22)), {
        process: 'twg',
        document: 'TEST/2026/CRP.2',
        version: 'Rev.1',
        language: 'en',
      });
    });
    after(async () => o.close());

    test('lists processes on the home page', async () => {
      const res = await app.request('/');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /Test Working Group on Stability/);
      assert.match(html, /href="\/processes\/test-wg"/);
      await assertValidHtml(html, 'the home page');
    });

    test('shows a process with its documents, versions and languages, found by alias too', async () => {
      for (const ref of ['test-wg', 'TWG', 'the test group']) {
        const res = await app.request(`/processes/${encodeURIComponent(ref)}`);
        assert.equal(res.status, 200, ref);
      }
      const html = await (await app.request('/processes/test-wg')).text();
      assert.match(html, /TEST\/2026\/CRP\.2/);
      assert.match(html, new RegExp(`/documents/${en.ids.document}/v/1/ar`));
      assert.match(html, new RegExp(`/documents/${en.ids.document}/v/2/en`));
      await assertValidHtml(html, 'the process page');
    });

    test('renders the latest version with paragraph anchors, footnote links and back-links', async () => {
      const res = await app.request(`/documents/${en.ids.document}`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /Rev\.1/);
      for (const n of [1, 10, 22]) assert.match(html, new RegExp(`id="para-${n}"`));
      assert.match(html, /id="para-3-b"/);
      assert.match(html, /<a class="fnref" id="ref-fn-1-1" href="#fn-1"/);
      assert.match(html, /<li id="fn-1"[^>]*>[\s\S]*?href="#ref-fn-1-1"/);
      // The title is escaped, not interpreted.
      assert.match(html, /Draft report &lt;on&gt; &quot;stability&quot;/);
      await assertValidHtml(html, 'the document page');
    });

    test('switches version and language by address, right to left for Arabic', async () => {
      const v1 = await (await app.request(`/documents/${en.ids.document}/v/1/en`)).text();
      assert.match(v1, /aria-current="page" href="\/documents\/[^"]+\/v\/1\/en"/);
      assert.doesNotMatch(v1, /id="para-21"/);
      const arabic = await (await app.request(`/documents/${ar.ids.document}/v/1/ar`)).text();
      assert.match(arabic, /<article class="content" lang="ar" dir="rtl">/);
      assert.match(arabic, /الفقرة الأولى/);
      await assertValidHtml(arabic, 'the Arabic page');
      assert.equal((await app.request(`/documents/${en.ids.document}/v/2/ar`)).status, 404);
      assert.equal((await app.request(`/documents/${en.ids.document}/v/9`)).status, 404);
      assert.equal((await app.request(`/documents/${en.ids.document}/v/abc`)).status, 404);
      assert.equal((await app.request(`/documents/${en.ids.document}/v/1/not a tag`)).status, 404);
    });

    test('answers addresses with NUL characters or broken escapes with a 4xx, never a 500', async () => {
      for (const path of [
        '/processes/%00',
        '/api/processes/a%00b',
        '/api/documents?symbol=%00',
        '/processes/%E0%A4%A',
        '/api/processes/%ZZ',
      ]) {
        const res = await app.request(path);
        assert.ok(res.status >= 400 && res.status < 500, `${path} answered ${res.status}`);
      }
    });

    test('answers unknown addresses with a 404 page and never a 500', async () => {
      for (const path of [
        '/nowhere',
        '/processes/unknown',
        '/documents/not-an-id',
        `/documents/${crypto.randomUUID()}`,
        '/documents/%E0%A4%A',
      ]) {
        const res = await app.request(path);
        assert.equal(res.status, 404, path);
        assert.match(await res.text(), /<h1>Not found<\/h1>/);
      }
    });

    test('serves processes, documents, versions and blocks as JSON', async () => {
      const processes = (await (await app.request('/api/processes')).json()) as {
        processes: { slug: string }[];
      };
      assert.deepEqual(
        processes.processes.map((p) => p.slug),
        ['test-wg'],
      );
      const doc = (await (await app.request(`/api/documents/${en.ids.document}`)).json()) as {
        versions: { label: string; languages: { language: string }[] }[];
      };
      assert.deepEqual(
        doc.versions.map((v) => [v.label, v.languages.map((l) => l.language)]),
        [
          ['pre-draft', ['ar', 'en']],
          ['Rev.1', ['en']],
        ],
      );
      const bySymbol = await app.request(
        `/api/documents?symbol=${encodeURIComponent('TEST/2026/CRP.2')}`,
      );
      assert.equal(bySymbol.status, 200);
      const version = (await (await app.request(`/api/versions/${rev.ids.version}`)).json()) as {
        seq: number;
      };
      assert.equal(version.seq, 2);
      const blocks = (await (
        await app.request(`/api/versions/${en.ids.version}/blocks?language=ar`)
      ).json()) as { blocks: { address: string }[] };
      assert.deepEqual(
        blocks.blocks.filter((b) => b.address.startsWith('para')).map((b) => b.address),
        ['para 1', 'para 2'],
      );
      const lv = (await (
        await app.request(`/api/language-versions/${en.ids.languageVersion}/blocks`)
      ).json()) as {
        blocks: { id: string; address: string; footnoteRefs: { footnoteId: string }[] }[];
      };
      const para4 = lv.blocks.find((b) => b.address === 'para 4')!;
      const one = (await (await app.request(`/api/blocks/${para4.id}`)).json()) as {
        block: { address: string };
      };
      assert.equal(one.block.address, 'para 4');
      const report = (await (
        await app.request(`/api/language-versions/${en.ids.languageVersion}`)
      ).json()) as { importReport: { blocks: { numberedParagraphs: number } } };
      assert.equal(report.importReport.blocks.numberedParagraphs, 20);
    });

    test('shows the import report with every removed piece of a messy file', async () => {
      const messy = buildMessyDocument(11, { paragraphs: 30, format: 'text' });
      const r = await importFile(o.db, utf8(messy.text), {
        process: 'twg',
        symbol: 'TEST/MESSY',
        language: 'en',
        sourceName: 'messy.txt',
      });
      const res = await app.request(`/documents/${r.ids.document}/v/1/en/import-report`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<h1>Import report<\/h1>/);
      assert.match(html, /<td>table of contents<\/td>/);
      assert.match(html, new RegExp(`Removed from the text \\(${r.removed.items}\\)`));
      const lines = [...html.matchAll(/<tr><td>(\d*)<\/td><td>/g)].map((x) => x[1]!);
      assert.equal(lines.length, r.removed.items);
      // In line order, the pieces without a line after them.
      const numbered = lines.filter((l) => l !== '').map(Number);
      assert.deepEqual(
        numbered,
        [...numbered].sort((a, b) => a - b),
      );
      assert.ok(lines.indexOf('') === -1 || lines.slice(lines.indexOf('')).every((l) => l === ''));
      // In the reader's language: no English left in the report's own words.
      const arabic = await (
        await app.request(`/documents/${r.ids.document}/v/1/en/import-report`, {
          headers: { 'accept-language': 'ar' },
        })
      ).text();
      assert.match(arabic, /<h1>تقرير الاستيراد<\/h1>|<h1>[^<]*[\u0600-\u06ff][^<]*<\/h1>/);
      for (const english of [
        'Import report',
        'Removed from the text',
        'table of contents',
        'Read the document',
        'numbered paragraphs',
        '<th scope="col">Why',
      ])
        assert.ok(!arabic.includes(english), `"${english}" in the Arabic report`);
      await assertValidHtml(arabic, 'the import report in Arabic');
      await assertValidHtml(html, 'the import report');
      const doc = await (await app.request(`/documents/${r.ids.document}`)).text();
      assert.match(doc, /href="\/documents\/[^"]+\/v\/1\/en\/import-report"/);
      assert.equal(
        (await app.request(`/documents/${r.ids.document}/v/1/fr/import-report`)).status,
        404,
      );
    });

    test('shows a cover and a back cover apart from the body, and gives their matter in the API', async () => {
      const text = [
        'Update on the Working Group',
        'Secretariat of the Group',
        'GE-007',
        '15 July 2020',
        '',
        '1. The Group met twice in the period under review and adopted its report.',
        '',
        '2. The Group will meet again next year.',
        '',
        'One network, many voices',
        'Visit example.org',
      ].join('\n');
      const r = await importFile(o.db, utf8(text), {
        process: 'twg',
        symbol: 'TEST/COVER',
        language: 'en',
        sourceName: 'cover.txt',
      });
      const html = await (await app.request(`/documents/${r.ids.document}`)).text();
      const front =
        /<section class="matter front-matter" aria-label="Cover">(.*?)<\/section>/s.exec(html);
      assert.match(front?.[1] ?? '', /Secretariat of the Group GE-007 15 July 2020/);
      const back =
        /<section class="matter back-matter" aria-label="Back cover">(.*?)<\/section>/s.exec(html);
      assert.match(back?.[1] ?? '', /One network, many voices Visit example.org/);
      // the body comes between them, and the cover is not a paragraph of it
      assert.ok(html.indexOf('front-matter') < html.indexOf('The Group met twice'));
      assert.ok(html.indexOf('The Group will meet again') < html.indexOf('back-matter'));
      await assertValidHtml(html, 'a document page with a cover');
      const api = (await (
        await app.request(`/api/language-versions/${r.ids.languageVersion}/blocks`)
      ).json()) as { blocks: { address: string; matter: string | null }[] };
      assert.deepEqual(
        api.blocks.map((b) => `${b.address} ${b.matter}`),
        ['front ¶1 front', 'para 1 null', 'para 2 null', 'back ¶1 back'],
      );
    });

    test('answers API errors with a catalogued code and message', async () => {
      const cases: [string, number, string][] = [
        ['/api/documents/not-a-uuid', 400, 'INVALID_REQUEST'],
        [`/api/documents/${crypto.randomUUID()}`, 404, 'DOCUMENT_NOT_FOUND'],
        [`/api/versions/${crypto.randomUUID()}`, 404, 'VERSION_NOT_FOUND'],
        [`/api/versions/${en.ids.version}/blocks?language=ru`, 404, 'LANGUAGE_VERSION_NOT_FOUND'],
        [`/api/blocks/${crypto.randomUUID()}`, 404, 'BLOCK_NOT_FOUND'],
        ['/api/processes/nothing-here', 404, 'PROCESS_NOT_FOUND'],
        ['/api/documents', 400, 'INVALID_REQUEST'],
        ['/api/nothing', 404, 'NOT_FOUND'],
      ];
      for (const [path, status, code] of cases) {
        const res = await app.request(path);
        assert.equal(res.status, status, path);
        const body = (await res.json()) as { error: { code: string; message: string } };
        assert.equal(body.error.code, code, path);
        assert.ok(body.error.message.length > 10, path);
      }
    });

    test('refuses a request body larger than the limit', async () => {
      const res = await app.request('/api/processes', {
        method: 'POST',
        body: 'x'.repeat(2 * 1024 * 1024),
        headers: { 'content-length': String(2 * 1024 * 1024) },
      });
      assert.equal(res.status, 413);
    });
  });
}

describe('page weight', () => {
  test('a 200-paragraph document page weighs under 150 KB, and under 40 KB gzipped', async () => {
    const o = await openTestDatabase('sqlite');
    try {
      await buildProcess(o.db);
      const r = await importFile(o.db, utf8(buildDraftMarkdown(200)), {
        process: 'twg',
        symbol: 'TEST/200',
        language: 'en',
      });
      const app = createApp({ db: o.db, engine: 'sqlite' });
      const html = await (await app.request(`/documents/${r.ids.document}`)).text();
      const css = await (await app.request('/static/plenum.css')).text();
      assert.match(html, /id="para-200"/);
      const bytes = Buffer.byteLength(html) + Buffer.byteLength(css);
      assert.ok(bytes < 150 * 1024, `page and stylesheet weigh ${bytes} bytes`);
      const gzipped = await app.request(`/documents/${r.ids.document}`, {
        headers: { 'accept-encoding': 'gzip' },
      });
      assert.equal(gzipped.headers.get('content-encoding'), 'gzip');
      const sent = (await gzipped.arrayBuffer()).byteLength;
      assert.ok(sent < 40 * 1024, `the page is sent as ${sent} bytes`);
    } finally {
      await o.close();
    }
  });
});
