import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText } from './parse-text.ts';

/** The fastest of three parses of the text, in milliseconds (the fastest is the least disturbed). */
function fastestParse(text: string): number {
  let fastest = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    parseText(text, { format: 'text' });
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/**
 * A ratio of times that a linear parser keeps well under 8 when the input grows fourfold (a
 * quadratic one takes 16×). A busy machine only makes runs slower: a disturbed larger run can
 * raise one measurement past 8, so the least of three measurements is taken; a disturbed smaller
 * run lowers the ratio, but not from 16× to under 8× in all three.
 */
function growth(make: (lines: number) => string, lines: number): number {
  const [small, large] = [make(lines), make(4 * lines)];
  fastestParse(small); // warm up: compiled code, not the first run, is compared
  let least = Infinity;
  for (let attempt = 0; attempt < 3 && least >= 8; attempt++)
    least = Math.min(least, fastestParse(large) / fastestParse(small));
  return least;
}

// One block of many wrapped lines: every line joined to the block re-read the whole block so far
// (17 minutes for 400,000 lines before the fix).
const oneLongParagraph = (n: number): string =>
  Array.from({ length: n }, (_, i) => `word ${i} of a paragraph that never ends`).join('\n');

// A footnote whose lines never end a sentence: each line asked how the footnote so far ends.
const oneLongFootnote = (n: number): string =>
  [
    'A paragraph that cites a source.1',
    '',
    '1 The source, cited at length',
    ...Array.from({ length: n }, (_, i) => `and more words on line ${i}`),
  ].join('\n');

test('parsing a paragraph of many lines grows linearly: 4× the lines, under 8× the time', () => {
  const ratio = growth(oneLongParagraph, 5_000);
  assert.ok(ratio < 8, `4× the lines took ${ratio.toFixed(1)}× the time`);
});

test('parsing a footnote of many lines grows linearly: 4× the lines, under 8× the time', () => {
  const ratio = growth(oneLongFootnote, 5_000);
  assert.ok(ratio < 8, `4× the lines took ${ratio.toFixed(1)}× the time`);
});
