/**
 * Questionnaire rounds: a process's secretariat opens a round (questions in the six languages,
 * the administrations invited, an opening and closing instant in a named time zone); a verified
 * representative of an invited State's verified government answers in any language, saves a
 * draft and submits (a receipt back; after the close, refused like a late submission); the
 * secretariat publishes the round after its close, and the measures declared in submitted
 * answers become registry entries, the State's own word.
 */
import { createHash } from 'node:crypto';
import { csvRecords } from '../exchange/csv-records.ts';
import { z } from 'zod';
import { requireRole, requireVerified, type Viewer } from '../accounts/accounts.schema.ts';
import { isTimeZone, zonedTimeToUtc } from '../consultations/time-zones.ts';
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { checkCanImport } from '../imports/imports.policy.ts';
import { createImportDraft } from '../imports/import-drafts.service.ts';
import { newId } from '../db/ids.ts';
import { fieldProblemsOf, onField, PlenumError } from '../errors.ts';
import { recordEvent } from '../events/events.store.ts';
import { findCountry } from '../organisations/countries.ts';
import { lookupState } from '../organisations/fictional-states.service.ts';
import {
  isVerifiedRepresentative,
  lookupOrganisation,
} from '../organisations/organisations.service.ts';
import { lookupProcess } from '../processes/processes.service.ts';
import { languageTagSchema } from '../documents/documents.schema.ts';
import { zodError } from '../validation.ts';
import { registryLanguages } from './registry.data.ts';
import type { Measure } from './registry.schema.ts';
import { checkAnsweredMeasure, recordAnsweredMeasure } from './registry.service.ts';
import {
  attachmentMaxBytes,
  attachmentMaxCount,
  checkAttachment,
  legalTextKinds,
  type CheckedAttachment,
} from '../submissions/attachments.ts';
import { canReadAnswerFile } from './registry.policy.ts';
import {
  deleteAnswerFiles,
  findAnswerFile,
  findMeasureAnswer,
  insertAnswerFiles,
  listAnswerFiles,
  type AnswerFileRow,
  findAnswer,
  findRound,
  grantExtension,
  insertReminders,
  insertRound,
  lastReminders,
  listAnswers,
  listExtensions,
  markPublished,
  upsertAnswer,
  upsertExtensionRequest,
} from './rounds.store.ts';
import type {
  RegistryAnswerFileTable,
  RegistryAnswerTable,
  RegistryRoundTable,
} from './registry.table.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const wallClock = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a wall-clock time as YYYY-MM-DDTHH:MM');

/** A question: free text or a choice, its text in one or more of the six languages. */
export const questionSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and hyphens'),
  kind: z.enum(['text', 'choice']).default('text'),
  texts: z
    .partialRecord(z.enum(registryLanguages), z.string().trim().min(1).max(2000))
    .refine((t) => Object.keys(t).length > 0, 'give the question in at least one language'),
  choices: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
});

/** A new round as the secretariat gives it. */
export const newRoundSchema = z.object({
  title: z.string().trim().min(1, 'required').max(300),
  questions: z.array(questionSchema).min(1, 'ask at least one question').max(100),
  invited: z
    .array(z.string().regex(/^[A-Za-z]{3}$/, 'ISO 3166-1 alpha-3 codes'))
    .min(1, 'invite at least one administration')
    .max(193),
  opensAt: wallClock,
  closesAt: wallClock,
  timeZone: z.string().trim().refine(isTimeZone, 'an IANA time zone name, e.g. Europe/Zurich'),
});

/** The largest answer sent through the API: its files in base64 (a third more) and the rest. */
export const apiAnswerBodyLimit =
  Math.ceil((attachmentMaxCount * attachmentMaxBytes) / 3) * 4 + 2 * 1024 * 1024;

