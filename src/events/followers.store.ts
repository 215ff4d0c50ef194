/**
 * SQL for the followers of the event log: reading the log past a cursor, and the cursors
 * themselves. The log's order is (txid, seq): on SQLite txid is always '0' and seq is numbered
 * by the one writer; on PostgreSQL only events of transactions older than every transaction
 * still running are read, so one that commits late never lands behind a cursor.
 */
import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** An event as a follower reads it, with its place in the log. */
export interface LoggedEvent {
  seq: number;
  txid: string;
  id: string;
  at: string;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
}

/** A place in the log: the last event a follower handled. */
export interface LogPosition {
  txid: string;
  seq: number;
}

/** A follower's cursor and the failure it is stuck on, if any. */
export interface CursorRow {
  follower: string;
  position: LogPosition;
  updatedAt: string;
  failing: { seq: number; error: string; since: string; attempts: number; retryAt: string } | null;
}

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Creates the follower's cursor at the start of the log if it has none. */
export async function ensureCursor(db: Db, follower: string, at: string): Promise<void> {
  await db
    .insertInto('follower_cursors')
    .values({ follower, txid: '0', seq: 0, updated_at: at })
    .onConflict((oc) => oc.column('follower').doNothing())
    .execute();
}

/**
 * The follower's cursor, locked for the caller's transaction; undefined when another process
 * holds it (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite has one writer, so nobody else does).
 */
export async function takeCursor(db: Db, follower: string): Promise<CursorRow | undefined> {
  let query = db.selectFrom('follower_cursors').selectAll().where('follower', '=', follower);
  if (isPostgres(db)) query = query.forUpdate().skipLocked();
  const row = await query.executeTakeFirst();
  return row && cursorOf(row);
}

/**
 * Whether a follower may have something to do, read without any lock: false only when its cursor
 * is healthy and no event lies past it. Lets a follower skip a write transaction (and on SQLite the
 * one write lock every process shares) when the log has nothing new for it.
 */
export async function mayHaveWork(db: Db, follower: string): Promise<boolean> {
  const row = await db
    .selectFrom('follower_cursors')
    .selectAll()
    .where('follower', '=', follower)
    .executeTakeFirst();
  if (!row) return true;
  const cursor = cursorOf(row);
  if (cursor.failing) return true;
  return (await readEventsAfter(db, cursor.position, 1)).length > 0;
}

/** Every follower's cursor, by name. */
export async function listCursors(db: Db): Promise<CursorRow[]> {
  const rows = await db.selectFrom('follower_cursors').selectAll().orderBy('follower').execute();
  return rows.map(cursorOf);
}

function cursorOf(row: {
  follower: string;
  txid: string;
  seq: number | string;
  updated_at: string;
  failing_seq: number | string | null;
  failing_error: string | null;
  failing_since: string | null;
  attempts: number;
  retry_at: string | null;
}): CursorRow {
  return {
    follower: row.follower,
    position: { txid: row.txid, seq: Number(row.seq) },
    updatedAt: row.updated_at,
    failing:
      row.failing_seq === null
        ? null
        : {
            seq: Number(row.failing_seq),
            error: row.failing_error ?? '',
            since: row.failing_since ?? row.updated_at,
            attempts: row.attempts,
            retryAt: row.retry_at ?? row.updated_at,
          },
  };
}

/**
 * The condition "after this position" on the events table; `safe` adds, on PostgreSQL, "and
 * written by a transaction older than any still running" (what a follower may read now).
 */
function pastPosition(db: Db, position: LogPosition, safe: boolean) {
  if (!isPostgres(db)) return sql<boolean>`seq > ${position.seq}`;
  const past = sql<boolean>`(txid, seq) > (cast(${position.txid} as xid8), ${position.seq})`;
  return safe ? sql<boolean>`${past} and txid < pg_snapshot_xmin(pg_current_snapshot())` : past;
}

/** The place of the last event committed so far. */
export async function logEnd(db: Db): Promise<LogPosition> {
  const row = await db
    .selectFrom('events')
    .select([sql<string>`cast(events.txid as text)`.as('log_txid'), 'seq'])
    .orderBy(sql`events.txid`, 'desc')
    .orderBy(sql`events.seq`, 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { txid: row.log_txid, seq: Number(row.seq) } : { txid: '0', seq: 0 };
}

/** True when position `a` is at or past position `b` in the log. */
export function isAtOrPast(a: LogPosition, b: LogPosition): boolean {
  const [ta, tb] = [BigInt(a.txid), BigInt(b.txid)];
  return ta > tb || (ta === tb && a.seq >= b.seq);
}

/** Up to `limit` events past the position, in log order. */
export async function readEventsAfter(
  db: Db,
  position: LogPosition,
  limit: number,
): Promise<LoggedEvent[]> {
  const rows = await db
    .selectFrom('events')
    .select(['id', 'at', 'actor', 'action', 'subject_type', 'subject_id', 'data', 'seq'])
    .select(sql<string>`cast(events.txid as text)`.as('log_txid'))
    .where(pastPosition(db, position, true))
    .orderBy(sql`events.txid`)
    .orderBy(sql`events.seq`)
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    txid: r.log_txid,
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
  }));
}

/** How many events are past the position, and when the oldest of them happened. */
export async function lagAfter(
  db: Db,
  position: LogPosition,
): Promise<{ events: number; oldestAt: string | null }> {
  const row = await db
    .selectFrom('events')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.min('at').as('oldest')])
    .where(pastPosition(db, position, false))
    .executeTakeFirstOrThrow();
  return { events: Number(row.n), oldestAt: (row.oldest as string | null) ?? null };
}

/** The event at a place in the log (to show what a follower fails on). */
export async function findLoggedEvent(
  db: Db,
  seq: number,
): Promise<{ id: string; action: string; subjectType: string; subjectId: string } | undefined> {
  const row = await db
    .selectFrom('events')
    .select(['id', 'action', 'subject_type', 'subject_id'])
    .where('seq', '=', seq)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
    }
  );
}

/** Moves the cursor past what was handled and clears any failure, in the caller's transaction. */
export async function moveCursor(
  db: Db,
  follower: string,
  position: LogPosition,
  at: string,
): Promise<void> {
  await db
    .updateTable('follower_cursors')
    .set({
      txid: position.txid,
      seq: position.seq,
      updated_at: at,
      failing_seq: null,
      failing_error: null,
      failing_since: null,
      attempts: 0,
      retry_at: null,
    })
    .where('follower', '=', follower)
    .execute();
}

/** Records that the follower failed on the event at `seq`, and when to try it again. */
export async function recordFollowerFailure(
  db: Db,
  follower: string,
  failure: { seq: number; error: string; at: Date; retryDelayMs: (attempts: number) => number },
): Promise<{ attempts: number; retryAt: string }> {
  const row = await db
    .selectFrom('follower_cursors')
    .select(['failing_seq', 'failing_since', 'attempts'])
    .where('follower', '=', follower)
    .executeTakeFirst();
  const same = row && row.failing_seq !== null && Number(row.failing_seq) === failure.seq;
  const attempts = same ? row.attempts + 1 : 1;
  const at = failure.at.toISOString();
  const retryAt = new Date(failure.at.getTime() + failure.retryDelayMs(attempts)).toISOString();
  await db
    .updateTable('follower_cursors')
    .set({
      failing_seq: failure.seq,
      failing_error: failure.error,
      failing_since: same ? (row.failing_since ?? at) : at,
      attempts,
      retry_at: retryAt,
      updated_at: at,
    })
    .where('follower', '=', follower)
    .execute();
  return { attempts, retryAt };
}
