import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import { isPlenumError } from '../../errors.ts';
import { parseDocx } from './docx.ts';
import { parseImport, readImportInput } from './index.ts';
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

test('a DOCX with tracked changes and comments: read as accepted, and the report says which were taken', async () => {
  const ins = (text: string) =>
    `<w:ins w:id="1" w:author="Secretariat" w:date="2026-11-01T10:00:00Z">${run(text)}</w:ins>`;
  const del = (text: string) =>
    `<w:del w:id="2" w:author="Secretariat" w:date="2026-11-01T10:00:00Z"><w:r><w:delText>${text}</w:delText></w:r></w:del>`;
  const body = [
    para(run('1. The Group ') + ins('strongly ') + run('recommends cooperation.')),
    para(run('2. States should ') + del('never ') + run('share information.')),
    para(run('3. A paragraph ') + `<w:commentRangeStart w:id="0"/>` + run('with a comment.')),
  ].join('');
  const zip = await JSZip.loadAsync(await buildDocx(body));
  zip.file(
    'word/comments.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="Reviewer"><w:p><w:r><w:t>Check this.</w:t></w:r></w:p></w:comment><w:comment w:id="1" w:author="Reviewer"><w:p><w:r><w:t>And this.</w:t></w:r></w:p></w:comment></w:comments>`,
  );
  const bytes = await zip.generateAsync({ type: 'uint8array' });
  const r = await parseImport(readImportInput(bytes, { filename: 'draft.docx' }), {
    language: 'en',
  });
  const by = (a: string) => r.blocks.find((b) => b.address === a)?.text;
  assert.equal(by('para 1'), 'The Group strongly recommends cooperation.');
  assert.equal(by('para 2'), 'States should share information.');
  assert.ok(!r.blocks.some((b) => b.text.includes('Check this')), 'no comment in the text');
  const tracked = r.warnings.find((w) => w.code === 'DOCX_TRACKED_CHANGES');
  assert.match(
    tracked?.message ?? '',
    /1 insertion\(s\) taken into the text, 1 deletion\(s\) left out/,
  );
  assert.match(r.warnings.find((w) => w.code === 'DOCX_COMMENTS')?.message ?? '', /2 comment\(s\)/);

  // A clean DOCX says nothing of either.
  const clean = await parseImport(
    readImportInput(await buildDocx(para(run('1. Clean.'))), { filename: 'clean.docx' }),
    { language: 'en' },
  );
  assert.deepEqual(
    clean.warnings.filter((w) => w.code.startsWith('DOCX_')),
    [],
  );
});
