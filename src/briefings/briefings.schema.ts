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

/** What a briefing is about: processes, a period and concepts, and the paper's language. */
export const briefingRequestSchema = z
  .object({
    processes: list.refine((l) => l.length > 0, 'Choose at least one process.'),
    concepts: list.refine((l) => l.length > 0, 'Choose at least one concept.'),
    from: day,
    to: day,
    language: z.enum(unLanguages).default('en'),
  })
  .refine((r) => r.from <= r.to, { message: 'The period ends before it starts.', path: ['to'] });

/** A checked briefing request. */
export type BriefingRequest = z.infer<typeof briefingRequestSchema>;

/** The formats a briefing is written in. */
export const briefingFormats = ['html', 'md', 'docx'] as const;

/** One quotation, the exact text of its source, with the number of the note that gives it. */
export interface BriefingQuote {
  text: string;
  note: number;
  sourceId: string;
}

/** A line of "what happened" or "coming up", with its note. */
export interface BriefingLine {
  text: string;
  note: number;
}

/** Who said it, and what. */
export interface BriefingSpeaker {
  name: string;
  quotes: BriefingQuote[];
}

/** One process of the paper. */
export interface BriefingProcess {
  name: string;
  happened: BriefingLine[];
  documents: BriefingSpeaker[];
  states: BriefingSpeaker[];
  igos: BriefingSpeaker[];
  others: BriefingSpeaker[];
  upcoming: BriefingLine[];
}

/** A drafted briefing paper, ready to be written as Markdown, HTML or DOCX. */
export interface Briefing {
  language: UnLanguage;
  title: string;
  subtitle: string;
  prepared: string;
  foreword: string;
  processes: BriefingProcess[];
  notes: { n: number; label: string; href: string }[];
}
