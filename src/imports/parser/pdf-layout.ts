/**
 * PDF import, step 2: from the fragments of every page (pdf-lines.ts) to the Markdown-like text the
 * parser reads, with what was left out. Pure.
 *
 * - page furniture: a fragment among a page's two top or two bottom lines that repeats at the same
 *   height on many pages (digits aside) is a running header or footer; a lone number there
 *   ("12", "- 12 -", "Page 12") is a page number; both go to `removed`;
 * - footnotes: the lines at a page's foot, below the body, in a font smaller than the body's; a
 *   line there that starts with a number starts footnote `[^n]: …`, any other continues the last
 *   (a footnote carried over to the next page included);
 * - markers: a smaller piece raised above a body line, made of digits, is the marker `[^n]`;
 * - columns: a page where a vertical band near the middle is crossed by almost no line is read
 *   column by column (right column first in right-to-left text), lines that cross it (a title over
 *   both columns) where they stand;
 * - paragraphs: a new one starts after a wider gap between lines, at a change of font size, at an
 *   indented line, after a short line that ends a sentence, or at a bare number standing apart
 *   before a line's text (a paragraph number hanging in the margin or tabbed), which is written on
 *   the line above the paragraph; headings are lines in a font clearly larger than the body's, `#`
 *   for the largest size, `##` for the next.
 */
import type { RemovedText } from '../../documents/blocks.ts';
import { bidiOrder, isRightToLeft, type LinePiece, type PdfFragment } from './pdf-lines.ts';

/** The text for the parser and the page furniture taken out of it. */
export interface PdfLayoutResult {
  text: string;
  removed: RemovedText[];
}

interface PageFragments {
  height: number;
  fragments: PdfFragment[];
}

const PAGE_NUMBER =
  /^[-–—\s]*(?:page|p\.|pág\.|página|стр\.|страница|صفحة|第)?\s*(?:\d{1,4}|[\u0660-\u0669]{1,4}|[ivxlc]{1,6})\s*(?:页|頁)?(?:\s*(?:\/|of|de|из|من)\s*\d{1,4})?[-–—\s]*$/i;

/** Lays out every page's fragments as text. */
export function layOutPdfText(pages: PageFragments[]): PdfLayoutResult {
  const removed: RemovedText[] = [];
  const bodySize = documentBodySize(pages);
  const lineGap = bodyLineGap(pages, bodySize);
  const furniture = findFurniture(pages, lineGap);
  const out: string[] = [];
  const footnotes: string[] = [];
  const read = pages.map((page) => {
    const kept: PdfFragment[] = [];
    for (const f of page.fragments) {
      const reason = furniture.get(f);
      if (reason) removed.push({ reason, text: fragmentText(f, false), line: null });
      else kept.push(f);
    }
    const { body, notes } = splitFootnotes(kept, bodySize);
    return { lines: readingOrder(body), notes };
  });
  const tabStops = hangingTabStops(
    read.flatMap((r) => r.lines),
    bodySize,
  );
  const state: WriterState = { paragraph: null, bodySize, lineGap, tabStops };
  for (const { lines, notes } of read) {
    for (const line of lines) writeLine(state, out, line);
    for (const line of joinBaselines(notes)) writeFootnoteLine(footnotes, line);
  }
  flushParagraph(state, out);
  return { text: [...out, ...footnotes.flatMap((f) => [f, ''])].join('\n'), removed };
}

/** The size of most characters outside headers and footers: the body text's. */
function documentBodySize(pages: PageFragments[]): number {
  const weight = new Map<number, number>();
  for (const p of pages)
    for (const f of p.fragments) {
      const n = f.pieces.reduce((s, x) => s + x.text.length, 0);
      weight.set(f.size, (weight.get(f.size) ?? 0) + n);
    }
  let best = 12;
  let bestWeight = -1;
  for (const [size, w] of weight) if (w > bestWeight) [best, bestWeight] = [size, w];
  return best;
}

