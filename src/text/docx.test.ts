import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import { isPlenumError } from '../errors.ts';
import { parseDocx } from './docx.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const run = (t: string): string => `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
const fnRef = (id: number): string =>
  `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
const para = (content: string, opts: { style?: string; num?: [number, number] } = {}): string => {
  const ppr = [
    opts.style ? `<w:pStyle w:val="${opts.style}"/>` : '',
    opts.num
      ? `<w:numPr><w:ilvl w:val="${opts.num[1]}"/><w:numId w:val="${opts.num[0]}"/></w:numPr>`
      : '',
  ].join('');
  return `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}${content}</w:p>`;
};

/** Builds a minimal DOCX by hand: document, styles, numbering, footnotes. */
async function buildDocx(
  body: string,
  footnotes: Record<number, string> = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`,
  );
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/></w:style></w:styles>`,
  );
  zip.file(
    'word/numbering.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`,
  );
  const notes = Object.entries(footnotes)
    .map(([id, t]) => `<w:footnote w:id="${id}"><w:p>${run(t)}</w:p></w:footnote>`)
    .join('');
  zip.file(
    'word/footnotes.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p/></w:footnote>${notes}</w:footnotes>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

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