/** An answer as an administration saves or submits it. */
export const answerSchema = z.object({
  organisationId: z.string().max(80),
  language: languageTagSchema,
  answers: z.record(z.string().max(40), z.string().max(20000)).default({}),
  measures: z.array(z.unknown()).max(200).default([]),
  files: z
    .array(
      z.object({
        name: z.string().min(1).max(500).describe('The file name, as shown to readers'),
        content: z
          .string()
          .min(1, 'The file is empty.')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Send the file’s bytes in base64 (RFC 4648, section 4).')
          .describe(
            `The file's bytes in base64; at most ${attachmentMaxBytes / 1048576} MB decoded; PDF, DOCX, ODT, plain text (UTF-8) or HTML, told by the bytes`,
          ),
      }),
    )
    .max(attachmentMaxCount)
    .default([])
    .describe(
      `Legal texts to attach (added to those already attached; ${attachmentMaxCount} at most on an answer)`,
    ),
  removeFiles: z
    .array(z.string().max(80))
    .max(attachmentMaxCount)
    .default([])
    .describe('Ids of files attached earlier to remove from the draft'),
  submit: z.boolean().default(false),
});

/** A legal text attached to an answer, as the service gives it (without its bytes). */
export interface AnswerFile {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  attachedAt: string;
  /** Where it is downloaded. */
  href: string;
}

/** A round as the service gives it. */
export interface Round {
  id: string;
  processId: string;
  title: string;
  questions: z.output<typeof questionSchema>[];
  /** The languages the questionnaire has: those every question is written in. */
  languages: string[];
  invited: string[];
  opensAt: string;
  closesAt: string;
  timeZone: string;
  publishedAt: string | null;
  state: 'upcoming' | 'open' | 'closed' | 'published';
}

/** An answer as the service gives it. */
export interface Answer {
  id: string;
  roundId: string;
  country: string;
  organisationId: string;
  language: string;
  /** True when the answer is in a language the questionnaire does not have (accepted, marked). */
  languageMarked: boolean;
  answers: Record<string, string>;
  measures: unknown[];
  status: 'draft' | 'submitted';
  submittedAt: string | null;
  /** The receipt: SHA-256 of the submitted answer as canonical JSON. */
  receipt: string | null;
  /** The legal texts attached, oldest first. */
  files: AnswerFile[];
}

function toRound(r: RegistryRoundTable, now: Date): Round {
  const questions = JSON.parse(r.questions) as Round['questions'];
  const languages = registryLanguages.filter((l) => questions.every((q) => q.texts[l]));
  const t = now.toISOString();
  return {
    id: r.id,
    processId: r.process_id,
    title: r.title,
    questions,
    languages,
    invited: JSON.parse(r.invited) as string[],
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    timeZone: r.time_zone,
    publishedAt: r.published_at,
    state: r.published_at
      ? 'published'
      : t < r.opens_at
        ? 'upcoming'
        : t < r.closes_at
          ? 'open'
          : 'closed',
  };
}

function toAnswerFile(f: AnswerFileRow): AnswerFile {
  return {
    id: f.id,
    filename: f.filename,
    mediaType: f.media_type,
    size: f.size,
    sha256: f.sha256,
    attachedAt: f.attached_at,
    href: `/registry/answer-files/${f.id}`,
  };
}

function toAnswer(r: RegistryAnswerTable, files: AnswerFileRow[]): Answer {
  return {
    id: r.id,
    roundId: r.round_id,
    country: r.country,
    organisationId: r.organisation_id,
    language: r.language,
    languageMarked: r.language_marked === 1,
    answers: JSON.parse(r.answers) as Record<string, string>,
    measures: JSON.parse(r.measures) as unknown[],
    status: r.status as Answer['status'],
    submittedAt: r.submitted_at,
    receipt: r.receipt,
    files: files.filter((f) => f.answer_id === r.id).map(toAnswerFile),
  };
}

/**
 * Checks the legal texts sent with an answer, as submissions' attachments are checked (the size,
 * the kind told by the bytes, archives read within limits in a worker thread), but for the kinds
 * a legal text may be: PDF, DOCX, ODT, plain text or HTML. Refusals name the field `files`.
 * Call it before the transaction that saves the answer: a check may take a while.
 */
