/**
 * Stances: an analyst records, from a paragraph or a published submission, that an actor supports,
 * opposes, conditionally supports or is neutral on a concept, quoting the words that show it. The
 * quote is always the exact text of its source, found there and anchored with W3C selectors.
 */
import type { Viewer } from '../accounts/accounts.schema.ts';
import { keyPageOf, type KeyPage } from '../api/cursor.ts';
import { conceptIdsBelow, lookupConcept } from '../concepts/concepts.service.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { PlenumError } from '../errors.ts';
import { recordEvent } from '../events/events.store.ts';
import { findCountry } from '../organisations/countries.ts';
import { lookupOrganisation } from '../organisations/organisations.service.ts';
import { quoteSelector } from '../revisions/reanchor.ts';
import { zodError } from '../validation.ts';
import { checkCanRecordStances, checkCanRemoveStance } from './stances.policy.ts';
import { newStanceSchema, type Stance } from './stances.schema.ts';
import {
  deleteStance,
  findStanceOwner,
  findStanceSource,
  insertStance,
  countStancesByState,
  listStances,
  type StanceSource,
} from './stances.store.ts';

/**
 * Where the quoted words are in the passage: at `start` when they are there, else their first
 * occurrence, comparing runs of white space as one (a quote pasted from a PDF keeps its breaks).
 */
export function locateQuote(
  text: string,
  exact: string,
  start?: number,
): { start: number; end: number } | undefined {
  if (start !== undefined && text.slice(start, start + exact.length) === exact)
    return { start, end: start + exact.length };
  const at = text.indexOf(exact);
  if (at >= 0) return { start: at, end: at + exact.length };
  const words = exact.split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const pattern = new RegExp(
    words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'),
    'u',
  );
  const found = pattern.exec(text);
  return found ? { start: found.index, end: found.index + found[0].length } : undefined;
}

/** A passage stances may quote: findable, and public (stances are read by everyone). */
export async function getStanceSource(db: Db, sourceId: string): Promise<StanceSource> {
  const source = await findStanceSource(db, sourceId);
  if (!source || !source.public) throw new PlenumError('STANCE_SOURCE_NOT_FOUND');
  return source;
}

/** Records a stance (any signed-in account: the recorder is shown beside it). */
export async function recordStance(
  db: Db,
  viewer: Viewer | null,
  input: unknown,
  now = new Date(),
): Promise<Stance> {
  checkCanRecordStances(viewer);
  const parsed = newStanceSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const form = parsed.data;
  const today = now.toISOString().slice(0, 10);
  if (form.saidOn && form.saidOn > today)
    throw new PlenumError(
      'INVALID_REQUEST',
      `saidOn: a stance cannot be dated in the future (today is ${today}).`,
    );
  const source = await getStanceSource(db, form.source);
  const concept = await lookupConcept(db, form.concept);
  if (!concept) throw new PlenumError('CONCEPT_NOT_FOUND');

  // The actor: the organisation or state named, else the submission's own organisation.
  let organisationId: string | null = null;
  let country: string | null = null;
  let group: string;
  if (form.organisation) {
    const organisation = await lookupOrganisation(db, form.organisation);
    if (!organisation) throw new PlenumError('ORGANISATION_NOT_FOUND');
    organisationId = organisation.id;
    group = organisation.stakeholderGroup;
  } else if (form.country) {
    if (!findCountry(form.country))
      throw new PlenumError(
        'INVALID_REQUEST',
        `${form.country} is not the ISO 3166-1 alpha-3 code of a UN member or observer state.`,
      );
    country = form.country;
    group = 'government';
  } else if (source.kind === 'submission' && source.organisationId) {
    const organisation = await lookupOrganisation(db, source.organisationId);
    organisationId = source.organisationId;
    group = organisation?.stakeholderGroup ?? 'civil_society';
  } else {
    throw new PlenumError(
      'INVALID_REQUEST',
      'Name the actor whose stance this is: an organisation or a state.',
    );
  }

  const place = locateQuote(source.text, form.exact, form.start);
  if (!place)
    throw new PlenumError(
      'ANCHOR_INVALID',
      `The quoted words are not in the passage: "${form.exact.slice(0, 80)}".`,
    );
  const selector = quoteSelector(source.text, place.start, place.end);
  const saidOn = form.saidOn ?? source.date;
  // The same actor, concept, stance, quote and date again is the same stance: refused, not doubled.
  const same = (await listStances(db, { sourceId: source.id })).find(
    (s) =>
      s.conceptId === concept.id &&
      s.stance === form.stance &&
      s.actor.organisationId === organisationId &&
      s.actor.country === country &&
      s.start === selector.start &&
      s.end === selector.end &&
      s.saidOn.slice(0, 10) === saidOn.slice(0, 10),
  );
  if (same)
    throw new PlenumError(
      'INVALID_REQUEST',
      `This stance is already recorded (the same actor, concept, stance, quoted words and date, recorded on ${same.recordedAt.slice(0, 10)}): nothing was stored.`,
    );
  const id = newId();
  await insertStance(db, {
    id,
    concept_id: concept.id,
    stance: form.stance,
    organisation_id: organisationId,
    country,
    stakeholder_group: group,
    source_kind: source.kind,
    source_id: source.id,
    process_id: source.processId,
    exact: selector.exact,
    prefix: selector.prefix,
    suffix: selector.suffix,
    start: selector.start,
    end: selector.end,
    said_on: saidOn,
    note: form.note ?? null,
    recorded_by: viewer.id,
    recorded_at: now.toISOString(),
  });
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: 'stance.recorded',
      subjectType: 'stance',
      subjectId: id,
      data: { concept: concept.slug, stance: form.stance, source: source.id },
    },
    now,
  );
  const [stance] = await listStances(db, { sourceId: source.id }).then((all) =>
    all.filter((s) => s.id === id),
  );
  return stance!;
}

