/**
 * The counts kept in tables (per paragraph of a version, per status of a period, per day and
 * organisation of a period) stay equal to a count of what is stored while comments are received,
 * published, rejected, published again, carried to Rev.1, and made late on the earlier version
 * (carried as they arrive). Each step compares every kept row with a scan, on both engines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { operatorViewer } from '../accounts/accounts.schema.ts';
import {
  buildConsultation,
  draftParagraphs,
  draftText,
  paragraphBlock,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { Db, OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { importFile } from '../imports/imports.service.ts';
import { getCommentCounts, moderateSubmission, submitComment } from './submissions.service.ts';

const now = new Date('2026-06-01T12:00:00Z');

/** Rows as sorted strings, for a comparison that names what differs. */
async function rows(db: Db, query: ReturnType<typeof sql>): Promise<string[]> {
  const { rows: found } = await query.execute(db);
  return (found as Record<string, unknown>[])
    .map((r) =>
      Object.values(r)
        .map((v) => String(v === null ? '' : typeof v === 'bigint' ? Number(v) : v))
        .join(' | '),
    )
    .sort();
}

/** Every kept count against a count of the stored rows. */
async function assertCountsTrue(db: Db, step: string): Promise<void> {
  assert.deepEqual(
    await rows(
      db,
      sql`select version_id, address, direct, carried from paragraph_counts
        where direct <> 0 or carried <> 0`,
    ),
    await rows(
      db,
      sql`select version_id, address, sum(direct) as direct, sum(carried) as carried from (
        select a.version_id, a.address, count(distinct a.submission_id) as direct, 0 as carried
        from submission_anchors a where a.published = 1 group by a.version_id, a.address
        union all
        select ca.to_version_id, ca.address, 0, count(distinct a.submission_id)
        from carried_anchors ca join submission_anchors a on a.id = ca.anchor_id
        where a.published = 1 and ca.address is not null group by ca.to_version_id, ca.address
      ) x group by version_id, address`,
    ),
    `${step}: per-paragraph counts`,
  );
  assert.deepEqual(
    await rows(db, sql`select period_id, status, reason, n from period_status_counts where n <> 0`),
    await rows(
      db,
      sql`select period_id, status, coalesce(status_reason, ''), count(*) from submissions
        group by period_id, status, coalesce(status_reason, '')`,
    ),
    `${step}: counts by status`,
  );
  assert.deepEqual(
    await rows(
      db,
      sql`select period_id, day, organisation_id, language, n from period_day_counts where n <> 0`,
    ),
    await rows(
      db,
      sql`select period_id, coalesce(substr(published_at, 1, 10), ''), organisation_id, language,
        count(*) from submissions where status = 'published'
        group by period_id, coalesce(substr(published_at, 1, 10), ''), organisation_id, language`,
    ),
    `${step}: published by day and organisation`,
  );
}

for (const engine of testEngines()) {
  describe(`kept counts on ${engine}`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db, { moderation: 'review' });
    });
    after(() => o?.close());

    let n = 0;
    const submit = async (
      who: 'civil' | 'tech' | 'government',
      anchors: { address: string; exact?: string }[],
    ): Promise<string> => {
      n += 1;
      const anchorInput = await Promise.all(
        anchors.map(async (a) => ({
          blockId: await paragraphBlock(o.db, built.versionId, a.address),
          ...(a.exact ? { exact: a.exact } : {}),
        })),
      );
      const receipt = await o.db.transaction().execute(async (trx) =>
        submitComment(
          trx,
          representativeViewer(built, who),
          built.period.id,
          {
            organisationId: built.organisations[who].id,
            body: `Comment number ${n} on ${anchors.map((a) => a.address).join(', ')}.`,
            idempotencyKey: `kept-count-${n}`,
            anchors: anchorInput,
          },
          [],
          now,
        ),
      );
      return receipt.submissionId;
    };
    const moderate = (id: string, action: 'publish' | 'reject' | 'return', reason?: string) =>
      o.db
        .transaction()
        .execute((trx) =>
          moderateSubmission(
            trx,
            operatorViewer,
            id,
            { action, ...(reason ? { reason } : {}) },
            now,
          ),
        );

    it('match a count of the stored rows through moderation, Rev.1 and late comments', async () => {
      await assertCountsTrue(o.db, 'built');
      const a = await submit('civil', [{ address: 'para 2' }, { address: 'para 3' }]);
      // Two anchors on one paragraph: one comment there.
      const b = await submit('tech', [
        { address: 'para 3', exact: 'should not conduct' },
        { address: 'para 3' },
      ]);
      const c = await submit('government', [{ address: 'para 4' }]);
      const d = await submit('civil', []);
      await assertCountsTrue(o.db, 'received, in review');
      for (const id of [a, b, c, d]) await moderate(id, 'publish');
      await assertCountsTrue(o.db, 'published');
      assert.deepEqual([...(await getCommentCounts(o.db, built.versionId))].sort(), [
        ['para 2', { direct: 1, carried: 0 }],
        ['para 3', { direct: 2, carried: 0 }],
        ['para 4', { direct: 1, carried: 0 }],
      ]);
      await moderate(b, 'reject', 'spam');
      await moderate(c, 'reject', 'off_topic');
      await assertCountsTrue(o.db, 'two published ones rejected');
      await moderate(c, 'publish');
      await assertCountsTrue(o.db, 'one published again');

      // Rev.1: a paragraph inserted before para 2, so the comments move down one.
      const revised = [...draftParagraphs];
      revised.splice(1, 0, 'The Group underlines that the Internet is a global resource.');
      const rev1 = await importFile(o.db, new TextEncoder().encode(draftText(revised)), {
        process: 'twg',
        document: built.documentId,
        version: 'Rev.1',
        language: 'en',
        format: 'text',
      });
      await assertCountsTrue(o.db, 'carried to Rev.1');
      const carried = await getCommentCounts(o.db, rev1.ids.version);
      assert.deepEqual(carried.get('para 3'), { direct: 0, carried: 1 });
      assert.deepEqual(carried.get('para 5'), { direct: 0, carried: 1 });

      // A comment on the earlier version while its period is open: carried as it arrives.
      const late = await submit('tech', [{ address: 'para 2' }, { address: 'para 4' }]);
      await assertCountsTrue(o.db, 'late comment in review');
      await moderate(late, 'publish');
      await assertCountsTrue(o.db, 'late comment published');
      assert.deepEqual((await getCommentCounts(o.db, rev1.ids.version)).get('para 3'), {
        direct: 0,
        carried: 2,
      });
      await moderate(b, 'publish');
      await moderate(a, 'reject', 'spam');
      await assertCountsTrue(o.db, 'after Rev.1, published and rejected again');
    });
  });
}
