/** SQL for the event log. */
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { insertPrepared } from '../db/prepared-inserts.ts';

/** One change of state to record. */
export interface NewEvent {
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  data?: Record<string, unknown>;
}

/** Appends an event; call it inside the transaction that makes the change. */
export async function recordEvent(db: Db, event: NewEvent, at: Date = new Date()): Promise<string> {
  const [id] = await recordEvents(db, [{ event, at }]);
  return id!;
}

/** The columns an appended event names (its position in the log is numbered by the database). */
const eventColumns = ['id', 'at', 'actor', 'action', 'subject_type', 'subject_id', 'data'] as const;

/** Appends events in few statements (a group commit's); returns their ids, in order. */
export async function recordEvents(
  db: Db,
  events: { event: NewEvent; at: Date }[],
): Promise<string[]> {
  const rows = events.map(({ event, at }) => ({
    id: newId(),
    at: at.toISOString(),
    actor: event.actor,
    action: event.action,
    subject_type: event.subjectType,
    subject_id: event.subjectId,
    data: JSON.stringify(event.data ?? {}),
  }));
  // Seven columns a row: 64 rows stay far under either engine's cap on parameters. A group
  // commit logs an event per submission: SQL made once per shape (prepared-inserts.ts).
  await insertPrepared(db, 'events', eventColumns, rows, 64);
  return rows.map((r) => r.id);
}

/** Events about one subject, oldest first. */
export async function listEventsFor(
  db: Db,
  subjectType: string,
  subjectId: string,
): Promise<{ id: string; at: string; actor: string; action: string; data: unknown }[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    data: JSON.parse(r.data),
  }));
}
