/**
 * Briefing papers, in the shape of the ones analysts send: a title, date, scope and summary; then
 * per process what happened (past, by date), what the current draft says (each paragraph on the
 * concepts quoted once, from the latest public version, in the paper's language or else the
 * original, with what changed since the previous version), who said what (member states in the
 * alphabetical order of the paper's language, then intergovernmental organisations, then the
 * other stakeholders by group; only verified organisations count as a State or an IGO; a
 * stance an analyst recorded on a document's own words is shown as such, never as a comment),
 * what is coming (meetings and deadlines, by date), and a numbered note for every source. The
 * paper is data here; briefing-writers.ts writes it out.
 */
import { conceptIdsBelow, lookupConcept, taggerForConcepts } from '../concepts/concepts.service.ts';
import type { Concept } from '../concepts/concepts.schema.ts';
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import type { PlenumDocument, Version } from '../documents/documents.schema.ts';
import { getProcessWithDocuments } from '../documents/documents.service.ts';
import { PlenumError } from '../errors.ts';
import { getTimeline } from '../meetings/meetings.service.ts';
import { countryName } from '../organisations/countries.ts';
import { listStatusChanges } from '../registry/reports.ts';
import { requireProcess } from '../processes/processes.service.ts';
import { contentTextsOfProcesses } from '../processes/translations.service.ts';
import type { Process } from '../processes/processes.schema.ts';
import type { UnLanguage } from '../text/detect-language.ts';
import { fill, isolated, messagesFor } from '../web/i18n.ts';
import { directionOf, languageName } from '../web/layout.ts';
import type { TranslatableSubject } from '../web/page-context.ts';
import { zodError } from '../validation.ts';
import { briefingText } from './briefing-text.ts';
import { briefingReader } from './briefings.policy.ts';
import { countryReportText } from './country-report-text.ts';
import {
  briefingRequestSchema,
  type Briefing,
  type BriefingDraft,
  type BriefingDraftParagraph,
  type BriefingExcerpt,
  type BriefingLine,
  type BriefingProcess,
  type BriefingQuote,
  type BriefingRecordedPosition,
  type BriefingRegulatory,
  type BriefingRequest,
  type BriefingSpeaker,
  type BriefingStakeholderGroup,
} from './briefings.schema.ts';
import {
  listAlignedPairs,
  listBriefingStances,
  listBriefingSubmissions,
  listTaggedParagraphs,
  listVersionParagraphs,
  type AlignedPair,
  type BriefingPassage,
  type BriefingStance,
  type TaggedParagraph,
} from './briefings.store.ts';

/** Sentences quoted from one passage at most, so a long submission does not fill the paper. */
const maxQuotesPerPassage = 3;

/**
 * Distinct statements quoted per speaker and process at most, the latest: a paper says what each
 * said lately, with a line on the rest and a note to where all of it is, so a speaker with
 * hundreds of submissions does not fill it (nor a paper over 100,000 submissions run to
 * thousands of pages nobody reads).
 */
const maxQuotesPerSpeaker = 3;

/** What a speaker said in the same words, once: the latest submission and how many have them. */
interface Said {
  latest: BriefingPassage;
  pieces: string[];
  /** YYYY-MM-DD of the first submission with these words. */
  first: string;
  submissions: number;
}

/** A paragraph of a draft up to this length is quoted whole; a longer one by its sentences on the concepts. */
const wholeParagraphLength = 900;

/**
 * A sentence segmenter per language, made once: making one costs about as much as segmenting a
 * short passage with it, and a paper segments tens of thousands of passages.
 */
const segmenters = new Map<string, Intl.Segmenter>();
function sentenceSegmenter(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    // Language tags come from stored passages: a few dozen at most.
    if (segmenters.size < 200) segmenters.set(language, segmenter);
  }
  return segmenter;
}

/** The sentences of a passage that touch on the concepts, each an exact substring of it. */
export function quotableSentences(
  text: string,
  language: string,
  touches: (sentence: string, language: string) => boolean,
): string[] {
  const segmenter = sentenceSegmenter(language);
  const found: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const sentence = segment.trim();
    if (sentence.length > 0 && touches(sentence, language)) found.push(sentence);
    if (found.length === maxQuotesPerPassage) break;
  }
  return found;
}

