import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ParsedBlock, ParseResult } from '../documents/blocks.ts';
import { findConcerns, lowConfidence } from './concerns.ts';
import { parseText } from './parser/parse-text.ts';
import { applyCorrection, refOf, replayCorrections, type Correction } from './corrections.ts';

function block(key: string, text: string, more: Partial<ParsedBlock> = {}): ParsedBlock {
  return {
    key,
    kind: 'paragraph',
    parentKey: null,
    number: null,
    level: null,
    address: `¶${key}`,
    text,
    rows: null,
    footnoteRefs: [],
    ...more,
  };
}

const parse = (blocks: ParsedBlock[], warnings: ParseResult['warnings'] = []): ParseResult => ({
  title: null,
  blocks,
  removed: [],
  warnings,
});

test('a correction replayed on a parse where its block changed is reported, not dropped', () => {
  const first = parse([block('b1', 'Alpha text.'), block('b2', 'Beta text.')]);
  const corrections: Correction[] = [
    { type: 'number', block: refOf(first.blocks[0]!), number: '7' },
    { type: 'join', block: refOf(first.blocks[0]!), next: refOf(first.blocks[1]!) },
  ];
  const same = replayCorrections(first, corrections);
  assert.equal(same.applied.length, 2);
  assert.equal(same.result.blocks.length, 1);
  assert.equal(same.result.blocks[0]!.address, 'para 7');
  assert.equal(same.result.blocks[0]!.text, 'Alpha text. Beta text.');

  // The file's text changed where the second block was: the join no longer applies.
  const later = parse([block('b1', 'Alpha text.'), block('b2', 'Gamma text.')]);
  const replayed = replayCorrections(later, corrections);
  assert.equal(replayed.applied.length, 1);
  assert.deepEqual(
    replayed.notApplied.map((n) => [n.correction.type, n.reason]),
    [['join', 'block_not_found']],
  );
  // The parser renumbered its keys: the block is found by its text.
  const renumbered = parse([block('x9', 'Alpha text.'), block('x10', 'Beta text.')]);
  assert.equal(replayCorrections(renumbered, corrections).applied.length, 2);
});

test('joins only adjacent blocks, splits only inside the text, and leaves the input as it was', () => {
  const result = parse([block('b1', 'One.'), block('b2', 'Two.'), block('b3', 'Three.')]);
  const far = applyCorrection(result, {
    type: 'join',
    block: refOf(result.blocks[0]!),
    next: refOf(result.blocks[2]!),
  });
  assert.deepEqual(far, { ok: false, reason: 'not_adjacent' });
  const outside = applyCorrection(result, {
    type: 'split',
    block: refOf(result.blocks[0]!),
    offset: 4,
  });
  assert.deepEqual(outside, { ok: false, reason: 'offset_out_of_range' });
  const cjk = applyCorrection(parse([block('c1', '各国应当合作。'), block('c2', '这是第二句。')]), {
    type: 'join',
    block: { key: 'c1', text: '各国应当合作。' },
    next: { key: 'c2', text: '这是第二句。' },
  });
  assert.ok(cjk.ok);
  assert.equal(cjk.result.blocks[0]!.text, '各国应当合作。这是第二句。');
  assert.equal(result.blocks.length, 3);
});

test('a split carries the markers after the cut to the new block', () => {
  const fn = block('f1', 'A note.', { kind: 'footnote', number: '1', address: 'fn 1' });
  const para = block('b1', 'First part. Second part.', {
    number: '4',
    address: 'para 4',
    footnoteRefs: [
      { marker: '1', offset: 11, footnoteKey: 'f1' },
      { marker: '2', offset: 24, footnoteKey: null },
    ],
  });
  const out = applyCorrection(parse([para, fn]), { type: 'split', block: refOf(para), offset: 12 });
  assert.ok(out.ok);
  const [head, tail] = out.result.blocks;
  assert.equal(head!.text, 'First part.');
  assert.deepEqual(head!.footnoteRefs, [{ marker: '1', offset: 11, footnoteKey: 'f1' }]);
  assert.equal(tail!.text, 'Second part.');
  assert.deepEqual(tail!.footnoteRefs, [{ marker: '2', offset: 12, footnoteKey: null }]);
  assert.notEqual(tail!.key, head!.key);
  assert.equal(new Set(out.result.blocks.map((b) => b.address)).size, 3, 'addresses stay unique');
});