/** Removes a stance (its recorder or an administrator); returns the concept it was on. */
export async function removeStance(
  db: Db,
  viewer: Viewer | null,
  id: string,
  now = new Date(),
): Promise<string> {
  checkCanRecordStances(viewer);
  const owner = /^[0-9a-f-]{36}$/i.test(id) ? await findStanceOwner(db, id) : undefined;
  if (!owner) throw new PlenumError('NOT_FOUND', 'There is no stance with this id.');
  checkCanRemoveStance(viewer, owner);
  await deleteStance(db, id);
  await recordEvent(
    db,
    { actor: viewer.id, action: 'stance.removed', subjectType: 'stance', subjectId: id, data: {} },
    now,
  );
  return owner.conceptSlug;
}

/** The stances on a concept and every narrower one, oldest first. */
export async function getStancesOnConcept(db: Db, conceptId: string): Promise<Stance[]> {
  return listStances(db, { conceptIds: await conceptIdsBelow(db, [conceptId]) });
}

/**
 * The stances recorded for a state (by its code, or by its verified government's
 * organisations), oldest first; at most `limit` when given.
 */
export async function getStancesOfCountry(db: Db, iso3: string, limit?: number): Promise<Stance[]> {
  return listStances(db, { country: iso3.toUpperCase() }, limit);
}

/**
 * A page of the stances recorded for a State, oldest first (by the day said, then id): those
 * after the key `after` of the previous page, at most `limit`.
 */
export async function getStancesOfCountryPage(
  db: Db,
  iso3: string,
  page: { after: readonly [string, string] | undefined; limit: number },
): Promise<KeyPage<Stance>> {
  const read = await listStances(db, { country: iso3.toUpperCase() }, page.limit + 1, page.after);
  return keyPageOf(read, page.limit, (s) => [s.saidOn, s.id]);
}

/** Stances recorded per State and process (of one State, if given), counted as `getStancesOfCountry` lists them. */
export async function countStancesOfStates(
  db: Db,
  country?: string,
): Promise<{ country: string; processId: string; n: number }[]> {
  return countStancesByState(db, country);
}

/** The stances quoted from one passage. */
export async function getStancesFromSource(db: Db, sourceId: string): Promise<Stance[]> {
  return listStances(db, { sourceId });
}