/**
 * Drafts a briefing paper from a request (checked here); `now` dates it and divides the past
 * (what happened) from the future (what is coming). It reads as the public whoever the
 * requester is (see briefings.policy.ts).
 */
export async function draftBriefing(
  db: Db,
  input: unknown,
  now = new Date(),
  requester: Viewer | null = null,
): Promise<Briefing> {
  const reader = briefingReader(requester);
  const { request, processes, concepts } = await readRequest(db, input);
  const lang: UnLanguage = request.language;
  const conceptIds = await conceptIdsBelow(
    db,
    concepts.map((c) => c.id),
  );
  const tagger = await taggerForConcepts(
    db,
    concepts.map((c) => c.id),
  );
  const paper: Paper = {
    lang,
    t: briefingText[lang],
    day: dayIn(lang),
    notes: new Notes(),
    start: `${request.from}T00:00:00.000Z`,
    end: `${request.to}T23:59:59.999Z`,
    to: request.to,
    now: now.toISOString(),
    // Tagged in the passage's language, as indexing tags it (not detected again per sentence).
    touches: (sentence, language) => tagger.tag(sentence, language).length > 0,
    iso: (value) =>
      directionOf(lang) === 'rtl' || /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u.test(value)
        ? isolated(value)
        : value,
    content: await contentTextsOfProcesses(
      db,
      processes.map((p) => p.id),
      lang,
    ),
  };
  const where = {
    processIds: processes.map((p) => p.id),
    conceptIds,
    from: request.from,
    to: request.to,
  };
  const [submissions, tagged, stances] = await Promise.all([
    listBriefingSubmissions(db, where),
    listTaggedParagraphs(db, where),
    listBriefingStances(db, where),
  ]);

  const out: BriefingProcess[] = [];
  for (const process of processes) {
    const { happened, upcoming } = timelineLines(
      paper,
      await getTimeline(db, reader, process, now),
    );
    const { documents } = await getProcessWithDocuments(db, process.id, reader);
    const drafts = await draftsOf(db, {
      paper,
      documents,
      tagged: tagged.filter((x) => documents.some((d) => d.id === x.documentId)),
      stances: stances.filter((x) => x.processId === process.id && x.paragraph !== null),
    });
    const speakers = speakersOf(paper, {
      passages: submissions.filter((x) => x.processId === process.id),
      stances: stances.filter((x) => x.processId === process.id && x.submission !== null),
    });
    const fullName = paper.content('process', process.id, 'name', process.name);
    const name = process.shortName ? `${fullName} (${process.shortName})` : fullName;
    out.push({
      name,
      summary: summaryOf(paper, process.shortName ?? fullName, {
        drafts,
        ...speakers,
        upcoming,
      }),
      happened,
      drafts,
      ...speakers,
      upcoming,
    });
  }

  // The States concerned: those whose verified governments the paper quotes, and those an analyst
  // recorded a stance for in it (read from what the paper already holds: no walk of the store).
  const concerned = new Set<string>();
  for (const p of submissions)
    if (p.stakeholderGroup === 'government' && p.organisationVerified && p.country)
      concerned.add(p.country);
  for (const s of stances) if (s.actorCountry) concerned.add(s.actorCountry);
  const regulatory = await regulatoryDevelopments(db, paper, {
    states: [...concerned],
    from: request.from,
    to: request.to,
  });

  const list = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' });
  const conceptNames = list.format(concepts.map((c) => c.names[lang]));
  const processNames = list.format(
    processes.map((p) => p.shortName ?? paper.content('process', p.id, 'name', p.name)),
  );
  const { t, day } = paper;
  const today = now.toISOString().slice(0, 10);
  return {
    language: lang,
    paper: request.paper,
    title: fill(t.title, { concepts: conceptNames }),
    subtitle: fill(t.subtitle, {
      processes: processNames,
      from: day(request.from),
      to: day(request.to),
    }),
    date: day(today),
    prepared: fill(t.prepared, { date: day(today) }),
    scope: `${fill(t.foreword, {
      processes: processNames,
      from: day(request.from),
      to: day(request.to),
      concepts: conceptNames,
    })} ${fill(t.languageScope, { language: languageName(lang, lang).display })}`,
    summary: [
      ...out.map((p) => p.summary),
      fill(t.regulatorySummary, {
        stated: regulatory.stated.length,
        reported: regulatory.reported.length,
      }),
    ],
    processes: out,
    regulatory,
    notes: paper.notes.inReadingOrder(out, regulatory),
  };
}

