/** SQL for campaigns: grouped submissions with their signatures, and the LSH buckets' representatives. */
import type { Db } from '../db/database.ts';
import { shapedChunks, shapedList } from '../db/statement-shapes.ts';
import { signatureBytes, signatureFromBytes } from './minhash.ts';
import type { CampaignBucketTable, CampaignMemberTable } from './campaigns.table.ts';

/** A grouped submission as grouping reads it. */
export interface Member {
  submissionId: string;
  periodId: string;
  campaignId: string;
  language: string;
  signature: Uint32Array | undefined;
}

/** A bucket's representative: the bucket and the member. */
export interface Representative extends Member {
  bucket: number;
}

/** The ids among these that are grouped already. */
export async function findGroupedIds(db: Db, submissionIds: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of shapedChunks([...new Set(submissionIds)], 256)) {
    const rows = await db
      .selectFrom('campaign_members')
      .select('submission_id')
      .where('submission_id', 'in', chunk)
      .execute();
    for (const row of rows) found.add(row.submission_id);
  }
  return found;
}

/** The representatives of these buckets of a period, with their signatures and campaigns. */
export async function findRepresentatives(
  db: Db,
  periodId: string,
  buckets: number[],
): Promise<Representative[]> {
  const out: Representative[] = [];
  for (const chunk of shapedChunks([...new Set(buckets)], 512)) {
    const rows = await db
      .selectFrom('campaign_buckets as b')
      .innerJoin('campaign_members as m', 'm.submission_id', 'b.submission_id')
      .select([
        'b.bucket',
        'm.submission_id',
        'm.period_id',
        'm.campaign_id',
        'm.language',
        'm.signature',
      ])
      .where('b.period_id', '=', periodId)
      .where('b.bucket', 'in', shapedList(chunk))
      .execute();
    for (const row of rows) out.push({ ...toMember(row), bucket: Number(row.bucket) });
  }
  return out;
}

function toMember(row: Omit<CampaignMemberTable, 'grouped_at'>): Member {
  return {
    submissionId: row.submission_id,
    periodId: row.period_id,
    campaignId: row.campaign_id,
    language: row.language,
    signature: row.signature ? signatureFromBytes(row.signature) : undefined,
  };
}

/** Rows per multi-row insert (six columns a member, three a bucket). */
const membersPerInsert = 128;
const bucketsPerInsert = 512;

/** Stores newly grouped submissions and the buckets they represent. */
export async function insertMembers(
  db: Db,
  members: Member[],
  buckets: { periodId: string; bucket: number; submissionId: string }[],
  at: string,
): Promise<void> {
  const memberRows: CampaignMemberTable[] = members.map((m) => ({
    submission_id: m.submissionId,
    period_id: m.periodId,
    campaign_id: m.campaignId,
    language: m.language,
    signature: m.signature ? signatureBytes(m.signature) : null,
    grouped_at: at,
  }));
  for (const chunk of shapedChunks(memberRows, membersPerInsert))
    await db.insertInto('campaign_members').values(chunk).execute();
  const bucketRows: CampaignBucketTable[] = buckets.map((b) => ({
    period_id: b.periodId,
    bucket: b.bucket,
    submission_id: b.submissionId,
  }));
  for (const chunk of shapedChunks(bucketRows, bucketsPerInsert))
    await db.insertInto('campaign_buckets').values(chunk).execute();
}

/** Moves the members of a period's campaigns `from` into the campaign `to`. */
export async function renameMemberCampaigns(
  db: Db,
  periodId: string,
  from: string[],
  to: string,
): Promise<void> {
  for (const chunk of shapedChunks(from, 256))
    await db
      .updateTable('campaign_members')
      .set({ campaign_id: to })
      .where('period_id', '=', periodId)
      .where('campaign_id', 'in', chunk)
      .execute();
}

/** Forgets a period's grouping (buckets and members), before a full regroup. */
export async function deletePeriodGrouping(db: Db, periodId: string): Promise<void> {
  await db.deleteFrom('campaign_buckets').where('period_id', '=', periodId).execute();
  await db.deleteFrom('campaign_members').where('period_id', '=', periodId).execute();
}
