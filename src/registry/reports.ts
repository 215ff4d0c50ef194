/**
 * The registry read for reports written elsewhere (a State's report, a briefing paper): a State's
 * measures with whose word each is, judged when the report is read, and the status changes of
 * the measures of some States within a period. Reads only; the registry's pages keep their own.
 *
 * A version recorded as the State's own word stays the State's word in a report only while the
 * organisation that stated it is still the verified government of that State and the account
 * that recorded it still its verified representative: after a secretariat revokes either, the
 * measure is shown with the reports of others, never as the State's word.
 */
import type { Db } from '../db/database.ts';
import { readableDocument } from '../documents/documents.policy.ts';
import { findDocumentById } from '../documents/documents.service.ts';
import { findCountry } from '../organisations/countries.ts';
import type { Organisation } from '../organisations/organisations.schema.ts';
import {
  findOrganisationsByIds,
  isVerifiedRepresentative,
} from '../organisations/organisations.service.ts';
import { getTerms } from './registry.service.ts';
import {
  measureStatuses,
  type Measure,
  type MeasureStatus,
  type RegistryTerm,
} from './registry.schema.ts';
import { listStandingVersions } from './registry.store.ts';

/** A measure as a report presents it: whose word it is now, who stated it, its legal text. */
export interface ReportMeasure {
  measure: Measure;
  /** True only when it is the State's own word as the report is read (see the file's comment). */
  stateWord: boolean;
  /** The organisation that stated or reported it, when one is named. */
  organisation: Pick<Organisation, 'id' | 'slug' | 'name' | 'stakeholderGroup' | 'verified'> | null;
  /** The document the cited paragraphs are in, when the public may read it. */
  sourceDocument: { id: string; label: string } | null;
}

/** A State's measures as they stand now: its own word first, others' reports apart. */
export interface CountryMeasures {
  country: string;
  state: ReportMeasure[];
  reported: ReportMeasure[];
  terms: RegistryTerm[];
}

/** A status a measure reached on a day within a period. */
export interface StatusChange {
  date: string;
  status: MeasureStatus;
  entry: ReportMeasure;
}

/** The measures of a State as they stand now (COUNTRY_NOT_FOUND is the caller's to raise). */
export async function getCountryMeasures(db: Db, iso3: string): Promise<CountryMeasures> {
  const country = findCountry(iso3.toUpperCase());
  if (!country) return { country: iso3, state: [], reported: [], terms: await getTerms(db) };
  const [measures, terms] = await Promise.all([
    listStandingVersions(db, { countries: [country.iso3] }),
    getTerms(db),
  ]);
  const entries = await judge(db, measures);
  const byTitle = (a: ReportMeasure, b: ReportMeasure): number =>
    latestDate(b.measure).localeCompare(latestDate(a.measure)) ||
    a.measure.title.localeCompare(b.measure.title);
  return {
    country: country.iso3,
    state: entries.filter((e) => e.stateWord).toSorted(byTitle),
    reported: entries.filter((e) => !e.stateWord).toSorted(byTitle),
    terms,
  };
}

/**
 * The status changes of the measures of these States (as the measures stand now) whose date
 * falls within [from, to] (YYYY-MM-DD, both included), oldest first.
 */
export async function listStatusChanges(
  db: Db,
  filter: { countries: string[]; from: string; to: string },
): Promise<{ changes: StatusChange[]; terms: RegistryTerm[] }> {
  const terms = getTerms(db);
  if (filter.countries.length === 0) return { changes: [], terms: await terms };
  const measures = (await listStandingVersions(db, { countries: filter.countries })).filter((m) =>
    Object.values(m.statusDates).some((d) => d !== undefined && d >= filter.from && d <= filter.to),
  );
  const entries = await judge(db, measures);
  const changes: StatusChange[] = [];
  for (const entry of entries)
    for (const status of measureStatuses) {
      const date = entry.measure.statusDates[status];
      if (date !== undefined && date >= filter.from && date <= filter.to)
        changes.push({ date, status, entry });
    }
  return {
    changes: changes.toSorted(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        a.entry.measure.country.localeCompare(b.entry.measure.country) ||
        measureStatuses.indexOf(a.status) - measureStatuses.indexOf(b.status),
    ),
    terms: await terms,
  };
}