/** The usual distance between two baselines of body text, from the document itself. */
function bodyLineGap(pages: PageFragments[], bodySize: number): number {
  const gaps: number[] = [];
  for (const p of pages) {
    const ys = [...new Set(p.fragments.filter((f) => f.size === bodySize).map((f) => f.y))].sort(
      (a, b) => b - a,
    );
    for (let i = 1; i < ys.length; i++) {
      const g = ys[i - 1]! - ys[i]!;
      if (g > 0.5 * bodySize && g < 3 * bodySize) gaps.push(g);
    }
  }
  if (gaps.length === 0) return 1.3 * bodySize;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length * 0.25)]!;
}

/** Running headers, footers and page numbers, by fragment. */
function findFurniture(
  pages: PageFragments[],
  lineGap: number,
): Map<PdfFragment, RemovedText['reason']> {
  const found = new Map<PdfFragment, RemovedText['reason']>();
  const edge: { f: PdfFragment; top: boolean; apart: boolean }[] = [];
  const margin = new Set<PdfFragment>();
  const beside = new Map<PdfFragment, PdfFragment[]>();
  for (const p of pages) {
    for (const f of p.fragments) beside.set(f, fragmentsBeside(f, p.fragments));
    const ys = [...new Set(p.fragments.map((f) => Math.round(f.y)))].sort((a, b) => b - a);
    const top = new Set(ys.slice(0, 2));
    const bottom = new Set(ys.slice(-2));
    for (const f of p.fragments) {
      const y = Math.round(f.y);
      // a header or footer stands apart from the text; the first line of a paragraph that starts
      // every page the same way does not
      const nearest = Math.min(...ys.filter((o) => o !== y).map((o) => Math.abs(o - y)));
      if (top.has(y) || bottom.has(y))
        edge.push({ f, top: top.has(y) && f.y > p.height / 2, apart: nearest > 1.5 * lineGap });
      // the outermost line, in the page's margin and well apart from the rest, on a page of its own
      const outermost = y === ys[0] ? ys[1] : y === ys.at(-1) ? ys.at(-2) : undefined;
      const inMargin = f.y > 0.93 * p.height || f.y < 0.07 * p.height;
      if (outermost !== undefined && inMargin && Math.abs(outermost - y) > 2.5 * f.size)
        margin.add(f);
    }
  }
  const key = (f: PdfFragment): string =>
    `${Math.round(f.y / 3)}|${fragmentText(f, false).replace(/\d+/g, '#').replace(/\s+/g, ' ')}`;
  const pagesWith = new Map<string, Set<number>>();
  for (const { f } of edge) {
    const k = key(f);
    if (!pagesWith.has(k)) pagesWith.set(k, new Set());
    pagesWith.get(k)!.add(f.page);
  }
  const repeatedOn = Math.max(2, Math.ceil(pages.length * 0.4));
  const repeated = (f: PdfFragment): boolean =>
    (pagesWith.get(key(f))?.size ?? 0) >= Math.min(repeatedOn, 3);
  for (const { f, top, apart } of edge) {
    const text = fragmentText(f, false);
    // a footnote has its raised number, and may end every page at the same height
    if (f.pieces.some((p) => p.raised) || text.length > 150) continue;
    // a paragraph number opening a page's first line ("9", "12 -", "10)") has the paragraph's
    // text right beside it, text found on no other page: it is no page number nor header
    if (beside.get(f)!.some((o) => !repeated(o))) continue;
    if (PAGE_NUMBER.test(text)) found.set(f, 'page_number');
    else if (apart && pages.length >= 2 && pagesWith.get(key(f))!.size >= Math.min(repeatedOn, 3))
      found.set(f, top ? 'page_header' : 'page_footer');
    else if (pages.length === 1 && margin.has(f)) found.set(f, top ? 'page_header' : 'page_footer');
  }
  return found;
}

/** The other fragments on the same baseline within three characters' width of `f`. */
function fragmentsBeside(f: PdfFragment, fragments: PdfFragment[]): PdfFragment[] {
  return fragments.filter(
    (o) =>
      o !== f &&
      Math.abs(o.y - f.y) < 0.12 * f.size &&
      Math.max(o.x0 - f.x1, f.x0 - o.x1) < 3 * f.size,
  );
}

