/**
 * The kept counts against a count of what is stored, for the tests that change what they count
 * (kept-counts.test.ts, the campaigns' tests): each kept table compared with a scan, naming the
 * table that differs.
 */
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from './database.ts';

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
export async function assertCountsTrue(db: Db, step: string): Promise<void> {
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
  assert.deepEqual(
    await rows(
      db,
      sql`select period_id, campaign_id, n, variants from campaign_counts
        where n <> 0 or variants <> 0`,
    ),
    await rows(
      db,
      sql`select period_id, campaign_id, count(*) as n, count(distinct body) as variants
        from submissions
        where status = 'published' and campaign_id is not null group by period_id, campaign_id`,
    ),
    `${step}: published members and texts of campaigns`,
  );
}
