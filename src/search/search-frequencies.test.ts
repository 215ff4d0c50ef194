/**
 * Search plans on exact term frequencies: a query of a rare and a common word over a generated
 * corpus starts from the rare word and counts every match, checked against a scan of the
 * passages' text. The corpus is made so that an estimate of the frequencies capped below the
 * rare word's count (the old 5,000-posting count, ties broken alphabetically) starts from the
 * common word, whose newest passages do not hold the rare one.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import type { OpenDatabase } from '../db/database.ts';
import { queryPlan } from '../db/query-plans.ts';
import { analyse, foldForSearch, parseQuery } from './search-terms.ts';
import { dayNumber, postingWeights, searchPassages, wordsRarestFirst } from './search.service.ts';
import {
  candidatesQuery,
  deleteSearchItem,
  findSearchItemBySource,
  inSearchSession,
  insertSearchItems,
} from './search.store.ts';
import type { NewSearchItem } from './search.store.ts';

/** Passages in the corpus; the rare word is in the oldest `rareCount` of them. */
const corpusSize = 20_000;
const rareCount = 6_000;
const filler = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima'.split(
  ' ',
);

/** The generated passages: "the" in every one, "zebra" in the oldest, filler words between. */
function corpus(): { item: NewSearchItem; weights: Map<string, number> }[] {
  const first = dayNumber('2010-01-01');
  let state = 12345;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const out: { item: NewSearchItem; weights: Map<string, number> }[] = [];
  for (let i = 0; i < corpusSize; i++) {
    const words = ['the'];
    for (let k = 0; k < 6; k++) words.push(filler[Math.floor(random() * filler.length)]!);
    if (i < rareCount) words.splice(1 + Math.floor(random() * 6), 0, 'zebra');
    const text = words.join(' ');
    const day = first + Math.floor(i / 4);
    const item: NewSearchItem = {
      source_id: `gen-${i}`,
      kind: 'paragraph',
      day,
      date: new Date(day * 86_400_000).toISOString().slice(0, 10),
      language: 'en',
      process_id: 'p',
      document_id: null,
      version_id: null,
      symbol: 'GEN/1',
      title: 'Generated',
      address: `para ${i}`,
      href: `/gen/${i}`,
      organisation_id: null,
      organisation_name: null,
      stakeholder_group: null,
      country: null,
      text,
      folded: foldForSearch(text),
    };
    out.push({ item, weights: postingWeights(analyse([{ text }], 'en')) });
  }
  return out;
}