export async function checkAnswerFiles(
  sent: { name: string; bytes: Buffer }[],
): Promise<CheckedAttachment[]> {
  if (sent.length > attachmentMaxCount)
    throw new PlenumError(
      'INVALID_REQUEST',
      `files: ${sent.length} files sent, and an answer carries ${attachmentMaxCount} legal texts at most.`,
    );
  const checked: CheckedAttachment[] = [];
  for (const file of sent) {
    try {
      checked.push(await checkAttachment(file.name, file.bytes, legalTextKinds));
    } catch (error) {
      if (!(error instanceof PlenumError)) throw error;
      const named =
        error.code === 'ATTACHMENT_TYPE' ? new PlenumError('LEGAL_TEXT_TYPE', error.detail) : error;
      throw onField(named, 'files', { always: true });
    }
  }
  return checked;
}

/** Opens a round on a process (its secretariat only). */
export async function openRound(
  db: Db,
  viewer: Viewer | null,
  processRef: string,
  input: unknown,
  now: Date,
): Promise<Round> {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  const process = await lookupProcess(db, processRef);
  if (!process) throw new PlenumError('PROCESS_NOT_FOUND');
  const processId = process.id;
  requireRole(viewer, 'secretariat', processId, 'Only the process’s secretariat opens a round.');
  const parsed = newRoundSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const form = parsed.data;
  const invited = [...new Set(form.invited.map((c) => c.toUpperCase()))];
  for (const c of invited)
    if (!(await lookupState(db, c)))
      throw new PlenumError(
        'INVALID_REQUEST',
        `invited: "${c}" is not a UN member State (nor a State marked fictional).`,
      );
  const keys = form.questions.map((q) => q.key);
  if (new Set(keys).size !== keys.length)
    throw new PlenumError('INVALID_REQUEST', 'questions: two questions have the same key.');
  const opens = zonedTimeToUtc(form.opensAt, form.timeZone);
  const closes = zonedTimeToUtc(form.closesAt, form.timeZone);
  if (!opens) throw new PlenumError('INVALID_REQUEST', 'opensAt: not a real date and time.');
  if (!closes) throw new PlenumError('INVALID_REQUEST', 'closesAt: not a real date and time.');
  if (closes <= opens)
    throw new PlenumError('INVALID_REQUEST', 'closesAt: the round must close after it opens.');
  if (closes <= now)
    throw new PlenumError('INVALID_REQUEST', 'closesAt: the closing time has already passed.');
  const id = newId();
  const row: RegistryRoundTable = {
    id,
    process_id: processId,
    title: form.title,
    questions: JSON.stringify(form.questions),
    invited: JSON.stringify(invited),
    opens_at: opens.toISOString(),
    closes_at: closes.toISOString(),
    time_zone: form.timeZone,
    published_at: null,
    created_by: viewer.id,
    created_at: now.toISOString(),
  };
  await insertRound(db, row);
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: 'registry.round_opened',
      subjectType: 'registry_round',
      subjectId: id,
      data: { processId, invited, opensAt: row.opens_at, closesAt: row.closes_at },
    },
    now,
  );
  return toRound(row, now);
}

/** A round by id, its state read at `now`. */
export async function getRound(db: Db, id: string, now: Date): Promise<Round> {
  const row = uuid.test(id) ? await findRound(db, id.toLowerCase()) : undefined;
  if (!row) throw new PlenumError('ROUND_NOT_FOUND');
  return toRound(row, now);
}

/**
 * Saves an administration's answer, as a draft or submitted (then a receipt), with the legal
 * texts checked by {@link checkAnswerFiles} added and those named in `removeFiles` removed. Only
 * a verified representative of the verified government of an invited State answers; before the
 * opening and after the closing nothing is stored; a submitted answer is final.
 */