/** The request, its processes and its concepts, or the error naming what is not there. */
async function readRequest(
  db: Db,
  input: unknown,
): Promise<{
  request: BriefingRequest;
  processes: Process[];
  concepts: Concept[];
}> {
  const parsed = briefingRequestSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const request = parsed.data;
  const processes: Process[] = [];
  for (const ref of request.processes) processes.push(await requireProcess(db, ref));
  const concepts: Concept[] = [];
  for (const ref of request.concepts) {
    const concept = await lookupConcept(db, ref);
    if (!concept) throw new PlenumError('CONCEPT_NOT_FOUND', `There is no concept "${ref}".`);
    concepts.push(concept);
  }
  return { request, processes, concepts };
}

/** What every part of one paper writes with: its language, dates, notes, period and concepts. */
interface Paper {
  lang: UnLanguage;
  t: (typeof briefingText)[UnLanguage];
  day: (iso: string) => string;
  notes: Notes;
  start: string;
  end: string;
  /** The last day of the period, YYYY-MM-DD. */
  to: string;
  /** The instant dividing what happened from what is coming. */
  now: string;
  touches: (sentence: string, language: string) => boolean;
  /** A name set inside a sentence, isolated (FSI…PDI) when its direction may differ from the paper's. */
  iso: (value: string) => string;
  /** A process's, period's or version's text in the paper's language when the secretariat gave one. */
  content: (type: TranslatableSubject, id: string, field: string, original: string) => string;
}

/** A day as the paper's language writes it ("1 June 2026"). */
function dayIn(lang: UnLanguage): (iso: string) => string {
  // English papers date as UN documents do: "15 July 2020".
  const dates = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  return (iso) => dates.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
}

/** The paper's notes, numbered as they are made and then again in reading order. */
class Notes {
  private readonly notes: Briefing['notes'] = [];
  private readonly byHref = new Map<string, number>();

  /** A note for this source; the same source twice is one note. Its number until renumbered. */
  add(label: string, href: string): number {
    const known = this.byHref.get(href);
    if (known !== undefined) return known;
    this.notes.push({ n: this.notes.length + 1, label, href });
    this.byHref.set(href, this.notes.length);
    return this.notes.length;
  }

  /** Notes numbered in reading order: happened, the drafts, who said what, what is coming. */
  inReadingOrder(out: BriefingProcess[], regulatory: BriefingRegulatory): Briefing['notes'] {
    const order = new Map<number, number>();
    const number = (n: number): number => {
      let renumbered = order.get(n);
      if (renumbered === undefined) {
        renumbered = order.size + 1;
        order.set(n, renumbered);
      }
      return renumbered;
    };
    for (const p of out) {
      for (const line of p.happened) line.note = number(line.note);
      for (const d of p.drafts) {
        for (const para of d.paragraphs) {
          // The change is written before the quotation, so its note comes first.
          if (para.changeNote !== null) para.changeNote = number(para.changeNote);
          para.note = number(para.note);
          for (const position of para.positions) position.note = number(position.note);
        }
        for (const position of d.positions) position.note = number(position.note);
      }
      const speakers = [...p.states, ...p.igos, ...p.others.flatMap((g) => g.speakers)];
      for (const s of speakers) {
        for (const q of s.quotes) q.note = number(q.note);
        if (s.more) s.more.note = number(s.more.note);
      }
      for (const line of p.upcoming) line.note = number(line.note);
    }
    for (const line of [...regulatory.stated, ...regulatory.reported])
      line.note = number(line.note);
    return this.notes
      .filter((n) => order.has(n.n))
      .map((n) => ({ ...n, n: order.get(n.n)! }))
      .toSorted((a, b) => a.n - b.n);
  }
}

