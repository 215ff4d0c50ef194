/**
 * Country reports, like the "country-focus reports" of an outreach plan: per State, what its
 * verified government submitted (quoted exactly, in the original language, with links), the
 * stances recorded for it per concept with their quotations, the processes it took part in and
 * its organisations; and for every State, the counts of what it said, by regional group. Only a
 * verified government speaks for its State (the rule of the submissions and stances features).
 * Every list is one query, and the long ones are bounded (a page of submissions, a cap on stances).
 */
import { getConcepts } from '../concepts/concepts.service.ts';
import { anchorOf } from '../documents/anchors.ts';
import { findPeriodsByIds } from '../consultations/consultations.service.ts';
import type { Db } from '../db/database.ts';
import { PlenumError } from '../errors.ts';
import {
  countries,
  countryName,
  findCountry,
  regionalGroupName,
  regionalGroups,
  type Country,
} from '../organisations/countries.ts';
import { getOrganisationsOfCountry } from '../organisations/organisations.service.ts';
import { getProcesses } from '../processes/processes.service.ts';
import { termText } from '../registry/registry.service.ts';
import { getCountryMeasures, type CountryMeasures } from '../registry/reports.ts';
import { contentTextsOfProcesses } from '../processes/translations.service.ts';
import { countStancesOfStates, getStancesOfCountry } from '../stances/stances.service.ts';
import {
  countSubmissionsOfStates,
  getPublishedSubmissions,
} from '../submissions/submissions.service.ts';
import { detectLanguage, type UnLanguage } from '../text/detect-language.ts';
import { measureStatuses } from '../registry/registry.schema.ts';
import { fill, messagesFor } from '../web/i18n.ts';
import { directionOf } from '../web/layout.ts';
import { briefingText } from './briefing-text.ts';
import { quotableSentences } from './briefings.service.ts';
import { countryReportText } from './country-report-text.ts';
import {
  countryReportRequestSchema,
  type CountryReport,
  type PaperBlock,
  type PaperItem,
  type PaperSection,
  type RegionCounts,
} from './country-reports.schema.ts';

/** Submissions quoted on one page of a report; the rest follow through the "more" link. */
export const submissionsPerPage = 50;

/** Stances listed in a report at most. */
export const stancesPerReport = 500;

/** A submission up to this length is quoted whole; a longer one by its first sentences. */
const wholeLength = 1200;

/** The State with this ISO 3166-1 alpha-3 code (any case), or COUNTRY_NOT_FOUND. */
export function requireCountry(code: string): Country {
  const iso3 = code.toUpperCase();
  const country = /^[A-Z]{3}$/.test(iso3) ? findCountry(iso3) : undefined;
  if (!country) throw new PlenumError('COUNTRY_NOT_FOUND', `There is no State "${code}".`);
  return country;
}

/**
 * Every member and observer State with what it said (submissions by its verified government,
 * stances recorded for it), by UN regional group in the UN's order, the observers last.
 */
export async function listCountryCounts(db: Db): Promise<RegionCounts[]> {
  const [submissions, stances] = await Promise.all([
    countSubmissionsOfStates(db),
    countStancesOfStates(db),
  ]);
  const sum = (rows: { country: string; n: number }[]): Map<string, number> => {
    const out = new Map<string, number>();
    for (const r of rows) out.set(r.country, (out.get(r.country) ?? 0) + r.n);
    return out;
  };
  const said = sum(submissions);
  const recorded = sum(stances);
  return [...regionalGroups, null].map((group) => ({
    group,
    countries: countries
      .filter((c) => c.group === group)
      .map((c) => ({
        iso3: c.iso3,
        submissions: said.get(c.iso3) ?? 0,
        stances: recorded.get(c.iso3) ?? 0,
      })),
  }));
}

/** What one State said, counted as the report and the list count it (COUNTRY_NOT_FOUND for an unknown code). */
export async function countCountry(
  db: Db,
  code: string,
): Promise<{ iso3: string; submissions: number; stances: number; processes: number }> {
  const { iso3 } = requireCountry(code);
  const [submissions, stances] = await Promise.all([
    countSubmissionsOfStates(db, iso3),
    countStancesOfStates(db, iso3),
  ]);
  return {
    iso3,
    submissions: submissions.reduce((n, r) => n + r.n, 0),
    stances: stances.reduce((n, r) => n + r.n, 0),
    processes: new Set([...submissions, ...stances].map((r) => r.processId)).size,
  };
}

