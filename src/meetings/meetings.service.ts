/** Meetings: announcing and changing them (every change kept), timelines, follows and calendar addresses. */
import { randomBytes } from 'node:crypto';
import { keyPageOf, type KeyPage } from '../api/cursor.ts';
import type { Viewer } from '../accounts/accounts.schema.ts';
import { secretHash } from '../accounts/accounts.service.ts';
import { getPeriodsOfProcess } from '../consultations/consultations.service.ts';
import { zonedInstant } from '../consultations/time-zones.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { getProcessWithDocuments } from '../documents/documents.service.ts';
import { PlenumError } from '../errors.ts';
import { recordEvent } from '../events/events.store.ts';
import type { Process } from '../processes/processes.schema.ts';
import { findProcessById } from '../processes/processes.service.ts';
import { zodError } from '../validation.ts';
import { checkCanManageMeetings, checkHasCalendar } from './meetings.policy.ts';
import {
  meetingChangeInputSchema,
  meetingDetailsSchema,
  type ChangedField,
  type MeetingChangeInput,
  type Meeting,
  type MeetingChange,
  type MeetingDetails,
  type MeetingStatus,
} from './meetings.schema.ts';
import {
  deleteFollow,
  findCalendarAccount,
  findCalendarAddress,
  findMeeting,
  insertChanges,
  insertFollow,
  insertMeeting,
  isFollowing,
  listChanges,
  listFollowedProcessIds,
  listMeetingsFollowedBy,
  listMeetingsBetween,
  listMeetingsOfProcess,
  listVersionArrivals,
  replaceCalendarAddress,
  updateMeeting,
} from './meetings.store.ts';
import type { MeetingTable } from './meetings.table.ts';

/** A meeting with its process and the history of its changes. */
export interface MeetingContext {
  meeting: Meeting;
  process: Process;
  changes: MeetingChange[];
}

/** Dates as the history stores them: an ISO 8601 interval of two UTC instants. */
export function datesValue(startsAt: string, endsAt: string): string {
  return `${startsAt}/${endsAt}`;
}

/** The UTC instants of the wall-clock start and end in a zone; refuses unreal times and an end not after the start. */
function instantsOf(startsAt: string, endsAt: string, timeZone: string): [string, string] {
  const starts = zonedInstant(startsAt, timeZone, 'startsAt');
  const ends = zonedInstant(endsAt, timeZone, 'endsAt');
  if (ends <= starts)
    throw new PlenumError('INVALID_REQUEST', 'endsAt: the meeting must end after it starts.');
  return [starts.toISOString(), ends.toISOString()];
}

function checkPlace(details: Pick<MeetingDetails, 'format' | 'place'>): void {
  if (details.format !== 'virtual' && !details.place) {
    throw new PlenumError(
      'INVALID_REQUEST',
      'place: say where people meet (city and venue); only a virtual meeting has no place.',
    );
  }
}

/** The meeting with its process and history, or MEETING_NOT_FOUND. */
export async function getMeeting(db: Db, id: string): Promise<MeetingContext> {
  const meeting = await findMeeting(db, id);
  if (!meeting) throw new PlenumError('MEETING_NOT_FOUND');
  const [process, changes] = await Promise.all([
    findProcessById(db, meeting.processId),
    listChanges(db, id),
  ]);
  if (!process) throw new PlenumError('MEETING_NOT_FOUND');
  return { meeting, process, changes };
}

/** The meetings of a process, earliest first (everyone may read them). */
export async function getMeetingsOfProcess(db: Db, processId: string): Promise<Meeting[]> {
  return listMeetingsOfProcess(db, processId);
}

/**
 * A page of the meetings of a process, earliest first (by start, then id): those after the key
 * `after` of the previous page, at most `limit`.
 */
export async function getMeetingsOfProcessPage(
  db: Db,
  processId: string,
  page: { after: readonly [string, string] | undefined; limit: number },
): Promise<KeyPage<Meeting>> {
  const read = await listMeetingsOfProcess(db, processId, {
    after: page.after,
    limit: page.limit + 1,
  });
  return keyPageOf(read, page.limit, (m) => [m.startsAt, m.id]);
}

/** The meetings of a process that have not ended by `now`, earliest first, at most `limit`. */
export async function getUpcomingMeetings(
  db: Db,
  processId: string,
  now: Date,
  limit = 5,
): Promise<Meeting[]> {
  const t = now.toISOString();
  return (await listMeetingsOfProcess(db, processId)).filter((m) => m.endsAt >= t).slice(0, limit);
}

