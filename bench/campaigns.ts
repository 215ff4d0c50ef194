/**
 * Campaign grouping: 1,000,000 planted submissions in six languages grouped in memory (the rule
 * of a full regroup), timed and scored by pairwise F1 against the planted truth; then incremental
 * grouping through the campaigns follower on a database, in submissions per second.
 */
import { createHash } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import { operatorViewer } from '../src/accounts/accounts.schema.ts';
import { CampaignGrouper } from '../src/campaigns/campaign-grouping.ts';
import { campaignFollower } from '../src/campaigns/campaigns.follower.ts';
import { pairwiseScores, plantedCorpus } from '../src/campaigns/campaigns.builder.ts';
import { getCampaignPage, getCampaigns } from '../src/campaigns/campaigns.service.ts';
import { buildConsultation } from '../src/consultations/consultation.builder.ts';
import type { Db, Engine } from '../src/db/database.ts';
import { newId } from '../src/db/ids.ts';
import type { EventTable } from '../src/events/events.table.ts';
import { Followers } from '../src/events/followers.ts';
import type { SubmissionTable } from '../src/submissions/submissions.table.ts';
import { openBenchDatabase } from './databases.ts';

const thousands = (n: number): string => n.toLocaleString('en');

/** Groups `size` planted submissions in memory; prints the time, the rate and the scores. */
export function benchCampaignGrouping(size = 1_000_000): void {
  const made = performance.now();
  const texts: string[] = [];
  const languages: string[] = [];
  const truth = new Int32Array(size);
  for (const planted of plantedCorpus({ size, seed: 2026 })) {
    truth[texts.length] = planted.truth;
    texts.push(planted.text);
    languages.push(planted.language);
  }
  const madeMs = performance.now() - made;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const grouping = new CampaignGrouper({ capacity: size });
  for (let i = 0; i < size; i++) grouping.add(texts[i]!, languages[i]!);
  const predicted = new Int32Array(size);
  for (let i = 0; i < size; i++) predicted[i] = grouping.campaignOf(i);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const scores = pairwiseScores(truth, predicted);
  const campaigns = new Set(predicted).size;
  console.log(
    `campaign grouping of ${thousands(size)} planted submissions in six languages in memory: ${seconds.toFixed(1)} s ` +
      `(${thousands(Math.round(size / seconds))}/s; ${cpuSeconds.toFixed(1)} s of CPU, which a busy machine hardly changes; corpus made in ${(madeMs / 1000).toFixed(1)} s, not counted); ` +
      `${thousands(campaigns)} groups; pairwise precision ${scores.precision.toFixed(4)}, recall ${scores.recall.toFixed(4)}, ` +
      `F1 ${scores.f1.toFixed(4)} (${thousands(scores.falsePairs)} false pairs, ${thousands(scores.missedPairs)} missed of ${thousands(scores.truePairs + scores.missedPairs)})  [target ≤ 60 s, F1 ≥ 0.97]`,
  );
}

/**
 * Writes `size` planted submissions of one period and their 'submission.published' events
 * straight into the tables (as submitComment would), then times the campaigns follower reading
 * them all, 200 events a transaction: the rate at which grouping keeps up with arrivals.
 */
