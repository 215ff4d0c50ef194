import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FAMILIES, generateDocument } from './corpus.builder.ts';
import { chromiumSkip } from '../../../test/support/browser.ts';
import { evalFormats, evaluateCorpus, groupScores } from './evaluate.builder.ts';
import { renderHtml, renderText } from './render.builder.ts';
import { f1, scoreParse } from './score.ts';
import { parseText } from '../parser/parse-text.ts';

// PDF needs Chromium to print the documents; CI has it (chromiumSkip is false there)
const formats = chromiumSkip ? evalFormats.filter((f) => f !== 'pdf') : evalFormats;

test('a slice of the evaluation corpus (one document per family, text, DOCX and PDF) meets the targets', async () => {
  const docs = FAMILIES.map((f, k) => generateDocument(f, f.languages[k % f.languages.length]!, k));
  const parses = await evaluateCorpus(docs, formats);
  assert.equal(parses.length, docs.length * formats.length);
  for (const [format, g] of groupScores(parses, (p) => p.format)) {
    assert.ok(f1(g.paragraphs) >= 0.99, `${format}: paragraph F1 ${f1(g.paragraphs)}`);
    assert.ok(f1(g.footnoteLinks) >= 0.98, `${format}: footnote-link F1 ${f1(g.footnoteLinks)}`);
  }
  const overall = groupScores(parses, () => 'overall').get('overall')!;
  assert.ok(f1(overall.paragraphs) >= 0.99, `paragraph F1 ${f1(overall.paragraphs)}`);
  assert.ok(f1(overall.footnoteLinks) >= 0.98, `footnote-link F1 ${f1(overall.footnoteLinks)}`);
  for (const [family, g] of groupScores(parses, (p) => `${p.doc.family} ${p.format}`)) {
    assert.ok(f1(g.paragraphs) >= 0.95, `${family}: paragraph F1 ${f1(g.paragraphs)}`);
    assert.ok(f1(g.footnoteLinks) >= 0.95, `${family}: footnote-link F1 ${f1(g.footnoteLinks)}`);
  }
  assert.deepEqual(overall.warned, [], 'warnings on clean documents');
  assert.equal(overall.kept.found, overall.kept.total, 'text kept');
});

test('the corpus covers the six languages and at least 15 layout families', () => {
  assert.ok(FAMILIES.length >= 15);
  const languages = new Set(FAMILIES.flatMap((f) => f.languages));
  assert.deepEqual([...languages].sort(), ['ar', 'en', 'es', 'fr', 'ru', 'zh']);
});

test('the scores fall when the parse is wrong: a paragraph number lost, a footnote unlinked', () => {
  const family = FAMILIES.find((f) => f.name === 'un-report')!;
  const doc = generateDocument(family, 'en', 0);
  const r = parseText(renderText(doc).text, { format: 'text' });
  const good = scoreParse(r, doc);
  const para = r.blocks.find((b) => b.number !== null && b.kind === 'paragraph')!;
  para.number = '999';
  const linked = r.blocks.find((b) => b.footnoteRefs.some((x) => x.footnoteKey !== null))!;
  linked.footnoteRefs[0]!.footnoteKey = null;
  const bad = scoreParse(r, doc);
  assert.equal(bad.paragraphs.matched, good.paragraphs.matched - 1);
  assert.equal(bad.footnoteLinks.matched, good.footnoteLinks.matched - 1);
});

test('the HTML rendering keeps the cover, the notes and the back cover apart for a PDF printer', () => {
  const family = FAMILIES.find((f) => f.name === 'icann-paper')!;
  const html = renderHtml(generateDocument(family, 'zh', 1));
  assert.match(html, /<html lang="zh" dir="ltr">/);
  assert.match(html, /<header class="front-matter">/);
  assert.match(html, /<sup data-note="1">1<\/sup>/);
  assert.match(html, /<aside class="notes"><p class="note" data-note="1">/);
  assert.match(html, /<footer class="back-matter">/);
});