/** Passages whose text holds every one of these words: the scan the index must agree with. */
async function scanCount(o: OpenDatabase, words: string[]): Promise<number> {
  let q = o.db.selectFrom('search_items').select((eb) => eb.fn.countAll<number | string>().as('n'));
  for (const w of words) q = q.where(sql<boolean>`' ' || folded || ' ' like ${`% ${w} %`}`);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

for (const engine of testEngines()) {
  describe(`search on exact term frequencies (${engine})`, () => {
    let o: OpenDatabase;
    after(() => o?.close());

    it('a rare and a common word over 20,000 passages: every match, counted exactly', async () => {
      o = await openTestDatabase(engine);
      const items = corpus();
      for (let i = 0; i < items.length; i += 2000)
        await o.db.transaction().execute((trx) => insertSearchItems(trx, items.slice(i, i + 2000)));
      const expected = await scanCount(o, ['the', 'zebra']);
      assert.equal(expected, rareCount);
      for (const q of ['the zebra', 'zebra the']) {
        const r = await searchPassages(o.db, null, { q });
        assert.equal(r.passages, expected, q);
        assert.equal(r.passagesExact, true, q);
        assert.equal(r.truncated, false, q);
        assert.equal(r.hits.length, 20, q);
        assert.ok(
          r.hits.every((h) => /\bzebra\b/.test(h.snippet) && /\bthe\b/.test(h.snippet)),
          q,
        );
      }
      // The rare word drives, and the plan follows that order: the driver's postings read along
      // the index, the common word looked up per passage, never a scan or a hash of its postings.
      const words = await wordsRarestFirst(o.db, parseQuery('the zebra'));
      assert.ok(words[0]!.includes('zebra'));
      const planOf = (order: 'impact' | 'newest', driver: string[], others: string[][]) =>
        inSearchSession(o.db, (db) =>
          queryPlan(
            db,
            candidatesQuery(
              db,
              {
                words: [driver, ...others],
                filters: {},
                hiddenVersions: [],
                withText: false,
                budget: 100_000,
                order,
              },
              driver[0]!,
              1001,
            ),
          ),
        );
      const plan = await planOf('impact', words[0]!, words.slice(1));
      const text = plan.join('\n');
      if (engine === 'sqlite') {
        // Best first along search_postings_impact, streamed: no sort of the driver's postings.
        assert.match(
          text,
          /SEARCH d USING COVERING INDEX search_postings_impact \(term=\?\)/,
          text,
        );
        assert.ok(!plan.some((l) => /^SCAN (?!p$)|TEMP B-TREE/.test(l)), text);
        assert.match(
          text,
          /SEARCH o EXISTS USING PRIMARY KEY \(term=\? AND day=\? AND item=\?\)/,
          text,
        );
      } else {
        assert.ok(!/Seq Scan|Hash|Merge|Sort|Bitmap/.test(text), text);
        assert.match(
          text,
          /Index (Only )?Scan using search_postings_impact on search_postings d\n\s+Index Cond: \(term = 'zebra'::text\)/,
          text,
        );
        assert.match(text, /Index Cond: \(\(term = 'the'::text\) AND \(day = p\.day\)/, text);
      }
      // Each order along its own index, a common word too, with statistics or without (SQLite
      // has none until ANALYZE is run; with them, it misjudged the new index until it had its
      // own: migration 0044 makes them).
      for (const analysed of [false, true]) {
        if (analysed) await sql`analyze`.execute(o.db);
        for (const [order, driver] of [
          ['impact', 'zebra'],
          ['impact', 'the'],
          ['newest', 'zebra'],
          ['newest', 'the'],
        ] as const) {
          const other = driver === 'the' ? 'zebra' : 'the';
          const lines = (await planOf(order, [driver], [[other]])).join('\n');
          const index =
            order === 'impact'
              ? engine === 'sqlite'
                ? /SEARCH d USING COVERING INDEX search_postings_impact \(term=\?\)/
                : /Index (Only )?Scan using search_postings_impact on search_postings d/
              : engine === 'sqlite'
                ? /SEARCH d USING PRIMARY KEY \(term=\?\)/
                : /Index (Only )?Scan Backward using search_postings_pk on search_postings d/;
          assert.match(lines, index, `${order} ${driver} ${analysed}\n${lines}`);
          assert.ok(!/TEMP B-TREE|Sort|Bitmap/.test(lines), `${order} ${driver}\n${lines}`);
        }
      }
      // The counts follow removals too: the rare word's passages taken out one by one until it
      // is no rarer than a filler word, and the answer still agrees with the scan.
      for (let i = 0; i < 200; i++) {
        const indexed = await findSearchItemBySource(o.db, `gen-${i}`);
        await o.db.transaction().execute((trx) => deleteSearchItem(trx, indexed!));
      }
      const after = await searchPassages(o.db, null, { q: 'the zebra' });
      assert.equal(after.passages, await scanCount(o, ['the', 'zebra']));
      assert.equal(after.passages, rareCount - 200);
      const terms = await o.db
        .selectFrom('search_terms')
        .select(['term', 'passages'])
        .where('term', 'in', ['', 'the', 'zebra'])
        .orderBy('term')
        .execute();
      assert.deepEqual(
        terms.map((t) => [t.term, Number(t.passages)]),
        [
          ['', corpusSize - 200],
          ['the', corpusSize - 200],
          ['zebra', rareCount - 200],
        ],
      );
    });

    it('ranks the best of every match, not the newest, and counts past the ranked pool', async () => {
      const yak = await openTestDatabase(engine);
      try {
        // 1,500 of 4,500 passages hold "yak": the 20 oldest three times (the best), the
        // others once.
        const items = corpus()
          .slice(0, 4500)
          .map(({ item }, i) => {
            const yaks = i < 20 ? 'yak yak yak' : i < 1500 ? 'yak' : '';
            const text = `${yaks} the ${filler[i % filler.length]!}`;
            return {
              item: { ...item, text, folded: foldForSearch(text) },
              weights: postingWeights(analyse([{ text }], 'en')),
            };
          });
        await yak.db.transaction().execute((trx) => insertSearchItems(trx, items));
        const best = await searchPassages(yak.db, null, { q: 'yak' });
        assert.deepEqual(
          best.hits.map((h) => h.id).toSorted(),
          items
            .slice(0, 20)
            .map((i) => i.item.source_id)
            .toSorted(),
        );
        // More match than are ranked: the results and facets are of the 200 ranked (1,000 for
        // a page past the tenth), the passages counted apart (one word: from search_terms; two:
        // along the postings).
        assert.equal(best.totalExact, false);
        assert.equal(best.total, 200);
        assert.equal(
          best.facets.year.reduce((n, f) => n + f.count, 0),
          200,
        );
        const tenth = await searchPassages(yak.db, null, { q: 'yak', page: '10' });
        assert.deepEqual([tenth.hits.length, tenth.hasNext], [20, true]);
        const deeper = await searchPassages(yak.db, null, { q: 'yak', page: '11' });
        assert.deepEqual([deeper.total, deeper.hits.length, deeper.hasNext], [1000, 20, true]);
        assert.deepEqual([best.passages, best.passagesExact], [1500, true]);
        const two = await searchPassages(yak.db, null, { q: 'yak the' });
        assert.deepEqual([two.passages, two.passagesExact, two.totalExact], [1500, true, false]);
        assert.equal(two.hits[0]!.id, 'gen-19');
        // A filter on the passage's own row: counted with it.
        for (const [kind, n] of [
          ['paragraph', 1500],
          ['footnote', 0],
        ] as const) {
          const narrowed = await searchPassages(yak.db, null, { q: 'yak the', kind });
          assert.deepEqual([narrowed.passages, narrowed.passagesExact], [n, true], kind);
        }
        const newest = await searchPassages(yak.db, null, { q: 'yak', sort: 'newest' });
        assert.equal(newest.hits[0]!.id, 'gen-1499');
      } finally {
        await yak.close();
      }
    });
  });
}
