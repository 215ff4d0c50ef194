/** Comment periods: a consultation on one version of a document, open between two instants. */
import { z } from 'zod';
import { isTimeZone } from './time-zones.ts';

/** The states of a comment period; "extended" is open after at least one extension. */
export const periodStates = ['scheduled', 'open', 'extended', 'closed'] as const;

/** One state of a comment period. */
export type PeriodState = (typeof periodStates)[number];

/** How submissions are published: at once, or after a moderator's review. */
export const moderationModes = ['immediate', 'review'] as const;

/**
 * Who may submit in a period: verified organisations only; any organisation (the default); or
 * individuals too, in their own name or anonymously as `individualNames` allows.
 */
export const submitterRules = ['verified_organisations', 'organisations', 'individuals'] as const;

/** One rule of who may submit. */
export type SubmitterRule = (typeof submitterRules)[number];

/**
 * Whether individuals' names are published: always ("published"); as each person chooses
 * ("optional": they may submit anonymously); never ("withheld": every individual is anonymous).
 * The name of an anonymous submitter is known to the secretariat and moderators only.
 */
export const individualNameRules = ['published', 'optional', 'withheld'] as const;

/** One rule of individuals' names. */
export type IndividualNameRule = (typeof individualNameRules)[number];

/** A comment period as the API and pages show it. */
export const commentPeriodSchema = z
  .object({
    id: z.string(),
    processId: z.string(),
    documentId: z.string(),
    versionId: z.string(),
    title: z.string(),
    description: z.string(),
    opensAt: z.string().describe('UTC instant, ISO 8601'),
    closesAt: z.string().describe('UTC instant, ISO 8601'),
    timeZone: z.string().describe('IANA time zone the period was announced in'),
    moderation: z.enum(moderationModes),
    submitters: z.enum(submitterRules).describe('Who may submit'),
    individualNames: z
      .enum(individualNameRules)
      .describe("Whether individuals' names are published (when individuals may submit)"),
    extensions: z.number().int(),
    state: z.enum(periodStates).describe("The state by the server's clock when this was read"),
  })
  .meta({ id: 'CommentPeriod' });

/** A comment period. */
export type CommentPeriod = z.infer<typeof commentPeriodSchema>;

const wallClock = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/, 'a date and time as YYYY-MM-DDTHH:MM');

/** The form a secretariat fills in to open a period (times as wall-clock in the zone). */
export const newPeriodSchema = z.object({
  versionId: z.uuid({ message: 'Choose a document version.' }),
  title: z.string().trim().min(3, 'Give the period a title.').max(300),
  // Browsers send CRLF line ends; paragraphs are split on blank lines.
  description: z
    .string()
    .default('')
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(5000)),
  opensAt: wallClock,
  closesAt: wallClock,
  timeZone: z
    .string()
    .trim()
    .refine(isTimeZone, 'Use an IANA time zone name, e.g. Europe/Zurich or UTC.'),
  moderation: z.enum(moderationModes).default('review'),
  submitters: z.enum(submitterRules).default('organisations'),
  individualNames: z.enum(individualNameRules).default('published'),
});

/** An extension: a new closing time (wall-clock in the period's zone) and the reason. */
export const extensionSchema = z.object({
  closesAt: wallClock,
  reason: z.string().trim().min(3, 'Say why the period is extended.').max(1000),
});

/** Closing a period before its time: the reason, told with the period's history. */
export const earlyCloseSchema = z.object({
  reason: z.string().trim().min(3, 'Say why the period closes early.').max(1000),
});

/** The state of a period at an instant. */
export function periodStateAt(
  period: { opensAt: string; closesAt: string; extensions: number },
  now: Date,
): PeriodState {
  const t = now.toISOString();
  if (t < period.opensAt) return 'scheduled';
  if (t >= period.closesAt) return 'closed';
  return period.extensions > 0 ? 'extended' : 'open';
}
