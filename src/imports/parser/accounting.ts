/**
 * Accounting: nothing of the input may be dropped silently.
 *
 * Definition. Let C(s) be the multiset of the non-whitespace characters of a string s (whitespace is any
 * character matching /\s/u: joining wrapped lines, trimming and collapsing change it), after folding
 * superscript digits ⁰–⁹ to 0–9 (a marker `¹` is reported as marker "1"). The parse is complete when
 *
 *   C(input) = Σ over blocks of C(label) + C(text)   (for a table: C(cells of rows) instead of C(text))
 *            + Σ over footnote refs of C(marker)
 *            + Σ over removed of C(removed.text)
 *
 * where `label` is the number label or bullet as written ("38.", "(b)", "[^1]:", "-"); a block without a
 * label has no printed number (its `number` was derived, as in DOCX lists, and is not counted).
 * `missing` lists characters of the input found nowhere in the result; `extra` lists characters of the
 * result that the input does not hold (a parser bug just as much). Counting is by Unicode code point.
 */
import type { ParseResult } from '../../documents/blocks.ts';
import { foldSuperscripts } from './numbering.ts';

/** The difference between the input's characters and the result's (see the module comment). */
export interface AccountingResult {
  ok: boolean;
  /** Characters in the input but not in the result, with how many are missing. */
  missing: Record<string, number>;
  /** Characters in the result but not in the input, with how many are extra. */
  extra: Record<string, number>;
}

function addChars(counts: Map<string, number>, s: string, sign: 1 | -1): void {
  for (const c of foldSuperscripts(s)) {
    if (/\s/u.test(c)) continue;
    counts.set(c, (counts.get(c) ?? 0) + sign);
  }
}

/** Checks that every non-whitespace character of `input` is in a block or in `removed` of `result`. */
export function checkAccounting(input: string, result: ParseResult): AccountingResult {
  const counts = new Map<string, number>();
  addChars(counts, input, 1);
  for (const b of result.blocks) {
    if (b.label !== undefined) addChars(counts, b.label, -1);
    if (b.kind === 'table' && b.rows) {
      for (const row of b.rows) for (const cell of row) addChars(counts, cell, -1);
    } else {
      addChars(counts, b.text, -1);
    }
    for (const r of b.footnoteRefs) addChars(counts, r.marker, -1);
  }
  for (const r of result.removed) addChars(counts, r.text, -1);
  const missing: Record<string, number> = {};
  const extra: Record<string, number> = {};
  for (const [c, n] of counts) {
    if (n > 0) missing[c] = n;
    else if (n < 0) extra[c] = -n;
  }
  return {
    ok: Object.keys(missing).length === 0 && Object.keys(extra).length === 0,
    missing,
    extra,
  };
}