/**
 * What happened (in the period and already past) and what is coming (every meeting and deadline
 * after now), each by date, from the process timeline's public entries.
 */
function timelineLines(
  paper: Paper,
  timeline: Awaited<ReturnType<typeof getTimeline>>,
): { happened: BriefingLine[]; upcoming: BriefingLine[] } {
  const { t, day, notes, start, end, now, iso, content } = paper;
  const happened: BriefingLine[] = [];
  const upcoming: BriefingLine[] = [];
  const past = (at: string): boolean => at <= now && at >= start && at <= end;
  const line = (at: string, text: string, label: string, href: string): BriefingLine => ({
    date: at.slice(0, 10),
    day: day(at),
    text,
    note: notes.add(label, href),
  });
  for (const entry of timeline) {
    if (entry.type === 'meeting') {
      const m = entry.meeting;
      const text = `${fill(t.meeting, { title: iso(m.place ? `${m.title}, ${m.place}` : m.title) })}${
        m.status === 'scheduled' ? '' : ` (${t.statuses[m.status]})`
      }`;
      const href = `/meetings/${m.id}`;
      if (m.startsAt > now) upcoming.push(line(m.startsAt, text, m.title, href));
      else if (past(m.startsAt)) happened.push(line(m.startsAt, text, m.title, href));
      continue;
    }
    if (entry.type === 'period') {
      const title = content('period', entry.id, 'title', entry.title);
      const href = `/consultations/${entry.id}`;
      const closes = day(entry.closesAt);
      if (entry.at > now)
        upcoming.push(
          line(entry.at, fill(t.periodOpens, { title: iso(title), date: closes }), title, href),
        );
      else if (past(entry.at))
        happened.push(
          line(entry.at, fill(t.periodOpened, { title: iso(title), date: closes }), title, href),
        );
      if (entry.closesAt > now)
        upcoming.push(line(entry.closesAt, fill(t.deadline, { title: iso(title) }), title, href));
      else if (past(entry.closesAt))
        happened.push(
          line(entry.closesAt, fill(t.periodClosed, { title: iso(title) }), title, href),
        );
      continue;
    }
    if (!past(entry.at)) continue;
    const label = entry.symbol ?? entry.title;
    const versionLabel = content('version', entry.versionId, 'label', entry.label);
    happened.push(
      line(
        entry.at,
        entry.type === 'document'
          ? fill(t.newDocument, { title: iso(`${label} (${versionLabel})`) })
          : fill(t.newVersion, { title: iso(label), label: iso(versionLabel) }),
        `${label}, ${versionLabel}`,
        `/documents/${entry.documentId}/v/${entry.seq}`,
      ),
    );
  }
  const byDate = (a: BriefingLine, b: BriefingLine): number =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
  return { happened: happened.toSorted(byDate), upcoming: upcoming.toSorted(byDate) };
}

/**
 * Regulatory developments in the period: every status of a national measure dated within the
 * period, of the States concerned (the paper quotes their verified governments, or an analyst
 * recorded a stance for them in the paper's processes and period), by date; the States' own word
 * (judged as the paper is drafted) apart from what others reported.
 */