/** Numbered notes of a paper; the same source twice is one note. */
class Notes {
  readonly list: { n: number; label: string; href: string }[] = [];
  private readonly byHref = new Map<string, number>();
  add(label: string, href: string): number {
    const known = this.byHref.get(href);
    if (known !== undefined) return known;
    this.list.push({ n: this.list.length + 1, label, href });
    this.byHref.set(href, this.list.length);
    return this.list.length;
  }
}

/**
 * Drafts the report of a State (COUNTRY_NOT_FOUND for an unknown code) in the language asked
 * (the sources quoted in their own language, with a translation slot when it differs), with one
 * page of its government's submissions, newest first (`before`: the cursor of the page).
 */
export async function draftCountryReport(
  db: Db,
  code: string,
  input: unknown,
  now = new Date(),
): Promise<CountryReport> {
  const country = requireCountry(code);
  const request = countryReportRequestSchema.parse(input ?? {});
  const lang = request.language;
  const t = countryReportText[lang];
  const bt = briefingText[lang];
  const dates = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  const day = (iso: string): string => dates.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
  const name = countryName(country.iso3, lang);
  const iso3 = country.iso3;

  const [
    submissionCounts,
    stanceCounts,
    page,
    stances,
    organisations,
    processes,
    concepts,
    measures,
  ] = await Promise.all([
    countSubmissionsOfStates(db, iso3),
    countStancesOfStates(db, iso3),
    getPublishedSubmissions(
      db,
      { everywhere: true },
      // Only a verified government speaks for its State.
      { country: iso3, group: 'government', claims: 'verified' },
      { limit: submissionsPerPage, ...(request.before ? { before: request.before } : {}) },
    ),
    getStancesOfCountry(db, iso3, stancesPerReport + 1),
    getOrganisationsOfCountry(db, iso3),
    getProcesses(db),
    getConcepts(db).then((c) => c.concepts),
    getCountryMeasures(db, iso3),
  ]);
  const periods = new Map(
    (
      await findPeriodsByIds(
        db,
        page.submissions.map((s) => s.periodId),
        now,
      )
    ).map((p) => [p.id, p]),
  );
  const processById = new Map(processes.map((p) => [p.id, p]));
  // Names and titles in the report's language where the secretariat translated them.
  const content = await contentTextsOfProcesses(
    db,
    processes.map((p) => p.id),
    lang,
  );
  const processName = (id: string): string => {
    const p = processById.get(id);
    return p ? (p.shortName ?? content('process', p.id, 'name', p.name)) : '';
  };
  const notes = new Notes();
  const m = messagesFor(lang);

  // The processes it took part in, with what it said in each.
  const perProcess = new Map<string, { submissions: number; stances: number }>();
  for (const r of submissionCounts) {
    const x = perProcess.get(r.processId) ?? { submissions: 0, stances: 0 };
    x.submissions += r.n;
    perProcess.set(r.processId, x);
  }
  for (const r of stanceCounts) {
    const x = perProcess.get(r.processId) ?? { submissions: 0, stances: 0 };
    x.stances += r.n;
    perProcess.set(r.processId, x);
  }
  const counts = {
    submissions: submissionCounts.reduce((n, r) => n + r.n, 0),
    stances: stanceCounts.reduce((n, r) => n + r.n, 0),
    processes: perProcess.size,
  };

  const sections: PaperSection[] = [];
  const organisationItems: PaperItem[] = organisations.map((o) => ({
    text: `${o.name} (${m.organisations.groups[o.stakeholderGroup]}, ${o.verified ? t.verified : t.notVerified})`,
    href: `/organisations/${o.slug}`,
  }));
  sections.push({
    id: 'organisations',
    level: 2,
    heading: t.organisations,
    blocks:
      organisationItems.length > 0
        ? [{ kind: 'list', items: organisationItems }]
        : [{ kind: 'text', text: t.noOrganisations }],
  });

  const processItems: PaperItem[] = [...perProcess.entries()]
    .map(([id, x]) => ({ id, x, process: processById.get(id) }))
    .filter((p) => p.process !== undefined)
    .map((p) => ({ ...p, name: content('process', p.id, 'name', p.process!.name) }))
    .toSorted((a, b) => a.name.localeCompare(b.name, lang))
    .map(({ x, process, name }) => ({
      lead: process!.shortName ? `${name} (${process!.shortName})` : name,
      text: fill(t.processLine, { submissions: x.submissions, stances: x.stances }),
      href: `/processes/${process!.slug}`,
    }));
  sections.push({
    id: 'processes',
    level: 2,
    heading: t.processes,
    blocks:
      processItems.length > 0
        ? [{ kind: 'list', items: processItems }]
        : [{ kind: 'text', text: t.noProcesses }],
  });

  const excerpt = (text: string, language: string) => {
    const pieces =
      text.length <= wholeLength
        ? [text]
        : quotableSentences(text, language, () => true).filter(Boolean);
    return {
      pieces: pieces.length > 0 ? pieces : [text],
      language,
      dir: directionOf(language),
      translate: language.split('-')[0] !== lang,
    };
  };

  const submitted: PaperBlock[] = [];
  if (page.submissions.length === 0) submitted.push({ kind: 'text', text: t.noSubmissions });
  for (const s of page.submissions) {
    const period = periods.get(s.periodId);
    const date = s.publishedAt ?? s.receivedAt;
    const where = period
      ? `${processName(period.processId)}, ${content('period', period.id, 'title', period.title)}`
      : '';
    submitted.push(
      {
        kind: 'lead',
        text: fill(t.submittedOn, {
          date: day(date),
          organisation: s.organisation.name,
          period: where,
        }),
      },
      {
        kind: 'quote',
        excerpt: excerpt(s.body, s.language),
        note: notes.add(
          `${s.organisation.name}, ${fill(bt.submission, { date: day(date) })}`,
          `/submissions/${s.id}`,
        ),
      },
    );
  }
  if (page.next)
    submitted.push({
      kind: 'list',
      items: [
        {
          text: fill(t.moreSubmissions, { n: submissionsPerPage }),
          href: `/countries/${iso3}?before=${encodeURIComponent(page.next)}`,
        },
      ],
    });
  sections.push({ id: 'submitted', level: 2, heading: t.submitted, blocks: submitted });

  const kinds = m.stances.kinds;
  const listed = stances.slice(0, stancesPerReport);
  sections.push({
    id: 'stances',
    level: 2,
    heading: t.stances,
    blocks: listed.length === 0 ? [{ kind: 'text', text: t.noStances }] : [],
  });
  const conceptById = new Map(concepts.map((c) => [c.id, c]));
  const byConcept = new Map<string, typeof listed>();
  for (const s of listed) byConcept.set(s.conceptId, [...(byConcept.get(s.conceptId) ?? []), s]);
  const conceptName = (id: string): string =>
    conceptById.get(id)?.names[lang] ?? conceptById.get(id)?.slug ?? id;
  for (const [conceptId, list] of [...byConcept.entries()].toSorted((a, b) =>
    conceptName(a[0]).localeCompare(conceptName(b[0]), lang),
  )) {
    const blocks: PaperBlock[] = [];
    for (const s of list) {
      blocks.push(
        {
          kind: 'lead',
          text: fill(t.stanceLine, {
            stance: kinds[s.stance],
            date: day(s.saidOn),
            process: processName(s.processId),
          }),
        },
        {
          kind: 'quote',
          excerpt: excerpt(s.exact, detectLanguage(s.exact) ?? 'en'),
          note: notes.add(
            s.source.symbol && s.source.address
              ? `${s.source.symbol}, ${s.source.address}`
              : s.source.title || s.source.href,
            s.source.href,
          ),
        },
      );
    }
    sections.push({
      id: `concept-${conceptId}`,
      level: 3,
      heading: conceptName(conceptId),
      blocks,
    });
  }
  if (stances.length > stancesPerReport)
    sections.push({
      id: 'stances-more',
      level: 3,
      heading: '…',
      blocks: [{ kind: 'text', text: fill(t.moreStances, { n: stancesPerReport }), italic: true }],
    });

  sections.push(...measureSections(measures, { lang, day, notes, iso3 }));

  const region = country.group ? regionalGroupName(country.group, lang) : t.observer;
  const today = now.toISOString().slice(0, 10);
  return {
    iso3,
    counts,
    next: page.next,
    paper: {
      language: lang,
      paper: request.paper,
      title: fill(t.title, { country: name }),
      subtitle: fill(t.subtitle, { country: name }),
      prepared: fill(bt.prepared, { date: day(today) }),
      scope: fill(t.scope, { country: name, code: iso3, m49: country.m49, region }),
      summary: [
        fill(t.summaryLine, counts),
        fill(t.measuresSummary, {
          state: measures.state.length,
          reported: measures.reported.length,
        }),
      ],
      sections,
      notes: notes.list,
    },
  };
}

