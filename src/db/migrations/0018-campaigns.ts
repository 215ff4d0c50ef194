/**
 * Campaigns: near-duplicate submissions of a period grouped by the campaigns follower. Each
 * grouped submission has its MinHash signature and its campaign (`campaign_members`); each LSH
 * bucket of a period keeps one representative per campaign (`campaign_buckets`); the submission carries its
 * campaign too (`submissions.campaign_id`), for its JSON, the exports and the period's list.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** Makes the campaign tables and the submission's campaign. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('campaign_members')
    // A small number for the buckets to name the member by (a UUID in each would triple them).
    .addColumn('seq', postgres ? 'serial' : 'integer', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) =>
      c.notNull().unique().references('submissions.id').onDelete('cascade'),
    )
    .addColumn('period_id', 'text', (c) => c.notNull())
    // The id of the campaign's earliest member.
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    // Null for a text without words: a campaign of its own.
    .addColumn('signature', sql`bytea`)
    .addColumn('grouped_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaign_members_campaign')
    .on('campaign_members')
    .columns(['period_id', 'campaign_id'])
    .execute();
  await db.schema
    .createTable('campaign_buckets')
    // band × 2³² + the band's key mixed with the period's: a period's buckets are its own.
    .addColumn('bucket', 'bigint', (c) => c.notNull())
    // campaign_members.seq; a member deleted with its submission leaves rows that join nothing.
    .addColumn('member', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_buckets_pk', ['bucket', 'member'])
    .$call((b) => (postgres ? b : b.modifyEnd(sql`without rowid`)))
    .execute();
  await db.schema.alterTable('submissions').addColumn('campaign_id', 'text').execute();
  // With the id last, "a later member of this campaign?" (the period's list shows a campaign by
  // its newest member) is one seek, not a walk through the campaign's members.
  await db.schema
    .createIndex('submissions_campaign')
    .on('submissions')
    .columns(['period_id', 'campaign_id', 'id'])
    .execute();
}
