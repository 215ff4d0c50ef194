/**
 * Corrections of a parse, made by a secretariat before publishing: a block's kind or number, two
 * adjacent blocks joined, one block split, a footnote linked to a marker. Pure functions over the
 * parser's `ParseResult`; each correction names its blocks by key *and* by the start of their text,
 * so that replayed on a later parse of the same file it applies only where it still means the same.
 */
import { z } from 'zod';
import {
  blockKinds,
  type BlockKind,
  type ParsedBlock,
  type ParseResult,
} from '../documents/blocks.ts';

/**
 * The kinds a block may be corrected to: every block kind but tables (a table is read from the
 * file's own table structure). A kind added to `blockKinds` (front matter, say) is offered at once.
 */
export const correctableKinds: readonly BlockKind[] = blockKinds.filter((k) => k !== 'table');

/** How many characters of a block's text identify it in a correction. */
const fingerprintLength = 80;

/** A block as a correction names it: its key in the parse, and how its text starts. */
export const blockRefSchema = z.object({
  key: z.string().min(1).max(100),
  text: z.string().max(fingerprintLength),
});

/** A block named in a correction. */
export type BlockRef = z.infer<typeof blockRefSchema>;

/** One correction of a parse; the kinds of correction are the `type`s. */
export const correctionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('kind'),
    block: blockRefSchema,
    kind: z.enum(blockKinds).refine((k) => correctableKinds.includes(k)),
  }),
  z.object({
    type: z.literal('number'),
    block: blockRefSchema,
    number: z.string().trim().max(20).nullable(),
  }),
  z.object({ type: z.literal('join'), block: blockRefSchema, next: blockRefSchema }),
  z.object({ type: z.literal('split'), block: blockRefSchema, offset: z.number().int().min(1) }),
  z.object({
    type: z.literal('link_footnote'),
    footnote: blockRefSchema,
    block: blockRefSchema,
    offset: z.number().int().min(0),
  }),
]);

/** One correction. */
export type Correction = z.infer<typeof correctionSchema>;

/** The kinds of correction. */
export type CorrectionType = Correction['type'];

/** Why a correction cannot be applied to a parse. */
export type CorrectionRefusal =
  'block_not_found' | 'not_adjacent' | 'offset_out_of_range' | 'not_a_footnote' | 'table';

/** A correction applied, or why not. */
export type CorrectionOutcome =
  { ok: true; result: ParseResult } | { ok: false; reason: CorrectionRefusal };

/** The corrections replayed on a parse: the corrected result, and those that no longer applied. */
export interface ReplayedCorrections {
  result: ParseResult;
  applied: Correction[];
  notApplied: { correction: Correction; reason: CorrectionRefusal }[];
}

/** How a correction names a block of the parse as it stands. */
export function refOf(block: ParsedBlock): BlockRef {
  return { key: block.key, text: block.text.slice(0, fingerprintLength) };
}

/**
 * The block a reference names: the one with its key when the text still starts the same, else
 * the only block whose text starts the same (the parser may number its keys differently).
 */
export function findBlock(blocks: ParsedBlock[], ref: BlockRef): number {
  const same = (b: ParsedBlock) => b.text.slice(0, fingerprintLength) === ref.text;
  const byKey = blocks.findIndex((b) => b.key === ref.key);
  if (byKey >= 0 && same(blocks[byKey]!)) return byKey;
  const matches = blocks.flatMap((b, i) => (same(b) ? [i] : []));
  return matches.length === 1 ? matches[0]! : -1;
}

/** Applies one correction; the given result is left as it was. */
export function applyCorrection(result: ParseResult, correction: Correction): CorrectionOutcome {
  const blocks = result.blocks.map((b) => ({
    ...b,
    footnoteRefs: b.footnoteRefs.map((r) => ({ ...r })),
  }));
  const at = findBlock(blocks, correction.block);
  if (at < 0) return { ok: false, reason: 'block_not_found' };
  const outcome = applyTo(blocks, at, correction);
  if (outcome) return { ok: false, reason: outcome };
  return { ok: true, result: { ...result, blocks } };
}

