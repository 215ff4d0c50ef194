/**
 * The counts kept in tables (per paragraph of a version, per status of a period, per day and
 * organisation of a period, per campaign) stay equal to a count of what is stored while comments
 * are received, published, rejected, published again, carried to Rev.1, made late on the earlier
 * version (carried as they arrive), grouped into campaigns, merged and regrouped. Each step
 * compares every kept row with a scan, on both engines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { operatorViewer } from '../accounts/accounts.schema.ts';
import {
  buildConsultation,
  draftParagraphs,
  draftText,
  paragraphBlock,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import { regroupPeriod } from '../campaigns/campaigns.service.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { drain } from '../followers.ts';
import { importFile } from '../imports/imports.service.ts';
import { assertCountsTrue } from '../db/kept-counts.check.ts';
import { getCommentCounts, moderateSubmission, submitComment } from './submissions.service.ts';

const now = new Date('2026-06-01T12:00:00Z');

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
      text?: string,
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
            body: text ?? `Comment number ${n} on ${anchors.map((a) => a.address).join(', ')}.`,
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

    it('match a count of the stored rows as campaigns are grouped, published, merged and regrouped', async () => {
      const letter =
        'We ask the working group to keep the multistakeholder model in paragraph 12 and to publish every contribution received during the consultation. The secretariat should report on the comments before the next session, and answer each of them in writing.';
      const one = await submit('civil', [], letter);
      const two = await submit('tech', [], `${letter} Signed, the Forum.`);
      const three = await submit('government', [], letter);
      await drain(o.db, engine);
      await assertCountsTrue(o.db, 'grouped in review');
      for (const id of [one, two, three]) await moderate(id, 'publish');
      await assertCountsTrue(o.db, 'a campaign published');
      await moderate(two, 'reject', 'spam');
      await assertCountsTrue(o.db, 'a variant rejected');
      await moderate(three, 'reject', 'spam');
      await assertCountsTrue(o.db, 'one member left');
      await moderate(two, 'publish');
      await moderate(three, 'publish');
      await assertCountsTrue(o.db, 'published again');

      // Two campaigns that a later submission joins: merged under the earliest.
      const words = Array.from({ length: 40 }, (_, i) => `keptword${i}`);
      const left = await submit('civil', [], words.slice(0, 26).join(' '));
      const leftAgain = await submit('tech', [], words.slice(0, 26).join(' '));
      const right = await submit('tech', [], words.slice(14, 40).join(' '));
      const rightAgain = await submit('government', [], `${words.slice(14, 40).join(' ')} again`);
      await drain(o.db, engine);
      for (const id of [left, leftAgain, right, rightAgain]) await moderate(id, 'publish');
      await assertCountsTrue(o.db, 'two campaigns');
      const bridge = await submit('civil', [], words.slice(7, 33).join(' '));
      await moderate(bridge, 'publish');
      await drain(o.db, engine);
      const merged = await o.db
        .selectFrom('submissions')
        .select('campaign_id')
        .where('id', 'in', [left, right, bridge])
        .execute();
      assert.equal(new Set(merged.map((m) => m.campaign_id)).size, 1, 'the campaigns merged');
      await assertCountsTrue(o.db, 'campaigns merged');

      await o.db.transaction().execute((trx) => regroupPeriod(trx, built.period.id, now));
      await assertCountsTrue(o.db, 'period regrouped');
    });
  });
}
