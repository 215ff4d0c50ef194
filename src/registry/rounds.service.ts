/**
 * Questionnaire rounds: a process's secretariat opens a round (questions in the six languages,
 * the administrations invited, an opening and closing instant in a named time zone); a verified
 * representative of an invited State's verified government answers in any language, saves a
 * draft and submits (a receipt back; after the close, refused like a late submission); the
 * secretariat publishes the round after its close, and the measures declared in submitted
 * answers become registry entries, the State's own word.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { requireRole, requireVerified, type Viewer } from '../accounts/accounts.schema.ts';
import { isTimeZone, zonedTimeToUtc } from '../consultations/time-zones.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { PlenumError } from '../errors.ts';
import { recordEvent } from '../events/events.store.ts';
import { findCountry } from '../organisations/countries.ts';
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
  findAnswer,
  findRound,
  insertRound,
  listAnswers,
  markPublished,
  upsertAnswer,
} from './rounds.store.ts';
import type { RegistryAnswerTable, RegistryRoundTable } from './registry.table.ts';

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

/** An answer as an administration saves or submits it. */
export const answerSchema = z.object({
  organisationId: z.string().max(80),
  language: languageTagSchema,
  answers: z.record(z.string().max(40), z.string().max(20000)).default({}),
  measures: z.array(z.unknown()).max(200).default([]),
  submit: z.boolean().default(false),
});

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

function toAnswer(r: RegistryAnswerTable): Answer {
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
  };
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
  for (const c of invited) {
    const country = findCountry(c);
    if (!country || country.observer)
      throw new PlenumError('INVALID_REQUEST', `invited: "${c}" is not a UN member State.`);
  }
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
 * Saves an administration's answer, as a draft or submitted (then a receipt). Only a verified
 * representative of the verified government of an invited State answers; before the opening and
 * after the closing nothing is stored; a submitted answer is final.
 */
export async function saveAnswer(
  db: Db,
  viewer: Viewer | null,
  roundId: string,
  input: unknown,
  now: Date,
): Promise<Answer> {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  requireVerified(viewer);
  const round = await getRound(db, roundId, now);
  if (round.state === 'upcoming') throw new PlenumError('ROUND_NOT_OPEN_YET');
  if (round.state !== 'open') throw new PlenumError('ROUND_CLOSED');
  const parsed = answerSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const form = parsed.data;
  const organisation = await lookupOrganisation(db, form.organisationId);
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
      measures.push(
        await checkAnsweredMeasure(
          db,
          viewer,
          m,
          { country, organisationId: organisation.id },
          now,
        ),
      );
    } catch (error) {
      if (error instanceof PlenumError && error.code === 'INVALID_REQUEST')
        throw new PlenumError('INVALID_REQUEST', `measures.${i}.${error.detail ?? ''}`);
      throw error;
    }
  }
  const existing = await findAnswer(db, round.id, country);
  if (existing?.status === 'submitted') throw new PlenumError('ANSWER_SUBMITTED');
  const primary = form.language.split('-')[0]!.toLowerCase();
  const body = {
    round: round.id,
    country,
    organisation: organisation.id,
    language: form.language,
    answers: form.answers,
    measures: form.measures,
  };
  const at = now.toISOString();
  const receipt = form.submit
    ? createHash('sha256')
        .update(JSON.stringify({ ...body, submittedAt: at }))
        .digest('hex')
    : null;
  const row: RegistryAnswerTable = {
    id: existing?.id ?? newId(),
    round_id: round.id,
    country,
    organisation_id: organisation.id,
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
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: form.submit ? 'registry.answer_submitted' : 'registry.answer_saved',
      subjectType: 'registry_round',
      subjectId: round.id,
      data: { country, receipt },
    },
    now,
  );
  return toAnswer(row);
}

/** Who answered a round, who saved only a draft, and who did not answer (the secretariat's view). */
export async function getRoundStatus(
  db: Db,
  viewer: Viewer | null,
  roundId: string,
  now: Date,
): Promise<{ round: Round; submitted: string[]; drafts: string[]; missing: string[] }> {
  const round = await getRound(db, roundId, now);
  requireRole(
    viewer,
    'secretariat',
    round.processId,
    'Only the process’s secretariat follows a round.',
  );
  const answers = await listAnswers(db, round.id);
  const submitted = answers.filter((a) => a.status === 'submitted').map((a) => a.country);
  const drafts = answers.filter((a) => a.status === 'draft').map((a) => a.country);
  const missing = round.invited.filter((c) => !submitted.includes(c) && !drafts.includes(c));
  return { round, submitted, drafts, missing };
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
          { country: a.country, organisationId: a.organisation_id, roundId: round.id },
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