/** The lines at the page's foot in a smaller font than the body's, apart from the body. */
function splitFootnotes(
  fragments: PdfFragment[],
  bodySize: number,
): { body: PdfFragment[]; notes: PdfFragment[] } {
  const sorted = fragments.toSorted((a, b) => b.y - a.y);
  let cut = sorted.length;
  while (cut > 0 && sorted[cut - 1]!.size < 0.9 * bodySize) cut--;
  // nothing of body size above: a page of small print is body text, not footnotes
  if (cut === 0) return { body: fragments, notes: [] };
  return { body: sorted.slice(0, cut), notes: sorted.slice(cut) };
}

/** A line of text in reading order: fragments on one baseline of one column, joined. */
interface ReadLine {
  x0: number;
  x1: number;
  y: number;
  size: number;
  rtl: boolean;
  pieces: LinePiece[];
  /** The column's edges, to tell indented and short lines. */
  left: number;
  right: number;
  /** First line of a column or page: the gap above it says nothing. */
  columnStart: boolean;
}

/** The body fragments in reading order: by column, top to bottom, as lines. */
function readingOrder(fragments: PdfFragment[]): ReadLine[] {
  if (fragments.length === 0) return [];
  const left = Math.min(...fragments.map((f) => f.x0));
  const right = Math.max(...fragments.map((f) => f.x1));
  const rtl = isRightToLeft(fragments.flatMap((f) => f.pieces));
  const gutter = findGutter(fragments, left, right);
  if (gutter === null) return asLines(fragments, { left, right });
  const out: ReadLine[] = [];
  const sorted = fragments.toSorted((a, b) => b.y - a.y);
  let segment: PdfFragment[] = [];
  const flushSegment = (): void => {
    const leftColumn = segment.filter((f) => f.x1 <= gutter);
    const rightColumn = segment.filter((f) => f.x0 >= gutter);
    const first = rtl ? rightColumn : leftColumn;
    const second = rtl ? leftColumn : rightColumn;
    out.push(
      ...asLines(first, {
        left: rtl ? gutter : left,
        right: rtl ? right : gutter,
      }),
    );
    out.push(
      ...asLines(second, {
        left: rtl ? left : gutter,
        right: rtl ? gutter : right,
      }),
    );
    segment = [];
  };
  for (const f of sorted) {
    if (f.x0 < gutter && f.x1 > gutter) {
      flushSegment();
      out.push(...asLines([f], { left, right }));
    } else segment.push(f);
  }
  flushSegment();
  return out;
}

/** The x of an empty band between two columns, or null for a page of one column. */
function findGutter(fragments: PdfFragment[], left: number, right: number): number | null {
  const width = right - left;
  if (width <= 0 || fragments.length < 6) return null;
  let best: { x: number; crossing: number } | null = null;
  for (let x = left + 0.3 * width; x <= left + 0.7 * width; x += 2) {
    const crossing = fragments.filter((f) => f.x0 < x && f.x1 > x).length;
    if (!best || crossing < best.crossing) best = { x, crossing };
  }
  if (!best || best.crossing > 0.1 * fragments.length) return null;
  // lines, not fragments: the wide word spaces of one justified line make no columns
  const baselines = (side: PdfFragment[]): number => new Set(side.map((f) => Math.round(f.y))).size;
  const onLeft = baselines(fragments.filter((f) => f.x1 <= best.x));
  const onRight = baselines(fragments.filter((f) => f.x0 >= best.x));
  return onLeft >= 3 && onRight >= 3 ? best.x : null;
}

/** Joins the fragments of one column that share a baseline into lines, top to bottom. */
function asLines(fragments: PdfFragment[], column: { left: number; right: number }): ReadLine[] {
  // the column's edges as its lines show them (a column's text starts past the gutter's middle)
  const left = fragments.length > 2 ? Math.min(...fragments.map((f) => f.x0)) : column.left;
  const right = fragments.length > 2 ? Math.max(...fragments.map((f) => f.x1)) : column.right;
  return joinBaselines(fragments).map((line, i) => ({
    ...line,
    left,
    right,
    columnStart: i === 0,
  }));
}