/** Applies corrections in the order they were made, keeping those that no longer apply apart. */
export function replayCorrections(
  result: ParseResult,
  corrections: Correction[],
): ReplayedCorrections {
  let current = result;
  const applied: Correction[] = [];
  const notApplied: ReplayedCorrections['notApplied'] = [];
  for (const correction of corrections) {
    const outcome = applyCorrection(current, correction);
    if (outcome.ok) {
      current = outcome.result;
      applied.push(correction);
    } else notApplied.push({ correction, reason: outcome.reason });
  }
  return { result: current, applied, notApplied };
}

/** Changes `blocks` in place for the correction of the block at `at`; a refusal otherwise. */
function applyTo(
  blocks: ParsedBlock[],
  at: number,
  correction: Correction,
): CorrectionRefusal | undefined {
  switch (correction.type) {
    case 'kind':
      return changeKind(blocks, at, correction.kind);
    case 'number':
      return changeNumber(blocks, at, correction.number);
    case 'join':
      return joinWithNext(blocks, at, correction.next);
    case 'split':
      return split(blocks, at, correction.offset);
    case 'link_footnote':
      return linkFootnote(blocks, at, correction);
  }
}

function changeKind(
  blocks: ParsedBlock[],
  at: number,
  kind: BlockKind,
): CorrectionRefusal | undefined {
  const block = blocks[at]!;
  if (block.kind === 'table' || kind === 'table') return 'table';
  const wasFootnote = block.kind === 'footnote';
  block.kind = kind;
  // the secretariat decided what the block is: its number is no longer in doubt
  delete block.confidence;
  if (kind === 'heading') block.level = block.level ?? 1;
  else if (kind === 'list_item') block.level = block.level ?? 1;
  else if (kind === 'footnote' || (kind === 'paragraph' && block.parentKey === null))
    block.level = null;
  if (kind === 'heading' || kind === 'footnote') {
    block.parentKey = null;
    for (const child of blocks) if (child.parentKey === block.key) child.parentKey = null;
  }
  if (wasFootnote && kind !== 'footnote') unlinkFootnote(blocks, block.key);
  if (kind === 'footnote') linkUnlinkedMarkers(blocks, block);
  readdress(blocks, block);
  return undefined;
}

function changeNumber(
  blocks: ParsedBlock[],
  at: number,
  number: string | null,
): CorrectionRefusal | undefined {
  const block = blocks[at]!;
  block.number = number === null || number === '' ? null : number;
  // The label was the old number as printed: it no longer accounts for anything; the number is
  // now the secretariat's, no longer in doubt.
  delete block.label;
  delete block.confidence;
  if (block.kind === 'footnote') linkUnlinkedMarkers(blocks, block);
  readdress(blocks, block);
  return undefined;
}

function joinWithNext(
  blocks: ParsedBlock[],
  at: number,
  nextRef: BlockRef,
): CorrectionRefusal | undefined {
  const next = findBlock(blocks, nextRef);
  if (next < 0) return 'block_not_found';
  if (next !== at + 1) return 'not_adjacent';
  const first = blocks[at]!;
  const second = blocks[next]!;
  const separator = joinsWithoutSpace(first.text, second.text) ? '' : ' ';
  const shift = first.text.length + separator.length;
  first.text = `${first.text}${separator}${second.text}`;
  first.footnoteRefs = [
    ...first.footnoteRefs,
    ...second.footnoteRefs.map((r) => ({ ...r, offset: r.offset + shift })),
  ];
  first.rows = first.rows && second.rows ? [...first.rows, ...second.rows] : null;
  for (const b of blocks) {
    if (b.parentKey === second.key) b.parentKey = first.key;
    for (const r of b.footnoteRefs) if (r.footnoteKey === second.key) r.footnoteKey = first.key;
  }
  blocks.splice(next, 1);
  return undefined;
}

