import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import { isPlenumError } from '../../errors.ts';
import { parseDocx } from './docx.ts';
import {
  buildDocx,
  docxFootnoteRef as fnRef,
  docxParagraph as para,
  docxRun as run,
} from './docx.builder.ts';

test('a DOCX with headings, numbered paragraphs, sub-paragraphs, bullets, a table and footnotes', async () => {
  const body = [
    para(run('Report of the Working Group'), { style: 'Title' }),
    para(run('1. Introduction'), { style: 'Heading1' }),
    para(run('The Group was established in 2018.') + fnRef(1), { num: [1, 0] }),
    para(run('The Group recommends that States:'), { num: [1, 0] }),
    para(run('protect the public core;'), { num: [1, 1] }),
    para(run('cooperate.') + fnRef(2), { num: [1, 1] }),
    para(run('Background'), { style: 'Heading2' }),
    para(run('An unnumbered paragraph.')),
    para(run('first point'), { num: [2, 0] }),
    para(run('second point'), { num: [2, 0] }),
    `<w:tbl><w:tr><w:tc>${para(run('State'))}</w:tc><w:tc>${para(run('Vote'))}</w:tc></w:tr><w:tr><w:tc>${para(run('Kenya'))}</w:tc><w:tc>${para(run('yes'))}</w:tc></w:tr></w:tbl>`,
  ].join('');
  const bytes = await buildDocx(body, { 1: 'Resolution 73/27.', 2: 'See annex.' });
  const r = await parseDocx(bytes, { language: 'en' });
  const by = (a: string) => r.blocks.find((b) => b.address === a);
  assert.equal(r.title, 'Report of the Working Group');
  assert.equal(by('§1')?.text, 'Introduction');
  assert.equal(by('para 1')?.text, 'The Group was established in 2018.');
  assert.equal(by('para 2')?.text, 'The Group recommends that States:');
  assert.equal(by('para 2(a)')?.text, 'protect the public core;');
  assert.equal(by('para 2(b)')?.parentKey, by('para 2')?.key);
  assert.equal(by('fn 1')?.text, 'Resolution 73/27.');
  assert.equal(by('para 1')?.footnoteRefs[0]?.footnoteKey, by('fn 1')?.key);
  assert.equal(by('para 2(b)')?.footnoteRefs[0]?.footnoteKey, by('fn 2')?.key);
  const bg = r.blocks.find((b) => b.kind === 'heading' && b.text === 'Background');
  assert.equal(bg?.level, 2);
  const items = r.blocks.filter((b) => b.kind === 'list_item').map((b) => b.text);
  assert.deepEqual(items, ['first point', 'second point']);
  assert.deepEqual(by('table 1')?.rows, [
    ['State', 'Vote'],
    ['Kenya', 'yes'],
  ]);
  assert.deepEqual(
    r.warnings.map((w) => w.code),
    [],
  );
});

test('a corrupt zip or a zip without a Word document is IMPORT_BAD_DOCX', async () => {
  const junk = new JSZip();
  junk.file('junk.bin', 'nothing here');
  const bytes = await junk.generateAsync({ type: 'uint8array' });
  for (const input of [
    bytes,
    bytes.slice(0, 30),
    new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
  ]) {
    await assert.rejects(
      parseDocx(input, {}),
      (err) => isPlenumError(err) && err.code === 'IMPORT_BAD_DOCX',
    );
  }
});
