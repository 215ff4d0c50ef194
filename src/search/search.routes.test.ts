import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { createApp } from '../app.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { buildProcess } from '../imports/imports.builder.ts';
import { importFile } from '../imports/imports.service.ts';
import { drain } from '../followers.ts';
import { TestClient } from '../test-client.ts';
import type { SearchResult } from './search.schema.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'doctype-style': 'off', 'void-style': 'off', 'no-trailing-whitespace': 'off' },
});

for (const engine of testEngines()) {
  describe(`search page and API (${engine})`, () => {
    let o: OpenDatabase;
    let client: TestClient;
    let documentId: string;
    before(async () => {
      o = await openTestDatabase(engine);
      client = new TestClient(createApp({ db: o.db, engine }));
      await buildProcess(o.db);
      const en = await importFile(
        o.db,
        utf8(
          '1. States should not damage the public core of the Internet.\n\n2. The <script>alert(1)</script> paragraph on the domain name system.\n',
        ),
        {
          process: 'twg',
          symbol: 'A/AC.290/2021/CRP.2',
          version: 'pre-draft',
          date: '2021-01-15',
          language: 'en',
          format: 'text',
        },
      );
      documentId = en.ids.document;
      await importFile(o.db, utf8('1. 各国不应损害互联网公共核心。\n\n2. 域名系统。\n'), {
        process: 'twg',
        document: documentId,
        version: 'pre-draft',
        language: 'zh',
        format: 'text',
      });
      await drain(o.db, engine);
    });
    after(() => o?.close());

    it('shows the empty form when there is no query yet', async () => {
      const res = await client.get('/search');
      assert.equal(res.status, 200);
      const body = await res.text();
      assert.match(body, /<input type="search" id="search-q" name="q"/);
      assert.doesNotMatch(body, /role="status"/);
    });

    it('shows each passage with its address, a link to it and the words marked', async () => {
      const res = await client.get('/search?q=public+core');
      assert.equal(res.status, 200);
      const body = await res.text();
      assert.match(
        body,
        /<a href="\/documents\/[0-9a-f-]+\/v\/1\/en#para-1"><bdi>A\/AC\.290\/2021\/CRP\.2, para 1<\/bdi><\/a>/,
      );
      assert.match(body, /the <mark>public<\/mark> <mark>core<\/mark> of the Internet/);
      assert.match(body, /1 result found\./);
      const report = await validator.validateString(body);
      assert.deepEqual(
        report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
        [],
      );
    });

    it('finds Chinese words and shows them in Chinese', async () => {
      const body = await (await client.get(`/search?q=${encodeURIComponent('公共核心')}`)).text();
      assert.match(body, /<p lang="zh" dir="ltr">各国不应损害互联网<mark>公共核心<\/mark>。<\/p>/);
    });

    it('keeps filters in the form and applies them', async () => {
      const body = await (await client.get('/search?q=domain&language=zh')).text();
      assert.match(body, /Nothing found\./);
      assert.match(body, /<option value="zh" selected>/);
      const en = await (
        await client.get('/search?q=domain&language=en&from=2021-01-01&to=2021-12-31')
      ).text();
      assert.match(en, /1 result found\./);
    });

    it('renders script in the text and the query inert', async () => {
      const text = await (await client.get('/search?q=paragraph')).text();
      assert.match(text, /The &lt;script&gt;alert\(1\)&lt;\/script&gt; <mark>paragraph<\/mark>/);
      const query = await (
        await client.get(`/search?q=${encodeURIComponent('"><script>alert(2)</script>')}`)
      ).text();
      assert.doesNotMatch(query, /<script>alert\(2\)/);
      assert.match(query, /value="&quot;&gt;&lt;script&gt;alert\(2\)&lt;\/script&gt;"/);
    });

    it('answers an empty or a 2,000-character query with a clear error', async () => {
      const empty = await client.get('/search?q=');
      assert.equal(empty.status, 400);
      assert.match(await empty.text(), /role="alert">Enter one or more words to search for/);
      const long = await client.get(`/search?q=${'a'.repeat(2000)}`);
      assert.equal(long.status, 400);
      assert.match(await long.text(), /The search is too long/);
      const french = await client.get('/search?q=%20', { 'accept-language': 'fr' });
      assert.match(await french.text(), /Saisissez un ou plusieurs mots/);
      const badDate = await client.get('/search?q=core&from=2021-13-45');
      assert.equal(badDate.status, 400);
      const badPage = await client.get('/search?q=core&page=999');
      assert.equal(badPage.status, 400);
    });

    it('answers the JSON API with hits, and errors with their code', async () => {
      const res = await client.get('/api/search?q=internet&language=en');
      assert.equal(res.status, 200);
      const result = (await res.json()) as SearchResult;
      assert.equal(result.total, 1);
      assert.equal(result.totalExact, true);
      assert.equal(result.hits[0]!.citation, 'A/AC.290/2021/CRP.2, para 1');
      assert.equal(result.hits[0]!.date, '2021-01-15');
      const empty = await client.get('/api/search');
      assert.equal(empty.status, 400);
      assert.equal(
        ((await empty.json()) as { error: { code: string } }).error.code,
        'SEARCH_QUERY_EMPTY',
      );
      const long = await client.get(`/api/search?q=${'b'.repeat(2000)}`);
      assert.equal(
        ((await long.json()) as { error: { code: string } }).error.code,
        'SEARCH_QUERY_TOO_LONG',
      );
      const unknown = await client.get('/api/search?q=core&process=nothing-like-this');
      assert.equal(unknown.status, 404);
      const spec = (await (await client.get('/api/openapi.json')).json()) as {
        paths: Record<string, unknown>;
      };
      assert.ok(spec.paths['/api/search']);
    });

    it('has a search box in the site header', async () => {
      const body = await (await client.get('/')).text();
      assert.match(body, /<form class="inline" method="get" action="\/search" role="search"/);
    });
  });
}
