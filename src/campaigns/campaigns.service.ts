/**
 * Campaigns: near-duplicate submissions of a period grouped as they arrive. A submission joins
 * every campaign of which a member shares one of its LSH buckets and is a near-duplicate of it
 * (same language, estimated Jaccard ≥ the threshold); campaigns it joins become one, named by the
 * earliest member's id (ids are time-ordered). The rule is the in-memory grouping's
 * (campaign-grouping.ts), applied to the rows of the database a batch at a time.
 */
import type { Viewer } from '../accounts/accounts.schema.ts';
import { getPeriodContext } from '../consultations/consultations.service.ts';
import type { Db } from '../db/database.ts';
import { PlenumError } from '../errors.ts';
import type { PeriodContext } from '../consultations/consultations.service.ts';
import type { Submission } from '../submissions/submissions.schema.ts';
import {
  countPublishedCampaignMembers,
  getCampaignMembers,
  listPeriodSubmissionsInOrder,
  readSubmissionTexts,
  recordCampaigns,
} from '../submissions/submissions.service.ts';
import { maxComparisonsPerBucket } from './campaign-grouping.ts';
import type { CampaignSummary } from './campaigns.schema.ts';
import {
  deletePeriodGrouping,
  findGroupedIds,
  findRepresentatives,
  insertMembers,
  renameMemberCampaigns,
  type Member,
  type Representative,
} from './campaigns.store.ts';
import {
  bandKeys,
  bucketOf,
  estimatedJaccard,
  minhashSignature,
  sameCampaignThreshold,
} from './minhash.ts';

/** A submission to group, with what grouping computes of it. */
interface Arrival extends Member {
  buckets: number[];
}

/**
 * Groups these submissions (any status; those grouped already pass by), in the order given,
 * in the caller's transaction. Returns how many were grouped.
 */
export async function groupSubmissions(
  db: Db,
  submissionIds: string[],
  now: Date,
): Promise<number> {
  const grouped = await findGroupedIds(db, submissionIds);
  const texts = await readSubmissionTexts(
    db,
    [...new Set(submissionIds)].filter((id) => !grouped.has(id)),
  );
  const byPeriod = Map.groupBy(texts.map(arrivalOf), (a) => a.periodId);
  for (const [periodId, arrivals] of byPeriod)
    await groupInPeriod(db, { periodId, arrivals, at: now.toISOString() });
  return texts.length;
}

function arrivalOf(text: {
  id: string;
  periodId: string;
  body: string;
  language: string;
}): Arrival {
  const signature = minhashSignature(text.body);
  const keys = signature ? bandKeys(signature, text.language) : [];
  return {
    submissionId: text.id,
    periodId: text.periodId,
    campaignId: text.id,
    language: text.language,
    signature,
    buckets: Array.from(keys, (key, band) => bucketOf(band, key, text.periodId)),
  };
}

/** Groups one period's arrivals against its stored buckets, and writes the outcome. */
async function groupInPeriod(
  db: Db,
  { periodId, arrivals, at }: { periodId: string; arrivals: Arrival[]; at: string },
): Promise<void> {
  const stored = await findRepresentatives(
    db,
    periodId,
    arrivals.flatMap((a) => a.buckets),
  );
  const batch = new BatchGrouping(stored);
  const represented = new Map<string, number[]>();
  for (const arrival of arrivals) {
    batch.join(arrival);
    represented.set(arrival.submissionId, batch.represent(arrival));
  }
  // Campaigns stored before this batch that another absorbed: their members move.
  for (const [to, from] of batch.absorbedStoredCampaigns()) {
    await renameMemberCampaigns(db, periodId, from, to);
    await recordCampaigns(db, { kind: 'merge', periodId, from, to });
  }
  const members = arrivals.map((a) => ({ ...a, campaignId: batch.campaignOf(a.campaignId) }));
  await insertMembers(db, { members, represented, at });
  await recordCampaigns(db, {
    kind: 'assign',
    campaigns: members.map((m) => ({ submissionId: m.submissionId, campaignId: m.campaignId })),
  });
}

/**
 * The state of one batch: the buckets' representatives (stored and new) and the campaigns merged
 * so far (union–find over campaign ids, the least id, that of the earliest member, naming each).
 */
class BatchGrouping {
  private readonly buckets = new Map<number, Member[]>();
  private readonly parent = new Map<string, string>();
  private readonly storedCampaigns = new Set<string>();

  constructor(stored: Representative[]) {
    for (const representative of stored) {
      this.storedCampaigns.add(representative.campaignId);
      this.membersOf(representative.bucket).push(representative);
    }
  }

