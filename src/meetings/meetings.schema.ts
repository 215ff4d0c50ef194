/** Meetings: the sessions and meetings of a process, their changes, and the forms that make them. */
import { z } from 'zod';
import { isTimeZone } from '../consultations/time-zones.ts';

/** Formal sessions and informal meetings (consultations, briefings). */
export const meetingKinds = ['formal', 'informal'] as const;

/** Where people meet. */
export const meetingFormats = ['in_person', 'virtual', 'hybrid'] as const;

/** What has become of a meeting since it was announced. */
export const meetingStatuses = ['scheduled', 'postponed', 'moved_online', 'cancelled'] as const;

/** One status of a meeting. */
export type MeetingStatus = (typeof meetingStatuses)[number];

/** The fields a change can touch, as the history names them, in the order it lists them. */
export const changedFields = [
  'status',
  'title',
  'session',
  'kind',
  'format',
  'place',
  'dates',
  'timeZone',
  'webcast',
] as const;

/** One field a change touched. */
export type ChangedField = (typeof changedFields)[number];

/** A meeting as the API and pages show it. */
export const meetingSchema = z
  .object({
    id: z.string(),
    processId: z.string(),
    title: z.string(),
    session: z.string().nullable().describe('Session label, e.g. "Third substantive session"'),
    kind: z.enum(meetingKinds),
    format: z.enum(meetingFormats),
    place: z.string().nullable().describe('City and venue; may be empty for a virtual meeting'),
    startsAt: z.string().describe('UTC instant, ISO 8601'),
    endsAt: z.string().describe('UTC instant, ISO 8601'),
    timeZone: z.string().describe('IANA time zone the meeting was announced in'),
    webcastUrl: z.string().nullable(),
    status: z.enum(meetingStatuses),
    datesPending: z
      .boolean()
      .describe('True while a postponed meeting has no new dates (startsAt is the old date)'),
    sequence: z.number().int().describe('iCalendar SEQUENCE: one more at every change'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Meeting' });

/** A meeting. */
export type Meeting = z.infer<typeof meetingSchema>;

/** One field of one change of a meeting. */
export const meetingChangeSchema = z
  .object({
    sequence: z.number().int().describe('The meeting sequence this change made'),
    field: z.enum(changedFields),
    from: z.string().nullable(),
    to: z.string().nullable(),
    reason: z.string().nullable(),
    by: z.string().describe('Name of the account that made the change'),
    at: z.string().describe('UTC instant, ISO 8601'),
  })
  .meta({ id: 'MeetingChange' });

/** A change of a meeting, one field at a time. */
export type MeetingChange = z.infer<typeof meetingChangeSchema>;

const wallClock = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/, 'a date and time as YYYY-MM-DDTHH:MM');

/** Empty form fields mean "none". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

/** A webcast address: http or https only, so no javascript: or data: link reaches a page. */
const webcastUrl = z
  .string()
  .trim()
  .max(2000)
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => {
    if (v === null) return true;
    try {
      const url = new URL(v);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Give the webcast address as an http:// or https:// link.');

const timeZone = z
  .string()
  .trim()
  .refine(isTimeZone, 'Use an IANA time zone name, e.g. Europe/Zurich or UTC.');

/** The details of a meeting as the secretariat's forms send them (times as wall clock in the zone). */
export const meetingDetailsSchema = z.object({
  title: z.string().trim().min(3, 'Give the meeting a title.').max(300),
  session: optionalText(200),
  kind: z.enum(meetingKinds, { message: 'Choose formal or informal.' }),
  format: z.enum(meetingFormats, { message: 'Choose in person, virtual or hybrid.' }),
  place: optionalText(300),
  startsAt: wallClock,
  endsAt: wallClock,
  timeZone,
  webcastUrl,
});

/** The details of a meeting, parsed. */
export type MeetingDetails = z.infer<typeof meetingDetailsSchema>;

const reason = z.string().trim().min(3, 'Say why.').max(1000);

/**
 * A change of a meeting: new details (with an optional reason), a postponement (to new dates or
 * to dates not yet known), a move online, or a cancellation.
 */
export const meetingChangeInputSchema = z.discriminatedUnion(
  'action',
  [
    meetingDetailsSchema.extend({
      action: z.literal('update'),
      reason: z.string().trim().max(1000).optional(),
    }),
    z.object({
      action: z.literal('postpone'),
      reason,
      startsAt: wallClock.optional().or(z.literal('').transform(() => undefined)),
      endsAt: wallClock.optional().or(z.literal('').transform(() => undefined)),
    }),
    z.object({ action: z.literal('move_online'), reason, webcastUrl }),
    z.object({ action: z.literal('cancel'), reason }),
  ],
  { message: 'action: choose update, postpone, move_online or cancel.' },
);

/** A change of a meeting, parsed. */
export type MeetingChangeInput = z.infer<typeof meetingChangeInputSchema>;
