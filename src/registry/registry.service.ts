/**
 * The registry of national regulatory practice: elements and kinds of measure (shipped defaults
 * under administrators' edits), national measures recorded and revised as versions, and the
 * registry read as it stood at any instant (a measure's history, a country's practice, the
 * comparison matrix and its fragmentation indicator).
 */
import type { Viewer } from '../accounts/accounts.schema.ts';
import { lookupConcept } from '../concepts/concepts.service.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { readableDocument } from '../documents/documents.policy.ts';
import { findDocumentById, listBlocksOf } from '../documents/documents.service.ts';
import { PlenumError } from '../errors.ts';
import { recordEvent } from '../events/events.store.ts';
import { countries, findCountry, type RegionalGroup } from '../organisations/countries.ts';
import { lookupState } from '../organisations/fictional-states.service.ts';
import {
  isVerifiedRepresentative,
  lookupOrganisation,
} from '../organisations/organisations.service.ts';
import { zodError } from '../validation.ts';
import {
  registryLanguages,
  shippedTerms,
  type RegistryLanguage,
  type TermText,
} from './registry.data.ts';
import {
  checkCanEditTerms,
  checkCanRecordMeasure,
  checkCanReviseMeasure,
  checkCanSpeakFor,
} from './registry.policy.ts';
import {
  measureFilterSchema,
  measureInputSchema,
  termInputSchema,
  type Measure,
  type MeasureFilter,
  type MeasureInput,
  type MeasureSource,
  type MeasureStatus,
  type RegistryTerm,
  type Voice,
} from './registry.schema.ts';
import {
  cellsWithKinds,
  countCells,
  findMeasureRow,
  insertMeasure,
  insertVersion,
  listStandingVersions,
  listStoredTerms,
  listVersions,
  upsertTerm,
} from './registry.store.ts';
import type { RegistryMeasureVersionTable } from './registry.table.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The elements and kinds of measure: the shipped ones under administrators' edits, then additions. */
export async function getTerms(db: Db): Promise<RegistryTerm[]> {
  const stored = new Map((await listStoredTerms(db)).map((r) => [r.slug, r]));
  const terms: RegistryTerm[] = shippedTerms.map((s, position) => {
    const edit = stored.get(s.slug);
    if (!edit) return { ...s, position, edited: false };
    return fromStored(edit, s.fragmenting);
  });
  for (const [slug, row] of stored)
    if (!shippedTerms.some((s) => s.slug === slug)) terms.push(fromStored(row, false));
  return terms.toSorted(
    (a, b) =>
      a.type.localeCompare(b.type) || a.position - b.position || a.slug.localeCompare(b.slug),
  );
}

function fromStored(
  row: { slug: string; type: string; position: number; concept_slug: string | null; texts: string },
  shippedFragmenting: boolean,
): RegistryTerm {
  const stored = JSON.parse(row.texts) as {
    texts: Record<RegistryLanguage, TermText>;
    fragmenting?: boolean;
  };
  return {
    slug: row.slug,
    type: row.type as RegistryTerm['type'],
    position: row.position,
    conceptSlug: row.concept_slug,
    fragmenting: stored.fragmenting ?? shippedFragmenting,
    texts: stored.texts,
    edited: true,
  };
}

/** A term's name and definition in a language (English when it has none there). */
export function termText(term: RegistryTerm, language: string): TermText {
  return term.texts[language as RegistryLanguage] ?? term.texts.en;
}

/**
 * Edits a shipped element or kind of measure, or adds one (administrators only): its names and
 * definitions in the six languages, its concept, whether it fragments.
 */
export async function saveTerm(
  db: Db,
  viewer: Viewer | null,
  slug: string,
  input: unknown,
  now: Date = new Date(),
): Promise<RegistryTerm> {
  checkCanEditTerms(viewer);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 60)
    throw new PlenumError('INVALID_REQUEST', 'slug: lower-case letters, digits and hyphens.');
  const parsed = termInputSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const form = parsed.data;
  const current = (await getTerms(db)).find((t) => t.slug === slug);
  if (current && current.type !== form.type)
    throw new PlenumError('INVALID_REQUEST', `type: "${slug}" is an ${current.type}.`);
  if (form.conceptSlug !== null && !(await lookupConcept(db, form.conceptSlug)))
    throw new PlenumError(
      'INVALID_REQUEST',
      `conceptSlug: there is no concept "${form.conceptSlug}".`,
    );
  const position = form.position ?? current?.position ?? 1000;
  await upsertTerm(db, {
    slug,
    type: form.type,
    position,
    concept_slug: form.conceptSlug,
    texts: JSON.stringify({ texts: form.texts, fragmenting: form.fragmenting }),
    updated_by: viewer.id,
    updated_at: now.toISOString(),
  });
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: current ? 'registry.term_edited' : 'registry.term_added',
      subjectType: 'registry_term',
      subjectId: slug,
      data: { type: form.type, conceptSlug: form.conceptSlug },
    },
    now,
  );
  return { slug, ...form, position, edited: true };
}