function joinBaselines(
  fragments: PdfFragment[],
): Omit<ReadLine, 'left' | 'right' | 'columnStart'>[] {
  const sorted = fragments.toSorted((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: Omit<ReadLine, 'left' | 'right' | 'columnStart'>[] = [];
  for (const f of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(last.y - f.y) < 0.12 * f.size) {
      last.pieces.push(...f.pieces);
      last.x0 = Math.min(last.x0, f.x0);
      last.x1 = Math.max(last.x1, f.x1);
      last.size = Math.max(last.size, f.size);
    } else {
      lines.push({ x0: f.x0, x1: f.x1, y: f.y, size: f.size, rtl: false, pieces: [...f.pieces] });
    }
  }
  for (const l of lines) {
    l.pieces.sort((a, b) => a.x - b.x);
    l.rtl = isRightToLeft(l.pieces);
  }
  return lines;
}

const CJK = /[\u3000-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;
const MARKER = /^[0-9\u0660-\u0669\u06F0-\u06F9]{1,4}$/;

/** A line's text in reading order; raised digit pieces become `[^n]` when `markers` is set. */
function lineText(pieces: LinePiece[], rtl: boolean, markers: boolean): string {
  const ordered = rtl ? bidiOrder(pieces) : pieces;
  let text = '';
  let previous: LinePiece | null = null;
  for (const p of ordered) {
    const piece =
      markers && p.raised && MARKER.test(p.text.trim()) ? `[^${p.text.trim()}]` : p.text;
    if (previous) {
      const gap = rtl ? previous.x - (p.x + p.width) : p.x - (previous.x + previous.width);
      const size = Math.min(previous.size, p.size);
      const cjk = CJK.test(text.at(-1) ?? '') && CJK.test(piece[0] ?? '');
      if (gap > 0.15 * size && !cjk && !/\s$/.test(text) && !/^\s/.test(piece)) text += ' ';
    }
    text += piece;
    previous = p;
  }
  return text.replace(/\s+/g, ' ').trim();
}

function fragmentText(f: PdfFragment, markers: boolean): string {
  const pieces = f.pieces.toSorted((a, b) => a.x - b.x);
  return lineText(pieces, isRightToLeft(pieces), markers);
}

interface Paragraph {
  lines: string[];
  heading: number;
  last: ReadLine;
  /** A number printed apart before the first line (hanging in the margin or tabbed). */
  number: string | null;
}

interface WriterState {
  paragraph: Paragraph | null;
  bodySize: number;
  lineGap: number;
  /** Distances from a hanging number to its text shared by several lines (see hangingTabStops). */
  tabStops: Set<number>;
}

/** The heading level of a line by its size, or 0 for body text. */
function headingLevel(size: number, bodySize: number): number {
  if (size >= 1.3 * bodySize) return 1;
  if (size >= 1.1 * bodySize) return 2;
  return 0;
}

const NUMBER_ALONE = /^[0-9\u0660-\u0669\u06F0-\u06F9]{1,4}$/;

/**
 * A bare number that opens a body line and stands more than a character's width before the text
 * (a paragraph number hanging in the margin or followed by a tab): the number, the rest, and the
 * distance from the number's start to the text's (rounded to the point).
 */
function hangingNumber(
  line: ReadLine,
): { number: string; rest: LinePiece[]; tabStop: number } | null {
  const ordered = line.rtl ? bidiOrder(line.pieces) : line.pieces;
  const [first, second] = ordered;
  if (!first || !second || first.raised || !NUMBER_ALONE.test(first.text.trim())) return null;
  const trimmed = first.text.trimEnd();
  const end = first.x + (first.width * [...trimmed].length) / [...first.text].length;
  const gap = line.rtl ? first.x - (second.x + second.width) : second.x - end;
  if (gap <= 1.0 * line.size) return null;
  const rest = line.pieces.filter((p) => p !== first);
  const tabStop = Math.round(
    line.rtl ? first.x + first.width - (second.x + second.width) : second.x - first.x,
  );
  return { number: first.text.trim(), rest, tabStop };
}

/**
 * The distances from a hanging number to its text that two lines or more share: paragraph numbers
 * are set at a tab stop, whereas a number that a justified line's wide spaces set apart ("see
 * para. | 8 | the report") stands at a distance of its own.
 */
function hangingTabStops(lines: ReadLine[], bodySize: number): Set<number> {
  const count = new Map<number, number>();
  for (const line of lines) {
    const h = headingLevel(line.size, bodySize) === 0 ? hangingNumber(line) : null;
    if (h) count.set(h.tabStop, (count.get(h.tabStop) ?? 0) + 1);
  }
  const stops = new Set<number>();
  for (const [stop, n] of count) {
    const near = n + (count.get(stop - 1) ?? 0) + (count.get(stop + 1) ?? 0);
    if (near >= 2) stops.add(stop);
  }
  return stops;
}

/** Adds a body line to the current paragraph or starts a new one. */
function writeLine(state: WriterState, out: string[], line: ReadLine): void {
  const heading = headingLevel(line.size, state.bodySize);
  const number = heading === 0 ? hangingNumber(line) : null;
  const hanging = number && state.tabStops.has(number.tabStop) ? number : null;
  const text = lineText(hanging ? hanging.rest : line.pieces, line.rtl, true);
  if (text === '') return;
  const current = state.paragraph;
  if (current && !hanging && !startsParagraph(state, current, line, heading)) {
    current.lines.push(text);
    current.last = line;
    return;
  }
  flushParagraph(state, out);
  state.paragraph = { lines: [text], heading, last: line, number: hanging?.number ?? null };
}

function startsParagraph(
  state: WriterState,
  current: Paragraph,
  line: ReadLine,
  heading: number,
): boolean {
  const previous = current.last;
  if (heading !== current.heading) return true;
  if (Math.abs(line.size - previous.size) > 0.1 * state.bodySize) return true;
  const em = line.size;
  const indent = line.rtl ? line.right - line.x1 : line.x0 - line.left;
  if (indent > 1.0 * em) return true;
  // the last line's text, a footnote marker after its last sentence left out
  const lastText = (current.lines.at(-1) ?? '').replace(/(?:\[\^[^\]]+\])+$/, '');
  const shortBefore = previous.rtl
    ? previous.x0 - previous.left > 3 * em
    : previous.right - previous.x1 > 3 * em;
  if (shortBefore && /[.!?。！？:;؟»”"')\]]$/.test(lastText)) return true;
  if (
    !line.columnStart &&
    previous.y - line.y > 1.35 * state.lineGap * (line.size / state.bodySize)
  )
    return true;
  // a new column or page continues the paragraph only if the last line ran to the margin
  if (line.columnStart && (shortBefore || /[.!?。！？؟]$/.test(lastText))) return true;
  return false;
}

function flushParagraph(state: WriterState, out: string[]): void {
  const p = state.paragraph;
  if (!p) return;
  const text = joinLines(p.lines);
  // a hanging number goes on the line before its paragraph, as text extraction gives it; the
  // parser decides from the whole document whether it numbers the paragraph
  if (p.number !== null) out.push(p.number);
  out.push(p.heading > 0 ? `${'#'.repeat(p.heading)} ${text}` : text, '');
  state.paragraph = null;
}

/** Joins wrapped lines: a space between words, none between CJK characters. */
function joinLines(lines: string[]): string {
  let text = '';
  for (const l of lines) {
    if (text && !(CJK.test(text.at(-1)!) && CJK.test(l[0]!))) text += ' ';
    text += l;
  }
  return text;
}

/** Adds a line of the page's foot: a new footnote when it starts with a number, else the last one's continuation. */
function writeFootnoteLine(
  footnotes: string[],
  line: Omit<ReadLine, 'left' | 'right' | 'columnStart'>,
): void {
  const text = lineText(line.pieces, line.rtl, false);
  if (text === '') return;
  const start = /^([0-9\u0660-\u0669\u06F0-\u06F9]{1,4})\s+(\S.*)$/.exec(text);
  const first = (line.rtl ? bidiOrder(line.pieces) : line.pieces)[0];
  // a number that wraps to a line's start ("2005 report") is no footnote number: a new footnote
  // has its number raised, or the number after the last one
  const expected = Number(/^\[\^(\d+)\]/.exec(footnotes.at(-1) ?? '')?.[1] ?? 0) + 1;
  if (start && (first?.raised || footnotes.length === 0 || Number(start[1]) === expected))
    footnotes.push(`[^${start[1]}]: ${start[2]}`);
  else if (footnotes.length > 0)
    footnotes[footnotes.length - 1] = joinLines([footnotes.at(-1)!, text]);
  else footnotes.push(text);
}