export async function saveAnswer(
  db: Db,
  viewer: Viewer | null,
  roundId: string,
  input: unknown,
  now: Date,
  files: CheckedAttachment[] = [],
): Promise<Answer> {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  requireVerified(viewer);
  const round = await getRound(db, roundId, now);
  if (round.state === 'upcoming') throw new PlenumError('ROUND_NOT_OPEN_YET');
  const extended = await extendedClosings(db, round);
  // Closed for all but those the secretariat gave more time: they are checked once known.
  if (round.state === 'published' || (round.state === 'closed' && !anyStillOpen(extended, now)))
    throw new PlenumError('ROUND_CLOSED');
  const parsed = answerSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const form = parsed.data;
  const { country, organisationId } = await answeringCountry(
    db,
    viewer,
    round,
    form.organisationId,
  );
  if (now.toISOString() >= closingFor(round, extended, country))
    throw new PlenumError('ROUND_CLOSED');
  for (const key of Object.keys(form.answers))
    if (!round.questions.some((q) => q.key === key))
      throw new PlenumError(
        'INVALID_REQUEST',
        `answers.${key}: the questionnaire has no such question.`,
      );
  for (const q of round.questions) {
    const a = form.answers[q.key];
    if (q.kind === 'choice' && a !== undefined && a !== '' && !q.choices.includes(a))
      throw new PlenumError('INVALID_REQUEST', `answers.${q.key}: choose one of the choices.`);
  }
  const measures = [];
  for (const [i, m] of form.measures.entries()) {
    try {
      measures.push(await checkAnsweredMeasure(db, viewer, m, { country, organisationId }, now));
    } catch (error) {
      if (error instanceof PlenumError && error.code === 'INVALID_REQUEST')
        throw renameFields(error, (field) => `measures.${i}${field ? `.${field}` : ''}`);
      throw error;
    }
  }
  const existing = await findAnswer(db, round.id, country);
  if (existing?.status === 'submitted') throw new PlenumError('ANSWER_SUBMITTED');
  const attached = existing ? await listAnswerFiles(db, [existing.id]) : [];
  const removed = [...new Set(form.removeFiles.map((id) => id.toLowerCase()))];
  for (const id of removed)
    if (!attached.some((f) => f.id === id))
      throw new PlenumError('INVALID_REQUEST', `removeFiles: the answer has no file ${id}.`);
  const kept = attached.filter((f) => !removed.includes(f.id));
  if (kept.length + files.length > attachmentMaxCount)
    throw new PlenumError(
      'INVALID_REQUEST',
      `files: the answer would carry ${kept.length + files.length} legal texts, ${attachmentMaxCount} at most (remove one first).`,
    );
  const answerId = existing?.id ?? newId();
  const at = now.toISOString();
  const added: RegistryAnswerFileTable[] = files.map((f) => ({
    id: newId(),
    answer_id: answerId,
    filename: f.filename,
    media_type: f.mediaType,
    size: f.size,
    sha256: f.sha256,
    content: f.content,
    attached_at: at,
  }));
  const allFiles: AnswerFileRow[] = [...kept, ...added.map(({ content: _, ...f }) => f)];
  const primary = form.language.split('-')[0]!.toLowerCase();
  const body = {
    round: round.id,
    country,
    organisation: organisationId,
    language: form.language,
    answers: form.answers,
    measures: form.measures,
    // The files by their hashes: the receipt vouches for the legal texts too (absent when none).
    ...(allFiles.length
      ? { files: allFiles.map((f) => ({ filename: f.filename, sha256: f.sha256 })) }
      : {}),
  };
  const receipt = form.submit
    ? createHash('sha256')
        .update(JSON.stringify({ ...body, submittedAt: at }))
        .digest('hex')
    : null;
  const row: RegistryAnswerTable = {
    id: answerId,
    round_id: round.id,
    country,
    organisation_id: organisationId,
    account_id: viewer.id,
    language: form.language,
    language_marked: round.languages.includes(primary) ? 0 : 1,
    answers: JSON.stringify(form.answers),
    measures: JSON.stringify(form.measures),
    status: form.submit ? 'submitted' : 'draft',
    submitted_at: form.submit ? at : null,
    receipt,
    updated_at: at,
  };
  await upsertAnswer(db, row);
  await deleteAnswerFiles(db, answerId, removed);
  await insertAnswerFiles(db, added);
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: form.submit ? 'registry.answer_submitted' : 'registry.answer_saved',
      subjectType: 'registry_round',
      subjectId: round.id,
      data: {
        country,
        receipt,
        ...(added.length || removed.length
          ? { filesAdded: added.map((f) => f.id), filesRemoved: removed }
          : {}),
      },
    },
    now,
  );
  return toAnswer(row, allFiles);
}

/**
 * The same refusal with each field problem's field renamed (a declared measure's problems named
 * after the measure in the answer: `title` becomes `measures.2.title`).
 */
