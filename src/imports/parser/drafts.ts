/** Making blocks while reading: each starts as a draft that later lines may be appended to. */
import { headingPlaceholder, placeListItem, sectionBase } from './addresses.ts';
import type { ParsedBlock } from '../../documents/blocks.ts';
import { RE_ANNEX } from './line-patterns.ts';
import type { Line } from './lines.ts';
import type { Draft, ReadingState } from './reading-state.ts';
import { stripSentinels } from './parse-state.ts';
import { joint, textEnd } from './text-shape.ts';

/** A new block with the defaults of its kind. */
export function newBlock(
  s: ReadingState,
  kind: ParsedBlock['kind'],
  fields: Partial<ParsedBlock> & { address: string },
): ParsedBlock {
  return {
    key: `b${++s.blockCount}`,
    kind,
    parentKey: null,
    number: null,
    level: null,
    text: '',
    rows: null,
    footnoteRefs: [],
    ...fields,
  };
}

/** Starts a draft for a block with its first line's text, and makes it the current one. */
export function startDraft(
  s: ReadingState,
  block: ParsedBlock,
  L: Line | null,
  first: string,
  body: boolean,
): Draft {
  const d: Draft = {
    block,
    parts: first ? [first] : [],
    lastLine: first ? L : null,
    firstLine: L,
    closed: false,
    body,
  };
  s.drafts.push(d);
  s.cur = d;
  if (body) {
    s.lastBody = d;
    s.breakSinceBody = false;
  }
  return d;
}

/** Appends a line's text to a draft, which becomes (or stays) the current one. */
export function appendTo(s: ReadingState, d: Draft, L: Line, t: string): void {
  d.parts.push(t);
  d.lastLine = L;
  d.closed = false;
  s.cur = d;
  if (d.body) {
    s.lastBody = d;
    s.breakSinceBody = false;
  }
}

/**
 * The end of the draft's parts, space-joined: enough of them to tell how the draft ends (a
 * sentence, a clause, a URL), without joining every line of a long block again at each new line.
 */
export function draftEnd(d: Draft): string {
  let end = '';
  for (let i = d.parts.length - 1; i >= 0; i--) {
    end = end ? `${d.parts[i]!} ${end}` : d.parts[i]!;
    if (end.length >= 512 && /\s/.test(textEnd(end))) break;
  }
  return end;
}

/** Starts a heading, which opens a section: paragraph, sub-paragraph and list context end with it. */
export function emitHeading(
  s: ReadingState,
  L: Line,
  number: string | null,
  label: string | undefined,
  title: string,
  level: number,
  explicitPart?: string,
): void {
  s.headingCount++;
  if (RE_ANNEX.test(stripSentinels(title))) s.annexes++;
  const part = explicitPart ?? number ?? headingPlaceholder(s.headingCount);
  if (level === 1) s.level1Number = number;
  s.sectionPart = part;
  s.unnumberedInSection = 0;
  s.paraContext = null;
  s.lastLetterSub = null;
  s.listStack = [];
  const block = newBlock(s, 'heading', {
    number,
    level: Math.min(6, Math.max(1, level)),
    address: `§${part}`,
  });
  if (label !== undefined) block.label = label;
  if (s.mdHeadingLines.has(L)) s.mdHeadings.add(block);
  startDraft(s, block, L, title, false);
  s.cur!.closed = true;
}

/** Starts a paragraph, numbered (`para N`) or not (`§S ¶n`); it becomes the context of what follows. */
export function emitParagraph(
  s: ReadingState,
  L: Line,
  rest: string,
  number: string | null,
  label?: string,
): Draft {
  let address: string;
  if (number !== null) {
    address = `${/^\d+$/.test(number) ? s.paraPrefix : ''}para ${number}`;
  } else {
    s.unnumberedInSection++;
    address = `${sectionBase(s)} ¶${s.unnumberedInSection}`.trim();
  }
  const block = newBlock(s, 'paragraph', { number, address });
  if (label !== undefined) block.label = label;
  s.paraContext = block;
  s.lastLetterSub = null;
  s.listStack = [];
  return startDraft(s, block, L, rest, true);
}

