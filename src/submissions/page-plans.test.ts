/**
 * The pages' lists cost what they show: each list of submissions reads an index in the order it
 * shows, stopping at its limit, and per-paragraph counts read an index of the version's anchors.
 * Checked on the plans the engines make (EXPLAIN QUERY PLAN on SQLite; EXPLAIN on PostgreSQL
 * with sequential scans priced out, so that a plan without a fitting index shows as one), so a
 * change that falls back to a scan of every submission, or to sorting them, fails here. The
 * country page's list (organisations of a country) is not covered yet: it still walks the
 * published submissions of the public periods.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PostgresAdapter, sql } from 'kysely';
import {
  buildConsultation,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { Db, OpenDatabase } from '../db/database.ts';
import { queryPlan } from '../db/query-plans.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import {
  countByAddressQueries,
  idsByStatusQuery,
  submissionIdsQuery,
} from './submissions.store.ts';

/** The plan of a statement, on PostgreSQL with sequential scans priced out. */
async function planOf(db: Db, query: Parameters<typeof queryPlan>[1]): Promise<string> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter))
    return (await queryPlan(db, query)).join('\n');
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('enable_seqscan', 'off', true)`.execute(trx);
    return (await queryPlan(trx, query)).join('\n');
  });
}

for (const engine of testEngines()) {
  describe(`plans of the pages' lists on ${engine}`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db);
    });
    after(() => o?.close());

    const cases = () =>
      ({
        'opened paragraph': submissionIdsQuery(
          o.db,
          { versionId: built.versionId, address: 'para 2' },
          {},
          { limit: 21 },
        ),
        'consultation page': submissionIdsQuery(
          o.db,
          { periodId: built.period.id },
          {},
          { limit: 51, oneOfEachCampaign: true },
        ),
        'moderation queue': idsByStatusQuery(o.db, built.period.id, 'in_review', 200),
        'organisation page': submissionIdsQuery(
          o.db,
          { organisationId: built.organisations.civil.id },
          {},
          { limit: 51 },
        ),
      }) as const;

    const sqlite: Record<string, { must: RegExp[]; mustNot: RegExp[] }> = {
      'opened paragraph': {
        must: [
          /SEARCH a USING COVERING INDEX submission_anchors_published \(version_id=\? AND published=\? AND address=\?\)/,
        ],
        mustNot: [/^SCAN s$/m, /submissions_published|submissions_period_status/],
      },
      'consultation page': {
        must: [/^SEARCH s USING INDEX submissions_period_status \(period_id=\? AND status=\?\)/m],
        mustNot: [/^SCAN s$/m, /USE TEMP B-TREE FOR ORDER BY/],
      },
      'moderation queue': {
        must: [/COVERING INDEX submissions_period_status \(period_id=\? AND status=\?\)/],
        mustNot: [/^SCAN/m, /USE TEMP B-TREE/],
      },
      'organisation page': {
        must: [
          /SEARCH mine USING COVERING INDEX submissions_organisation \(organisation_id=\?\)/,
          /SEARCH c USING INDEX submission_cosigners_organisation \(organisation_id=\?\)/,
        ],
        mustNot: [/^SCAN s$/m, /submissions_published/],
      },
    };
    const postgres: Record<string, { must: RegExp[]; mustNot: RegExp[] }> = {
      'opened paragraph': {
        must: [/Index Only Scan (Backward )?using submission_anchors_published/],
        mustNot: [/Seq Scan/, /Filter: \(status = 'published'::text\)/],
      },
      'consultation page': {
        must: [/Index Scan Backward using submissions_period_status on submissions s/],
        mustNot: [/Seq Scan/, /Sort/],
      },
      'moderation queue': {
        must: [/Index Only Scan using submissions_period_status/],
        mustNot: [/Seq Scan/, /Sort/],
      },
      'organisation page': {
        must: [/submissions_organisation/],
        mustNot: [/Seq Scan/],
      },
    };

    it('each list reads an index in the order it shows, never every submission', async () => {
      const expected = engine === 'sqlite' ? sqlite : postgres;
      const all = cases();
      for (const [name, { must, mustNot }] of Object.entries(expected)) {
        const plan = await planOf(o.db, all[name as keyof typeof all]);
        for (const re of must) assert.match(plan, re, `${name}:\n${plan}`);
        for (const re of mustNot) assert.doesNotMatch(plan, re, `${name}:\n${plan}`);
      }
    });

    it("per-paragraph counts read the covering index of the version's anchors", async () => {
      const [direct] = countByAddressQueries(o.db, built.versionId);
      const plan = await planOf(o.db, direct);
      if (engine === 'sqlite')
        assert.match(
          plan,
          /SEARCH a USING COVERING INDEX submission_anchors_published \(version_id=\? AND published=\?\)/,
          plan,
        );
      else assert.match(plan, /Index Only Scan using submission_anchors_published/, plan);
    });
  });
}
