/**
 * The home page costs the same with a million submissions stored (issue 15: p95 ≤ 50 ms): every
 * statement it runs is caught on its way to the database, and none reads the submissions; the
 * only reads of tables that grow with them (the concept tags, the search index) are bounded: the
 * newest tags through their index by date, up to a fixed window, and the search index by key for
 * each of those. Checked on the plans the engines make (EXPLAIN QUERY PLAN on SQLite; EXPLAIN on
 * PostgreSQL with sequential scans, hash and merge joins priced out, so that a plan that has to
 * read a whole table shows as one). bench/pages.ts times the page at 1,000 to 1,000,000 stored.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PostgresAdapter, sql, type CompiledQuery } from 'kysely';
import { createApp } from '../app.ts';
import { briefingNow, buildBriefingCorpus } from '../briefings/briefing.builder.ts';
import type { Db, OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';

/** The plan of a compiled statement, one line per step, on PostgreSQL with whole-table strategies priced out. */
async function planOf(db: Db, query: CompiledQuery): Promise<string> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return db.transaction().execute(async (trx) => {
    if (postgres)
      for (const setting of ['enable_seqscan', 'enable_hashjoin', 'enable_mergejoin'])
        await sql`select set_config(${setting}, 'off', true)`.execute(trx);
    const { rows } = await trx.executeQuery<Record<string, unknown>>({
      ...query,
      sql: `${postgres ? 'explain (costs off)' : 'explain query plan'} ${query.sql}`,
    } as CompiledQuery);
    return rows.map((r) => String(postgres ? r['QUERY PLAN'] : r.detail)).join('\n');
  });
}

for (const engine of testEngines()) {
  describe(`the home page's statements on ${engine}`, () => {
    let o: OpenDatabase;
    const statements: CompiledQuery[] = [];

    before(async () => {
      o = await openTestDatabase(engine);
      await buildBriefingCorpus(o, engine);
      // Every statement the page runs, compiled as the engine receives it.
      const watched = o.db.withPlugin({
        transformQuery: ({ node, queryId }) => {
          statements.push(o.db.getExecutor().compileQuery(node, queryId));
          return node;
        },
        transformResult: async ({ result }) => result,
      });
      const app = createApp({ db: watched, engine, now: () => briefingNow });
      const res = await app.request('/');
      assert.equal(res.status, 200);
      const page = await res.text();
      assert.match(page, /Informal consultation on the public core/);
      // The most active concepts are still counted (the public passages' tags of the window).
      assert.match(page, /href="\/concepts\/public-core"/);
    });
    after(() => o?.close());

    it('reads no submission, and what grows with them only through an index, up to a limit', async () => {
      assert.ok(statements.length > 5, `the page's statements were caught (${statements.length})`);
      const growing = statements.filter((s) => /"(concept_tags|search_items)"/.test(s.sql));
      assert.ok(growing.length > 0, 'the most active concepts are read from the tags');
      for (const s of statements) {
        assert.doesNotMatch(s.sql, /"submission/, `the home page reads no submission: ${s.sql}`);
        if (!growing.includes(s)) continue;
        assert.match(s.sql, /"concept_tags" order by "at" desc limit/, s.sql);
        const plan = await planOf(o.db, s);
        if (engine === 'sqlite') {
          assert.match(plan, /SCAN concept_tags USING INDEX concept_tags_at/, plan);
          assert.doesNotMatch(plan, /^SCAN (s|search_items|concept_tags)$/m, plan);
          if (/"search_items"/.test(s.sql))
            assert.match(plan, /SEARCH s USING (COVERING )?INDEX \S+ \(source_id=\?\)/, plan);
        } else {
          assert.match(plan, /Index Scan Backward using concept_tags_at on concept_tags/, plan);
          assert.doesNotMatch(plan, /Seq Scan on (concept_tags|search_items)/, plan);
          if (/"search_items"/.test(s.sql))
            assert.match(
              plan,
              /Index (Only )?Scan using \S+ on search_items s\n\s+Index Cond: \(source_id = /,
              plan,
            );
        }
      }
    });
  });
}