async function regulatoryDevelopments(
  db: Db,
  paper: Paper,
  given: { states: string[]; from: string; to: string },
): Promise<BriefingRegulatory> {
  const { t, lang, day, notes, iso } = paper;
  const { states } = given;
  const { changes } = await listStatusChanges(db, {
    countries: states,
    from: given.from,
    to: given.to,
  });
  const r = messagesFor(lang).registry;
  const groups = messagesFor(lang).organisations.groups;
  const names = states
    .map((c) => countryName(c, lang))
    .toSorted((a, b) => a.localeCompare(b, lang));
  const stated: BriefingLine[] = [];
  const reported: BriefingLine[] = [];
  for (const { date, status, entry } of changes) {
    const m = entry.measure;
    const translated = m.titleTranslations[lang as keyof typeof m.titleTranslations];
    const title =
      translated && m.titleLanguage.split('-')[0] !== lang ? `${translated} (${m.title})` : m.title;
    let text = fill(t.regulatoryLine, {
      country: iso(countryName(m.country, lang)),
      title: iso(title),
      instrument: r.instruments[m.instrument],
      status: r.statuses[status],
    });
    if (!entry.stateWord) {
      const o = entry.organisation;
      text += `; ${fill(t.regulatoryReportedBy, {
        reporter: o
          ? iso(
              `${o.name} (${groups[o.stakeholderGroup]}, ${
                o.verified ? countryReportText[lang].verified : countryReportText[lang].notVerified
              })`,
            )
          : t.unknownActor,
      })}`;
    }
    const line: BriefingLine = {
      date,
      day: day(date),
      text,
      note: notes.add(fill(t.regulatoryNote, { title: m.title }), `/registry/measures/${m.id}`),
    };
    (entry.stateWord ? stated : reported).push(line);
  }
  return {
    intro: fill(t.regulatoryIntro, {
      states:
        names.length > 0
          ? new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(names)
          : t.noStates,
    }),
    stated,
    reported,
  };
}

/** The day a version stands for: its own date, else the day its first language was imported. */
function versionDay(v: Version): string {
  return (v.date ?? v.languages[0]?.importedAt ?? '').slice(0, 10);
}

/** The direction of each language tag met (finding it makes an Intl.Locale). */
const directions = new Map<string, 'ltr' | 'rtl'>();

/** Exact pieces of a text in its language, as an excerpt of the paper. */
function excerpt(paper: Paper, pieces: string[], language: string): BriefingExcerpt {
  const primary = language.split('-')[0]!;
  let dir = directions.get(language);
  if (dir === undefined) {
    dir = directionOf(language);
    if (directions.size < 200) directions.set(language, dir);
  }
  return {
    pieces,
    language,
    dir,
    translate: primary !== paper.lang,
  };
}

/**
 * What the current drafts say: for every document with a paragraph on the concepts (or a stance
 * recorded on one), its latest public version dated by the end of the period, each paragraph on
 * the concepts there (or that was on them in the previous version) quoted once, in the paper's
 * language when the version has it, else in the original, with what changed since the previous
 * version. One query for the alignment of each document, one for all the paragraphs.
 */
