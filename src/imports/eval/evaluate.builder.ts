/**
 * The importer's evaluation: parses every rendering of every document of the corpus and sums the
 * scores per family, per format and overall (`npm run eval:import`, the eval test, the bench).
 */
import type { Browser } from 'playwright-core';
import type { ParseResult } from '../../documents/blocks.ts';
import { parseDocx } from '../parser/docx.ts';
import { parseText } from '../parser/parse-text.ts';
import { parsePdf } from '../parser/pdf.ts';
import { launchPdfPrinter, printPdf } from '../parser/pdf.builder.ts';
import type { TrueDocument } from './corpus.builder.ts';
import { renderDocx, renderPdfSpec, renderText } from './render.builder.ts';
import { addTallies, f1, scoreParse } from './score.ts';
import type { DocumentScore, Tally } from './score.ts';

/** The formats evaluated: extracted text (or Markdown), DOCX, and PDF printed by Chromium. */
export const evalFormats = ['text', 'docx', 'pdf'] as const;
export type EvalFormat = (typeof evalFormats)[number];

/** Sums of scores over a group of parses. */
export interface GroupScore {
  documents: number;
  paragraphs: Tally;
  footnoteLinks: Tally;
  headings: Tally;
  kept: { found: number; total: number };
  matter: Tally;
  /** Warnings on documents that should give none. */
  warningsOnClean: number;
  /** The documents with warnings, for a reader to look at. */
  warned: string[];
}

/** One parse's score and what it was. */
export interface EvaluatedParse {
  doc: TrueDocument;
  format: EvalFormat;
  score: DocumentScore;
  result: ParseResult;
}

/** Parses one rendering of a document; a PDF rendering is given printed (see printAhead). */
export async function parseRendering(
  doc: TrueDocument,
  format: EvalFormat,
  printed?: Promise<Uint8Array>,
): Promise<ParseResult> {
  if (format === 'docx') return parseDocx(await renderDocx(doc), { language: doc.language });
  if (format === 'pdf') {
    if (!printed) throw new Error('A PDF rendering must be printed first.');
    return parsePdf(await printed, { language: doc.language });
  }
  const { text, format: f } = renderText(doc);
  return parseText(text, { format: f, language: doc.language });
}

/** Browser pages printing at once: Chromium prints on one while it lays out on the other. */
const PRINTING_PAGES = 2;

/**
 * Prints every document to PDF in order, on a few pages of one browser that are reused (starting
 * Chromium or a page for each document would take most of the time); the PDFs are printed while
 * the ones before are parsed. One promise per document.
 */
function printAhead(browser: Browser, docs: TrueDocument[]): Promise<Uint8Array>[] {
  const waiting = docs.map(() => Promise.withResolvers<Uint8Array>());
  let next = 0;
  const worker = async (): Promise<void> => {
    const page = await browser.newPage();
    try {
      while (next < docs.length) {
        const k = next++;
        try {
          waiting[k]!.resolve((await printPdf(page, renderPdfSpec(docs[k]!))).bytes);
        } catch (error) {
          waiting[k]!.reject(error);
        }
      }
    } finally {
      await page.close();
    }
  };
  for (let i = 0; i < PRINTING_PAGES; i++) void worker();
  // a rejection is seen where the document is parsed; none goes unhandled meanwhile
  for (const w of waiting) w.promise.catch(() => {});
  return waiting.map((w) => w.promise);
}

/** Parses and scores every rendering of every document (PDF: Chromium started once). */
export async function evaluateCorpus(
  docs: TrueDocument[],
  formats: readonly EvalFormat[] = evalFormats,
): Promise<EvaluatedParse[]> {
  const out: EvaluatedParse[] = [];
  const browser = formats.includes('pdf') ? await launchPdfPrinter() : null;
  try {
    const printed = browser ? printAhead(browser, docs) : [];
    for (const [k, doc] of docs.entries()) {
      for (const format of formats) {
        const result = await parseRendering(doc, format, printed[k]);
        out.push({ doc, format, result, score: scoreParse(result, doc) });
      }
    }
  } finally {
    await browser?.close();
  }
  return out;
}

/** Sums the scores of parses into groups by a key (family, format, or one group "overall"). */
export function groupScores(
  parses: EvaluatedParse[],
  keyOf: (p: EvaluatedParse) => string,
): Map<string, GroupScore> {
  const groups = new Map<string, GroupScore>();
  const zero = (): Tally => ({ matched: 0, predicted: 0, truth: 0 });
  for (const p of parses) {
    const k = keyOf(p);
    const g = groups.get(k) ?? {
      documents: 0,
      paragraphs: zero(),
      footnoteLinks: zero(),
      headings: zero(),
      kept: { found: 0, total: 0 },
      matter: zero(),
      warningsOnClean: 0,
      warned: [],
    };
    g.documents++;
    g.paragraphs = addTallies(g.paragraphs, p.score.paragraphs);
    g.footnoteLinks = addTallies(g.footnoteLinks, p.score.footnoteLinks);
    g.headings = addTallies(g.headings, p.score.headings);
    g.matter = addTallies(g.matter, p.score.matter);
    g.kept = { found: g.kept.found + p.score.kept.found, total: g.kept.total + p.score.kept.total };
    if (p.doc.clean && p.score.warnings > 0) {
      g.warningsOnClean += p.score.warnings;
      g.warned.push(`${p.doc.id}.${p.format}`);
    }
    groups.set(k, g);
  }
  return groups;
}

const pct = (x: number): string => x.toFixed(3);
const pr = (t: Tally): string =>
  `P ${pct(t.predicted ? t.matched / t.predicted : 1)} R ${pct(t.truth ? t.matched / t.truth : 1)} F1 ${pct(f1(t))}`;

/** One line of the report for a group. */
export function formatGroup(name: string, g: GroupScore): string {
  return [
    name.padEnd(20),
    `docs ${String(g.documents).padStart(3)}`,
    `paragraphs ${pr(g.paragraphs)}`,
    `footnote links ${pr(g.footnoteLinks)}`,
    `headings F1 ${pct(f1(g.headings))}`,
    `text kept ${pct(g.kept.total ? g.kept.found / g.kept.total : 1)}`,
    `cover apart F1 ${pct(f1(g.matter))}`,
    `warnings on clean ${g.warningsOnClean}`,
  ].join(' | ');
}