export function renameFields(error: PlenumError, rename: (field: string) => string): PlenumError {
  const fields = fieldProblemsOf(error).map((f) => ({ ...f, field: rename(f.field) }));
  return new PlenumError(
    error.code,
    fields.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join('; '),
    { fields },
  );
}

/** Who answered a round, who saved only a draft, and who did not answer (the secretariat's view). */
export async function getRoundStatus(
  db: Db,
  viewer: Viewer | null,
  roundId: string,
  now: Date,
): Promise<RoundStatus> {
  const round = await getRound(db, roundId, now);
  requireRole(
    viewer,
    'secretariat',
    round.processId,
    'Only the process’s secretariat follows a round.',
  );
  const [answers, extensions, reminders] = await Promise.all([
    listAnswers(db, round.id),
    listExtensions(db, round.id),
    lastReminders(db, round.id),
  ]);
  const submitted = answers.filter((a) => a.status === 'submitted').map((a) => a.country);
  const drafts = answers.filter((a) => a.status === 'draft').map((a) => a.country);
  const missing = round.invited.filter((c) => !submitted.includes(c) && !drafts.includes(c));
  return {
    round,
    submitted,
    drafts,
    missing,
    moreTime: extensions.map((e) => ({
      country: e.country,
      reason: e.reason,
      requestedAt: e.requested_at,
      grantedClosesAt: e.granted_closes_at,
    })),
    lastReminded: Object.fromEntries(reminders),
    receipts: Object.fromEntries(
      answers
        .filter((a) => a.receipt)
        .map((a) => [a.country, { receipt: a.receipt!, at: a.submitted_at! }]),
    ),
  };
}

/** Who answered a round, who has a draft, who did not, who asked for more time, who was reminded. */
export interface RoundStatus {
  round: Round;
  submitted: string[];
  drafts: string[];
  missing: string[];
  moreTime: {
    country: string;
    reason: string;
    requestedAt: string;
    grantedClosesAt: string | null;
  }[];
  /** The instant of the last reminder, by country. */
  lastReminded: Record<string, string>;
  receipts: Record<string, { receipt: string; at: string }>;
}

/** The closing instants the secretariat granted, by country. */
async function extendedClosings(db: Db, round: Round): Promise<Map<string, string>> {
  const rows = await listExtensions(db, round.id);
  return new Map(
    rows.flatMap((r) => (r.granted_closes_at ? [[r.country, r.granted_closes_at] as const] : [])),
  );
}

function anyStillOpen(extended: Map<string, string>, now: Date): boolean {
  const t = now.toISOString();
  return [...extended.values()].some((c) => t < c);
}

/** When the round closes for an administration: its granted closing, if later, else the round's. */
function closingFor(round: Round, extended: Map<string, string>, country: string): string {
  const granted = extended.get(country);
  return granted && granted > round.closesAt ? granted : round.closesAt;
}

/** The invited State an account answers for through an organisation (verified representative of its verified government). */
async function answeringCountry(
  db: Db,
  viewer: Viewer,
  round: Round,
  organisationId: string,
): Promise<{ country: string; organisationId: string }> {
  const organisation = await lookupOrganisation(db, organisationId);
  if (!organisation)
    throw new PlenumError('INVALID_REQUEST', 'organisationId: there is no such organisation.');
  const country = organisation.country ?? '';
  const speaks =
    viewer.grants.some((g) => g.role === 'representative' && g.scopeId === organisation.id) &&
    organisation.stakeholderGroup === 'government' &&
    organisation.verified &&
    (await isVerifiedRepresentative(db, organisation.id, viewer.id));
  if (!speaks)
    throw new PlenumError(
      'FORBIDDEN',
      "organisationId: only a verified representative of a State's verified government answers a round.",
    );
  if (!round.invited.includes(country))
    throw new PlenumError('FORBIDDEN', `organisationId: ${country} is not invited to this round.`);
  return { country, organisationId: organisation.id };
}

/** What an administration's representative sees of its own answer on the round page. */
export interface OwnAnswer {
  country: string;
  /** When the round closes for this administration (its granted closing, if later). */
  closesAt: string;
  /** True while the administration may still save or submit (opened, not closed for it). */
  open: boolean;
  answer: Answer | undefined;
}

