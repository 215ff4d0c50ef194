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
        assert.equal(r.total, expected, q);
        assert.equal(r.totalExact, true, q);
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
      const plan = await inSearchSession(o.db, (db) =>
        queryPlan(
          db,
          candidatesQuery(
            db,
            { words, filters: {}, hiddenVersions: [], withText: false, budget: undefined },
            10_001,
          ),
        ),
      );
      const text = plan.join('\n');
      if (engine === 'sqlite') {
        assert.ok(!plan.some((l) => /^SCAN|TEMP B-TREE/.test(l)), text);
        // A driver of several terms ("zebra" as English `zebra` and French `zebr`) is one walk
        // per term along the index, merged newest first; in each, the common word is one
        // lookup of its posting per passage (its weight with it), made before the passage's
        // entry in the narrow index is read.
        const walks = plan.filter((l) => !/^(MERGE \(UNION ALL\)|LEFT|RIGHT)$/.test(l));
        assert.ok(walks.length >= 3 && walks.length % 3 === 0, text);
        for (let k = 0; k < walks.length; k += 3) {
          assert.match(walks[k]!, /^SEARCH d USING PRIMARY KEY \(term=\?/, text);
          assert.match(
            walks[k + 1]!,
            /^SEARCH o0 USING PRIMARY KEY \(term=\? AND day=\? AND item=\?\)/,
            text,
          );
          assert.match(walks[k + 2]!, /^SEARCH i USING COVERING INDEX search_items_facets/, text);
        }
        assert.ok(!/EXISTS|SUBQUERY/.test(text), text);
      } else {
        assert.ok(!/Seq Scan|Hash|Merge|Bitmap Heap Scan on search_postings o/.test(text), text);
        assert.match(
          text,
          /Index Scan (Backward )?using search_postings_pk on search_postings d\n\s+Index Cond: \(\(term = ANY \('\{zebra/,
          text,
        );
        assert.match(text, /Index Cond: \(\(term = 'the'::text\) AND \(day = d\.day\)/, text);
      }
      // The counts follow removals too: the rare word's passages taken out one by one until it
      // is no rarer than a filler word, and the answer still agrees with the scan.
      for (let i = 0; i < 200; i++) {
        const indexed = await findSearchItemBySource(o.db, `gen-${i}`);
        await o.db.transaction().execute((trx) => deleteSearchItem(trx, indexed!));
      }
      const after = await searchPassages(o.db, null, { q: 'the zebra' });
      assert.equal(after.total, await scanCount(o, ['the', 'zebra']));
      assert.equal(after.total, rareCount - 200);
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
  });
}
