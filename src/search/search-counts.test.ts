/**
 * Counts past the passages a page ranks: a query matching more than `rankCap` passages has its
 * passages and results counted in SQL (countCandidates), and those counts must be the ones a scan
 * of the passages' text finds, grouped as search groups them (a paragraph in several languages,
 * a measure in several languages: one result; a footnote, a submission: their own). The facets
 * then count the newest `rankCap` passages, and say so (facetsOf).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { createApp } from '../app.ts';
import { TestClient } from '../test-client.ts';
import type { OpenDatabase } from '../db/database.ts';
import { analyse, foldForSearch } from './search-terms.ts';
import {
  countCap,
  dayNumber,
  postingWeights,
  rankCap,
  resultKey,
  searchPassages,
} from './search.service.ts';
import { insertSearchItems, type NewSearchItem } from './search.store.ts';

const paragraphs = 1_500;
const filler = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima'.split(
  ' ',
);

/**
 * Every paragraph of one version in English and French, a footnote at some of the same
 * addresses, submissions on the version (a few holding every filler word) and measures in two
 * languages; "internet" in all of them, "zebra" in one in three, "states" in one in two.
 */
function corpus(): { item: NewSearchItem; weights: Map<string, number> }[] {
  const first = dayNumber('2015-01-01');
  let state = 777;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const out: { item: NewSearchItem; weights: Map<string, number> }[] = [];
  const add = (
    n: number,
    fields: Pick<NewSearchItem, 'source_id' | 'kind' | 'language' | 'version_id' | 'address'>,
    extra: string[] = [],
  ) => {
    const words = ['internet', ...extra];
    for (let k = 0; k < 6; k++) words.push(filler[Math.floor(random() * filler.length)]!);
    if (n % 3 === 0) words.push('zebra');
    // A word of two terms: "states" is `state` in English, `stat` in French.
    if (n % 2 === 0) words.push('states');
    // "las" is `la` in English, `las` in French: a French passage with "la" too holds both terms
    // of the word, and is one passage all the same.
    if (n % 4 !== 0) words.push('las');
    if (n % 6 === 1) words.push('la');
    const text = words.join(' ');
    const day = first + Math.floor(n / 3);
    out.push({
      item: {
        ...fields,
        day,
        date: new Date(day * 86_400_000).toISOString().slice(0, 10),
        process_id: 'p',
        document_id: fields.version_id ? 'd' : null,
        symbol: 'GEN/1',
        title: 'Generated',
        href: `/gen/${fields.source_id}`,
        organisation_id: null,
        organisation_name: null,
        stakeholder_group: fields.kind === 'submission' ? 'civil_society' : null,
        country: fields.kind === 'measure' ? 'FRA' : null,
        text,
        folded: foldForSearch(text),
      },
      weights: postingWeights(analyse([{ text }], fields.language)),
    });
  };
  for (let i = 0; i < paragraphs; i++) {
    for (const language of ['en', 'fr'])
      add(i, {
        source_id: `p-${i}-${language}`,
        kind: 'paragraph',
        language,
        version_id: 'v1',
        address: `para ${i}`,
      });
    if (i % 5 === 0)
      add(i, {
        source_id: `fn-${i}`,
        kind: 'footnote',
        language: 'en',
        version_id: 'v1',
        address: `para ${i}`,
      });
    if (i % 7 === 0)
      add(i, {
        source_id: `s-${i}`,
        kind: 'submission',
        language: 'en',
        version_id: 'v1',
        address: null,
      });
    // Every filler word: for a query of more words than are looked up in SQL.
    if (i % 50 === 0)
      add(
        i,
        {
          source_id: `all-${i}`,
          kind: 'submission',
          language: 'en',
          version_id: 'v1',
          address: null,
        },
        filler,
      );
    if (i % 4 === 0)
      for (const language of ['en', 'fr'])
        add(i, {
          source_id: `m-${i}~${language}`,
          kind: 'measure',
          language,
          version_id: null,
          address: null,
        });
  }
  return out;
}

/** Passages and results whose text holds every word, by a scan of the passages. */
async function scan(
  o: OpenDatabase,
  words: string[],
  language?: string,
): Promise<{ passages: number; results: number; newest: string[] }> {
  const rows = await o.db
    .selectFrom('search_items')
    .select(['seq', 'day', 'kind', 'source_id', 'version_id', 'address', 'language', 'folded'])
    .execute();
  const found = rows
    .filter((r) => words.every((w) => ` ${r.folded} `.includes(` ${w} `)))
    .filter((r) => language === undefined || r.language === language)
    .sort((a, b) => b.day - a.day || Number(b.seq) - Number(a.seq));
  return {
    passages: found.length,
    results: new Set(
      found.map((r) =>
        resultKey({
          kind: r.kind,
          sourceId: r.source_id,
          versionId: r.version_id,
          address: r.address,
        }),
      ),
    ).size,
    newest: found.slice(0, rankCap).map((r) => r.language),
  };
}