/**
 * The meetings of every process in this week and the next (Monday to Sunday, UTC) that have not
 * ended by `now`, earliest first, at most `limit`.
 */
export async function getMeetingsThisWeekAndNext(
  db: Db,
  now: Date,
  limit = 20,
): Promise<Meeting[]> {
  const monday = new Date(now);
  monday.setUTCHours(0, 0, 0, 0);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const end = new Date(monday.getTime() + 14 * 86_400_000);
  return listMeetingsBetween(db, now, end, limit);
}

/** The processes the viewer follows and when their calendar address was made, for the account page. */
export async function getAccountCalendar(
  db: Db,
  viewer: Viewer | null,
): Promise<{ followed: Process[]; address: { createdAt: string } | undefined }> {
  checkHasCalendar(viewer);
  const followed: Process[] = [];
  for (const id of await listFollowedProcessIds(db, viewer.id)) {
    const process = await findProcessById(db, id);
    if (process) followed.push(process);
  }
  return { followed, address: await findCalendarAddress(db, viewer.id) };
}

/** Announces a meeting of a process: the secretariat's act, sequence 0. */
export async function createMeeting(
  db: Db,
  viewer: Viewer | null,
  processId: string,
  input: unknown,
  now: Date,
): Promise<Meeting> {
  checkCanManageMeetings(viewer, processId);
  const parsed = meetingDetailsSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const form = parsed.data;
  const [startsAt, endsAt] = instantsOf(form.startsAt, form.endsAt, form.timeZone);
  checkPlace(form);
  const id = newId();
  const at = now.toISOString();
  await insertMeeting(db, {
    id,
    process_id: processId,
    title: form.title,
    session_label: form.session,
    kind: form.kind,
    format: form.format,
    place: form.place,
    starts_at: startsAt,
    ends_at: endsAt,
    time_zone: form.timeZone,
    webcast_url: form.webcastUrl,
    status: 'scheduled',
    dates_pending: 0,
    sequence: 0,
    created_by: viewer.id,
    created_at: at,
    updated_at: at,
  });
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: 'meeting.created',
      subjectType: 'meeting',
      subjectId: id,
      data: { processId, title: form.title, startsAt, endsAt },
    },
    now,
  );
  const meeting = await findMeeting(db, id);
  if (!meeting) throw new PlenumError('INTERNAL');
  return meeting;
}

type Values = Partial<Omit<MeetingTable, 'id' | 'process_id' | 'sequence' | 'created_by'>>;

/**
 * Changes a meeting: new details, a postponement, a move online or a cancellation. Every field
 * that changes is kept in the history with the reason; the sequence goes up by one.
 */
export async function changeMeeting(
  db: Db,
  viewer: Viewer | null,
  id: string,
  input: unknown,
  now: Date,
): Promise<Meeting> {
  const meeting = await findMeeting(db, id);
  if (!meeting) throw new PlenumError('MEETING_NOT_FOUND');
  checkCanManageMeetings(viewer, meeting.processId);
  const parsed = meetingChangeInputSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const change = parsed.data;
  if (meeting.status === 'cancelled') throw new PlenumError('MEETING_CANCELLED');

  const edit = new MeetingEdit(meeting);
  if (change.action === 'update') editDetails(edit, change);
  else if (change.action === 'postpone') editPostponement(edit, change);
  else if (change.action === 'move_online') {
    edit.setStatus('moved_online');
    edit.set('format', 'format', meeting.format, 'virtual');
    // Nobody meets at the old venue any more; the history keeps where it was.
    edit.set('place', 'place', meeting.place, null);
    if (change.webcastUrl)
      edit.set('webcast', 'webcast_url', meeting.webcastUrl, change.webcastUrl);
  } else edit.setStatus('cancelled');

  if (edit.changed.length === 0) {
    throw new PlenumError('INVALID_REQUEST', 'Nothing was changed: the meeting is already so.');
  }
  await storeMeetingChange({ db, actor: viewer.id, meeting, change, edit, now });
  const updated = await findMeeting(db, id);
  if (!updated) throw new PlenumError('INTERNAL');
  return updated;
}

/** The columns a change sets and the fields it changed, as the meeting's history shows them. */
class MeetingEdit {
  readonly values: Values = {};
  readonly changed: { field: ChangedField; from: string | null; to: string | null }[] = [];
  readonly meeting: Meeting;

  constructor(meeting: Meeting) {
    this.meeting = meeting;
  }

