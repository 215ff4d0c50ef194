/** Pass 2: page furniture, that is page-number lines and headers or footers repeated on many pages. */
import { gluedCandidates } from './footnotes.ts';
import { RE_BULLET, RE_PAGE_NUMBER, RE_PIPE_ROW, RE_SEPARATOR, RE_SUB } from './line-patterns.ts';
import { isLive, removeLine } from './lines.ts';
import type { Line } from './lines.ts';
import { S0 } from './parse-state.ts';
import type { ParseState } from './parse-state.ts';

/** Removes page numbers, page headers and page footers from the lines. */
export function removePageFurniture(state: ParseState, lines: Line[]): void {
  for (const L of lines) {
    if (isLive(L) && !L.fnDef && RE_PAGE_NUMBER.test(L.text)) removeLine(state, L, 'page_number');
  }
  const counts = new Map<string, number>();
  for (const L of lines) {
    const k = furnitureKey(L);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const near = lines.map(
    (_L, i) => pageLike(neighbour(lines, i, 1)) || pageLike(neighbour(lines, i, -1)),
  );
  const nearCounts = new Map<string, number>();
  lines.forEach((L, i) => {
    const k = furnitureKey(L);
    if (k && near[i]) nearCounts.set(k, (nearCounts.get(k) ?? 0) + 1);
  });
  lines.forEach((L, i) => {
    const k = furnitureKey(L);
    if (!k) return;
    const sectionLike = /^(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*|[A-Z])\.?\s/.test(L.text);
    if (counts.get(k)! >= 3 || (!sectionLike && (nearCounts.get(k) ?? 0) >= 2)) {
      const next = neighbour(lines, i, 1);
      const footer = pageLike(next) && !pageLike(neighbour(lines, i, -1));
      removeLine(state, L, footer ? 'page_footer' : 'page_header');
    }
  });
}

/** What a line that could be a header or footer is counted as (a trailing page number ignored), or null. */
function furnitureKey(L: Line): string | null {
  if (!isLive(L) || L.fnDef) return null;
  const t = L.text;
  if (t.length < 3 || RE_SEPARATOR.test(t) || RE_PIPE_ROW.test(t) || t.startsWith('#')) return null;
  if (/^\d+\.?(\s|$)/.test(t) || RE_SUB.test(t) || RE_BULLET.test(t) || /^\d+$/.test(t))
    return null;
  if (t.includes(S0)) return null;
  // a wrapped line's tail ("elaboration.") may repeat; page headers start like titles and do not end sentences
  if (/^\p{Ll}/u.test(t) || /[.;:,。；：，]$/.test(t)) return null;
  // nor with a footnote marker glued after a lower-case word's full stop ("Internet.62"): a wrapped
  // paragraph's last line; a document symbol like "A/AC.290/2021/CRP.2" has no such word
  const tail = gluedCandidates(t).at(-1);
  if (tail && tail.end === t.length && /\p{Ll}[.;:!?”’"»)]+$/u.test(t.slice(0, tail.start)))
    return null;
  return t.replace(/\s+/g, ' ').replace(/\d+$/, '#');
}

/** The nearest non-blank line within `within` lines in direction `dir`, skipping removed non-page-number lines. */
function neighbour(lines: Line[], i: number, dir: 1 | -1, within = 3): Line | null {
  for (let j = i + dir, n = 0; j >= 0 && j < lines.length && n < within; j += dir) {
    const L = lines[j]!;
    if (L.text === '') continue;
    n++;
    if (L.removed && !RE_PAGE_NUMBER.test(L.text)) continue;
    return L;
  }
  return null;
}

/** A removed page number, or a bare number that may be one. */
function pageLike(L: Line | null): boolean {
  return !!L && ((L.removed && RE_PAGE_NUMBER.test(L.text)) || /^\d{1,4}$/.test(L.text));
}