function split(blocks: ParsedBlock[], at: number, offset: number): CorrectionRefusal | undefined {
  const block = blocks[at]!;
  if (block.kind === 'table') return 'table';
  const head = block.text.slice(0, offset).trimEnd();
  const tail = block.text.slice(offset);
  const rest = tail.trimStart();
  if (offset >= block.text.length || head === '' || rest === '') return 'offset_out_of_range';
  const restStart = offset + (tail.length - rest.length);
  const piece: ParsedBlock = {
    key: freshKey(blocks, block.key),
    kind: block.kind,
    parentKey: block.parentKey,
    number: null,
    level: block.level,
    address: block.address,
    text: rest,
    rows: null,
    // A marker at the cut follows the word before it.
    footnoteRefs: block.footnoteRefs
      .filter((r) => r.offset > offset)
      .map((r) => ({ ...r, offset: Math.max(0, r.offset - restStart) })),
  };
  block.footnoteRefs = block.footnoteRefs
    .filter((r) => r.offset <= offset)
    .map((r) => ({ ...r, offset: Math.min(r.offset, head.length) }));
  block.text = head;
  blocks.splice(at + 1, 0, piece);
  readdress(blocks, piece);
  return undefined;
}

function linkFootnote(
  blocks: ParsedBlock[],
  at: number,
  correction: Extract<Correction, { type: 'link_footnote' }>,
): CorrectionRefusal | undefined {
  const footnoteAt = findBlock(blocks, correction.footnote);
  if (footnoteAt < 0) return 'block_not_found';
  const footnote = blocks[footnoteAt]!;
  if (footnote.kind !== 'footnote') return 'not_a_footnote';
  const block = blocks[at]!;
  const { offset } = correction;
  if (offset > block.text.length) return 'offset_out_of_range';
  const marker = footnote.number ?? '*';
  const existing = block.footnoteRefs.find((r) => r.offset === offset);
  if (existing) {
    existing.footnoteKey = footnote.key;
    existing.marker = marker;
    return undefined;
  }
  // A number the parser left glued to the text ("system.3") is the marker itself: it moves out.
  const glued = block.text.startsWith(marker, offset) && /^\d+$/.test(marker) ? marker.length : 0;
  if (glued > 0) {
    block.text = block.text.slice(0, offset) + block.text.slice(offset + glued);
    for (const r of block.footnoteRefs) if (r.offset > offset) r.offset -= glued;
  }
  block.footnoteRefs = [...block.footnoteRefs, { marker, offset, footnoteKey: footnote.key }].sort(
    (a, b) => a.offset - b.offset,
  );
  return undefined;
}

/** Markers pointing at a block that is no longer a footnote point at nothing. */
function unlinkFootnote(blocks: ParsedBlock[], key: string): void {
  for (const b of blocks)
    for (const r of b.footnoteRefs) if (r.footnoteKey === key) r.footnoteKey = null;
}

/** Markers with the footnote's number that were linked to nothing now link to it. */
function linkUnlinkedMarkers(blocks: ParsedBlock[], footnote: ParsedBlock): void {
  if (footnote.number === null) return;
  for (const b of blocks)
    for (const r of b.footnoteRefs)
      if (r.footnoteKey === null && r.marker === footnote.number) r.footnoteKey = footnote.key;
}

/**
 * Gives a corrected block the address its kind and number call for ("para 12", "fn 3", "§2", a
 * sub-paragraph "para 4(b)"); an unnumbered block keeps the one it had. A duplicate gets " (2)"…
 * as the parser's own duplicates do.
 */
function readdress(blocks: ParsedBlock[], block: ParsedBlock): void {
  const parent =
    block.parentKey === null ? undefined : blocks.find((b) => b.key === block.parentKey);
  let address = block.address.replace(/ \(\d+\)$/, '');
  if (block.number !== null) {
    if (block.kind === 'footnote') address = `fn ${block.number}`;
    else if (block.kind === 'heading') address = `§${block.number}`;
    else if (block.kind === 'paragraph')
      address = parent ? `${parent.address}(${block.number})` : `para ${block.number}`;
  }
  const taken = new Set(blocks.filter((b) => b !== block).map((b) => b.address));
  let unique = address;
  for (let k = 2; taken.has(unique); k++) unique = `${address} (${k})`;
  block.address = unique;
}

/** A key no block of the parse has, made from the key of the block it came from. */
function freshKey(blocks: ParsedBlock[], from: string): string {
  const keys = new Set(blocks.map((b) => b.key));
  let k = 2;
  while (keys.has(`${from}.${k}`)) k++;
  return `${from}.${k}`;
}

const cjk =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** Chinese and Japanese text joins without a space, as the parser joins wrapped lines. */
function joinsWithoutSpace(before: string, after: string): boolean {
  return cjk.test(before.slice(-1)) || cjk.test(after.slice(0, 1));
}