/**
 * The answer (draft or submitted) of the State an account answers for through an organisation,
 * and when the round closes for it; refused as saveAnswer refuses a non-representative.
 */
export async function getOwnAnswer(
  db: Db,
  viewer: Viewer | null,
  roundId: string,
  organisationId: string,
  now: Date,
): Promise<OwnAnswer> {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  const round = await getRound(db, roundId, now);
  const { country } = await answeringCountry(db, viewer, round, organisationId);
  const closesAt = closingFor(round, await extendedClosings(db, round), country);
  const row = await findAnswer(db, round.id, country);
  return {
    country,
    closesAt,
    open: round.state !== 'upcoming' && round.state !== 'published' && now.toISOString() < closesAt,
    answer: row ? toAnswer(row, await listAnswerFiles(db, [row.id])) : undefined,
  };
}

/** A request for more time as an administration gives it. */
export const moreTimeSchema = z.object({
  organisationId: z.string().max(80),
  reason: z.string().trim().min(1, 'required').max(2000),
});

/**
 * An invited administration's representative asks for more time (before the round closes for
 * it, and before it has submitted); asking again replaces the reason.
 */
export async function requestMoreTime(
  db: Db,
  viewer: Viewer | null,
  roundId: string,
  input: unknown,
  now: Date,
): Promise<RoundStatus['moreTime'][number]> {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  requireVerified(viewer);
  const round = await getRound(db, roundId, now);
  if (round.state === 'published') throw new PlenumError('ROUND_CLOSED');
  const parsed = moreTimeSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const { country } = await answeringCountry(db, viewer, round, parsed.data.organisationId);
  const extended = await extendedClosings(db, round);
  if (now.toISOString() >= closingFor(round, extended, country))
    throw new PlenumError('ROUND_CLOSED');
  if ((await findAnswer(db, round.id, country))?.status === 'submitted')
    throw new PlenumError('ANSWER_SUBMITTED');
  const at = now.toISOString();
  await upsertExtensionRequest(db, {
    round_id: round.id,
    country,
    requested_by: viewer.id,
    requested_at: at,
    reason: parsed.data.reason,
  });
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: 'registry.more_time_requested',
      subjectType: 'registry_round',
      subjectId: round.id,
      data: { country },
    },
    now,
  );
  const granted = extended.get(country) ?? null;
  return { country, reason: parsed.data.reason, requestedAt: at, grantedClosesAt: granted };
}

/** The secretariat's grant: a new closing, a wall-clock time in the round's time zone. */
export const grantSchema = z.object({ closesAt: wallClock });

/**
 * The secretariat gives an administration that asked for more time a new closing instant (in
 * the round's time zone), later than the round's closing and than now.
 */
export async function grantMoreTime(
  db: Db,
  viewer: Viewer | null,
  roundId: string,
  countryCode: string,
  input: unknown,
  now: Date,
): Promise<{ country: string; closesAt: string }> {
  const round = await getRound(db, roundId, now);
  requireRole(
    viewer,
    'secretariat',
    round.processId,
    'Only the process’s secretariat gives more time.',
  );
  if (round.state === 'published')
    throw new PlenumError('INVALID_REQUEST', 'The round is already published.');
  const parsed = grantSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const closes = zonedTimeToUtc(parsed.data.closesAt, round.timeZone);
  if (!closes) throw new PlenumError('INVALID_REQUEST', 'closesAt: not a real date and time.');
  const at = closes.toISOString();
  if (at <= round.closesAt)
    throw new PlenumError('INVALID_REQUEST', 'closesAt: give a time after the round’s closing.');
  if (closes <= now)
    throw new PlenumError('INVALID_REQUEST', 'closesAt: the new closing time has already passed.');
  const country = countryCode.toUpperCase();
  if (
    !(await grantExtension(db, round.id, country, {
      closesAt: at,
      by: viewer.id,
      at: now.toISOString(),
    }))
  )
    throw new PlenumError('INVALID_REQUEST', `country: ${country} has not asked for more time.`);
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: 'registry.more_time_granted',
      subjectType: 'registry_round',
      subjectId: round.id,
      data: { country, closesAt: at },
    },
    now,
  );
  return { country, closesAt: at };
}

