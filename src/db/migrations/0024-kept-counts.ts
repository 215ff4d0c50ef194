/**
 * Counts kept as submissions are written, moderated and carried to later versions, so that a
 * page shows them without walking what is stored: published comments per paragraph of a version
 * (made on it, and carried to it), a period's submissions per status (and rejection reason), and
 * a period's published submissions per day and organisation (its charts, its filtered counts).
 * Filled here from what is stored.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import { sql, type Kysely } from 'kysely';

/** Adds the kept counts and fills them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('paragraph_counts')
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    // Published submissions with an anchor on the paragraph, and with one carried to it.
    .addColumn('direct', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('carried', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('paragraph_counts_pk', ['version_id', 'address'])
    .execute();
  await db.schema
    .createTable('period_status_counts')
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // '' when the status has no reason.
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('period_status_counts_pk', ['period_id', 'status', 'reason'])
    .execute();
  await db.schema
    .createTable('period_day_counts')
    .addColumn('period_id', 'text', (c) => c.notNull())
    // The day of publication (YYYY-MM-DD), '' when a published submission has no instant.
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('period_day_counts_pk', [
      'period_id',
      'day',
      'organisation_id',
      'language',
    ])
    .execute();
  // The unverified State claims of a period are read per organisation, newest first.
  await db.schema
    .createIndex('submissions_organisation_period')
    .on('submissions')
    .columns(['organisation_id', 'period_id', 'status', 'id'])
    .execute();
  await db.schema.dropIndex('submissions_organisation').execute();

  await sql`
    insert into paragraph_counts (version_id, address, direct, carried)
    select version_id, address, sum(direct), sum(carried) from (
      select a.version_id, a.address, count(distinct a.submission_id) as direct, 0 as carried
      from submission_anchors a where a.published = 1 group by a.version_id, a.address
      union all
      select ca.to_version_id, ca.address, 0, count(distinct a.submission_id)
      from carried_anchors ca join submission_anchors a on a.id = ca.anchor_id
      where a.published = 1 and ca.address is not null group by ca.to_version_id, ca.address
    ) x group by version_id, address`.execute(db);
  await sql`
    insert into period_status_counts (period_id, status, reason, n)
    select period_id, status, coalesce(status_reason, ''), count(*) from submissions
    group by period_id, status, coalesce(status_reason, '')`.execute(db);
  await sql`
    insert into period_day_counts (period_id, day, organisation_id, language, n)
    select period_id, coalesce(substr(published_at, 1, 10), ''), organisation_id, language, count(*)
    from submissions where status = 'published'
    group by period_id, coalesce(substr(published_at, 1, 10), ''), organisation_id, language`.execute(
    db,
  );
}