/**
 * Records a national measure, its first version. The viewer states it as the State's own word
 * (`asState`) only as a verified representative of that State's verified government; anyone
 * else reports it (for their organisation, if they name one they represent).
 */
export async function recordMeasure(
  db: Db,
  viewer: Viewer | null,
  input: unknown,
  now: Date = new Date(),
): Promise<Measure> {
  checkCanRecordMeasure(viewer);
  const form = await parseMeasure(db, input);
  const id = newId();
  const version = await prepareVersion(db, viewer, id, 1, form, now);
  await insertMeasure(
    db,
    {
      id,
      country: form.country,
      latest_version: 1,
      created_by: viewer.id,
      created_at: now.toISOString(),
      answer_id: null,
    },
    version,
  );
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: 'registry.measure_recorded',
      subjectType: 'registry_measure',
      subjectId: id,
      data: { country: form.country, version: 1, voice: version.voice, status: form.status },
    },
    now,
  );
  return (await listVersions(db, id)).at(-1)!;
}

/**
 * Revises a measure: a new version, the earlier ones kept and readable. The country stays;
 * `expectedVersion` (when given) refuses a revision of a version that is no longer the latest.
 */
export async function reviseMeasure(
  db: Db,
  viewer: Viewer | null,
  id: string,
  input: unknown,
  now: Date = new Date(),
): Promise<Measure> {
  checkCanRecordMeasure(viewer);
  const row = uuid.test(id) ? await findMeasureRow(db, id.toLowerCase()) : undefined;
  if (!row) throw new PlenumError('MEASURE_NOT_FOUND');
  const latest = (await listVersions(db, row.id)).at(-1)!;
  checkCanReviseMeasure(viewer, {
    createdBy: row.created_by,
    organisationId: latest.organisationId,
  });
  const form = await parseMeasure(db, input);
  if (form.country !== row.country)
    throw new PlenumError(
      'INVALID_REQUEST',
      `country: this measure is ${row.country}'s; record another State's measure as a new one.`,
    );
  const expected =
    typeof input === 'object' && input !== null && 'expectedVersion' in input
      ? Number((input as { expectedVersion: unknown }).expectedVersion)
      : row.latest_version;
  if (expected !== row.latest_version) throw new PlenumError('MEASURE_CONFLICT');
  const version = await prepareVersion(db, viewer, row.id, row.latest_version + 1, form, now);
  if (!(await insertVersion(db, version, row.latest_version)))
    throw new PlenumError('MEASURE_CONFLICT');
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: 'registry.measure_revised',
      subjectType: 'registry_measure',
      subjectId: row.id,
      data: {
        country: row.country,
        version: version.version,
        voice: version.voice,
        status: form.status,
      },
    },
    now,
  );
  return (await listVersions(db, row.id)).at(-1)!;
}

/**
 * Checks a measure an administration declares in a questionnaire answer, as recordMeasure would
 * (fields, elements and kinds, cited paragraphs), without storing it: a round publishes only
 * measures that would be accepted.
 */
export async function checkAnsweredMeasure(
  db: Db,
  viewer: Viewer,
  input: unknown,
  answer: { country: string; organisationId: string },
  now: Date,
): Promise<MeasureInput> {
  const form = await parseMeasure(db, answerInput(input, answer));
  await prepareVersion(db, viewer, newId(), 1, form, now, {
    voice: 'state',
    organisationId: answer.organisationId,
  });
  return form;
}

function answerInput(input: unknown, answer: { country: string; organisationId: string }): unknown {
  return typeof input === 'object' && input !== null
    ? { ...input, country: answer.country, organisationId: answer.organisationId, asState: true }
    : input;
}

/**
 * Records a measure from a submitted answer when its round is published: the State's own word
 * (the answer came from a verified representative of its government), by the answering account.
 */