  /** Sets a column when its value changes, and records the change of the field. */
  set<K extends keyof Values>(
    field: ChangedField,
    column: K,
    from: Values[K] | null,
    to: Values[K],
    shown: { from: string | null; to: string | null } = {
      from: (from ?? null) as string | null,
      to: (to ?? null) as string | null,
    },
  ): void {
    if (from === to) return;
    this.values[column] = to;
    this.changed.push({ field, ...shown });
  }

  setStatus(status: MeetingStatus): void {
    this.set('status', 'status', this.meeting.status, status);
  }

  /** New start and end, recorded as one change of the dates. */
  setDates(startsAt: string, endsAt: string): void {
    const from = datesValue(this.meeting.startsAt, this.meeting.endsAt);
    const to = datesValue(startsAt, endsAt);
    if (from === to) return;
    this.values.starts_at = startsAt;
    this.values.ends_at = endsAt;
    this.changed.push({ field: 'dates', from, to });
  }
}

/** New details: every field the form gives, the dates read in the given time zone. */
function editDetails(
  edit: MeetingEdit,
  change: Extract<MeetingChangeInput, { action: 'update' }>,
): void {
  const { meeting } = edit;
  const [startsAt, endsAt] = instantsOf(change.startsAt, change.endsAt, change.timeZone);
  checkPlace(change);
  edit.set('title', 'title', meeting.title, change.title);
  edit.set('session', 'session_label', meeting.session, change.session);
  edit.set('kind', 'kind', meeting.kind, change.kind);
  edit.set('format', 'format', meeting.format, change.format);
  edit.set('place', 'place', meeting.place, change.place);
  edit.setDates(startsAt, endsAt);
  edit.set('timeZone', 'time_zone', meeting.timeZone, change.timeZone);
  edit.set('webcast', 'webcast_url', meeting.webcastUrl, change.webcastUrl);
  if (edit.values.starts_at && meeting.datesPending) edit.values.dates_pending = 0;
}

/** A postponement: to later dates, or to dates not known yet. */
function editPostponement(
  edit: MeetingEdit,
  change: Extract<MeetingChangeInput, { action: 'postpone' }>,
): void {
  const { meeting } = edit;
  if (Boolean(change.startsAt) !== Boolean(change.endsAt)) {
    throw new PlenumError(
      'INVALID_REQUEST',
      'startsAt, endsAt: give both new dates, or neither when they are not known yet.',
    );
  }
  edit.setStatus('postponed');
  if (change.startsAt && change.endsAt) {
    const [startsAt, endsAt] = instantsOf(change.startsAt, change.endsAt, meeting.timeZone);
    if (startsAt <= meeting.startsAt) {
      throw new PlenumError(
        'INVALID_REQUEST',
        'startsAt: a postponed meeting starts later than it was to start.',
      );
    }
    edit.setDates(startsAt, endsAt);
    if (meeting.datesPending) edit.values.dates_pending = 0;
  } else if (!meeting.datesPending) {
    edit.values.dates_pending = 1;
    // The dates stay as they were (a calendar needs some), but they are no longer confirmed.
    if (edit.changed.length === 0) {
      edit.changed.push({ field: 'dates', from: 'confirmed', to: 'pending' });
    }
  }
}

const changeActions: Record<MeetingChangeInput['action'], string> = {
  update: 'meeting.changed',
  cancel: 'meeting.cancelled',
  postpone: 'meeting.postponed',
  move_online: 'meeting.moved_online',
};

/** Writes the change if no one changed the meeting meanwhile (else MEETING_CHANGED), its history and its event. */
async function storeMeetingChange(options: {
  db: Db;
  actor: string;
  meeting: Meeting;
  change: MeetingChangeInput;
  edit: MeetingEdit;
  now: Date;
}): Promise<void> {
  const { db, actor, meeting, change, edit, now } = options;
  const at = now.toISOString();
  if (
    !(await updateMeeting(db, meeting.id, meeting.sequence, { ...edit.values, updated_at: at }))
  ) {
    throw new PlenumError('MEETING_CHANGED');
  }
  const sequence = meeting.sequence + 1;
  const reason = change.reason ? change.reason : null;
  await insertChanges(
    db,
    edit.changed.map((c) => ({
      id: newId(),
      meeting_id: meeting.id,
      sequence,
      field: c.field,
      from_value: c.from,
      to_value: c.to,
      reason,
      changed_by: actor,
      changed_at: at,
    })),
  );
  await recordEvent(
    db,
    {
      actor,
      action: changeActions[change.action],
      subjectType: 'meeting',
      subjectId: meeting.id,
      data: { processId: meeting.processId, sequence, reason, changes: edit.changed },
    },
    now,
  );
}

