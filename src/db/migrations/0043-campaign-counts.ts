/**
 * A period's campaigns counted as they change, so that a page showing a campaign reads one row for
 * it instead of walking its members: `campaign_counts` holds each campaign's published members
 * and distinct texts; `campaign_texts` each distinct text's published members (by the SHA-256 of
 * the body), from which the distinct texts are kept. Filled from the stored submissions.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/** Published members read per statement while filling. */
const page = 2000;

/** Makes both tables and fills them from the published submissions grouped in campaigns. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign_counts')
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('variants', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_counts_pk', ['period_id', 'campaign_id'])
    .execute();
  await db.schema
    .createTable('campaign_texts')
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('text_sha256', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_texts_pk', ['period_id', 'campaign_id', 'text_sha256'])
    .execute();

  const texts = new Map<string, { period: string; campaign: string; sha: string; n: number }>();
  let after = '';
  for (;;) {
    const { rows } = await sql<{
      id: string;
      period_id: string;
      campaign_id: string;
      body: string;
    }>`
      select id, period_id, campaign_id, body from submissions
      where status = 'published' and campaign_id is not null and id > ${after}
      order by id limit ${page}`.execute(db);
    if (rows.length === 0) break;
    for (const r of rows) {
      const sha = createHash('sha256').update(r.body).digest('hex');
      const key = `${r.period_id} ${r.campaign_id} ${sha}`;
      const row = texts.get(key) ?? { period: r.period_id, campaign: r.campaign_id, sha, n: 0 };
      row.n += 1;
      texts.set(key, row);
    }
    after = rows.at(-1)!.id;
  }
  const counts = new Map<
    string,
    { period: string; campaign: string; n: number; variants: number }
  >();
  for (const t of texts.values()) {
    const key = `${t.period} ${t.campaign}`;
    const row = counts.get(key) ?? { period: t.period, campaign: t.campaign, n: 0, variants: 0 };
    row.n += t.n;
    row.variants += 1;
    counts.set(key, row);
  }
  const all = [...texts.values()];
  for (let i = 0; i < all.length; i += 200)
    await db
      .insertInto('campaign_texts')
      .values(
        all.slice(i, i + 200).map((t) => ({
          period_id: t.period,
          campaign_id: t.campaign,
          text_sha256: t.sha,
          n: t.n,
        })),
      )
      .execute();
  const campaigns = [...counts.values()];
  for (let i = 0; i < campaigns.length; i += 200)
    await db
      .insertInto('campaign_counts')
      .values(
        campaigns.slice(i, i + 200).map((c) => ({
          period_id: c.period,
          campaign_id: c.campaign,
          n: c.n,
          variants: c.variants,
        })),
      )
      .execute();
}

/** Drops both tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('campaign_texts').execute();
  await db.schema.dropTable('campaign_counts').execute();
}
