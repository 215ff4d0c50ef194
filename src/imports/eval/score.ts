/**
 * Scores a parse against the truth of a document: numbered paragraphs (number and text), footnote links
 * (marker to the footnote's text), headings (title), text kept, warnings. Texts are compared without
 * whitespace, since wrapping and joining change only whitespace.
 */
import type { ParseResult } from '../../documents/blocks.ts';
import { asciiDigits } from '../parser/numbering.ts';
import type { Truth } from './truth.ts';

/** Matches found, items predicted and items true, for precision and recall. */
export interface Tally {
  matched: number;
  predicted: number;
  truth: number;
}

/** The scores of one parse. */
export interface DocumentScore {
  paragraphs: Tally;
  footnoteLinks: Tally;
  headings: Tally;
  /** Characters of the true text found in the blocks' text. */
  kept: { found: number; total: number };
  /**
   * Cover and back cover kept apart: characters of the true cover lines in front or back matter
   * blocks (matched), all characters of those blocks (predicted), of the true cover lines (truth).
   */
  matter: Tally;
  warnings: number;
}

const squash = (s: string): string => s.replace(/\s+/gu, '');

/** How many of `predicted` match an item of `truth`, each true item matched once. */
function tally(predicted: string[], truth: string[]): Tally {
  const left = new Map<string, number>();
  for (const t of truth) left.set(t, (left.get(t) ?? 0) + 1);
  let matched = 0;
  for (const p of predicted) {
    const n = left.get(p) ?? 0;
    if (n > 0) {
      matched++;
      left.set(p, n - 1);
    }
  }
  return { matched, predicted: predicted.length, truth: truth.length };
}

/** The paragraph's text as the importer should give it: sentences joined, markers out. */
function paragraphText(truth: Truth, sentences: { text: string }[]): string {
  return sentences.map((s) => s.text).join(truth.language === 'zh' ? '' : ' ');
}

/** Scores one parse against its truth. */
export function scoreParse(result: ParseResult, truth: Truth): DocumentScore {
  const byKey = new Map(result.blocks.map((b) => [b.key, b]));
  const notes = new Map<number, string>();
  for (const b of truth.blocks) if (b.kind === 'footnote') notes.set(b.number, b.text);
  const truthParas: string[] = [];
  const truthLinks: string[] = [];
  const truthHeadings: string[] = [];
  for (const b of truth.blocks) {
    if (b.kind === 'heading') truthHeadings.push(squash(b.title));
    if (b.kind !== 'paragraph') continue;
    if (b.number !== null)
      truthParas.push(`${b.number}|${squash(paragraphText(truth, b.sentences))}`);
    for (const s of b.sentences)
      if (s.marker !== null) truthLinks.push(`${s.marker}|${squash(notes.get(s.marker)!)}`);
  }
  const paras = result.blocks
    .filter((b) => b.kind === 'paragraph' && b.parentKey === null && b.number !== null)
    .map((b) => `${asciiDigits(b.number!)}|${squash(b.text)}`);
  const links = result.blocks.flatMap((b) =>
    b.footnoteRefs
      .filter((r) => r.footnoteKey !== null)
      .map((r) => `${asciiDigits(r.marker)}|${squash(byKey.get(r.footnoteKey!)?.text ?? '')}`),
  );
  const headings = result.blocks.filter((b) => b.kind === 'heading').map((b) => squash(b.text));
  return {
    paragraphs: tally(paras, truthParas),
    footnoteLinks: tally(links, truthLinks),
    headings: tally(headings, truthHeadings),
    kept: keptText(result, truth),
    matter: matterChars(result, truth),
    warnings: result.warnings.length,
  };
}

/** How many characters of the true texts the blocks' texts hold. */
function keptText(result: ParseResult, truth: Truth): { found: number; total: number } {
  const counts = new Map<string, number>();
  const add = (s: string, sign: 1 | -1): void => {
    for (const c of squash(s)) counts.set(c, (counts.get(c) ?? 0) + sign);
  };
  let total = 0;
  for (const b of truth.blocks) {
    const t =
      b.kind === 'heading'
        ? b.title
        : b.kind === 'footnote'
          ? b.text
          : paragraphText(truth, b.sentences);
    add(t, 1);
    total += squash(t).length;
  }
  for (const b of result.blocks) add(b.text, -1);
  let missing = 0;
  for (const n of counts.values()) if (n > 0) missing += n;
  return { found: total - missing, total };
}

/** How the characters of the cover lines and of the blocks marked front or back matter overlap. */
function matterChars(result: ParseResult, truth: Truth): Tally {
  const counts = new Map<string, number>();
  let total = 0;
  for (const c of squash([...truth.cover, ...truth.backCover].join(''))) {
    counts.set(c, (counts.get(c) ?? 0) + 1);
    total++;
  }
  let predicted = 0;
  let matched = 0;
  for (const b of result.blocks) {
    if (!b.matter) continue;
    for (const c of squash(b.text)) {
      predicted++;
      const n = counts.get(c) ?? 0;
      if (n > 0) {
        matched++;
        counts.set(c, n - 1);
      }
    }
  }
  return { matched, predicted, truth: total };
}

/** F1 of a tally (1 when there was nothing to find and nothing was found). */
export function f1(t: Tally): number {
  if (t.truth === 0 && t.predicted === 0) return 1;
  const p = t.predicted ? t.matched / t.predicted : 0;
  const r = t.truth ? t.matched / t.truth : 0;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Sums tallies. */
export function addTallies(a: Tally, b: Tally): Tally {
  return {
    matched: a.matched + b.matched,
    predicted: a.predicted + b.predicted,
    truth: a.truth + b.truth,
  };
}
