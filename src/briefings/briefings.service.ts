/**
 * Briefing papers: for chosen processes, a period and concepts, what happened in each process,
 * the passages that touch on the concepts (the sentences that do, each quoted exactly as its
 * source has it) grouped as member states in the alphabetical order of the paper's language,
 * then intergovernmental organisations, then other organisations, the meetings coming up, and a
 * numbered note for every source. The paper is data here; briefing-writers.ts writes it out.
 */
import { conceptIdsBelow, lookupConcept, taggerForConcepts } from '../concepts/concepts.service.ts';
import type { Concept } from '../concepts/concepts.schema.ts';
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import { PlenumError } from '../errors.ts';
import { getTimeline } from '../meetings/meetings.service.ts';
import { countryName } from '../organisations/countries.ts';
import { requireProcess } from '../processes/processes.service.ts';
import type { Process } from '../processes/processes.schema.ts';
import type { Stance } from '../stances/stances.schema.ts';
import { getStancesOnConcept } from '../stances/stances.service.ts';
import type { UnLanguage } from '../text/detect-language.ts';
import { fill } from '../web/i18n.ts';
import { zodError } from '../validation.ts';
import { briefingText } from './briefing-text.ts';
import { briefingReader } from './briefings.policy.ts';
import {
  briefingRequestSchema,
  type Briefing,
  type BriefingRequest,
  type BriefingLine,
  type BriefingProcess,
  type BriefingQuote,
  type BriefingSpeaker,
} from './briefings.schema.ts';
import { listBriefingPassages, type BriefingPassage } from './briefings.store.ts';

/** Sentences quoted from one passage at most, so a long submission does not fill the paper. */
const maxQuotesPerPassage = 3;

/** The sentences of a passage that touch on the concepts, each an exact substring of it. */
export function quotableSentences(
  text: string,
  language: string,
  touches: (sentence: string) => boolean,
): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const found: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const sentence = segment.trim();
    if (sentence.length > 0 && touches(sentence)) found.push(sentence);
    if (found.length === maxQuotesPerPassage) break;
  }
  return found;
}

/**
 * Drafts a briefing paper from a request (checked here); `now` dates it. It reads as the public
 * whoever the requester is (see briefings.policy.ts).
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
  };

  const passages = await listBriefingPassages(db, {
    processIds: processes.map((p) => p.id),
    conceptIds,
    from: request.from,
    to: request.to,
  });
  // Recorded stances on the concepts, in the period: their quotes join their actor's.
  const stances = (await Promise.all(concepts.map((c) => getStancesOnConcept(db, c.id))))
    .flat()
    .filter(
      (s) =>
        s.saidOn >= request.from &&
        s.saidOn <= request.to &&
        processes.some((p) => p.id === s.processId),
    );

  const out: BriefingProcess[] = [];
  for (const process of processes) {
    const { happened, upcoming } = timelineLines({
      paper,
      timeline: await getTimeline(db, reader, process, now),
    });
    const speakers = speakersOf({
      paper,
      passages: passages.filter((x) => x.processId === process.id),
      stances: stances.filter((x) => x.processId === process.id),
      touches: (sentence) => tagger.tag(sentence).length > 0,
    });
    out.push({
      name: process.shortName ? `${process.name} (${process.shortName})` : process.name,
      happened,
      ...speakers,
      upcoming,
    });
  }

  const list = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' });
  const conceptNames = list.format(concepts.map((c) => c.names[lang]));
  const processNames = list.format(processes.map((p) => p.shortName ?? p.name));
  const { t, day } = paper;
  return {
    language: lang,
    title: fill(t.title, { concepts: conceptNames }),
    subtitle: fill(t.subtitle, {
      processes: processNames,
      from: day(request.from),
      to: day(request.to),
    }),
    prepared: fill(t.prepared, { date: day(now.toISOString()) }),
    foreword: fill(t.foreword, {
      processes: processNames,
      from: day(request.from),
      to: day(request.to),
      concepts: conceptNames,
    }),
    processes: out,
    notes: paper.notes.inReadingOrder(out),
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

/** What every part of one paper writes with: its language, its dates, its notes and its period. */
interface Paper {
  lang: UnLanguage;
  t: (typeof briefingText)[UnLanguage];
  day: (iso: string) => string;
  notes: Notes;
  start: string;
  end: string;
}

/** A day as the paper's language writes it ("1 June 2026"). */
function dayIn(lang: UnLanguage): (iso: string) => string {
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  return (iso) => dates.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
}

/** The paper's notes, numbered as they are made and then again in reading order. */
class Notes {
  private readonly notes: Briefing['notes'] = [];

  /** A new note; its number until the paper is renumbered. */
  add(label: string, href: string): number {
    this.notes.push({ n: this.notes.length + 1, label, href });
    return this.notes.length;
  }

  /** Notes numbered in reading order: what happened, who said what, what is coming. */
  inReadingOrder(out: BriefingProcess[]): Briefing['notes'] {
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
      for (const line of [...p.happened]) line.note = number(line.note);
      for (const s of [...p.documents, ...p.states, ...p.igos, ...p.others])
        for (const q of s.quotes) q.note = number(q.note);
      for (const line of p.upcoming) line.note = number(line.note);
    }
    return this.notes.map((n) => ({ ...n, n: order.get(n.n)! })).toSorted((a, b) => a.n - b.n);
  }
}