export async function recordAnsweredMeasure(
  db: Db,
  answerer: Viewer,
  input: unknown,
  answer: { country: string; organisationId: string; roundId: string; answerId: string },
  now: Date,
): Promise<Measure> {
  const form = await parseMeasure(db, answerInput(input, answer));
  const id = newId();
  const version = await prepareVersion(db, answerer, id, 1, form, now, {
    voice: 'state',
    organisationId: answer.organisationId,
  });
  await insertMeasure(
    db,
    {
      id,
      country: form.country,
      latest_version: 1,
      created_by: answerer.id,
      created_at: now.toISOString(),
      answer_id: answer.answerId,
    },
    version,
  );
  await recordEvent(
    db,
    {
      actor: answerer.id,
      action: 'registry.measure_recorded',
      subjectType: 'registry_measure',
      subjectId: id,
      data: { country: form.country, version: 1, voice: 'state', roundId: answer.roundId },
    },
    now,
  );
  return (await listVersions(db, id)).at(-1)!;
}

async function parseMeasure(db: Db, input: unknown): Promise<MeasureInput> {
  const parsed = measureInputSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const form = { ...parsed.data, country: parsed.data.country.toUpperCase() };
  // A UN member State, or a State marked fictional (XAA–XZZ): never an unmarked code.
  if (!(await lookupState(db, form.country)))
    throw new PlenumError(
      'INVALID_REQUEST',
      `country: "${form.country}" is not a UN member State (nor a State marked fictional).`,
    );
  if (!form.statusDates[form.status])
    throw new PlenumError(
      'INVALID_REQUEST',
      `statusDates.${form.status}: give the date of the current status.`,
    );
  return form;
}

async function prepareVersion(
  db: Db,
  viewer: Viewer,
  measureId: string,
  version: number,
  form: MeasureInput,
  now: Date,
  voiceOverride?: { voice: Voice; organisationId: string | null },
): Promise<RegistryMeasureVersionTable> {
  const terms = await getTerms(db);
  for (const [field, type] of [
    ['elements', 'element'],
    ['kinds', 'kind'],
  ] as const) {
    for (const slug of form[field])
      if (!terms.some((t) => t.type === type && t.slug === slug))
        throw new PlenumError(
          'INVALID_REQUEST',
          `${field}: "${slug}" is not an ${type} of the registry.`,
        );
  }
  const voice = voiceOverride ?? (await voiceOf(db, viewer, form));
  const source = form.source ? await resolveSource(db, viewer, form.source) : null;
  return {
    measure_id: measureId,
    version,
    country: form.country,
    recorded_at: now.toISOString(),
    recorded_by: viewer.id,
    title: form.title,
    title_language: form.titleLanguage,
    title_translations: JSON.stringify(form.titleTranslations),
    instrument: form.instrument,
    status: form.status,
    status_dates: JSON.stringify(form.statusDates),
    elements: JSON.stringify([...new Set(form.elements)]),
    kinds: JSON.stringify([...new Set(form.kinds)]),
    reach: form.reach,
    source_document_id: source?.documentId ?? null,
    source_blocks: JSON.stringify(source?.blocks ?? []),
    voice: voice.voice,
    organisation_id: voice.organisationId,
    note: form.note || null,
  };
}

/** Whose word a version is: the State's only from a verified representative of its verified government. */
async function voiceOf(
  db: Db,
  viewer: Viewer,
  form: MeasureInput,
): Promise<{ voice: Voice; organisationId: string | null }> {
  if (form.organisationId === undefined) {
    if (form.asState)
      throw new PlenumError(
        'FORBIDDEN',
        `asState: name the government of ${form.country} you represent (organisationId).`,
      );
    return { voice: 'reported', organisationId: null };
  }
  const organisation = await lookupOrganisation(db, form.organisationId);
  if (!organisation)
    throw new PlenumError('INVALID_REQUEST', 'organisationId: there is no such organisation.');
  checkCanSpeakFor(viewer, organisation.id);
  const theState =
    organisation.stakeholderGroup === 'government' &&
    organisation.country === form.country &&
    organisation.verified &&
    (await isVerifiedRepresentative(db, organisation.id, viewer.id));
  if (form.asState && !theState)
    throw new PlenumError(
      'FORBIDDEN',
      `asState: only a verified representative of the verified government of ${form.country} states its practice; record it as reported instead.`,
    );
  return { voice: form.asState ? 'state' : 'reported', organisationId: organisation.id };
}