async function draftsOf(
  db: Db,
  given: {
    paper: Paper;
    documents: PlenumDocument[];
    tagged: TaggedParagraph[];
    stances: BriefingStance[];
  },
): Promise<BriefingDraft[]> {
  const { paper } = given;
  const { t, day, notes, lang } = paper;
  const kinds = messagesFor(lang).stances.kinds;
  const plans: {
    document: PlenumDocument;
    latest: Version;
    previous: Version | undefined;
    language: string;
    /** Address in the latest version → what became of it since the previous one. */
    fromPrevious: Map<string, AlignedPair>;
    addresses: Set<string>;
    deleted: string[];
    stances: BriefingStance[];
  }[] = [];
  for (const document of given.documents) {
    const tagged = given.tagged.filter((x) => x.documentId === document.id);
    const stances = given.stances.filter((x) => x.paragraph!.documentId === document.id);
    if (tagged.length === 0 && stances.length === 0) continue;
    const published = document.versions
      .filter((v) => v.public && v.languages.length > 0)
      .toSorted((a, b) => a.seq - b.seq);
    // The version standing at the end of the period; the one before it by number, whatever its date.
    const latest = published.filter((v) => versionDay(v) <= paper.to).at(-1);
    if (!latest) continue;
    const previous = published.filter((v) => v.seq < latest.seq).at(-1);
    const original = latest.languages.toSorted((a, b) =>
      a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : 0,
    )[0]!;
    const mine = latest.languages.find((l) => l.language.split('-')[0] === lang);
    const language = (mine ?? original).language;
    const addresses = new Set(
      [...tagged, ...stances.map((s) => s.paragraph!)]
        .filter((x) => x.versionId === latest.id)
        .map((x) => x.address),
    );
    // The alignment with the previous version, in the language quoted if both have it.
    const fromPrevious = new Map<string, AlignedPair>();
    const deleted: string[] = [];
    const to = latest.languages.find((l) => l.language === language);
    const from =
      previous?.languages.find((l) => l.language === language) ??
      previous?.languages.find((l) => latest.languages.some((x) => x.language === l.language));
    const toSame = from ? latest.languages.find((l) => l.language === from.language) : undefined;
    if (previous && from && toSame && to) {
      const pairs = await listAlignedPairs(db, from.id, toSame.id);
      const wasOnConcepts = new Set(
        tagged.filter((x) => x.versionId === previous.id).map((x) => x.address),
      );
      for (const pair of pairs) {
        if (pair.toAddress) {
          const known = fromPrevious.get(pair.toAddress);
          // A merge has several earlier paragraphs: keep them all in one address list.
          fromPrevious.set(
            pair.toAddress,
            known && pair.fromAddress
              ? { ...known, fromAddress: `${known.fromAddress}, ${pair.fromAddress}` }
              : pair,
          );
        }
        if (pair.fromAddress && wasOnConcepts.has(pair.fromAddress)) {
          if (pair.toAddress) addresses.add(pair.toAddress);
          else if (pair.change === 'deleted')
            deleted.push(
              fill(t.deleted, {
                address: paper.iso(pair.fromAddress),
                label: paper.iso(labelOf(paper, previous)),
                latest: paper.iso(labelOf(paper, latest)),
              }),
            );
        }
      }
    }
    plans.push({ document, latest, previous, language, fromPrevious, addresses, deleted, stances });
  }
  const paragraphs = await listVersionParagraphs(
    db,
    plans.map((p) => p.latest.id),
    [...new Set(plans.flatMap((p) => [...p.addresses]))],
  );

  const position = (s: BriefingStance, where?: string): BriefingRecordedPosition => {
    const actor =
      s.actorName ?? (s.actorCountry ? countryName(s.actorCountry, lang) : t.unknownActor);
    return {
      actor,
      stance: kinds[s.stance as keyof typeof kinds] ?? s.stance,
      day: where ? `${day(s.saidOn)}, ${where}` : day(s.saidOn),
      note: notes.add(
        `${s.paragraph!.address}, ${fill(t.positionRecorded, { date: day(s.saidOn) })}`,
        s.paragraph!.href,
      ),
    };
  };

  return plans.map((plan) => {
    const { document, latest, previous, language } = plan;
    const label = document.symbol ?? document.title;
    const own = paragraphs.filter((p) => p.versionId === latest.id && p.language === language);
    const quoted: BriefingDraftParagraph[] = own
      .filter((p) => plan.addresses.has(p.address))
      .map((p) => {
        const pieces =
          p.text.length <= wholeParagraphLength
            ? [p.text]
            : quotableSentences(p.text, p.language, paper.touches);
        const pair = plan.fromPrevious.get(p.address);
        const change = previous && pair ? changeText(paper, pair, previous, latest) : null;
        return {
          address: p.address,
          sourceId: p.sourceId,
          excerpt: excerpt(paper, pieces.length > 0 ? pieces : [p.text], p.language),
          change,
          changed: pair !== undefined && pair.change !== 'unchanged',
          changeNote:
            change && previous
              ? notes.add(
                  fill(t.comparison, {
                    from: labelOf(paper, previous),
                    to: labelOf(paper, latest),
                  }),
                  `/documents/${document.id}/compare?from=${previous.seq}&to=${latest.seq}&lang=${encodeURIComponent(language)}`,
                )
              : null,
          note: notes.add(`${label}, ${labelOf(paper, latest)}, ${p.address}`, p.href),
          positions: plan.stances
            .filter(
              (s) => s.paragraph!.versionId === latest.id && s.paragraph!.address === p.address,
            )
            .map((s) => position(s)),
        };
      });
    const placed = new Set(quoted.map((q) => q.address));
    const others = plan.stances.filter(
      (s) => s.paragraph!.versionId !== latest.id || !placed.has(s.paragraph!.address),
    );
    const versionLabel = (id: string): string => {
      const v = document.versions.find((x) => x.id === id);
      return v ? labelOf(paper, v) : '';
    };
    const languageNote =
      language.split('-')[0] === paper.lang
        ? null
        : fill(t.notInLanguage, {
            language: languageName(paper.lang, paper.lang).display,
            original: languageName(language, paper.lang).display,
          });
    return {
      heading: fill(t.draftHeading, {
        document: paper.iso(label),
        label: paper.iso(labelOf(paper, latest)),
        date: day(versionDay(latest)),
      }),
      languageNote,
      paragraphs: quoted,
      deleted: plan.deleted,
      positions: others.map((s) =>
        position(
          s,
          fill(t.positionOn, {
            address: paper.iso(s.paragraph!.address),
            label: paper.iso(versionLabel(s.paragraph!.versionId)),
          }),
        ),
      ),
    };
  });
}

