/**
 * Canonical JSON is what receipts' fingerprints and the log's leaves hash: the same value must
 * give the same bytes for ever. The loops of canonicalJson are held to the plain definition
 * (sorted entries, JSON.stringify of each key and leaf) over generated values of every kind.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson } from './canonical-json.ts';

/** The definition, written the obvious way (the code receipts were first made with). */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).toSorted(([a], [b]) =>
      a < b ? -1 : 1,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function prng(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

/** Keys and strings that sort differently by code point and by UTF-16 unit, escapes, RTL text. */
const words = [
  'a',
  'B',
  'é',
  'z',
  '"q"',
  'line\nbreak',
  '\u2028',
  'ي',
  '中文',
  '😀',
  '\uff5e',
  '',
  'kind',
];

function valueOf(random: () => number, depth: number): unknown {
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
  const r = random();
  if (depth > 3 || r < 0.35)
    return pick<unknown>([
      null,
      undefined,
      true,
      false,
      0,
      -1.5,
      1e21,
      42,
      pick(words),
      new Date(0),
    ]);
  if (r < 0.6)
    return Array.from({ length: Math.floor(random() * 4) }, () => valueOf(random, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 6); i > 0; i--)
    object[pick(words) + pick(words)] = valueOf(random, depth + 1);
  return object;
}

test('canonical JSON gives the bytes of its definition for every kind of value', () => {
  const random = prng(7);
  for (let i = 0; i < 5000; i++) {
    const value = valueOf(random, 0);
    assert.equal(canonicalJson(value), reference(value));
  }
  assert.equal(
    canonicalJson({ b: 1, a: [undefined, { d: null, c: 'x' }] }),
    '{"a":[null,{"c":"x","d":null}],"b":1}',
  );
});