/** The cited paragraphs, found in the document's latest version the viewer may read; refused when one is not there. */
async function resolveSource(
  db: Db,
  viewer: Viewer,
  source: { documentId: string; paragraphs: string[] },
): Promise<MeasureSource> {
  const stored = uuid.test(source.documentId)
    ? await findDocumentById(db, source.documentId.toLowerCase())
    : undefined;
  const document = stored && readableDocument(viewer, stored);
  const version = document?.versions.at(-1);
  if (!document || !version || version.languages.length === 0)
    throw new PlenumError(
      'INVALID_REQUEST',
      'source.documentId: there is no document with this id imported in plenum.',
    );
  const language = version.languages.find((l) => l.language === 'en') ?? version.languages[0]!;
  const blocks = await listBlocksOf(db, language.id);
  const byAddress = new Map(blocks.map((b) => [b.address.toLowerCase(), b]));
  const found: MeasureSource['blocks'] = [];
  for (const asked of source.paragraphs) {
    const key = (/^\d/.test(asked) ? `para ${asked}` : asked).toLowerCase().replace(/\s+/g, ' ');
    const block = byAddress.get(key);
    if (!block)
      throw new PlenumError(
        'INVALID_REQUEST',
        `source.paragraphs: "${asked}" is not a paragraph of ${document.symbol ?? document.title} (${version.label}).`,
      );
    if (!found.some((f) => f.blockId === block.id))
      found.push({ blockId: block.id, address: block.address });
  }
  return { documentId: document.id, blocks: found };
}

/**
 * An instant to read the registry at, from `?at=`: a date (the end of that day, UTC) or an ISO
 * 8601 instant; undefined for none; INVALID_REQUEST naming `at` for anything else.
 */
export function parseAt(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = new Date(`${value}T23:59:59.999Z`);
    if (!Number.isNaN(day.getTime()) && day.toISOString().startsWith(value))
      return day.toISOString();
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) return instant.toISOString();
  }
  throw new PlenumError('INVALID_REQUEST', 'at: a date (YYYY-MM-DD) or an instant (ISO 8601).');
}

/** A measure as it stood at `at` (now when absent), with every version up to then, oldest first. */
export async function getMeasure(
  db: Db,
  id: string,
  at?: string,
): Promise<{ measure: Measure; history: Measure[] }> {
  const history = uuid.test(id) ? await listVersions(db, id.toLowerCase(), at) : [];
  if (history.length === 0) throw new PlenumError('MEASURE_NOT_FOUND');
  return { measure: history.at(-1)!, history };
}

/** The measures that match the filters, each as it stood at the filter's instant. */
export async function listMeasures(db: Db, input: unknown): Promise<Measure[]> {
  const parsed = measureFilterSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  return standing(db, parsed.data);
}

/**
 * A batch of the standing measures by country then id, after the key `after`, `limit` read:
 * those that match the filter (its element and kind apply after the read, so fewer may), the key
 * of the last one read and how many were read.
 */
export async function listMeasuresAfter(
  db: Db,
  filter: MeasureFilter,
  page: { after: readonly [string, string] | undefined; limit: number },
): Promise<{ measures: Measure[]; last: [string, string] | undefined; count: number }> {
  const rows = await listStandingVersions(db, {
    countries: selectedCountries(filter),
    status: filter.status,
    voice: filter.voice,
    at: parseAt(filter.at),
    limit: page.limit,
    ...(page.after ? { after: page.after } : {}),
  });
  const last = rows.at(-1);
  return {
    measures: rows.filter((m) => matchesTerms(m, filter)),
    last: last ? [last.country, last.id] : undefined,
    count: rows.length,
  };
}

function matchesTerms(m: Measure, filter: MeasureFilter): boolean {
  return (
    (!filter.element || m.elements.includes(filter.element)) &&
    (!filter.kind || m.kinds.includes(filter.kind))
  );
}

async function standing(db: Db, filter: MeasureFilter): Promise<Measure[]> {
  const at = parseAt(filter.at);
  const rows = await listStandingVersions(db, {
    countries: selectedCountries(filter),
    status: filter.status,
    voice: filter.voice,
    at,
  });
  return rows.filter((m) => matchesTerms(m, filter));
}

/** A country's practice as it stood at `at`: its measures, the State's own word apart from reports. */
export async function getCountryPractice(
  db: Db,
  iso3: string,
  at?: string,
): Promise<{ country: string; state: Measure[]; reported: Measure[] }> {
  const country = findCountry(iso3.toUpperCase()) ?? (await lookupState(db, iso3));
  if (!country) throw new PlenumError('COUNTRY_NOT_FOUND');
  const measures = await listStandingVersions(db, { countries: [country.iso3], at: parseAt(at) });
  return {
    country: country.iso3,
    state: measures.filter((m) => m.voice === 'state'),
    reported: measures.filter((m) => m.voice === 'reported'),
  };
}

/** One cell of the matrix: how many measures a State has on an element, by status. */
export interface MatrixCell {
  total: number;
  byStatus: Partial<Record<MeasureStatus, number>>;
  /** Of the total, how many are reported by others rather than stated by the State. */
  reported: number;
}