/**
 * Reminds by e-mail the invited administrations that have not submitted and can still answer:
 * notes each reminder and logs one event, from which the mail follower writes a message to each
 * verified representative of the State's verified government. Returns the States reminded.
 */
export async function remindRound(
  db: Db,
  viewer: Viewer | null,
  roundId: string,
  now: Date,
): Promise<{ countries: string[] }> {
  const round = await getRound(db, roundId, now);
  requireRole(
    viewer,
    'secretariat',
    round.processId,
    'Only the process’s secretariat sends reminders.',
  );
  if (round.state === 'upcoming' || round.state === 'published')
    throw new PlenumError('INVALID_REQUEST', 'Reminders go out while the round is open.');
  const [answers, extended] = await Promise.all([
    listAnswers(db, round.id),
    extendedClosings(db, round),
  ]);
  const submitted = new Set(answers.filter((a) => a.status === 'submitted').map((a) => a.country));
  const t = now.toISOString();
  const due = round.invited
    .filter((c) => !submitted.has(c) && t < closingFor(round, extended, c))
    .map((country) => ({ country, closesAt: closingFor(round, extended, country) }));
  if (due.length === 0)
    throw new PlenumError(
      'INVALID_REQUEST',
      'Every administration that can still answer has answered.',
    );
  await insertReminders(
    db,
    due.map((d) => ({
      id: newId(),
      round_id: round.id,
      country: d.country,
      sent_by: viewer.id,
      sent_at: t,
    })),
  );
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: 'registry.round_reminded',
      subjectType: 'registry_round',
      subjectId: round.id,
      data: { title: round.title, timeZone: round.timeZone, due },
    },
    now,
  );
  return { countries: due.map((d) => d.country) };
}

/**
 * The answers of a round as CSV (UTF-8 with a BOM, one row per answer, a column per question):
 * anyone's once the round is published (submitted answers only), the secretariat's before (with
 * drafts, marked by status).
 */
export async function roundAnswersCsv(
  db: Db,
  viewer: Viewer | null,
  roundId: string,
  now: Date,
): Promise<string> {
  const round = await getRound(db, roundId, now);
  if (round.state !== 'published')
    requireRole(
      viewer,
      'secretariat',
      round.processId,
      'The answers are public once the round is published.',
    );
  const answers = (await listAnswers(db, round.id)).filter(
    (a) => round.state !== 'published' || a.status === 'submitted',
  );
  const keys = round.questions.map((q) => q.key);
  const header = [
    'country',
    'm49',
    'organisation_id',
    'language',
    'language_not_in_questionnaire',
    'status',
    'submitted_at',
    'receipt_sha256',
    ...keys.map((k) => `answer_${k}`),
    'measures_json',
  ];
  const defuse = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
  const rows = answers.map((a) => {
    const given = JSON.parse(a.answers) as Record<string, string>;
    return [
      a.country,
      findCountry(a.country)?.m49 ?? '',
      a.organisation_id,
      a.language,
      a.language_marked === 1 ? 'yes' : 'no',
      a.status,
      a.submitted_at ?? '',
      a.receipt ?? '',
      ...keys.map((k) => given[k] ?? ''),
      a.measures,
    ].map(defuse);
  });
  return `\uFEFF${csvRecords([header, ...rows])}`;
}

/**
 * Publishes a closed round (its secretariat): every measure declared in a submitted answer
 * becomes a registry entry, the State's own word; drafts are not published.
 */
