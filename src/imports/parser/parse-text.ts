/**
 * The parsing core of the document importer: turns plain text or Markdown (often extracted from PDF or
 * Word, so messy) into the blocks of `blocks.ts`.
 *
 * The parser works on lines, in passes:
 *  1. clean each line (lines.ts, footnotes.ts): field codes, bookmarks, replacement and invisible
 *     characters go to `removed`; inline markup (Markdown emphasis, links, code, escapes, HTML; in
 *     extracted text only full `[label](target)` links) is taken out paragraph by paragraph (markup.ts);
 *     explicit footnote markers (`<sup>1</sup>`, `[1]`, `[^1]`, `¹`, `[footnoteRef:1]`) become sentinels;
 *     explicit footnote definitions at a line start (`[^1]:`, `[1] `, `¹ `) are noted;
 *  2. page furniture (page-furniture.ts): lines repeated on many pages (headers, footers) and
 *     page-number lines are removed;
 *  3. tables of contents (table-of-contents.ts: dotted leaders, tab + number, a title then entries,
 *     titles then a column of page numbers) are removed; their titles are kept to recognise the
 *     headings later;
 *  4. one pass in reading order (structure.ts, classify.ts, drafts.ts) decides what each line starts
 *     (heading, numbered paragraph, sub-paragraph, list item, footnote, table, page number) or
 *     continues, using the running paragraph sequence, the footnote numbers referenced so far, the
 *     typical line width (lines.ts) and what follows;
 *  5. blocks are finished (drafts.ts, footnotes.ts, addresses.ts): wrapped lines joined (no space
 *     between CJK characters), glued footnote numbers (`system.1`, `OECE3 began`) accepted only when a
 *     footnote exists or the sequence makes them plausible, markers linked to footnotes, warnings
 *     raised, addresses made unique; the title is chosen from the front matter (title.ts).
 *
 * Addresses: numbered paragraphs `para 38`; sub-paragraphs `para 38(b)`, `para 38(b)(ii)` (or the
 * parent's address plus `(b)` under an unnumbered paragraph); headings `§N` with their section number or
 * `§k` by order (k counts all headings; in a document with numbered sections the unnumbered headings
 * before the first one are its front matter, `§0` or `§0.1`, `§0.2`…); Arabic ordinal (`ثانياً -`) and
 * Chinese (`二、`) section headings are numbered by position ("2"), `（二）` under `一、` is `§1.2`;
 * unnumbered paragraphs `§S ¶n` (n counts unnumbered paragraphs
 * in the section; `¶n` before any heading); list items `<base> •k` where base is the address of the
 * paragraph that introduces the list (or `§S`), nested items `<item> .j` written `•k.j`; footnotes
 * `fn N`; tables `table k`. A duplicate address gets ` (2)`, ` (3)`… appended and a warning.
 *
 * Every character of the input ends up in a block (`text`, `label` or `number`, `rows`, a footnote ref's
 * `marker`) or in `removed`; see accounting.ts.
 */
import { makeAddressesUnique, resolveHeadingAddresses } from './addresses.ts';
import type { ParseResult } from '../../documents/blocks.ts';
import { finishBlockText } from './drafts.ts';
import {
  indexFootnotes,
  linkFootnoteMarkers,
  recoverUnnumberedFootnotes,
  warnAboutFootnotes,
} from './footnotes.ts';
import { measureLayout, readLines } from './lines.ts';
import { markFrontAndBackMatter } from './matter.ts';
import { applyConfidence, planNumbering } from './numbering-plan.ts';
import { removePageFurniture } from './page-furniture.ts';
import { createParseState, stripSentinels } from './parse-state.ts';
import { readStructure } from './structure.ts';
import { removeTablesOfContents } from './table-of-contents.ts';
import { findTitle } from './title.ts';

export { gluedCandidates } from './footnotes.ts';
export { foldSuperscripts } from './numbering.ts';

/** Options of {@link parseText}. */
export interface ParseTextOptions {
  format: 'text' | 'markdown';
  /** BCP 47 language of the text ("en", "zh"); informative, the parser detects CJK by itself. */
  language?: string;
}

/** Parses plain text or Markdown into blocks. Pure; never throws on odd input. */
export function parseText(input: string, options: ParseTextOptions): ParseResult {
  const state = createParseState(options.format === 'markdown');
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

  // 1. clean lines and inline markup
  const lines = readLines(state, text);
  // measured before furniture and contents go: they are part of the page layout
  const layout = measureLayout(lines);
  // 2. page furniture
  removePageFurniture(state, lines);
  // 3. tables of contents
  const tocTitles = removeTablesOfContents(state, lines);
  // 3b. the numbering of the whole document: which numbers are paragraphs, sections, footnotes
  const plan = planNumbering({ lines, layout, tocTitles }, state.warnings);
  // 4. what each line starts or continues, in reading order
  const reading = readStructure(state, lines, layout, tocTitles, plan);
  const { drafts } = reading;

  // 5. finish blocks
  recoverUnnumberedFootnotes(state, drafts, reading.refsSeen);
  for (const d of drafts) finishBlockText(d);
  applyConfidence(plan, drafts, state.warnings);
  const blocks = drafts.map((d) => d.block);
  const fnByNumber = indexFootnotes(state, drafts);
  const referenced = linkFootnoteMarkers(state, drafts, fnByNumber);
  warnAboutFootnotes(state, blocks, fnByNumber, referenced);
  // the title is read from the cover before the cover's headings become front matter
  const title = findTitle(
    drafts.map((d) => ({
      ...d.block,
      lines: d.parts.map((p) => stripSentinels(p)),
      markdownHeading: reading.mdHeadings.has(d.block),
    })),
  );
  markFrontAndBackMatter(blocks);
  resolveHeadingAddresses(blocks, state.warnings);
  makeAddressesUnique(blocks, state.warnings);
  return { title, blocks, removed: state.removed, warnings: state.warnings };
}
