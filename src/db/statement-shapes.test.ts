import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shapedChunks, shapedList } from './statement-shapes.ts';

test('shaped chunks keep every row once, in order, in few sizes', () => {
  const sizes = new Set<number>();
  for (let n = 0; n <= 700; n++) {
    const rows = Array.from({ length: n }, (_, i) => i);
    const chunks = shapedChunks(rows, 256);
    assert.deepEqual(chunks.flat(), rows);
    for (const c of chunks) sizes.add(c.length);
  }
  assert.deepEqual(
    [...sizes].sort((a, b) => a - b),
    [1, 2, 4, 8, 16, 32, 64, 128, 256],
  );
});

test('a shaped IN list holds the same values, padded to a power of two', () => {
  assert.deepEqual(shapedList([]), []);
  assert.deepEqual(shapedList(['a']), ['a']);
  assert.deepEqual(shapedList(['a', 'b', 'c']), ['a', 'b', 'c', 'c']);
  const five = shapedList([1, 2, 3, 4, 5]);
  assert.equal(five.length, 8);
  assert.deepEqual(new Set(five), new Set([1, 2, 3, 4, 5]));
});
