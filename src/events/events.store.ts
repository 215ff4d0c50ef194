/** SQL for the event log. */
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';

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
  const id = newId();
  await db
    .insertInto('events')
    .values({
      id,
      at: at.toISOString(),
      actor: event.actor,
      action: event.action,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
      data: JSON.stringify(event.data ?? {}),
    })
    .execute();
  return id;
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