/** What happened, and what is coming: the process timeline, public entries only. */
function timelineLines(options: {
  paper: Paper;
  timeline: Awaited<ReturnType<typeof getTimeline>>;
}): { happened: BriefingLine[]; upcoming: BriefingLine[] } {
  const { t, day, notes, start, end } = options.paper;
  const happened: BriefingLine[] = [];
  const upcoming: BriefingLine[] = [];
  for (const entry of options.timeline) {
    if (entry.type === 'meeting') {
      const m = entry.meeting;
      const line = `${fill(t.meeting, { title: m.title })}${m.place ? `, ${m.place}` : ''}, ${day(m.startsAt)}${
        m.status === 'scheduled' ? '' : ` (${t.statuses[m.status]})`
      }`;
      const target = m.startsAt > end ? upcoming : m.startsAt >= start ? happened : undefined;
      target?.push({ text: line, note: notes.add(m.title, `/meetings/${m.id}`) });
      continue;
    }
    if (entry.at < start || entry.at > end) continue;
    if (entry.type === 'period') {
      happened.push({
        text: fill(t.periodOpened, { title: entry.title, date: day(entry.closesAt) }),
        note: notes.add(entry.title, `/consultations/${entry.id}`),
      });
    } else {
      const label = entry.symbol ?? entry.title;
      happened.push({
        text:
          entry.type === 'document'
            ? fill(t.newDocument, { title: `${label} (${entry.label})` })
            : fill(t.newVersion, { title: label, label: entry.label }),
        note: notes.add(
          `${label}, ${entry.label}`,
          `/documents/${entry.documentId}/v/${entry.seq}`,
        ),
      });
    }
  }
  return { happened, upcoming };
}

type Speakers = Pick<BriefingProcess, 'documents' | 'states' | 'igos' | 'others'>;

/** Who said what in one process: sentences of the tagged passages, then the recorded stances. */
function speakersOf(options: {
  paper: Paper;
  passages: BriefingPassage[];
  stances: Stance[];
  touches: (sentence: string) => boolean;
}): Speakers {
  const { lang, t, day, notes } = options.paper;
  const speakers = {
    documents: new Map<string, BriefingSpeaker>(),
    states: new Map<string, BriefingSpeaker>(),
    igos: new Map<string, BriefingSpeaker>(),
    others: new Map<string, BriefingSpeaker>(),
  };
  const quotedFrom = new Map<string, string[]>();
  const say = (
    group: keyof typeof speakers,
    name: string,
    quote: Omit<BriefingQuote, 'note'>,
    source: { label: string; href: string },
  ): void => {
    // A stance quoting words of a sentence already quoted from the same source adds nothing.
    const sameSource = quotedFrom.get(quote.sourceId) ?? [];
    if (sameSource.some((text) => text.includes(quote.text))) return;
    quotedFrom.set(quote.sourceId, [...sameSource, quote.text]);
    let speaker = speakers[group].get(name);
    if (!speaker) {
      speaker = { name, quotes: [] };
      speakers[group].set(name, speaker);
    }
    speaker.quotes.push({ ...quote, note: notes.add(source.label, source.href) });
  };
  const groupOf = (stakeholderGroup: string | null): keyof typeof speakers =>
    stakeholderGroup === 'government' ? 'states' : stakeholderGroup === 'igo' ? 'igos' : 'others';
  const sourceOf = (p: BriefingPassage): { label: string; href: string } =>
    p.kind === 'submission'
      ? {
          label: `${p.organisationName ?? p.title}, ${fill(t.submission, { date: day(p.date) })}`,
          href: p.href,
        }
      : { label: [p.symbol ?? p.title, p.address].filter(Boolean).join(', '), href: p.href };
  for (const p of options.passages) {
    for (const text of quotableSentences(p.text, p.language, options.touches)) {
      if (p.kind !== 'submission') {
        say('documents', p.symbol ?? p.title, { text, sourceId: p.sourceId }, sourceOf(p));
        continue;
      }
      const group = p.organisationVerified ? groupOf(p.stakeholderGroup) : 'others';
      const name =
        group === 'states' && p.country
          ? countryName(p.country, lang)
          : (p.organisationName ?? p.title);
      say(group, name, { text, sourceId: p.sourceId }, sourceOf(p));
    }
  }
  for (const s of options.stances) {
    // An organisation not verified speaks for no State: its words are listed with the others.
    const group = s.actor.verified ? groupOf(s.actor.stakeholderGroup) : 'others';
    const name =
      group === 'states' && s.actor.country
        ? countryName(s.actor.country, lang)
        : (s.actor.name ?? (s.actor.country ? countryName(s.actor.country, lang) : '?'));
    say(
      group,
      name,
      { text: s.exact, sourceId: s.source.id },
      {
        label: [s.source.symbol ?? s.source.title, s.source.address].filter(Boolean).join(', '),
        href: s.source.href,
      },
    );
  }
  const sorted = (m: Map<string, BriefingSpeaker>): BriefingSpeaker[] =>
    [...m.values()].toSorted((a, b) => a.name.localeCompare(b.name, lang));
  return {
    documents: [...speakers.documents.values()],
    states: sorted(speakers.states),
    igos: sorted(speakers.igos),
    others: sorted(speakers.others),
  };
}