/** A version's label in the paper's language when the secretariat translated it. */
function labelOf(paper: Paper, version: { id: string; label: string }): string {
  return paper.content('version', version.id, 'label', version.label);
}

/** What became of a paragraph since the previous version, or null when it is the same. */
function changeText(
  paper: Paper,
  pair: AlignedPair,
  previous: Version,
  latest: Version,
): string | null {
  const { t } = paper;
  const { iso } = paper;
  const was = {
    address: iso(pair.fromAddress ?? ''),
    label: iso(labelOf(paper, previous)),
    latest: iso(labelOf(paper, latest)),
  };
  switch (pair.change) {
    case 'new':
      return fill(t.isNew, was);
    case 'changed':
      return fill(pair.renumbered ? t.changedRenumbered : t.changed, was);
    case 'split':
      return fill(t.split, was);
    case 'merged':
      return fill(t.merged, was);
    case 'unchanged':
      return pair.renumbered ? fill(t.renumbered, was) : null;
    default:
      return null;
  }
}

type Speakers = Pick<BriefingProcess, 'states' | 'igos' | 'others'>;

/** The order of the other stakeholders' groups in a paper. */
const otherGroups = [
  'private_sector',
  'civil_society',
  'technical_community',
  'academia',
  'individual',
  'unverified',
] as const;

/**
 * Who said what in one process: from each published submission on the concepts, its sentences
 * that touch on them (and the words an analyst quoted from it in a stance), once, attributed to
 * the organisation that submitted it. Only a verified government speaks for its State, and only
 * a verified IGO as an IGO; the others are listed with the unverified voices.
 */
