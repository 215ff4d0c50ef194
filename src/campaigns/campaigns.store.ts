/** SQL for campaigns: grouped submissions with their signatures, and the LSH buckets' representatives. */
import type { Insertable } from 'kysely';
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
      .innerJoin('campaign_members as m', 'm.seq', 'b.member')
      .select([
        'b.bucket',
        'm.submission_id',
        'm.period_id',
        'm.campaign_id',
        'm.language',
        'm.signature',
      ])
      .where('b.bucket', 'in', shapedList(chunk))
      .execute();
    // A bucket key is the period's: another period's row is a 32-bit coincidence, left out here
    // (in SQL, the period's condition leads the planner to read every member of the period).
    for (const row of rows)
      if (row.period_id === periodId) out.push({ ...toMember(row), bucket: Number(row.bucket) });
  }
  return out;
}

function toMember(row: Omit<CampaignMemberTable, 'grouped_at' | 'seq'>): Member {
  return {
    submissionId: row.submission_id,
    periodId: row.period_id,
    campaignId: row.campaign_id,
    language: row.language,
    signature: row.signature ? signatureFromBytes(row.signature) : undefined,
  };
}

/** Rows per multi-row insert (six columns a member, two a bucket). */
const membersPerInsert = 128;
const bucketsPerInsert = 512;

/**
 * Stores newly grouped submissions, and each as the representative of the buckets it took
 * (`represented`: bucket numbers by submission id).
 */
export async function insertMembers(
  db: Db,
  {
    members,
    represented,
    at,
  }: { members: Member[]; represented: Map<string, number[]>; at: string },
): Promise<void> {
  const memberRows: Insertable<CampaignMemberTable>[] = members.map((m) => ({
    submission_id: m.submissionId,
    period_id: m.periodId,
    campaign_id: m.campaignId,
    language: m.language,
    signature: m.signature ? signatureBytes(m.signature) : null,
    grouped_at: at,
  }));
  const bucketRows: CampaignBucketTable[] = [];
  for (const chunk of shapedChunks(memberRows, membersPerInsert)) {
    const numbered = await db
      .insertInto('campaign_members')
      .values(chunk)
      .returning(['seq', 'submission_id'])
      .execute();
    for (const { seq, submission_id: id } of numbered)
      for (const bucket of represented.get(id) ?? []) bucketRows.push({ bucket, member: seq });
  }
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
  await db
    .deleteFrom('campaign_buckets')
    .where('member', 'in', (eb) =>
      eb.selectFrom('campaign_members').select('seq').where('period_id', '=', periodId),
    )
    .execute();
  await db.deleteFrom('campaign_members').where('period_id', '=', periodId).execute();
}
