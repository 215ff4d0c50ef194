/**
 * Country reports: the request for one, the counts of what each State said, and the paper in a
 * general shape (sections of text, lists and quotations, with numbered notes) that
 * paper-writers.ts writes as Markdown, HTML, DOCX or PDF like a briefing.
 */
import { z } from 'zod';
import type { RegionalGroup } from '../organisations/countries.ts';
import { unLanguages, type UnLanguage } from '../text/detect-language.ts';
import { paperSizes, type BriefingExcerpt } from './briefings.schema.ts';

/** What a country report is asked for with: its language, paper size and page of submissions. */
export const countryReportRequestSchema = z.object({
  language: z.enum(unLanguages).catch('en'),
  paper: z.enum(paperSizes).catch('a4'),
  /** The submission after which the page of submissions starts (the "more" link's cursor). */
  before: z.string().max(100).optional().catch(undefined),
});

/** A checked country-report request. */
export type CountryReportRequest = z.infer<typeof countryReportRequestSchema>;

/** What one State said: submissions by its verified government and stances recorded for it. */
export interface CountryCount {
  iso3: string;
  submissions: number;
  stances: number;
}

/** The States of one regional group (null: the observer States), in ISO order. */
export interface RegionCounts {
  group: RegionalGroup | null;
  countries: CountryCount[];
}

/** An item of a list in a paper: text, an optional link, an optional note. */
export interface PaperItem {
  /** Set in bold before the text ("1 June 2026"). */
  lead?: string;
  text: string;
  href?: string;
  note?: number;
}

/** A block of a paper's section. */
export type PaperBlock =
  | { kind: 'text'; text: string; italic?: boolean }
  | { kind: 'lead'; text: string }
  | { kind: 'list'; items: PaperItem[] }
  | { kind: 'quote'; excerpt: BriefingExcerpt; note: number };

/** A section of a paper: a heading of level 2 (a part) or 3 (within a part), and its blocks. */
export interface PaperSection {
  id: string;
  level: 2 | 3;
  heading: string;
  blocks: PaperBlock[];
}

/** A paper in the general shape the paper writers write (a country report is one). */
export interface Paper {
  language: UnLanguage;
  paper: (typeof paperSizes)[number];
  title: string;
  subtitle: string;
  prepared: string;
  scope: string;
  summary: string[];
  sections: PaperSection[];
  notes: { n: number; label: string; href: string }[];
}

/** A drafted country report: the paper, and its counts. */
export interface CountryReport {
  iso3: string;
  counts: { submissions: number; stances: number; processes: number };
  paper: Paper;
  /** The cursor of the next page of submissions, when there are more. */
  next: string | null;
}