function speakersOf(
  paper: Paper,
  given: { passages: BriefingPassage[]; stances: BriefingStance[] },
): Speakers {
  const { lang, t, day, notes } = paper;
  const groups = messagesFor(lang).organisations.groups;
  const bySource = new Map<string, { passage: BriefingPassage; pieces: string[] }>();
  for (const p of given.passages)
    bySource.set(p.sourceId, {
      passage: p,
      pieces: quotableSentences(p.text, p.language, paper.touches),
    });
  for (const s of given.stances) {
    const p = s.submission!;
    const known = bySource.get(p.sourceId) ?? { passage: p, pieces: [] };
    if (!known.pieces.some((piece) => piece.includes(s.exact))) {
      known.pieces = [...known.pieces.filter((piece) => !s.exact.includes(piece)), s.exact];
    }
    bySource.set(p.sourceId, known);
  }
  // Per speaker, what it said: each distinct set of words once (the latest submission that has
  // them, with how many others repeat them), in date order.
  const said = new Map<string, { group: string; name: string; texts: Map<string, Said> }>();
  for (const { passage: p, pieces } of [...bySource.values()].toSorted((a, b) =>
    a.passage.date < b.passage.date ? -1 : a.passage.date > b.passage.date ? 1 : 0,
  )) {
    if (pieces.length === 0) continue;
    const claimed = p.stakeholderGroup ?? 'individual';
    const official = claimed === 'government' || claimed === 'igo';
    const group = official && !p.organisationVerified ? 'unverified' : claimed;
    const name =
      group === 'government' && p.country
        ? countryName(p.country, lang)
        : (p.organisationName ?? p.title);
    const key = `${group}\u0000${name}`;
    let entry = said.get(key);
    if (!entry) said.set(key, (entry = { group, name, texts: new Map() }));
    const inOrder = pieces.toSorted((a, b) => p.text.indexOf(a) - p.text.indexOf(b));
    const words = `${p.language}\u0000${inOrder.join('\u0000')}`;
    const known = entry.texts.get(words);
    if (known) {
      known.latest = p;
      known.pieces = inOrder;
      known.submissions += 1;
    } else entry.texts.set(words, { latest: p, pieces: inOrder, first: p.date, submissions: 1 });
  }
  const speakers = new Map<string, { group: string; speaker: BriefingSpeaker }>();
  for (const [key, { group, name, texts }] of said) {
    const all = [...texts.values()].toSorted((a, b) =>
      a.latest.date < b.latest.date ? -1 : a.latest.date > b.latest.date ? 1 : 0,
    );
    const shown = all.slice(-maxQuotesPerSpeaker);
    const left = all.slice(0, -maxQuotesPerSpeaker);
    const quotes = shown.map(({ latest: p, pieces, first, submissions }): BriefingQuote => {
      const repeated =
        submissions > 1
          ? `; ${fill(t.sameWords, { count: submissions - 1, date: day(first) })}`
          : '';
      return {
        ...excerpt(paper, pieces, p.language),
        note: notes.add(
          `${p.organisationName ?? p.title}, ${fill(t.submission, { date: day(p.date) })}${repeated}`,
          p.href,
        ),
        sourceId: p.sourceId,
        date: p.date,
      };
    });
    let more: BriefingSpeaker['more'] = null;
    if (left.length > 0) {
      const latest = left.at(-1)!.latest;
      const first = left.reduce((d, x) => (x.first < d ? x.first : d), left[0]!.first);
      const submissions = left.reduce((n, x) => n + x.submissions, 0);
      more = {
        statements: left.length,
        submissions,
        text: fill(t.moreStatements, {
          statements: left.length,
          submissions,
          from: day(first),
          to: day(latest.date),
        }),
        // The speaker's own page lists everything it submitted; without one, its latest.
        note: notes.add(
          `${latest.organisationName ?? latest.title}${t.colon}${t.allSubmissions}`,
          latest.organisationId ? `/organisations/${latest.organisationId}` : latest.href,
        ),
      };
    }
    speakers.set(key, { group, speaker: { name, quotes, more } });
  }
  const inGroup = (group: string): BriefingSpeaker[] =>
    [...speakers.values()]
      .filter((e) => e.group === group)
      .map((e) => e.speaker)
      .toSorted((a, b) => a.name.localeCompare(b.name, lang));
  const others: BriefingStakeholderGroup[] = otherGroups
    .map((group) => ({
      group,
      title: group === 'unverified' ? t.unverified : groups[group],
      speakers: inGroup(group),
    }))
    .filter((g) => g.speakers.length > 0);
  return { states: inGroup('government'), igos: inGroup('igo'), others };
}

/** One line of the summary for a process. */
function summaryOf(
  paper: Paper,
  name: string,
  p: Pick<BriefingProcess, 'drafts' | 'states' | 'igos' | 'others' | 'upcoming'>,
): string {
  const { t } = paper;
  const paragraphs = p.drafts.flatMap((d) => d.paragraphs);
  const next = p.upcoming[0];
  return fill(t.summaryLine, {
    process: name,
    paragraphs: paragraphs.length,
    changed: paragraphs.filter((x) => x.changed).length,
    states: p.states.length,
    igos: p.igos.length,
    others: p.others.reduce((n, g) => n + g.speakers.length, 0),
    next: next ? `${next.text} (${next.day})` : t.nothingNext,
  });
}
