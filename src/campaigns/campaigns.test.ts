import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { drain } from '../followers.ts';
import { getSubmission, submitComment } from '../submissions/submissions.service.ts';
import { createApp } from '../app.ts';
import { CampaignGrouper } from './campaign-grouping.ts';
import { pairwiseScores, plantedCorpus } from './campaigns.builder.ts';
import { getCampaigns, groupSubmissions, regroupPeriod } from './campaigns.service.ts';

const letter =
  'We ask the working group to keep the multistakeholder model in paragraph 12 and to publish every contribution received during the consultation. The secretariat should report on the comments before the next session, and answer each of them in writing.';

for (const engine of testEngines()) {
  describe(`campaigns (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    const now = new Date('2026-06-01T12:00:00Z');
    let n = 0;
    const submit = async (
      body: string,
      options: { who?: 'civil' | 'tech' | 'government'; language?: string } = {},
    ) => {
      const who = options.who ?? 'civil';
      const receipt = await submitComment(
        o.db,
        representativeViewer(built, who),
        built.period.id,
        {
          organisationId: built.organisations[who].id,
          body,
          ...(options.language ? { language: options.language } : {}),
          idempotencyKey: `campaign-test-${(n += 1)}`,
        },
        [],
        now,
      );
      return receipt.submissionId;
    };
    const campaignOf = async (id: string) => (await getSubmission(o.db, null, id)).campaignId;
    const membersAgree = async () => {
      const rows = await o.db
        .selectFrom('campaign_members as m')
        .innerJoin('submissions as s', 's.id', 'm.submission_id')
        .select(['m.campaign_id as member', 's.campaign_id as submission'])
        .execute();
      for (const row of rows) assert.equal(row.member, row.submission);
    };

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db, { moderation: 'immediate' });
    });
    after(async () => o.close());

    test('groups mail-merge variants once the follower ran; a translation and another comment stay apart', async () => {
      const first = await submit(letter);
      const merged = await submit(
        `On behalf of Root Operators Forum. ${letter} Signed, Anna Berg, Root Operators Forum.`,
        { who: 'tech' },
      );
      const [one, two] = letter.split('. ');
      const reordered = await submit(`${two} ${one}.`, { who: 'government' });
      const translated = await submit(
        'Nous demandons au groupe de travail de conserver le modèle multipartite au paragraphe 12 et de publier chaque contribution reçue pendant la consultation. Le secrétariat devrait rendre compte des commentaires avant la prochaine session.',
        { language: 'fr' },
      );
      const other = await submit(
        'Paragraph 7 should name the regional Internet registries and their policy development processes.',
      );
      assert.equal(await campaignOf(first), null, 'not grouped before the follower runs');
      await drain(o.db, engine);
      assert.equal(await campaignOf(first), first);
      assert.equal(await campaignOf(merged), first);
      assert.equal(await campaignOf(reordered), first);
      assert.equal(await campaignOf(translated), translated);
      assert.equal(await campaignOf(other), other);
      await membersAgree();

      const campaigns = await getCampaigns(o.db, null, built.period.id, now);
      assert.deepEqual(campaigns, [
        {
          id: first,
          periodId: built.period.id,
          submissions: 3,
          variants: 3,
          firstSubmissionId: first,
        },
      ]);
      const app = createApp({ db: o.db, engine, now: () => now });
      const response = await app.request(`/api/consultations/${built.period.id}/campaigns`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { campaigns });
      const json = await app.request(`/api/submissions/${merged}`);
      const body = (await json.json()) as { submission: { campaignId: string } };
      assert.equal(body.submission.campaignId, first);
    });

    test('the period page shows a campaign once, with its count, texts and signatories; its page lists every member', async () => {
      const app = createApp({ db: o.db, engine, now: () => now });
      const [first] = (await getCampaigns(o.db, null, built.period.id, now)).map((c) => c.id);
      const members = await o.db
        .selectFrom('submissions')
        .select('id')
        .where('campaign_id', '=', first!)
        .execute();
      assert.equal(members.length, 3);
      const period = await (await app.request(`/consultations/${built.period.id}`)).text();
      // Once: one campaign block, and none of its members as an item of its own.
      assert.equal(period.match(/class="submission campaign"/g)?.length, 1);
      assert.match(
        period,
        /3 submissions with the same or nearly the same text · 3 different texts/,
      );
      for (const { id } of members) {
        assert.match(period, new RegExp(`href="/submissions/${id}"`));
        assert.doesNotMatch(period, new RegExp(`id="s-${id}"`));
      }
      for (const name of [
        'Open Net Collective',
        'Root Operators Forum',
        'Ministry of Digital Affairs',
      ])
        assert.match(period, new RegExp(`<bdi>${name}`));
      assert.match(
        period,
        new RegExp(`href="/consultations/${built.period.id}/campaigns/${first}"`),
      );
      // Filtered, each submission is listed for itself.
      const filtered = await (
        await app.request(`/consultations/${built.period.id}?language=en`)
      ).text();
      assert.doesNotMatch(filtered, /class="submission campaign"/);
      for (const { id } of members) assert.match(filtered, new RegExp(`id="s-${id}"`));

      const campaign = await app.request(`/consultations/${built.period.id}/campaigns/${first}`);
      assert.equal(campaign.status, 200);
      const page = await campaign.text();
      for (const { id } of members) assert.match(page, new RegExp(`id="s-${id}"`));
      const arabic = await (
        await app.request(`/consultations/${built.period.id}/campaigns/${first}`, {
          headers: { 'accept-language': 'ar' },
        })
      ).text();
      assert.match(arabic, /dir="rtl"/);
      assert.match(arabic, /حملة/);
      for (const path of [
        `/consultations/${built.period.id}/campaigns/${members.at(-1)!.id}`,
        `/consultations/${built.period.id}/campaigns/not-an-id`,
        `/consultations/01900000-0000-7000-8000-000000000000/campaigns/${first}`,
      ])
        assert.equal((await app.request(path)).status, 404, path);

      const csv = await (
        await app.request(`/consultations/${built.period.id}/submissions.csv`)
      ).text();
      assert.match(csv.split('\r\n')[0]!, /,campaign_id,anchor_history$/);
      for (const { id } of members)
        assert.match(csv, new RegExp(`${id},[^\r]*,${first},[^\r,]*\r\n`));
      const exported = (await (
        await app.request(`/consultations/${built.period.id}/submissions.json`)
      ).json()) as { submissions: { id: string; campaignId: string | null }[] };
      for (const { id } of members)
        assert.equal(exported.submissions.find((x) => x.id === id)?.campaignId, first);
    });

    test('a submission near two campaigns joins them under the earliest', async () => {
      const words = Array.from({ length: 40 }, (_, i) => `bridgeword${i}`);
      const left = await submit(words.slice(0, 26).join(' '));
      const right = await submit(words.slice(14, 40).join(' '));
      await drain(o.db, engine);
      assert.equal(await campaignOf(right), right);
      const bridge = await submit(words.slice(7, 33).join(' '));
      await drain(o.db, engine);
      for (const id of [left, right, bridge]) assert.equal(await campaignOf(id), left);
      await membersAgree();
      // Grouping again what is grouped changes nothing.
      assert.equal(await groupSubmissions(o.db, [left, right, bridge], now), 0);
    });

    test('a full regroup of the period gives the grouping the follower gave', async () => {
      const before = await o.db
        .selectFrom('submissions')
        .select(['id', 'campaign_id'])
        .where('period_id', '=', built.period.id)
        .orderBy('id')
        .execute();
      // Spoil the stored grouping: the regroup makes it again from the texts.
      await o.db.updateTable('submissions').set({ campaign_id: 'spoilt' }).execute();
      await o.db.updateTable('campaign_members').set({ campaign_id: 'spoilt' }).execute();
      const count = await o.db
        .transaction()
        .execute((trx) => regroupPeriod(trx, built.period.id, now));
      assert.equal(count, before.length);
      const after = await o.db
        .selectFrom('submissions')
        .select(['id', 'campaign_id'])
        .where('period_id', '=', built.period.id)
        .orderBy('id')
        .execute();
      assert.deepEqual(after, before);
      await membersAgree();
    });

    test('a campaign whose newest member is an unverified government stays in the list; that member is listed apart', async () => {
      // A database of its own, where the government's claim is not verified.
      const saved = { o, built };
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db, { moderation: 'immediate', verifyGovernment: false });
      try {
        const first = await submit(letter);
        const second = await submit(`On behalf of Root Operators Forum. ${letter}`, {
          who: 'tech',
        });
        const claimed = await submit(`${letter} Signed, the Ministry.`, { who: 'government' });
        await drain(o.db, engine);
        for (const id of [second, claimed]) assert.equal(await campaignOf(id), first);
        const app = createApp({ db: o.db, engine, now: () => now });
        const period = await (await app.request(`/consultations/${built.period.id}`)).text();
        const [list, apart] = period.split('class="apart"');
        assert.ok(apart, 'the unverified claim is listed apart');
        assert.equal(list!.match(/class="submission campaign"/g)?.length, 1);
        assert.match(apart, new RegExp(`id="s-${claimed}"`));
        assert.doesNotMatch(apart, /class="submission campaign"/);
      } finally {
        await o.close();
        ({ o, built } = saved);
      }
    });

    test('incremental grouping in the database agrees with the grouping in memory on a planted corpus', async () => {
      // A database of its own: only the planted corpus in it.
      const saved = { o, built };
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db, { moderation: 'immediate' });
      const ids: string[] = [];
      const truth: number[] = [];
      const whos = ['civil', 'tech', 'government'] as const;
      let i = 0;
      for (const planted of plantedCorpus({ size: 240, seed: 3 })) {
        ids.push(await submit(planted.text, { who: whos[i++ % 3]!, language: planted.language }));
        truth.push(planted.truth);
        // The follower reads a few events at a time, as it does while submissions arrive.
        if (i % 37 === 0) await drain(o.db, engine);
      }
      await drain(o.db, engine);
      const rows = await o.db
        .selectFrom('submissions')
        .select(['id', 'body', 'language', 'language_detected', 'campaign_id'])
        .where('id', 'in', ids)
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      const grouping = new CampaignGrouper({ capacity: ids.length });
      for (const id of ids) {
        const row = byId.get(id)!;
        grouping.add(row.body, row.language_detected ?? row.language);
      }
      const inMemory = ids.map((_, k) => ids[grouping.campaignOf(k)]!);
      const stored = ids.map((id) => byId.get(id)!.campaign_id!);
      assert.deepEqual(stored, inMemory);
      const scores = pairwiseScores(
        truth,
        stored.map((c) => ids.indexOf(c)),
      );
      // Few pairs (about 140): one member left out of a campaign of ten costs 7 % of recall; the
      // bar of 0.97 is held on 3,000 submissions in minhash.test.ts and on 1,000,000 in the bench.
      assert.ok(scores.truePairs > 50, JSON.stringify(scores));
      assert.equal(scores.precision, 1, JSON.stringify(scores));
      assert.ok(scores.f1 >= 0.9, JSON.stringify(scores));
      await o.close();
      ({ o, built } = saved);
    });
  });
}