  /** The campaign a campaign id now stands for. */
  campaignOf(id: string): string {
    let root = id;
    for (let next = this.parent.get(root); next !== undefined; next = this.parent.get(root))
      root = next;
    if (root !== id) this.parent.set(id, root);
    return root;
  }

  /** Joins the arrival to the campaigns of its near-duplicates among its buckets' members. */
  join(arrival: Arrival): void {
    if (!arrival.signature) return;
    for (const bucket of arrival.buckets) {
      let compared = 0;
      for (const member of this.buckets.get(bucket) ?? []) {
        if (this.campaignOf(member.campaignId) === this.campaignOf(arrival.campaignId)) continue;
        if (++compared > maxComparisonsPerBucket) break;
        if (member.language !== arrival.language || !member.signature) continue;
        if (estimatedJaccard(arrival.signature, member.signature) >= sameCampaignThreshold)
          this.union(arrival.campaignId, member.campaignId);
      }
    }
  }

  /** Makes the arrival its campaign's representative in the buckets that have none; returns them. */
  represent(arrival: Arrival): number[] {
    const campaign = this.campaignOf(arrival.campaignId);
    const taken: number[] = [];
    for (const bucket of arrival.buckets) {
      const members = this.membersOf(bucket);
      if (members.some((m) => this.campaignOf(m.campaignId) === campaign)) continue;
      members.push(arrival);
      taken.push(bucket);
    }
    return taken;
  }

  /** Each surviving campaign with the campaigns stored before the batch that it absorbed. */
  absorbedStoredCampaigns(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const id of this.storedCampaigns) {
      const root = this.campaignOf(id);
      if (root !== id) out.set(root, [...(out.get(root) ?? []), id]);
    }
    return out;
  }

  private membersOf(bucket: number): Member[] {
    let members = this.buckets.get(bucket);
    if (!members) this.buckets.set(bucket, (members = []));
    return members;
  }

  private union(a: string, b: string): void {
    const ra = this.campaignOf(a);
    const rb = this.campaignOf(b);
    if (ra === rb) return;
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}

/** Submissions read per step of a full regroup. */
const regroupPage = 1000;

/**
 * Groups a period again from nothing, in the order its submissions were received, in the
 * caller's transaction (after a change of the rule or its threshold). Returns how many.
 */
export async function regroupPeriod(db: Db, periodId: string, now: Date): Promise<number> {
  await deletePeriodGrouping(db, periodId);
  await recordCampaigns(db, { kind: 'clear', periodId });
  let after = '';
  let count = 0;
  for (;;) {
    const ids = await listPeriodSubmissionsInOrder(db, periodId, { after, limit: regroupPage });
    if (ids.length === 0) return count;
    count += await groupSubmissions(db, ids, now);
    after = ids.at(-1)!;
  }
}

/**
 * The campaigns of a period the viewer may read: published submissions grouped with at least
 * one other published one, largest first, with their counts.
 */
export async function getCampaigns(
  db: Db,
  viewer: Viewer | null,
  periodId: string,
  now: Date,
): Promise<CampaignSummary[]> {
  const { period } = await getPeriodContext(db, viewer, periodId, now);
  return (await countPublishedCampaignMembers(db, period.id)).map((c) => ({
    id: c.campaignId,
    periodId: period.id,
    submissions: c.count,
    variants: c.variants,
    firstSubmissionId: c.firstId,
  }));
}

/** One campaign of a period as its page shows it: the period, and a page of its members. */
export interface CampaignPage {
  context: PeriodContext;
  campaignId: string;
  count: number;
  variants: number;
  members: Submission[];
  next: string | null;
}

/**
 * A campaign's published members, oldest first, 100 a page after a cursor; CAMPAIGN_NOT_FOUND
 * when the period has no campaign of this id with a published member.
 */
export async function getCampaignPage(
  db: Db,
  viewer: Viewer | null,
  {
    periodId,
    campaignId,
    after,
    now,
  }: { periodId: string; campaignId: string; after?: string; now: Date },
): Promise<CampaignPage> {
  const context = await getPeriodContext(db, viewer, periodId, now);
  const page = await getCampaignMembers(db, context.period.id, campaignId, {
    ...(after ? { after } : {}),
  });
  if (page.submissions.length === 0 && !after) throw new PlenumError('CAMPAIGN_NOT_FOUND');
  return {
    context,
    campaignId,
    count: page.count,
    variants: page.variants,
    members: page.submissions,
    next: page.next,
  };
}
