/** SQL for meetings, their changes, follows of processes and calendar addresses. */
import type { Db } from '../db/database.ts';
import {
  changedFields,
  meetingFormats,
  meetingKinds,
  meetingStatuses,
  type Meeting,
  type MeetingChange,
} from './meetings.schema.ts';
import type { MeetingChangeTable, MeetingTable } from './meetings.table.ts';

function toMeeting(row: MeetingTable): Meeting {
  return {
    id: row.id,
    processId: row.process_id,
    title: row.title,
    session: row.session_label,
    kind: meetingKinds.find((k) => k === row.kind) ?? 'formal',
    format: meetingFormats.find((f) => f === row.format) ?? 'in_person',
    place: row.place,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    webcastUrl: row.webcast_url,
    status: meetingStatuses.find((s) => s === row.status) ?? 'scheduled',
    datesPending: Number(row.dates_pending) === 1,
    sequence: Number(row.sequence),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Inserts a meeting row. */
export async function insertMeeting(db: Db, row: MeetingTable): Promise<void> {
  await db.insertInto('meetings').values(row).execute();
}

/** The meeting with this id, if any. */
export async function findMeeting(db: Db, id: string): Promise<Meeting | undefined> {
  const row = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMeeting(row) : undefined;
}

/** The meetings of a process, earliest first. */
export async function listMeetingsOfProcess(
  db: Db,
  processId: string,
  page?: { after: readonly [startsAt: string, id: string] | undefined; limit: number },
): Promise<Meeting[]> {
  let query = db
    .selectFrom('meetings')
    .selectAll()
    .where('process_id', '=', processId)
    .orderBy('starts_at')
    .orderBy('id');
  if (page) {
    const after = page.after;
    query = query.limit(page.limit);
    if (after)
      query = query.where((eb) =>
        eb.or([
          eb('starts_at', '>', after[0]),
          eb.and([eb('starts_at', '=', after[0]), eb('id', '>', after[1])]),
        ]),
      );
  }
  return (await query.execute()).map(toMeeting);
}

/** The meetings of every process an account follows, earliest first. */
export async function listMeetingsFollowedBy(db: Db, accountId: string): Promise<Meeting[]> {
  const rows = await db
    .selectFrom('meetings')
    .innerJoin('process_follows', 'process_follows.process_id', 'meetings.process_id')
    .selectAll('meetings')
    .where('process_follows.account_id', '=', accountId)
    .orderBy('meetings.starts_at')
    .orderBy('meetings.id')
    .execute();
  return rows.map(toMeeting);
}

/**
 * Writes new values and raises the sequence by one, only if the meeting is still at the sequence
 * the change was made from; false when someone else changed it meanwhile.
 */
export async function updateMeeting(
  db: Db,
  id: string,
  fromSequence: number,
  values: Partial<Omit<MeetingTable, 'id' | 'process_id' | 'sequence' | 'created_by'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('meetings')
    .set((eb) => ({ ...values, sequence: eb('sequence', '+', 1) }))
    .where('id', '=', id)
    .where('sequence', '=', fromSequence)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Inserts the rows of one change. */
export async function insertChanges(db: Db, rows: MeetingChangeTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('meeting_changes').values(rows).execute();
}

/** The changes of a meeting, oldest first, with the name of who made them. */
export async function listChanges(db: Db, meetingId: string): Promise<MeetingChange[]> {
  const rows = await db
    .selectFrom('meeting_changes')
    .leftJoin('accounts', 'accounts.id', 'meeting_changes.changed_by')
    .selectAll('meeting_changes')
    .select('accounts.name as changed_by_name')
    .where('meeting_changes.meeting_id', '=', meetingId)
    .orderBy('meeting_changes.sequence')
    .execute();
  // The fields of one change share a millisecond: list them in the catalogue's order.
  const rank = (field: string) => changedFields.indexOf(field as (typeof changedFields)[number]);
  rows.sort((a, b) => Number(a.sequence) - Number(b.sequence) || rank(a.field) - rank(b.field));
  return rows.map((r) => ({
    sequence: Number(r.sequence),
    field: changedFields.find((f) => f === r.field) ?? 'status',
    from: r.from_value,
    to: r.to_value,
    reason: r.reason,
    by: r.changed_by_name ?? r.changed_by,
    at: r.changed_at,
  }));
}

/**
 * When each version of the process's documents (and so each document) entered plenum: the
 * timeline's fallback for versions that carry no date of their own.
 */
export async function listVersionArrivals(db: Db, processId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('versions')
    .innerJoin('documents', 'documents.id', 'versions.document_id')
    .select(['versions.id', 'versions.created_at'])
    .where('documents.process_id', '=', processId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.created_at]));
}

/** Follows a process; nothing happens when the account already follows it. */
export async function insertFollow(
  db: Db,
  accountId: string,
  processId: string,
  at: string,
): Promise<boolean> {
  if (await isFollowing(db, accountId, processId)) return false;
  await db
    .insertInto('process_follows')
    .values({ account_id: accountId, process_id: processId, created_at: at })
    .execute();
  return true;
}

/** Stops following a process; false when the account did not follow it. */
export async function deleteFollow(db: Db, accountId: string, processId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('process_follows')
    .where('account_id', '=', accountId)
    .where('process_id', '=', processId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** True when the account follows the process. */
export async function isFollowing(db: Db, accountId: string, processId: string): Promise<boolean> {
  const row = await db
    .selectFrom('process_follows')
    .select('process_id')
    .where('account_id', '=', accountId)
    .where('process_id', '=', processId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The ids of the processes an account follows. */
export async function listFollowedProcessIds(db: Db, accountId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('process_follows')
    .select('process_id')
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.process_id);
}

/** Replaces an account's calendar address by the hash of a new secret. */
export async function replaceCalendarAddress(
  db: Db,
  accountId: string,
  secretHash: string,
  at: string,
): Promise<void> {
  // One statement, not delete then insert: two renewals at once must not both insert.
  await db
    .insertInto('calendar_addresses')
    .values({ account_id: accountId, secret_hash: secretHash, created_at: at })
    .onConflict((oc) =>
      oc.column('account_id').doUpdateSet({ secret_hash: secretHash, created_at: at }),
    )
    .execute();
}

/** When the account's calendar address was made, if it has one. */
export async function findCalendarAddress(
  db: Db,
  accountId: string,
): Promise<{ createdAt: string } | undefined> {
  const row = await db
    .selectFrom('calendar_addresses')
    .select('created_at')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row ? { createdAt: row.created_at } : undefined;
}

/** The account whose calendar address has this secret hash, if any. */
export async function findCalendarAccount(db: Db, secretHash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('calendar_addresses')
    .select('account_id')
    .where('secret_hash', '=', secretHash)
    .executeTakeFirst();
  return row?.account_id;
}

/**
 * The meetings of every process that have not ended by `from` and start before `to`, earliest
 * first, at most `limit`. Read from the index on the start: a meeting is taken to last at most
 * 31 days, so the scan starts a month before `from`.
 */
export async function listMeetingsBetween(
  db: Db,
  from: Date,
  to: Date,
  limit: number,
): Promise<Meeting[]> {
  const rows = await db
    .selectFrom('meetings')
    .selectAll()
    .where('starts_at', '>=', new Date(from.getTime() - 31 * 86_400_000).toISOString())
    .where('starts_at', '<', to.toISOString())
    .where('ends_at', '>=', from.toISOString())
    .orderBy('starts_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toMeeting);
}