export async function publishRound(
  db: Db,
  viewer: Viewer | null,
  roundId: string,
  now: Date,
): Promise<{ round: Round; measures: Measure[] }> {
  const round = await getRound(db, roundId, now);
  requireRole(
    viewer,
    'secretariat',
    round.processId,
    'Only the process’s secretariat publishes a round.',
  );
  if (round.state === 'published')
    throw new PlenumError('INVALID_REQUEST', 'The round is already published.');
  if (round.state !== 'closed')
    throw new PlenumError('INVALID_REQUEST', 'The round is published after it closes.');
  if (!(await markPublished(db, round.id, now.toISOString())))
    throw new PlenumError('INVALID_REQUEST', 'The round is already published.');
  const measures: Measure[] = [];
  for (const a of await listAnswers(db, round.id)) {
    if (a.status !== 'submitted') continue;
    const answerer: Viewer = {
      id: a.account_id,
      email: '',
      name: '',
      isAdmin: false,
      via: 'session',
      grants: [{ role: 'representative', scopeId: a.organisation_id }],
    };
    for (const m of JSON.parse(a.measures) as unknown[])
      measures.push(
        await recordAnsweredMeasure(
          db,
          answerer,
          m,
          {
            country: a.country,
            organisationId: a.organisation_id,
            roundId: round.id,
            answerId: a.id,
          },
          now,
        ),
      );
  }
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: 'registry.round_published',
      subjectType: 'registry_round',
      subjectId: round.id,
      data: { measures: measures.length },
    },
    now,
  );
  return { round: { ...round, state: 'published', publishedAt: now.toISOString() }, measures };
}

/**
 * A legal text attached to an answer, with its bytes, for a reader who may read it
 * ({@link canReadAnswerFile}); anyone else is told there is no such file (ATTACHMENT_NOT_FOUND),
 * so a draft's files are not revealed.
 */
export async function getAnswerFile(
  db: Db,
  viewer: Viewer | null,
  id: string,
): Promise<{ filename: string; mediaType: string; content: Buffer }> {
  const row = uuid.test(id) ? await findAnswerFile(db, id.toLowerCase()) : undefined;
  if (
    !row ||
    !canReadAnswerFile(viewer, {
      answerStatus: row.answer_status,
      publishedAt: row.published_at,
      organisationId: row.organisation_id,
      processId: row.process_id,
    })
  )
    throw new PlenumError('ATTACHMENT_NOT_FOUND');
  return { filename: row.filename, mediaType: row.media_type, content: row.content };
}

/**
 * Imports a legal text attached to a submitted answer as a document of the round's process (the
 * round's secretariat): an import draft made from the file's bytes by the importer, as an upload
 * would be, which the secretariat corrects and publishes on the draft's page; once published, a
 * measure cites its articles or paragraphs as its source. A draft's files stay the answering
 * State's until it is submitted; a file the importer cannot read is refused with its reason and
 * nothing is written. Returns the draft's id.
 */
export async function importAnswerFile(
  db: Kysely<Database>,
  viewer: Viewer | null,
  id: string,
): Promise<string> {
  const row = uuid.test(id) ? await findAnswerFile(db, id.toLowerCase()) : undefined;
  if (!row || row.answer_status !== 'submitted') throw new PlenumError('ATTACHMENT_NOT_FOUND');
  checkCanImport(viewer, row.process_id);
  return createImportDraft(db, viewer, {
    process: row.process_id,
    bytes: new Uint8Array(row.content),
    fileName: row.filename,
    target: {},
  });
}

/** The published answers of a round (submitted ones, once the round is published), with their files. */
export async function listPublishedAnswers(db: Db, roundId: string, now: Date): Promise<Answer[]> {
  const round = await getRound(db, roundId, now);
  if (round.state !== 'published') return [];
  const rows = (await listAnswers(db, round.id)).filter((a) => a.status === 'submitted');
  const files = await listAnswerFiles(
    db,
    rows.map((a) => a.id),
  );
  return rows.map((a) => toAnswer(a, files));
}

/**
 * The legal texts behind a measure a round published: the files of the answer it was declared
 * in (none for a measure recorded directly), with the round they came with.
 */
export async function listMeasureFiles(
  db: Db,
  measureId: string,
): Promise<{ roundId: string; roundTitle: string; files: AnswerFile[] } | undefined> {
  const answer = uuid.test(measureId)
    ? await findMeasureAnswer(db, measureId.toLowerCase())
    : undefined;
  if (!answer || answer.published_at === null || answer.status !== 'submitted') return undefined;
  const files = await listAnswerFiles(db, [answer.id]);
  return {
    roundId: answer.round_id,
    roundTitle: answer.round_title,
    files: files.map(toAnswerFile),
  };
}
