/**
 * Front and back matter: the cover lines before the body (title, organisation, author, date, document
 * code) and the back cover after it (slogan, web addresses, social media handles). They are kept, as
 * paragraphs marked `matter: 'front'` or `'back'` and addressed `front ¶k`, `back ¶k`, so that the
 * document page shows them apart and section numbers by order do not count them.
 *
 * Front matter is the run of short unnumbered blocks at the start that are not sentences, when it
 * holds a date or a document code; a heading directly before the first block that is a sentence (or
 * long) opens the first section, it is not the cover's. Back matter is the run of short unnumbered
 * blocks that are not sentences at the end (before the notes gathered after the text, if any) that holds a web address or
 * a handle.
 */
import type { ParsedBlock } from '../../documents/blocks.ts';
import { RE_HAS_CJK } from './text-shape.ts';
import { isDate } from './title.ts';

const RE_CODE = /(?:^|\s)[A-Z]{1,8}(?:[-/.][A-Za-z0-9().]+)*[-/.]\d[A-Za-z0-9().]*(?=\s|$)/u;
const RE_DATE_IN =
  /\b\d{1,2}\s+\p{L}{3,}\s+\d{4}\b|\b\p{L}{3,}\s+\d{1,2},?\s+\d{4}\b|\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?/u;
const RE_WEB =
  /https?:\/\/|www\.|(?:^|\s)@\w|\b[\w-]+\.(?:org|com|int|net|info)(?:\/\S*)?(?=\s|$)/iu;

/** Ends with a full stop (a web address at the end does not make a sentence here). */
function endsSentence(t: string): boolean {
  return /[.!?。！？؟]["'”’»)\]」』）]*$/u.test(t.trim());
}

/** Marks the front and back matter of a parsed document (see the module comment). */
export function markFrontAndBackMatter(blocks: ParsedBlock[]): void {
  const front = frontMatterEnd(blocks);
  const back = backMatterStart(blocks, front);
  const placeholders: string[] = [];
  blocks.forEach((b, i) => {
    if (i < front) toMatter(b, 'front', i + 1, placeholders);
    else if (i >= back.start && i < back.end) toMatter(b, 'back', i - back.start + 1, placeholders);
  });
  // blocks read under a cover heading belong to section 0, before the first section
  let unnumbered = 0;
  for (const b of blocks) {
    const ph = placeholders.find((p) => b.address.includes(p));
    if (!ph) continue;
    b.address = b.address.replace(ph, '0');
    if (/^§0 ¶\d+$/.test(b.address)) b.address = `§0 ¶${++unnumbered}`;
  }
}

/** A short unnumbered paragraph or heading without footnote markers: a line of a cover. */
function coverLike(b: ParsedBlock): boolean {
  if (b.number !== null || b.parentKey !== null || b.footnoteRefs.length > 0) return false;
  if (b.kind !== 'paragraph' && b.kind !== 'heading') return false;
  // web addresses and handles, however long, are what a back cover is made of
  const words = b.text.replace(/\S*(?:https?:\/\/|www\.|@|\.(?:org|com|int|net))\S*/giu, '');
  return words.length <= (RE_HAS_CJK.test(words) ? 60 : 120);
}

/** The index of the first block after the front matter (0 when there is none). */
function frontMatterEnd(blocks: ParsedBlock[]): number {
  let k = 0;
  // cover lines are names, titles, dates and codes, not sentences
  while (k < blocks.length && coverLike(blocks[k]!) && !endsSentence(blocks[k]!.text)) k++;
  if (k === blocks.length) return 0;
  // the heading just before the first long block opens the body
  while (k > 0 && blocks[k - 1]!.kind === 'heading') k--;
  const evidence = blocks
    .slice(0, k)
    .some((b) => isDate(b.text) || RE_DATE_IN.test(b.text) || RE_CODE.test(b.text));
  return evidence ? k : 0;
}

/** Where the back matter starts and ends (an empty range when there is none). */
function backMatterStart(blocks: ParsedBlock[], front: number): { start: number; end: number } {
  // notes gathered after the text (as from Word) may follow the back cover
  let end = blocks.length;
  while (end > front && blocks[end - 1]!.kind === 'footnote') end--;
  let k = end;
  while (k > front && coverLike(blocks[k - 1]!) && !endsSentence(blocks[k - 1]!.text)) k--;
  const found = k > front && k < end && blocks.slice(k, end).some((b) => RE_WEB.test(b.text));
  return found ? { start: k, end } : { start: end, end };
}

/** Makes a block a paragraph of the front or back matter, addressed `front ¶k` or `back ¶k`. */
function toMatter(
  b: ParsedBlock,
  matter: 'front' | 'back',
  k: number,
  placeholders: string[],
): void {
  if (b.kind === 'heading') {
    const ph = /\uE002H\d+\uE002/.exec(b.address);
    if (ph) placeholders.push(ph[0]);
  }
  b.kind = 'paragraph';
  b.level = null;
  b.matter = matter;
  b.address = `${matter} ¶${k}`;
}