export async function benchCampaignFollower(engine: Engine, size = 20_000): Promise<void> {
  const o = await openBenchDatabase(engine);
  try {
    const built = await buildConsultation(o.db, { moderation: 'immediate' });
    const authors = (['civil', 'tech', 'government'] as const).map((k) => ({
      organisationId: built.organisations[k].id,
      authorId: built.accounts[k].id,
    }));
    const ids: string[] = [];
    const truth: number[] = [];
    let submissions: SubmissionTable[] = [];
    let events: Insertable<EventTable>[] = [];
    const flush = async () => {
      await o.db.transaction().execute(async (trx) => {
        for (let i = 0; i < submissions.length; i += 400)
          await trx
            .insertInto('submissions')
            .values(submissions.slice(i, i + 400))
            .execute();
        for (let i = 0; i < events.length; i += 1000)
          await trx
            .insertInto('events')
            .values(events.slice(i, i + 1000))
            .execute();
      });
      submissions = [];
      events = [];
    };
    for (const planted of plantedCorpus({ size, seed: 2027 })) {
      const id = newId();
      const at = new Date().toISOString();
      const author = authors[ids.length % authors.length]!;
      ids.push(id);
      truth.push(planted.truth);
      submissions.push({
        id,
        period_id: built.period.id,
        organisation_id: author.organisationId,
        author_id: author.authorId,
        title: null,
        body: planted.text,
        language: planted.language,
        language_detected: planted.language,
        status: 'published',
        status_reason: null,
        status_note: null,
        content_sha256: createHash('sha256').update(planted.text).digest('hex'),
        // Generated rows are fingerprinted as before the log (content only) and not logged.
        fingerprint_version: 1,
        idempotency_key: `bench-campaign-${ids.length}`,
        received_at: at,
        published_at: at,
        updated_at: at,
        affiliation: null,
        anonymous: 0,
        campaign_id: null,
      });
      events.push({
        id: newId(),
        at,
        actor: author.authorId,
        action: 'submission.published',
        subject_type: 'submission',
        subject_id: id,
        data: JSON.stringify({ periodId: built.period.id, status: 'published' }),
      });
      if (submissions.length === 2000) await flush();
    }
    await flush();
    const followers = new Followers(o.db, engine, [campaignFollower], { batchSize: 200 });
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await followers.drain();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const rows = await o.db
      .selectFrom('submissions')
      .select(['id', 'campaign_id'])
      .where('period_id', '=', built.period.id)
      .execute();
    const campaignOf = new Map(rows.map((r) => [r.id, r.campaign_id]));
    const index = new Map(ids.map((id, i) => [id, i]));
    const predicted = ids.map((id) => index.get(campaignOf.get(id) ?? id) ?? -1);
    const scores = pairwiseScores(truth, predicted);
    console.log(
      `campaign grouping through the follower on ${engine}, ${thousands(size)} planted submissions of one period: ` +
        `${thousands(Math.round(size / seconds))} submissions/s (${seconds.toFixed(1)} s; ${cpuSeconds.toFixed(1)} s of CPU in this process, ${thousands(Math.round(size / cpuSeconds))}/s of its CPU); ` +
        `pairwise F1 ${scores.f1.toFixed(4)}  [target ≥ 2,000/s]`,
    );
    await benchCampaignLists(o.db, built.period.id);
  } finally {
    await o.close();
  }
}

/** Median and slowest of `times` runs of `run`, after three warm-ups, in ms. */
async function timed(run: () => Promise<unknown>, times = 20): Promise<string> {
  for (let i = 0; i < 3; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return `median ${samples[times >> 1]!.toFixed(1)} ms, slowest ${samples.at(-1)!.toFixed(1)} ms`;
}

/**
 * What a page showing the period's campaigns pays to count them: the list of its campaigns (the
 * API and the period's list read it) and a campaign's first page, from the kept counts; beside
 * them, the walk over the campaigns' published members that counted them before (kept here as
 * the baseline).
 */
async function benchCampaignLists(db: Db, periodId: string): Promise<void> {
  let campaigns = 0;
  let largest = { id: '', count: 0 };
  const list = await timed(async () => {
    const all = await getCampaigns(db, operatorViewer, periodId, new Date());
    campaigns = all.length;
    largest = { id: all[0]?.id ?? '', count: all[0]?.submissions ?? 0 };
  });
  const page = await timed(() =>
    getCampaignPage(db, operatorViewer, { periodId, campaignId: largest.id, now: new Date() }),
  );
  const walk = await timed(
    () =>
      sql`select campaign_id, count(*), count(distinct body), min(id) from submissions
        where period_id = ${periodId} and status = 'published' and campaign_id is not null
        group by campaign_id having count(*) > 1`.execute(db),
    5,
  );
  console.log(
    `  the period's ${thousands(campaigns)} campaigns (largest ${thousands(largest.count)} members): list from the kept counts ${list}; ` +
      `the largest campaign's first page ${page}; the walk over their members that counted them before ${walk}`,
  );
}

if (import.meta.main) {
  const size = Number(process.argv[2] ?? 1_000_000);
  if (process.argv[3]) await benchCampaignFollower(process.argv[3] as Engine, size);
  else benchCampaignGrouping(size);
}
