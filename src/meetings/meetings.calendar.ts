/**
 * Meetings as iCalendar (RFC 5545), written by ical-generator (folding, escaping). SEQUENCE and
 * STATUS follow every change, so a calendar that subscribed updates its entry when a meeting is
 * postponed, moved online or cancelled.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import type { Process } from '../processes/processes.schema.ts';
import type { Meeting } from './meetings.schema.ts';

const kindNames = { formal: 'Formal meeting', informal: 'Informal meeting' } as const;
const formatNames = { in_person: 'In person', virtual: 'Virtual', hybrid: 'Hybrid' } as const;
const statusNotes = {
  scheduled: '',
  postponed: 'POSTPONED',
  moved_online: 'MOVED ONLINE',
  cancelled: 'CANCELLED',
} as const;

/** The iCalendar status of a meeting: cancelled, tentative while postponed without new dates, else confirmed. */
export function calendarStatus(meeting: Meeting): ICalEventStatus {
  if (meeting.status === 'cancelled') return ICalEventStatus.CANCELLED;
  if (meeting.datesPending) return ICalEventStatus.TENTATIVE;
  return ICalEventStatus.CONFIRMED;
}

/**
 * The stable UID of a meeting in every calendar plenum serves (a process feed and a personal one
 * alike). It does not name the host, so a site reached under two names gives one UID.
 */
export function meetingUid(meeting: Meeting): string {
  return `meeting-${meeting.id}@plenum`;
}

/**
 * A calendar of meetings. `base` is the site's origin (https://host) for the meeting links; the
 * calendar is in English, as its readers' applications show it to everyone who subscribes.
 */
export function meetingsCalendar(options: {
  name: string;
  base: string;
  meetings: Meeting[];
  processes: Map<string, Process>;
}): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'plenum', product: 'plenum', language: 'EN' },
  });
  for (const meeting of options.meetings) {
    const process = options.processes.get(meeting.processId);
    const processName = process ? (process.shortName ?? process.name) : '';
    const note = statusNotes[meeting.status];
    const summary = [
      note ? `${note}: ` : '',
      processName ? `${processName}: ` : '',
      meeting.session ? `${meeting.session}, ` : '',
      meeting.title,
    ].join('');
    const description = [
      `${kindNames[meeting.kind]}. ${formatNames[meeting.format]}.`,
      meeting.datesPending ? 'Postponed: the new dates are not known yet.' : '',
      meeting.webcastUrl ? `Webcast: ${meeting.webcastUrl}` : '',
      process ? `Process: ${process.name}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    const location =
      meeting.format === 'virtual' ? (meeting.webcastUrl ?? 'Online') : meeting.place;
    calendar.createEvent({
      id: meetingUid(meeting),
      start: new Date(meeting.startsAt),
      end: new Date(meeting.endsAt),
      stamp: new Date(meeting.updatedAt),
      created: new Date(meeting.createdAt),
      lastModified: new Date(meeting.updatedAt),
      summary,
      description,
      location,
      url: `${options.base}/meetings/${meeting.id}`,
      sequence: meeting.sequence,
      status: calendarStatus(meeting),
    });
  }
  return calendar.toString();
}