/** The fragmentation indicator of an element in a region, with its inputs. */
export interface FragmentationFigure {
  element: string;
  region: RegionalGroup;
  /** The UN member States of the region. */
  states: number;
  /** The States of the region with at least one measure on the element (any kind, any status but repealed). */
  withMeasures: string[];
  /** The States of the region with a measure of a fragmenting kind on the element, adopted or in force. */
  fragmenting: string[];
  /** fragmenting / states, 0 when the region has none (it always has some). */
  share: number;
}

/** The comparison matrix: countries × elements, with the indicator per element and region. */
export interface Matrix {
  elements: RegistryTerm[];
  rows: { country: string; cells: Record<string, MatrixCell> }[];
  fragmentation: FragmentationFigure[];
  at: string | undefined;
  /** The cells ("ISO3 element") with a binding measure of a fragmenting kind, of every State drawn. */
  fragmentingAt: Set<string>;
}

/** The statuses under which a measure binds: only these count towards fragmentation. */
export const bindingStatuses = ['adopted', 'in_force', 'amended'] as const;

/** The member States the region and country filters leave (undefined: all). */
function selectedCountries(filter: MeasureFilter): string[] | undefined {
  let selected: string[] | undefined;
  if (filter.country) selected = [filter.country];
  if (filter.region) {
    const inRegion = countries.filter((c) => c.group === filter.region).map((c) => c.iso3);
    selected = selected ? selected.filter((c) => inRegion.includes(c)) : inRegion;
  }
  return selected;
}

/**
 * The matrix of the measures that match the filters (element filter aside: every element is a
 * column), counted per cell and status, and the fragmentation indicator of each element in each
 * region: share = (member States of the region with at least one measure on the element whose
 * status is adopted, in force or amended and whose kinds include one marked fragmenting) ÷
 * (member States of the region). The State's own word and reports both count; the page says so
 * and lists the States behind each figure. With a kind filter, only measures of that kind count,
 * and towards the indicator only if that kind is marked fragmenting.
 * Reads the counts kept with each version (registry_cell_counts), or for a past date the
 * version spans through their index, never every version.
 */
export async function getMatrix(db: Db, input: unknown): Promise<Matrix> {
  const parsed = measureFilterSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const filter = parsed.data;
  const at = parseAt(filter.at);
  const terms = await getTerms(db);
  const elements = terms.filter((t) => t.type === 'element');
  const fragmentingKinds = terms
    .filter((t) => t.type === 'kind' && t.fragmenting && (!filter.kind || t.slug === filter.kind))
    .map((t) => t.slug);
  const where = {
    kind: filter.kind,
    countries: selectedCountries(filter),
    status: filter.status,
    voice: filter.voice,
    at,
  };
  const [counts, fragmentingCells] = await Promise.all([
    countCells(db, where),
    cellsWithKinds(db, { ...where, kinds: fragmentingKinds, statuses: bindingStatuses }),
  ]);
  const byCountry = new Map<string, Record<string, MatrixCell>>();
  for (const c of counts) {
    let cells = byCountry.get(c.country);
    if (!cells) byCountry.set(c.country, (cells = {}));
    cells[c.element] = { total: c.measures, byStatus: c.byStatus, reported: c.reported };
  }
  const fragmentingAt = new Set(fragmentingCells.map((c) => `${c.country} ${c.element}`));
  const rows = [...byCountry]
    .map(([country, cells]) => ({ country, cells }))
    .toSorted((a, b) => a.country.localeCompare(b.country));
  const fragmentation: FragmentationFigure[] = [];
  const groups = [...new Set(countries.filter((c) => c.group).map((c) => c.group!))];
  for (const element of elements) {
    for (const region of groups) {
      const members = countries.filter((c) => c.group === region && !c.observer);
      const withMeasures: string[] = [];
      const fragmenting: string[] = [];
      for (const c of members) {
        const cell = byCountry.get(c.iso3)?.[element.slug];
        if (cell && cell.total - (cell.byStatus.repealed ?? 0) > 0) withMeasures.push(c.iso3);
        if (fragmentingAt.has(`${c.iso3} ${element.slug}`)) fragmenting.push(c.iso3);
      }
      fragmentation.push({
        element: element.slug,
        region,
        states: members.length,
        withMeasures,
        fragmenting,
        share: members.length === 0 ? 0 : fragmenting.length / members.length,
      });
    }
  }
  return { elements, rows, fragmentation, at, fragmentingAt };
}

/** The six UN languages a title may be translated into. */
export const titleLanguages = registryLanguages;