/**
 * The section "National regulatory measures": the State's own word (measures stated by a
 * verified representative of its verified government, judged as the report is read), then, apart
 * and labelled, the measures others reported; each with its status and dates, instrument,
 * elements, kinds, reach, who stated or reported it, a link to it in the registry and to the
 * paragraphs it cites.
 */
function measureSections(
  measures: CountryMeasures,
  given: { lang: UnLanguage; day: (iso: string) => string; notes: Notes; iso3: string },
): PaperSection[] {
  const { lang, day, notes, iso3 } = given;
  const t = countryReportText[lang];
  const r = messagesFor(lang).registry;
  const { colon } = briefingText[lang];
  const groups = messagesFor(lang).organisations.groups;
  const term = (slug: string): string => {
    const found = measures.terms.find((x) => x.slug === slug);
    return found ? termText(found, lang).name : slug;
  };
  const list = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' });
  const blocksOf = (entries: CountryMeasures['state'], none: string): PaperBlock[] => {
    if (entries.length === 0) return [{ kind: 'text', text: none }];
    const blocks: PaperBlock[] = [];
    for (const { measure: m, stateWord, organisation, sourceDocument } of entries) {
      const translated = m.titleTranslations[lang as keyof typeof m.titleTranslations];
      const title =
        translated && m.titleLanguage.split('-')[0] !== lang
          ? `${translated} (${m.title})`
          : m.title;
      const current = m.statusDates[m.status];
      const dates = measureStatuses
        .filter((s) => m.statusDates[s])
        .map((s) => `${r.statuses[s]}${colon}${day(m.statusDates[s]!)}`);
      const href = `/registry/measures/${m.id}`;
      const items: PaperItem[] = [
        {
          lead: r.status,
          text: current ? `${r.statuses[m.status]} (${day(current)})` : r.statuses[m.status],
        },
        { lead: r.dates, text: dates.join('; ') },
        { lead: r.instrument, text: r.instruments[m.instrument] },
        { lead: r.elements, text: list.format(m.elements.map(term)) },
        { lead: r.kinds, text: m.kinds.length ? list.format(m.kinds.map(term)) : t.noKinds },
        { lead: r.reach, text: r.reaches[m.reach] },
        organisation
          ? {
              lead: stateWord ? r.statedBy : t.reportedByLead,
              text: `${organisation.name} (${groups[organisation.stakeholderGroup]}, ${
                organisation.verified ? t.verified : t.notVerified
              })${stateWord ? ` — ${r.stateWord}` : ''}`,
              href: `/organisations/${organisation.slug}`,
            }
          : { lead: t.reportedByLead, text: t.noReporter },
        {
          lead: r.titleColumn,
          text: fill(t.registryEntry, { n: m.version }),
          href,
          note: notes.add(`${m.title}, ${fill(t.registryEntry, { n: m.version })}`, href),
        },
      ];
      if (!m.source) items.push({ lead: r.source, text: r.noSource });
      else
        for (const b of m.source.blocks) {
          if (!sourceDocument) {
            items.push({ lead: r.source, text: `${t.notPublicSource}, ${b.address}` });
            continue;
          }
          const at = `/documents/${sourceDocument.id}#${anchorOf(b.address)}`;
          const label = `${sourceDocument.label}, ${b.address}`;
          items.push({ lead: r.source, text: label, href: at, note: notes.add(label, at) });
        }
      blocks.push({ kind: 'lead', text: title }, { kind: 'list', items });
    }
    return blocks;
  };
  return [
    {
      id: 'measures',
      level: 2,
      heading: t.measures,
      blocks: [
        { kind: 'text', text: t.measuresIntro },
        {
          kind: 'list',
          items: [{ text: t.measuresRegistry, href: `/registry/countries/${iso3}` }],
        },
      ],
    },
    {
      id: 'measures-state',
      level: 3,
      heading: r.stateSection,
      blocks: blocksOf(measures.state, r.noneState),
    },
    {
      id: 'measures-reported',
      level: 3,
      heading: r.reportedSection,
      blocks: blocksOf(measures.reported, r.noneReported),
    },
  ];
}
