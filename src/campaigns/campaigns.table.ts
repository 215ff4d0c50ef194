/** Row types of campaigns, as stored. */
import type { Generated } from 'kysely';

/** A row of `campaign_members`: a grouped submission, its signature and its campaign. */
export interface CampaignMemberTable {
  /** Made by the database: what bucket rows name the member by. */
  seq: Generated<number>;
  submission_id: string;
  period_id: string;
  /** The id of the campaign's earliest member (its own id while it stands alone). */
  campaign_id: string;
  /** The language it was grouped in (detected, else declared): other languages never join. */
  language: string;
  /** The MinHash signature (4 bytes a value, little-endian); null for a text without words. */
  signature: Buffer | null;
  grouped_at: string;
}

/** A row of `campaign_buckets`: a campaign's representative in an LSH bucket of a period. */
export interface CampaignBucketTable {
  /** band × 2³² + the band's key mixed with the period's (a string from PostgreSQL's bigint). */
  bucket: number | string;
  /** The member's `seq`. */
  member: number;
}
