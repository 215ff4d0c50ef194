/** Briefing papers: the request that asks for one, and the paper as plenum drafts it. */
import { z } from 'zod';
import { unLanguages, type UnLanguage } from '../text/detect-language.ts';

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    (v === undefined ? [] : Array.isArray(v) ? v : v.split(','))
      .map((x) => x.trim())
      .filter((x) => x !== ''),
  );

const day = z
  .string()
  .trim()
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
    'a date as YYYY-MM-DD',
  );

/** The paper sizes an HTML or PDF paper is set for. */
export const paperSizes = ['a4', 'letter'] as const;

/** What a briefing is about: processes, a period and concepts, the paper's language and size. */
export const briefingRequestSchema = z
  .object({
    processes: list.refine((l) => l.length > 0, 'Choose at least one process.'),
    concepts: list.refine((l) => l.length > 0, 'Choose at least one concept.'),
    from: day,
    to: day,
    language: z.enum(unLanguages).default('en'),
    paper: z.enum(paperSizes).default('a4'),
  })
  .refine((r) => r.from <= r.to, { message: 'The period ends before it starts.', path: ['to'] });

/** A checked briefing request. */
export type BriefingRequest = z.infer<typeof briefingRequestSchema>;

/** The formats a briefing is written in. */
export const briefingFormats = ['html', 'md', 'docx', 'pdf'] as const;

/** A dated line of "what happened" or "what is coming", with its note. */
export interface BriefingLine {
  /** YYYY-MM-DD. */
  date: string;
  /** The date as the paper's language writes it. */
  day: string;
  text: string;
  note: number;
}

/**
 * Exact words of a source in their own language: one or more pieces of it (sentences), each an
 * exact substring of the source, printed with an ellipsis between them.
 */
export interface BriefingExcerpt {
  pieces: string[];
  /** BCP 47 tag of the words. */
  language: string;
  dir: 'ltr' | 'rtl';
  /** True when the words are not in the paper's language: a translation is left to the analyst. */
  translate: boolean;
}

/** A quotation of a speaker: their exact words, with the note that gives the source. */
export interface BriefingQuote extends BriefingExcerpt {
  note: number;
  sourceId: string;
  /** YYYY-MM-DD the words were published. */
  date: string;
}

/** Who said it, and what. */
export interface BriefingSpeaker {
  name: string;
  /** Its latest distinct statements (the same words in several submissions quoted once). */
  quotes: BriefingQuote[];
  /** The statements not quoted, counted, with a note to where they all are. */
  more: {
    statements: number;
    submissions: number;
    /** The line the paper writes, in its language. */
    text: string;
    note: number;
  } | null;
}

/** A group of other stakeholders (civil society, private sector, …), in the paper's language. */
export interface BriefingStakeholderGroup {
  /** The stakeholder group's code, or 'unverified' for governments and IGOs not verified. */
  group: string;
  title: string;
  speakers: BriefingSpeaker[];
}

/** A position an analyst recorded on the draft's own words (never a State's comment). */
export interface BriefingRecordedPosition {
  actor: string;
  stance: string;
  /** The day it was said, as the paper writes it. */
  day: string;
  note: number;
}

/** A paragraph of the current draft that touches on the concepts, quoted once. */
export interface BriefingDraftParagraph {
  /** Its address in the version quoted: "para 38". */
  address: string;
  sourceId: string;
  excerpt: BriefingExcerpt;
  /** What changed since the previous version, in the paper's language; null when unchanged or first. */
  change: string | null;
  /** True when its words changed (or it is new) since the previous version, not only its number. */
  changed: boolean;
  /** The note linking to the comparison with the previous version, when it changed. */
  changeNote: number | null;
  note: number;
  positions: BriefingRecordedPosition[];
}

/** One document of a process as its latest version stands, with its relevant paragraphs. */
export interface BriefingDraft {
  /** "A/AC.290/2021/CRP.2, Rev.1 (1 June 2026)". */
  heading: string;
  /** Set when the paper's language is missing and the original is quoted. */
  languageNote: string | null;
  paragraphs: BriefingDraftParagraph[];
  /** Paragraphs of the previous version on the concepts that the latest version deleted. */
  deleted: string[];
  /** Positions recorded on earlier versions' paragraphs. */
  positions: BriefingRecordedPosition[];
}

/** One process of the paper. */
export interface BriefingProcess {
  name: string;
  summary: string;
  happened: BriefingLine[];
  drafts: BriefingDraft[];
  states: BriefingSpeaker[];
  igos: BriefingSpeaker[];
  others: BriefingStakeholderGroup[];
  upcoming: BriefingLine[];
}

/**
 * Regulatory developments in the period: the status changes, dated within the period, of the
 * national measures of the States that took part in the paper's processes; the States' own word
 * apart from what others reported.
 */
export interface BriefingRegulatory {
  /** The introduction, naming the States covered. */
  intro: string;
  stated: BriefingLine[];
  reported: BriefingLine[];
}

/** A drafted briefing paper, ready to be written as Markdown, HTML, DOCX or PDF. */
export interface Briefing {
  language: UnLanguage;
  paper: (typeof paperSizes)[number];
  title: string;
  /** The processes and the period. */
  subtitle: string;
  /** The day the paper was drafted. */
  date: string;
  prepared: string;
  /** What the paper covers: processes, period, concepts, language. */
  scope: string;
  /** A short summary across the processes. */
  summary: string[];
  processes: BriefingProcess[];
  regulatory: BriefingRegulatory;
  notes: { n: number; label: string; href: string }[];
}