test('linking a footnote takes a number left glued in the text as its marker', () => {
  const para = block('b1', 'the system3 works', { number: '1', address: 'para 1' });
  const fn = block('f3', 'A note.', { kind: 'footnote', number: '3', address: 'fn 3' });
  const out = applyCorrection(parse([para, fn]), {
    type: 'link_footnote',
    footnote: refOf(fn),
    block: refOf(para),
    offset: 10,
  });
  assert.ok(out.ok);
  assert.equal(out.result.blocks[0]!.text, 'the system works');
  assert.deepEqual(out.result.blocks[0]!.footnoteRefs, [
    { marker: '3', offset: 10, footnoteKey: 'f3' },
  ]);
  const notNote = applyCorrection(parse([para, fn]), {
    type: 'link_footnote',
    footnote: refOf(para),
    block: refOf(para),
    offset: 0,
  });
  assert.deepEqual(notNote, { ok: false, reason: 'not_a_footnote' });
});

test('warnings and a low confidence flag the blocks they concern', () => {
  const result = parse(
    [
      block('b1', 'Para one.', { number: '1', address: 'para 1' }),
      block('b12', 'Para twelve.', { number: '12', address: 'para 12' }),
      block('f2', 'Note.', { kind: 'footnote', number: '2', address: 'fn 2' }),
      { ...block('b4', 'Unsure.'), confidence: 0.2 } as ParsedBlock,
    ],
    [
      {
        code: 'FOOTNOTE_NOT_FOUND',
        message: 'Footnote marker 9 in para 12: no footnote 9 was found.',
        line: null,
      },
      {
        code: 'FOOTNOTE_UNREFERENCED',
        message: 'Footnote 2 is never referenced in the text.',
        line: null,
      },
      { code: 'OTHER', message: 'Something about the whole file.', line: 3 },
    ],
  );
  const { byBlock, unplaced } = findConcerns(result);
  assert.deepEqual([...byBlock.keys()].sort(), ['b12', 'b4', 'f2']);
  assert.equal(byBlock.get('b4')!.confidence, 0.2);
  assert.deepEqual(
    unplaced.map((w) => w.code),
    ['OTHER'],
  );
});

test('a number the whole-document numbering was unsure of is highlighted by its confidence, until corrected', () => {
  // 7 after 2: a gap the numbering reads as paragraph 7, with little margin over the other readings
  const result = parseText(
    '1. The group met in Geneva.\n\n2. The group agreed.\n\n7. The chair closed the session.\n',
    { format: 'text' },
  );
  const unsure = result.blocks.find((b) => b.number === '7')!;
  assert.ok(unsure.confidence! < lowConfidence, `confidence ${unsure.confidence}`);
  const sure = result.blocks.find((b) => b.number === '1')!;
  assert.ok(sure.confidence! >= lowConfidence);
  const { byBlock } = findConcerns(result);
  assert.equal(byBlock.get(unsure.key)!.confidence, unsure.confidence);
  assert.equal(byBlock.get(sure.key), undefined);
  // a low confidence alone flags the block, without any warning naming it
  const quiet = findConcerns({ ...result, warnings: [] });
  assert.deepEqual([...quiet.byBlock.keys()], [unsure.key]);
  // once the secretariat sets the number, it is no longer in doubt
  const corrected = applyCorrection(result, { type: 'number', block: refOf(unsure), number: '3' });
  assert.ok(corrected.ok);
  const after = findConcerns({ ...corrected.result, warnings: [] });
  assert.equal(after.byBlock.size, 0);
});
