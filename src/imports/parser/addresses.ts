/**
 * Addresses of blocks (`para 38(b)`, `§2`, `§1 ¶3`, `para 4 •2.1`, `fn 7`, `table 1`): how they are
 * given while reading, how unnumbered headings get theirs at the end, and how duplicates are told apart.
 */
import type { ParsedBlock, ParseWarning } from '../../documents/blocks.ts';
import type { ReadingState } from './reading-state.ts';

/** The address prefix of the current section (`§2`), or '' before any heading. */
export function sectionBase(s: ReadingState): string {
  return s.sectionPart ? `§${s.sectionPart}` : '';
}

/** The section part of an unnumbered heading until the end, when its ordinal is known. */
export function headingPlaceholder(headingCount: number): string {
  // an ordinal no numbered heading uses can only be chosen once all headings are known
  return `\uE002H${headingCount}\uE002`;
}

/**
 * Where a list item at `indent` goes: nested under an open item (`•k.j`) or a new item of the list
 * introduced by the current paragraph or section (`•k`); updates the open list levels.
 */
export function placeListItem(
  s: ReadingState,
  indent: number,
): { address: string; parentKey: string | null; level: number } {
  const stack = s.listStack;
  while (stack.length && stack[stack.length - 1]!.indent > indent) stack.pop();
  let top = stack[stack.length - 1];
  let address: string;
  let parentKey: string | null = null;
  let level = 1;
  if (top && indent > top.indent) {
    top.count++;
    address = `${top.block.address}.${top.count}`;
    parentKey = top.block.key;
    level = stack.length + 1;
  } else {
    if (top && top.indent === indent) stack.pop();
    top = stack[stack.length - 1];
    if (top) {
      top.count++;
      address = `${top.block.address}.${top.count}`;
      parentKey = top.block.key;
      level = stack.length + 1;
    } else {
      const base = s.paraContext ? s.paraContext.address : sectionBase(s);
      const k = (s.listCount.get(base) ?? 0) + 1;
      s.listCount.set(base, k);
      address = `${base} •${k}`.trim();
    }
  }
  return { address, parentKey, level };
}

/**
 * Gives unnumbered headings their section part: §k with k their position among all headings, moved on
 * past the numbers of numbered headings so "Foreword" (§1) and "1. Introduction" (§1) do not collide.
 * In a document with numbered sections, the unnumbered headings before the first of them (symbol,
 * title, subtitle) are its front matter, section 0: `§0` when there is one, `§0.1`, `§0.2`… when
 * there are several. Placeholders in warnings are replaced too.
 */
export function resolveHeadingAddresses(blocks: ParsedBlock[], warnings: ParseWarning[]): void {
  const headingBlocks = blocks.filter((b) => b.kind === 'heading');
  const numberedParts = new Set(
    headingBlocks.filter((b) => b.number !== null).map((b) => b.number!),
  );
  const firstNumbered = headingBlocks.findIndex((b) => b.number !== null);
  const partOf = new Map<string, string>();
  const usedParts = new Set<string>();
  headingBlocks.forEach((b, idx) => {
    const ph = /\uE002H(\d+)\uE002/.exec(b.address);
    if (!ph) return;
    let part: string;
    if (idx < firstNumbered) part = firstNumbered === 1 ? '0' : `0.${idx + 1}`;
    else {
      let k = idx + 1;
      while (numberedParts.has(String(k)) || usedParts.has(String(k))) k++;
      part = String(k);
    }
    usedParts.add(part);
    partOf.set(ph[0], part);
  });
  const resolve = (s: string): string =>
    s.replace(/\uE002H\d+\uE002/g, (m) => partOf.get(m) ?? '?');
  for (const b of blocks) b.address = resolve(b.address);
  for (const w of warnings) w.message = resolve(w.message);
}

/** Makes addresses unique: numbered blocks keep theirs, others get " (2)", " (3)"… and a warning. */
export function makeAddressesUnique(blocks: ParsedBlock[], warnings: ParseWarning[]): void {
  const used = new Map<string, number>();
  for (const pass of [true, false]) {
    for (const b of blocks) {
      if ((b.number !== null) !== pass) continue;
      const c = used.get(b.address) ?? 0;
      used.set(b.address, c + 1);
      if (c > 0) {
        let k = c + 1;
        while (used.has(`${b.address} (${k})`)) k++;
        const addr = `${b.address} (${k})`;
        used.set(addr, 1);
        warnings.push({
          code: 'DUPLICATE_ADDRESS',
          message: `The address ${b.address} occurs more than once; this one is ${addr}.`,
          line: null,
        });
        b.address = addr;
      }
    }
  }
}
