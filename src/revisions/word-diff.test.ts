import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commonPairs, diffWords, wordTokens, type DiffPart } from './word-diff.ts';
import { prng } from '../imports/parser/messy-document.builder.ts';

const side = (parts: DiffPart[], op: 'insert' | 'delete'): string =>
  parts
    .filter((p) => p.op === 'equal' || p.op === op)
    .map((p) => p.text)
    .join('');

/** Both texts come back, no part is empty, and no two neighbouring parts share an op. */
function assertDiff(before: string, after: string, parts: DiffPart[]): void {
  assert.equal(side(parts, 'delete'), before);
  assert.equal(side(parts, 'insert'), after);
  for (const p of parts) assert.notEqual(p.text, '');
  for (let k = 1; k < parts.length; k++) assert.notEqual(parts[k]!.op, parts[k - 1]!.op);
}

test('a changed word in English', () => {
  const before = 'States must ensure the stability of the Internet.';
  const after = 'States should ensure the stability of the Internet.';
  const parts = diffWords(before, after, 'en');
  assert.deepEqual(parts, [
    { op: 'equal', text: 'States ' },
    { op: 'delete', text: 'must' },
    { op: 'insert', text: 'should' },
    { op: 'equal', text: ' ensure the stability of the Internet.' },
  ]);
});

test('inserted and deleted words, and punctuation as its own token', () => {
  const before = 'The Group recommends that States protect the core, and report.';
  const after = 'The Group strongly recommends that States protect the public core and report.';
  const parts = diffWords(before, after, 'en');
  assertDiff(before, after, parts);
  assert.deepEqual(
    parts.filter((p) => p.op !== 'equal'),
    [
      { op: 'insert', text: 'strongly ' },
      { op: 'insert', text: 'public ' },
      { op: 'delete', text: ',' },
    ],
  );
});

test('neighbouring replaced words read as one replacement', () => {
  const parts = diffWords('they must ensure it', 'they should guarantee it', 'en');
  assert.deepEqual(parts, [
    { op: 'equal', text: 'they ' },
    { op: 'delete', text: 'must ensure' },
    { op: 'insert', text: 'should guarantee' },
    { op: 'equal', text: ' it' },
  ]);
});

test('French with accents: whole words, apostrophes kept', () => {
  const before = "Les États devraient protéger le noyau public de l'Internet.";
  const after = "Les États doivent protéger le noyau public de l'Internet mondial.";
  const parts = diffWords(before, after, 'fr');
  assertDiff(before, after, parts);
  assert.deepEqual(
    parts.filter((p) => p.op !== 'equal').map((p) => [p.op, p.text]),
    [
      ['delete', 'devraient'],
      ['insert', 'doivent'],
      ['insert', ' mondial'],
    ],
  );
});

test('Chinese differs by word, not by character', () => {
  const before = '工作组建议各国保护互联网的公共核心。';
  const after = '工作组建议会员国保护互联网的公共核心。';
  const parts = diffWords(before, after, 'zh');
  assertDiff(before, after, parts);
  const changed = parts.filter((p) => p.op !== 'equal');
  assert.deepEqual(changed, [
    { op: 'delete', text: '各国' },
    { op: 'insert', text: '会员国' },
  ]);
  assert.ok(wordTokens('工作组建议各国', 'zh').includes('建议'));
});

test('Arabic', () => {
  const before = 'يوصي الفريق بأن تحمي الدول النواة العامة للإنترنت.';
  const after = 'يوصي الفريق بأن تحمي جميع الدول النواة العامة للإنترنت.';
  const parts = diffWords(before, after, 'ar');
  assertDiff(before, after, parts);
  assert.deepEqual(
    parts.filter((p) => p.op !== 'equal'),
    [{ op: 'insert', text: 'جميع ' }],
  );
});

test('identical, empty, and one side empty', () => {
  assert.deepEqual(diffWords('Same text.', 'Same text.'), [{ op: 'equal', text: 'Same text.' }]);
  assert.deepEqual(diffWords('', ''), []);
  assert.deepEqual(diffWords('', 'New.'), [{ op: 'insert', text: 'New.' }]);
  assert.deepEqual(diffWords('Old.', ''), [{ op: 'delete', text: 'Old.' }]);
  assert.deepEqual(diffWords('a', 'b', 'not a language tag!'), [
    { op: 'delete', text: 'a' },
    { op: 'insert', text: 'b' },
  ]);
});

test('both texts come back from the parts, on random pairs (seeded)', () => {
  const rnd = prng(42);
  const vocabulary = [
    'the',
    'States',
    'must',
    'should',
    'ensure',
    'protection',
    'États',
    'noyau',
    'l’Internet',
    '互联网',
    '各国',
    '保护',
    'الدول',
    'النواة',
    ' ',
    '  ',
    '\n',
    ',',
    '.',
    '—',
    '(a)',
    '38',
    '😀',
    '\u0301',
    'e\u0301',
    '\uD800',
    'x',
  ];
  const text = (): string =>
    Array.from(
      { length: Math.floor(rnd() * 30) },
      () => vocabulary[Math.floor(rnd() * vocabulary.length)]!,
    ).join(rnd() < 0.5 ? ' ' : '');
  for (let k = 0; k < 500; k++) {
    const before = text();
    // half of the pairs are edits of one another, half unrelated
    const after =
      rnd() < 0.5
        ? before
            .split(' ')
            .map((w) => (rnd() < 0.2 ? vocabulary[Math.floor(rnd() * vocabulary.length)]! : w))
            .join(' ')
        : text();
    assertDiff(before, after, diffWords(before, after, ['en', 'fr', 'zh', 'ar', undefined][k % 5]));
  }
});

test('huge texts fall back to a coarse but correct difference', () => {
  const rnd = prng(7);
  const words = (count: number): string =>
    Array.from({ length: count }, () => `w${Math.floor(rnd() * 100_000)}`).join(' ');
  const before = `Common start. ${words(6_000)} Common end.`;
  const after = `Common start. ${words(6_000)} Common end.`;
  const parts = diffWords(before, after, 'en');
  assertDiff(before, after, parts);
  assert.equal(parts[0]!.op, 'equal');
  assert.equal(parts.at(-1)!.op, 'equal');
  // a long text with few changes is still diffed exactly
  const long = words(20_000);
  const edited = long.replace(/\bw12(\d\d)\b/g, 'v12$1');
  const exact = diffWords(long, edited, 'en');
  assertDiff(long, edited, exact);
  const changed = exact.filter((p) => p.op !== 'equal');
  assert.ok(changed.length > 4);
  assert.ok(changed.every((p) => /^[wv]12\d\d$/.test(p.text)));
});

test('commonPairs finds a longest common subsequence (seeded, against the textbook table)', () => {
  const rnd = prng(11);
  const lcsLength = (a: Int32Array, b: Int32Array): number => {
    const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        t[i]![j] =
          a[i - 1] === b[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
    return t[a.length]![b.length]!;
  };
  for (let k = 0; k < 300; k++) {
    const seq = (): Int32Array =>
      Int32Array.from({ length: Math.floor(rnd() * 40) }, () => Math.floor(rnd() * 6));
    const a = seq();
    const b = seq();
    const pairs = commonPairs(a, b);
    assert.equal(pairs.length, lcsLength(a, b));
    pairs.forEach(([i, j], n) => {
      assert.equal(a[i], b[j]);
      if (n > 0) assert.ok(i > pairs[n - 1]![0] && j > pairs[n - 1]![1]);
    });
  }
});
