import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkAccounting } from './accounting.ts';
import { buildMessyDocument } from './messy-document.builder.ts';
import type { MessyDocumentOptions } from './messy-document.builder.ts';
import { parseText } from './parse-text.ts';

function check(seed: number, options: MessyDocumentOptions): void {
  const doc = buildMessyDocument(seed, options);
  const r = parseText(doc.text, { format: doc.format });
  const where = `seed ${seed} ${JSON.stringify(options)}`;
  // (a) nothing lost
  const acc = checkAccounting(doc.text, r);
  assert.deepEqual({ missing: acc.missing, extra: acc.extra }, { missing: {}, extra: {} }, where);
  // (b) numbered paragraphs: count, range and text
  const paras = r.blocks.filter(
    (b) => b.kind === 'paragraph' && b.parentKey === null && b.number !== null,
  );
  assert.deepEqual(
    paras.map((b) => b.number),
    doc.expected.paragraphs.map((p) => String(p.number)),
    where,
  );
  for (const p of doc.expected.paragraphs) {
    assert.equal(
      r.blocks.find((b) => b.address === `para ${p.number}`)?.text,
      p.text,
      `${where} para ${p.number}`,
    );
  }
  for (const s of doc.expected.subParagraphs) {
    assert.equal(
      r.blocks.find((b) => b.address === s.address)?.text,
      s.text,
      `${where} ${s.address}`,
    );
  }
  for (const h of doc.expected.headings) {
    const b = r.blocks.find((x) => x.kind === 'heading' && x.number === h.number);
    assert.equal(b?.text, h.title, `${where} heading ${h.number}`);
    assert.equal(b?.address, `§${h.number}`, where);
  }
  // (c) footnotes found and linked, every marker where it was written
  const fns = r.blocks.filter((b) => b.kind === 'footnote');
  assert.deepEqual(
    fns.map((b) => [b.number, b.text]).sort((x, y) => +x[0]! - +y[0]!),
    doc.expected.footnotes.map((f) => [String(f.number), f.text]),
    where,
  );
  for (const [para, markers] of doc.expected.markersByParagraph) {
    const refs = r.blocks
      .filter((b) => b.address === `para ${para}` || b.address.startsWith(`para ${para}(`))
      .flatMap((b) => b.footnoteRefs);
    assert.deepEqual(
      refs.map((f) => f.marker),
      markers.map(String),
      `${where} markers of para ${para}`,
    );
    for (const f of refs)
      assert.equal(f.footnoteKey, fns.find((b) => b.number === f.marker)?.key, where);
  }
  const unexpected = r.warnings.filter(
    (w) => !['REPLACEMENT_CHARACTERS', 'DUPLICATE_ADDRESS'].includes(w.code),
  );
  assert.deepEqual(unexpected, [], where);
  if (doc.expected.replacementCharacters > 0) {
    assert.match(
      r.warnings.find((w) => w.code === 'REPLACEMENT_CHARACTERS')!.message,
      new RegExp(`^${doc.expected.replacementCharacters} `),
    );
  }
}

test('messy English documents: nothing lost, paragraphs and footnotes found (60 seeds)', () => {
  for (let seed = 1; seed <= 60; seed++) check(seed, { paragraphs: 30 });
});

test('messy Chinese documents (40 seeds)', () => {
  for (let seed = 1; seed <= 40; seed++) check(seed, { paragraphs: 30, chinese: true });
});

test('messy Markdown documents (30 seeds)', () => {
  for (let seed = 1; seed <= 30; seed++) check(seed, { paragraphs: 25, format: 'markdown' });
});

test('footnotes at the bottom of each page and at the end', () => {
  for (let seed = 100; seed < 110; seed++) {
    check(seed, { paragraphs: 40, footnotePlacement: 'page' });
    check(seed, { paragraphs: 40, footnotePlacement: 'end' });
  }
});

test('the generator is deterministic per seed', () => {
  assert.equal(buildMessyDocument(5).text, buildMessyDocument(5).text);
  assert.notEqual(buildMessyDocument(5).text, buildMessyDocument(6).text);
});

test('a 1,000-paragraph, 300-footnote document: nothing lost, every footnote found and linked', () => {
  // Its speed is measured by npm run bench, not asserted here.
  const doc = buildMessyDocument(2024, { paragraphs: 1000, footnotes: 300 });
  const r = parseText(doc.text, { format: 'text' });
  assert.equal(r.blocks.filter((b) => b.kind === 'footnote').length, 300);
  check(2024, { paragraphs: 1000, footnotes: 300 });
});
