/**
 * The importer's evaluation: parses every rendering of every document of the corpus and sums the
 * scores per family, per format and overall (`npm run eval:import`, the eval test, the bench).
 */
import type { ParseResult } from '../../documents/blocks.ts';
import { parseDocx } from '../parser/docx.ts';
import { parseText } from '../parser/parse-text.ts';
import type { TrueDocument } from './corpus.builder.ts';
import { renderDocx, renderText } from './render.builder.ts';
import { addTallies, f1, scoreParse } from './score.ts';
import type { DocumentScore, Tally } from './score.ts';

/** The formats evaluated (a PDF rendering can be added: renderHtml printed by Chromium). */
export const evalFormats = ['text', 'docx'] as const;
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

/** Parses one rendering of a document. */
export async function parseRendering(doc: TrueDocument, format: EvalFormat): Promise<ParseResult> {
  if (format === 'docx') return parseDocx(await renderDocx(doc), { language: doc.language });
  const { text, format: f } = renderText(doc);
  return parseText(text, { format: f, language: doc.language });
}

/** Parses and scores every rendering of every document. */
export async function evaluateCorpus(
  docs: TrueDocument[],
  formats: readonly EvalFormat[] = evalFormats,
): Promise<EvaluatedParse[]> {
  const out: EvaluatedParse[] = [];
  for (const doc of docs) {
    for (const format of formats) {
      const result = await parseRendering(doc, format);
      out.push({ doc, format, result, score: scoreParse(result, doc) });
    }
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