/** The hits (id and score, in order) of each ranked query, by engine: compared at the end. */
const rankings = new Map<string, unknown[]>();

for (const engine of testEngines()) {
  describe(`search counts past the ranked passages (${engine})`, () => {
    let o: OpenDatabase;
    after(() => o?.close());

    it('counts every matching passage and result as a scan does, and the facets say of how many', async () => {
      o = await openTestDatabase(engine);
      const items = corpus();
      for (let i = 0; i < items.length; i += 1000)
        await o.db.transaction().execute((trx) => insertSearchItems(trx, items.slice(i, i + 1000)));
      assert.ok(items.length > rankCap && items.length <= countCap);
      for (const [q, words, language] of [
        ['internet', ['internet'], undefined],
        ['zebra internet', ['internet', 'zebra'], undefined],
        ['internet', ['internet'], 'fr'],
        // The driver has a term per language: its postings are merged newest first.
        ['states', ['states'], undefined],
        ['states internet', ['internet', 'states'], undefined],
      ] as const) {
        const expected = await scan(o, [...words], language);
        const r = await searchPassages(o.db, null, { q, ...(language ? { language } : {}) });
        const label = `${q} ${language ?? ''}`;
        assert.equal(r.passages, expected.passages, label);
        assert.equal(r.total, expected.results, label);
        assert.equal(r.totalExact, true, label);
        assert.equal(r.truncated, false, label);
        const read = Math.min(rankCap, expected.passages);
        assert.equal(r.facetsOf, read, label);
        // The facets count the passages read: the newest `rankCap` of those found.
        const languages = Object.fromEntries(r.facets.language.map((f) => [f.value, f.count]));
        const newest: Record<string, number> = {};
        for (const l of expected.newest) newest[l] = (newest[l] ?? 0) + 1;
        assert.deepEqual(languages, newest, label);
        assert.equal(r.hits.length, 20, label);
      }
      // A passage holding two terms of the driver is counted once, past the ranked passages too.
      const las = await scan(o, ['las']);
      assert.ok(las.passages > rankCap, `${las.passages}`);
      const counted = await searchPassages(o.db, null, { q: 'las' });
      assert.equal(counted.passages, las.passages);
      assert.equal(counted.total, las.results);
      assert.equal(counted.totalExact, true);
      // Rankings by each word's weight in each passage: SQLite joins a word of one term on its
      // posting, PostgreSQL looks it up in a subquery; both must score every passage alike.
      const ranked: unknown[] = [];
      for (const q of [
        'zebra internet',
        'internet zebra alpha',
        'bravo zebra',
        'internet',
        'states',
      ]) {
        const r = await searchPassages(o.db, null, { q });
        assert.ok(r.hits.length > 0, q);
        ranked.push(
          q,
          r.total,
          r.hits.map((h) => [h.id, h.score]),
        );
      }
      rankings.set(engine, ranked);
      // Nine words: eight looked up in SQL, the ninth checked on each passage's text; fewer
      // than rankCap match, so the count is exact too.
      const nine = ['internet', ...filler.slice(0, 7), 'zebra'];
      const expected = await scan(o, nine);
      assert.ok(expected.passages > 0 && expected.passages < rankCap, `${expected.passages}`);
      const long = await searchPassages(o.db, null, { q: nine.join(' ') });
      assert.equal(long.passages, expected.passages);
      assert.equal(long.total, expected.results);
      assert.equal(long.totalExact, true);
      // Fewer than rankCap: every passage read, and the facets count them all.
      const few = await searchPassages(o.db, null, { q: 'zebra', kind: 'measure' });
      const measures = items.filter(
        (i) => i.item.kind === 'measure' && i.item.text.includes('zebra'),
      ).length;
      assert.equal(few.passages, measures);
      assert.equal(few.total, measures / 2, 'a measure in two languages is one result');
      assert.equal(few.facetsOf, measures);
      // The page says the ranking and the facets are of the newest read.
      const client = new TestClient(createApp({ db: o.db, engine }));
      const page = await (await client.get('/search?q=internet')).text();
      assert.match(page, /The newest 2,000 matches are ranked, and the counts under Refine/);
      const api = (await (await client.get('/api/search?q=internet')).json()) as {
        passages: number;
        facetsOf: number;
      };
      // The API walks by cursor, and a walk reads and ranks up to walkCap: all of these.
      assert.ok(api.passages > rankCap);
      assert.equal(api.facetsOf, api.passages);
      const narrow = await (await client.get('/search?q=internet&kind=measure')).text();
      assert.doesNotMatch(narrow, /The newest [\d,]+ matches are ranked/);
    });
  });
}

describe('search counts on both engines', () => {
  it(
    'ranks the passages alike on SQLite and PostgreSQL',
    { skip: testEngines().length < 2 },
    () => {
      assert.deepEqual(rankings.get('postgres'), rankings.get('sqlite'));
    },
  );
});
