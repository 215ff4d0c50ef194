import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorOf, anchorsFor } from './anchors.ts';

test('turns block addresses into readable fragment ids', () => {
  assert.equal(anchorOf('para 38'), 'para-38');
  assert.equal(anchorOf('para 38(b)'), 'para-38-b');
  assert.equal(anchorOf('para 38(b)(ii)'), 'para-38-b-ii');
  assert.equal(anchorOf('fn 12'), 'fn-12');
  assert.equal(anchorOf('§3 ¶2'), 'sec-3-p2');
  assert.equal(anchorOf('¶4'), 'p4');
  assert.equal(anchorOf('§II'), 'sec-ii');
  assert.equal(anchorOf('table 1'), 'table-1');
});

test('keeps fragment ids unique when two blocks share an address', () => {
  assert.deepEqual(anchorsFor(['para 1', 'para 1', 'fn 1', 'para 1']), [
    'para-1',
    'para-1-2',
    'fn-1',
    'para-1-3',
  ]);
});
