import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import { isPlenumError } from '../../errors.ts';
import { MAX_PDF_BYTES, MAX_TEXT_BYTES, readImportInput } from './input.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    assert.ok(isPlenumError(err), String(err));
    return err.code;
  }
  return 'NO_ERROR';
};

test('empty and whitespace-only files are IMPORT_EMPTY', () => {
  assert.equal(
    code(() => readImportInput(new Uint8Array(), {})),
    'IMPORT_EMPTY',
  );
  assert.equal(
    code(() => readImportInput(enc(' \n\t\r\n  '), {})),
    'IMPORT_EMPTY',
  );
  assert.equal(
    code(() => readImportInput(enc('\uFEFF  \n'), {})),
    'IMPORT_EMPTY',
  );
});

test('oversize text is IMPORT_TOO_LARGE, checked before decoding', () => {
  const big = new Uint8Array(MAX_TEXT_BYTES + 1).fill(0xff); // not UTF-8 either: size must win
  assert.equal(
    code(() => readImportInput(big, { filename: 'a.txt' })),
    'IMPORT_TOO_LARGE',
  );
});

test('binary data is IMPORT_BINARY', () => {
  assert.equal(
    code(() => readImportInput(enc('abc\u0000def'), {})),
    'IMPORT_BINARY',
  );
  const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
  assert.equal(
    code(() => readImportInput(controls, {})),
    'IMPORT_BINARY',
  );
});

test('a PDF is read as pdf by its header, whatever its name; a PDF asked for as text is refused', () => {
  const pdf = enc('%PDF-1.7\n%âãÏÓ\n1 0 obj');
  assert.equal(readImportInput(pdf, { filename: 'x.pdf' }).format, 'pdf');
  assert.equal(readImportInput(pdf, { filename: 'x.txt' }).format, 'pdf');
  assert.equal(readImportInput(enc('junk\n%PDF-1.4\n'), {}).format, 'pdf');
  assert.equal(
    code(() => readImportInput(pdf, { format: 'text' })),
    'IMPORT_BINARY',
  );
  assert.equal(
    code(() => readImportInput(enc('plain text, not a PDF'), { filename: 'x.pdf' })),
    'IMPORT_BAD_PDF',
  );
});

test('a PDF over MAX_PDF_BYTES is IMPORT_TOO_LARGE before it is read', () => {
  const big = new Uint8Array(MAX_PDF_BYTES + 1);
  big.set(enc('%PDF-1.7\n'));
  assert.equal(
    code(() => readImportInput(big, { filename: 'big.pdf' })),
    'IMPORT_TOO_LARGE',
  );
});

test('invalid UTF-8 is IMPORT_INVALID_UTF8', () => {
  assert.equal(
    code(() => readImportInput(new Uint8Array([0x48, 0x69, 0xc3, 0x28]), {})),
    'IMPORT_INVALID_UTF8',
  );
  assert.equal(
    code(() => readImportInput(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), {})),
    'IMPORT_INVALID_UTF8',
  );
});

test('BOM stripped, CRLF and CR normalised, format from option, name, then sniffing', () => {
  const r = readImportInput(enc('\uFEFF1. First\r\n2. Second\rthird'), { filename: 'a.txt' });
  assert.deepEqual(r, { format: 'text', text: '1. First\n2. Second\nthird' });
  assert.equal(readImportInput(enc('plain'), { filename: 'notes.MD' }).format, 'markdown');
  assert.equal(readImportInput(enc('# Title\n\nText[^1]\n\n[^1]: Note'), {}).format, 'markdown');
  assert.equal(readImportInput(enc('Title\n\n1. Text'), {}).format, 'text');
  assert.equal(readImportInput(enc('# Title'), { format: 'text' }).format, 'text');
});

test('a zip that is not a DOCX is IMPORT_BAD_DOCX; a DOCX-looking zip passes as bytes', async () => {
  const junk = new JSZip();
  junk.file('hello.txt', 'hello');
  const junkBytes = await junk.generateAsync({ type: 'uint8array' });
  assert.equal(
    code(() => readImportInput(junkBytes, { filename: 'a.docx' })),
    'IMPORT_BAD_DOCX',
  );
  assert.equal(
    code(() => readImportInput(junkBytes, {})),
    'IMPORT_BAD_DOCX',
  );
  assert.equal(
    code(() => readImportInput(enc('not a zip'), { filename: 'a.docx' })),
    'IMPORT_BAD_DOCX',
  );
  const doc = new JSZip();
  doc.file('word/document.xml', '<w:document/>');
  const docBytes = await doc.generateAsync({ type: 'uint8array' });
  const r = readImportInput(docBytes, { filename: 'report.bin' });
  assert.equal(r.format, 'docx');
  assert.equal(r.bytes, docBytes);
});