/** One entry of a process timeline. */
export type TimelineEntry = { at: string; dateOnly: boolean } & (
  | { type: 'meeting'; meeting: Meeting }
  | {
      type: 'document' | 'version';
      documentId: string;
      versionId: string;
      title: string;
      symbol: string | null;
      label: string;
      seq: number;
    }
  | { type: 'period'; id: string; title: string; closesAt: string; timeZone: string }
);

/**
 * Meetings, documents (their first version), later versions and comment periods of a process
 * in date order, with only the versions and periods the viewer may read.
 */
export async function getTimeline(
  db: Db,
  viewer: Viewer | null,
  process: Process,
  now: Date,
): Promise<TimelineEntry[]> {
  const [meetings, { documents }, periods, arrivals] = await Promise.all([
    listMeetingsOfProcess(db, process.id),
    getProcessWithDocuments(db, process.id, viewer),
    getPeriodsOfProcess(db, viewer, process.id, now),
    listVersionArrivals(db, process.id),
  ]);
  const entries: TimelineEntry[] = meetings.map((meeting) => ({
    at: meeting.startsAt,
    dateOnly: false,
    type: 'meeting',
    meeting,
  }));
  for (const document of documents) {
    for (const version of document.versions) {
      const at = version.date
        ? `${version.date}T00:00:00.000Z`
        : (arrivals.get(version.id) ?? now.toISOString());
      entries.push({
        at,
        dateOnly: version.date !== null,
        type: version === document.versions[0] ? 'document' : 'version',
        documentId: document.id,
        versionId: version.id,
        title: document.title,
        symbol: document.symbol,
        label: version.label,
        seq: version.seq,
      });
    }
  }
  for (const period of periods) {
    entries.push({
      at: period.opensAt,
      dateOnly: false,
      type: 'period',
      id: period.id,
      title: period.title,
      closesAt: period.closesAt,
      timeZone: period.timeZone,
    });
  }
  // ISO instants in UTC sort as strings; ties keep the order documents, periods, meetings.
  return entries.toSorted((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** True when the viewer follows the process. */
export async function followsProcess(
  db: Db,
  viewer: Viewer | null,
  processId: string,
): Promise<boolean> {
  return viewer ? isFollowing(db, viewer.id, processId) : false;
}

/** Follows or stops following a process: its meetings then appear in the viewer's calendar. */
export async function setFollow(
  db: Db,
  viewer: Viewer | null,
  processId: string,
  follow: boolean,
  now: Date,
): Promise<void> {
  checkHasCalendar(viewer);
  const done = follow
    ? await insertFollow(db, viewer.id, processId, now.toISOString())
    : await deleteFollow(db, viewer.id, processId);
  if (done) {
    await recordEvent(
      db,
      {
        actor: viewer.id,
        action: follow ? 'process.followed' : 'process.unfollowed',
        subjectType: 'process',
        subjectId: processId,
      },
      now,
    );
  }
}

/** Makes a new secret calendar address for the viewer (the old one stops working); returns the secret, shown once. */
export async function renewCalendarAddress(
  db: Db,
  viewer: Viewer | null,
  now: Date,
): Promise<string> {
  checkHasCalendar(viewer);
  const secret = randomBytes(24).toString('base64url');
  await replaceCalendarAddress(db, viewer.id, secretHash(secret), now.toISOString());
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: 'calendar.renewed',
      subjectType: 'account',
      subjectId: viewer.id,
    },
    now,
  );
  return secret;
}

/** The meetings of every process the owner of a calendar secret follows, with those processes; NOT_FOUND for an unknown secret. */
export async function getFollowedCalendar(
  db: Db,
  secret: string,
): Promise<{ meetings: Meeting[]; processes: Map<string, Process> }> {
  const accountId = /^[A-Za-z0-9_-]{20,64}$/.test(secret)
    ? await findCalendarAccount(db, secretHash(secret))
    : undefined;
  if (!accountId)
    throw new PlenumError(
      'NOT_FOUND',
      'This calendar address is unknown or was replaced by a new one.',
    );
  const meetings = await listMeetingsFollowedBy(db, accountId);
  const processes = new Map<string, Process>();
  for (const id of new Set(meetings.map((m) => m.processId))) {
    const process = await findProcessById(db, id);
    if (process) processes.set(id, process);
  }
  return { meetings, processes };
}