/** The day of a measure's latest dated status. */
function latestDate(m: Measure): string {
  return Object.values(m.statusDates).reduce<string>((a, d) => (d && d > a ? d : a), '');
}

/**
 * The measures with their voice judged now (see the file's comment): a version recorded as the
 * State's own word reads as 'reported' once its organisation or its recording account has lost
 * the verification that made it the State's word. The registry's own pages show these.
 */
export async function judgeVoices(db: Db, measures: Measure[]): Promise<Measure[]> {
  const { words } = await stateWords(db, measures);
  return measures.map((m, i) =>
    m.voice === 'state' && !words[i] ? { ...m, voice: 'reported' } : m,
  );
}

/** What judging a version's voice needs: whose word it was recorded as, by whom, for which State. */
export type StatedVersion = Pick<Measure, 'voice' | 'organisationId' | 'recordedBy' | 'country'>;

/**
 * A judge of versions' voices now (see the file's comment), for the organisations given: true
 * only for a version recorded as the State's word whose organisation is still that State's
 * verified government and whose recording account is still its verified representative. Each
 * organisation and account is looked up once.
 */
export function stateWordJudge(
  db: Db,
  organisations: Map<string, Organisation>,
): (version: StatedVersion) => Promise<boolean> {
  const representatives = new Map<string, boolean>();
  return async (m) => {
    const organisation = m.organisationId ? organisations.get(m.organisationId) : undefined;
    if (
      m.voice !== 'state' ||
      !organisation ||
      organisation.stakeholderGroup !== 'government' ||
      organisation.country !== m.country ||
      !organisation.verified
    )
      return false;
    const key = `${organisation.id}\u0000${m.recordedBy}`;
    let verified = representatives.get(key);
    if (verified === undefined) {
      verified = await isVerifiedRepresentative(db, organisation.id, m.recordedBy);
      representatives.set(key, verified);
    }
    return verified;
  };
}

/** For each measure, whether it is the State's own word now; and the organisations named. */
async function stateWords(
  db: Db,
  measures: Measure[],
): Promise<{ words: boolean[]; organisations: Map<string, Organisation> }> {
  const organisations = await findOrganisationsByIds(db, [
    ...new Set(measures.flatMap((m) => (m.organisationId ? [m.organisationId] : []))),
  ]);
  const isStateWord = stateWordJudge(db, organisations);
  const words: boolean[] = [];
  for (const m of measures) words.push(await isStateWord(m));
  return { words, organisations };
}

/** Whose word each measure is now, who is named, and its source document's label. */
async function judge(db: Db, measures: Measure[]): Promise<ReportMeasure[]> {
  const { words, organisations } = await stateWords(db, measures);
  const documents = new Map<string, { id: string; label: string } | null>();
  const out: ReportMeasure[] = [];
  for (const [i, m] of measures.entries()) {
    const organisation = m.organisationId ? organisations.get(m.organisationId) : undefined;
    const stateWord = words[i]!;
    let sourceDocument: { id: string; label: string } | null = null;
    if (m.source) {
      const id = m.source.documentId;
      if (!documents.has(id)) {
        const stored = await findDocumentById(db, id);
        const readable = stored && readableDocument(null, stored);
        documents.set(id, readable ? { id, label: readable.symbol ?? readable.title } : null);
      }
      sourceDocument = documents.get(id)!;
    }
    out.push({
      measure: m,
      stateWord,
      organisation: organisation
        ? {
            id: organisation.id,
            slug: organisation.slug,
            name: organisation.name,
            stakeholderGroup: organisation.stakeholderGroup,
            verified: organisation.verified,
          }
        : null,
      sourceDocument,
    });
  }
  return out;
}
