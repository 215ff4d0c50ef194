/**
 * The pages' lists cost what they show: each list of submissions reads an index in the order it
 * shows, stopping at its limit, and per-paragraph counts read an index of the version's anchors.
 * Checked on the plans the engines make (EXPLAIN QUERY PLAN on SQLite; EXPLAIN on PostgreSQL
 * with sequential scans priced out, so that a plan without a fitting index shows as one), so a
 * change that falls back to a scan of every submission, or to sorting them, fails here. The
 * counts beside them (per paragraph, per status, per day, per State) read the counts kept in
 * tables (kept-counts.test.ts checks that they stay true), never the submissions.
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
import { paragraphCountsQuery } from '../revisions/revisions.store.ts';
import {
  idsByStatusQuery,
  publishedByDayQuery,
  publishedOfPeriodQuery,
  stateSubmissionsQuery,
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
        // The page's own list: State claims verified, the unverified ones apart.
        'opened paragraph, verified': submissionIdsQuery(
          o.db,
          { versionId: built.versionId, address: 'para 2' },
          { claims: 'verified' },
          { limit: 21 },
        ),
        'consultation page, unverified claims': submissionIdsQuery(
          o.db,
          { periodId: built.period.id },
          { claims: 'unverified' },
          { limit: 51, claimants: [built.organisations.government.id] },
        ),
        'country page': submissionIdsQuery(
          o.db,
          { everywhere: true },
          { group: 'government', country: 'BRA', claims: 'verified' },
          { limit: 51 },
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
      'opened paragraph, verified': {
        must: [
          /SEARCH a USING COVERING INDEX submission_anchors_published \(version_id=\? AND published=\? AND address=\?\)/,
        ],
        mustNot: [/^SCAN s$/m, /submissions_published|submissions_period_status/],
      },
      'consultation page, unverified claims': {
        must: [
          /SEARCH s USING COVERING INDEX submissions_organisation_period \(organisation_id=\? AND period_id=\? AND status=\?\)/,
        ],
        mustNot: [/^SCAN s$/m, /submissions_period_status/],
      },
      'country page': {
        must: [
          /SEARCH s USING COVERING INDEX submissions_organisation_period \(organisation_id=\? AND period_id=\? AND status=\?\)/,
        ],
        mustNot: [/^SCAN s$/m, /submissions_period_status|submissions_published/],
      },
      'moderation queue': {
        must: [/COVERING INDEX submissions_period_status \(period_id=\? AND status=\?\)/],
        mustNot: [/^SCAN/m, /USE TEMP B-TREE/],
      },
      'organisation page': {
        must: [
          /SEARCH mine USING COVERING INDEX submissions_organisation_period \(organisation_id=\?/,
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
      'opened paragraph, verified': {
        must: [/Index Only Scan (Backward )?using submission_anchors_published/],
        mustNot: [/Seq Scan/, /submissions_period_status/],
      },
      // PostgreSQL chooses between the organisations' index and the period's on statistics,
      // which the test database's few rows do not give (the bench's stores do): no scan here.
      'consultation page, unverified claims': {
        must: [/Index (Only )?Scan (Backward )?using submissions_\w+ on submissions s/],
        mustNot: [/Seq Scan on submissions/],
      },
      'country page': {
        must: [/Index (Only )?Scan (Backward )?using submissions_\w+ on submissions s/],
        mustNot: [/Seq Scan on submissions/],
      },
      'moderation queue': {
        must: [/Index Only Scan using submissions_period_status/],
        mustNot: [/Seq Scan/, /Sort/],
      },
      'organisation page': {
        must: [/submissions_organisation_period/],
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

    it('the counts beside the lists read the kept counts, never the submissions', async () => {
      const counts = {
        'per-paragraph counts': paragraphCountsQuery(o.db, built.versionId),
        "a period's published count": publishedOfPeriodQuery(o.db, built.period.id, {}),
        "a period's count under a filter": publishedOfPeriodQuery(o.db, built.period.id, {
          group: 'civil_society',
          language: 'fr',
        }),
        "a period's charts": publishedByDayQuery(o.db, built.period.id),
        "a State's counts": stateSubmissionsQuery(o.db, 'BRA'),
      };
      for (const [name, query] of Object.entries(counts)) {
        const plan = await planOf(o.db, query);
        assert.doesNotMatch(plan, /submissions|submission_anchors/, `${name}:\n${plan}`);
        if (engine === 'sqlite')
          assert.match(
            plan,
            /SEARCH (d|s|paragraph_counts) USING (COVERING )?INDEX sqlite_autoindex_(paragraph|period_day)_counts_1 \((version|period)_id=\?/,
            `${name}:\n${plan}`,
          );
        else
          assert.match(
            plan,
            /(Index (Only )?Scan using|Bitmap Index Scan on) (paragraph|period_day)_counts_pk/,
            `${name}:\n${plan}`,
          );
      }
    });
  });
}
