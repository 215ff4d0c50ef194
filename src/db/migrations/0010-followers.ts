/**
 * Followers of the event log: every event gets a place in the log (`seq`, and on PostgreSQL the
 * transaction that wrote it, `txid`), and each follower (search, concept tagging, watch matching)
 * keeps its cursor and its failure in `follower_cursors`. The indexing queue of 0008 goes: what
 * was still queued becomes an event the search follower reads.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** The followers that existed when this migration was written: they start at the log's end. */
const followersAtRelease = ['search', 'concepts', 'watches'];

/** Numbers the events, makes the cursors, and turns the indexing queue into events. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    // Sequence numbers are taken in insertion order, not commit order: a follower reads in the
    // order (txid, seq) and only events of transactions older than every one still running, so
    // an event that commits late can never fall behind a cursor that has moved on.
    await sql`alter table events add column seq bigserial`.execute(db);
    await sql`alter table events add column txid xid8 not null default pg_current_xact_id()`.execute(
      db,
    );
    await sql`create index events_log on events (txid, seq)`.execute(db);
  } else {
    // One writer at a time: numbering each event after the last one is commit order.
    await sql`alter table events add column seq integer`.execute(db);
    await sql`alter table events add column txid text not null default '0'`.execute(db);
    await sql`update events set seq = rowid`.execute(db);
    await sql`create unique index events_log on events (seq)`.execute(db);
    await sql`create trigger events_seq after insert on events when new.seq is null begin
      update events set seq = (select coalesce(max(seq), 0) + 1 from events) where rowid = new.rowid;
    end`.execute(db);
  }

  await db.schema
    .createTable('follower_cursors')
    .addColumn('follower', 'text', (c) => c.primaryKey())
    // The last event handled, as (txid, seq); txid is '0' on SQLite.
    .addColumn('txid', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // The event it fails on (the next one), its error, how often it failed and when to try again.
    .addColumn('failing_seq', 'bigint')
    .addColumn('failing_error', 'text')
    .addColumn('failing_since', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retry_at', 'text')
    .execute();

  // Everything logged so far was handled when it happened: the followers start after it.
  const last = (
    await sql<{ txid: string; seq: string | number }>`
      select cast(txid as text) as txid, seq from events order by txid desc, seq desc limit 1`.execute(
      db,
    )
  ).rows[0];
  const at = new Date().toISOString();
  for (const follower of followersAtRelease) {
    await db
      .insertInto('follower_cursors')
      .values({ follower, txid: last?.txid ?? '0', seq: Number(last?.seq ?? 0), updated_at: at })
      .execute();
  }

  // Submissions still queued for indexing: an event each, past the cursors, for search to read.
  const queued = await db
    .selectFrom('index_queue')
    .select(['seq', 'source_id', 'queued_at'])
    .orderBy('seq')
    .execute();
  for (const row of queued) {
    await db
      .insertInto('events')
      .values({
        id: crypto.randomUUID(),
        at: row.queued_at,
        actor: 'plenum',
        action: 'submission.index_requested',
        subject_type: 'submission',
        subject_id: row.source_id,
        data: '{}',
      })
      .execute();
  }
  await db.schema.dropTable('index_queue').execute();
}