/** Starts a sub-paragraph: `(ii)` under the last letter sub-paragraph when roman, else under the paragraph. */
export function emitSubParagraph(
  s: ReadingState,
  L: Line,
  x: string,
  label: string,
  rest: string,
  roman: boolean,
): void {
  const parent = roman && s.lastLetterSub ? s.lastLetterSub : s.paraContext;
  const level = roman && s.lastLetterSub ? 2 : 1;
  const address = `${parent ? parent.address : sectionBase(s)}(${x})`.trim();
  const block = newBlock(s, 'paragraph', {
    number: x,
    level,
    parentKey: parent?.key ?? null,
    address,
  });
  block.label = label;
  if (level === 1) s.lastLetterSub = roman ? null : block;
  if (roman && level === 2) s.lastRoman = block;
  startDraft(s, block, L, rest, true);
}

/** Starts a list item, nested by its indent. */
export function emitListItem(
  s: ReadingState,
  L: Line,
  label: string,
  number: string | null,
  rest: string,
): void {
  const indent = L.indent;
  const { address, parentKey, level } = placeListItem(s, indent);
  const block = newBlock(s, 'list_item', { number, level, parentKey, address });
  block.label = label;
  s.listStack.push({ indent, block, count: 0 });
  startDraft(s, block, L, rest, true);
}

/** Starts a footnote; one whose number stood alone waits for its text on the next lines. */
export function emitFootnote(
  s: ReadingState,
  L: Line,
  value: string,
  label: string,
  rest: string,
): void {
  const n = /^\d+$/.test(value) ? +value : NaN;
  if (!Number.isNaN(n)) s.lastFnDef = Math.max(s.lastFnDef, n);
  const block = newBlock(s, 'footnote', { number: value, address: `fn ${value}` });
  block.label = label;
  const d = startDraft(s, block, L, rest, false);
  s.breakSinceBody = true;
  if (!rest) s.pendingFn.push(d);
  else s.pendingFn.length = 0;
}

/** Makes a table of the rows; nothing is appended to it. */
export function emitTable(s: ReadingState, L: Line, rows: string[][]): void {
  s.tableCount++;
  const block = newBlock(s, 'table', { address: `table ${s.tableCount}` });
  block.rows = rows;
  startDraft(s, block, L, rows.map((r) => r.join(' | ')).join('\n'), false);
  s.cur!.closed = true;
}

/** Sets the block's text from its draft: wrapped lines joined, white space collapsed. */
export function finishBlockText(d: Draft): void {
  const b = d.block;
  if (b.kind === 'table') {
    b.text = b.rows!.map((r) => r.map(stripSentinels).join(' | ')).join('\n');
  } else {
    b.text = joinParts(d.parts)
      .replace(/[\s\u3000]+/g, (m) => (m.includes('\u3000') && m.trim() === '' ? ' ' : ' '))
      .trim();
  }
}

/**
 * A block's lines joined: no space between CJK characters or in a hyphenated word. Each join
 * reads only the end of the text so far (a few characters decide it), never the whole text: a
 * block of 400,000 lines took minutes when every join flattened and read all of it.
 */
function joinParts(parts: string[]): string {
  const pieces: string[] = [];
  // The last pieces, enough of them to tell how the text so far ends.
  let recent = '';
  for (const p of parts) {
    const piece = joint(recent, p);
    pieces.push(piece);
    recent += piece;
    if (recent.length > 256) recent = keepEnd(pieces);
  }
  return pieces.join('');
}

/** The last pieces joined, enough that their text, trimmed, holds at least 16 characters. */
function keepEnd(pieces: string[]): string {
  let i = pieces.length;
  let end = '';
  while (i > 0 && textEnd(end).length < 16) end = pieces[--i]! + end;
  return end;
}
