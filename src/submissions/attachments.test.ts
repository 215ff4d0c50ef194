import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPlenumError, type ErrorCode } from '../errors.ts';
import { buildDocx, docxParagraph, docxRun } from '../imports/parser/docx.builder.ts';
import { checkAttachment, inspectAttachment, legalTextKinds } from './attachments.ts';
import {
  buildDocxDeclaringLess,
  buildDocxOfEmptyParts,
  buildDocxOfLargeXml,
} from '../text/zip-bomb.builder.ts';

async function refusedWith(promise: Promise<unknown>, code: ErrorCode, detail: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isPlenumError(error), `expected a PlenumError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, detail);
    return true;
  });
}

test('a DOCX of 55,000 empty parts is refused with a clear error', async () => {
  const bomb = buildDocxOfEmptyParts(55_000);
  assert.ok(bomb.length < 5 * 1024 * 1024, 'within the size limit, so only the parts refuse it');
  await refusedWith(
    checkAttachment('bomb.docx', bomb),
    'ATTACHMENT_UNSAFE',
    /"bomb\.docx": it has 55002 parts; the limit is 2000/,
  );
});

test('a small DOCX that unpacks to 50 MB is refused; a real DOCX is accepted', async () => {
  const bomb = buildDocxOfLargeXml(50);
  assert.ok(bomb.length < 1024 * 1024);
  await refusedWith(
    checkAttachment('xml.docx', bomb),
    'ATTACHMENT_UNSAFE',
    /"xml\.docx": it unpacks to more than 20 MB/,
  );
  const real = Buffer.from(await buildDocx(docxParagraph(docxRun('A short comment.'))));
  const checked = await checkAttachment('comment.docx', real);
  assert.equal(
    checked.mediaType,
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  assert.match(checked.sha256, /^[0-9a-f]{64}$/);
});

test('a part that unpacks to more than its declared size is refused', async () => {
  await refusedWith(
    checkAttachment('liar.docx', buildDocxDeclaringLess(10)),
    'ATTACHMENT_UNSAFE',
    /"liar\.docx": its part "word\/document\.xml" unpacks to more than it declares/,
  );
});

test('a check that takes longer than its time limit is refused, and the next one still runs', async () => {
  const real = Buffer.from(await buildDocx(docxParagraph(docxRun('Another comment.'))));
  await refusedWith(inspectAttachment('slow.docx', real, 0), 'ATTACHMENT_UNSAFE', /too long/);
  const again = await inspectAttachment('slow.docx', real);
  assert.equal(again.kind, 'docx');
});

test('UTF-8 text and HTML are told by their bytes: a legal text may be one, a submission’s attachment may not', async () => {
  const text = Buffer.from('Art. 1º — Lei nº 12.965.\r\n\tParágrafo único.\f\n', 'utf8');
  const page = Buffer.from('\uFEFF  <!-- portal -->\n<!DOCTYPE html><html><p>Decreto</p></html>');
  assert.equal(
    (await checkAttachment('lei.txt', text, legalTextKinds)).mediaType,
    'text/plain; charset=utf-8',
  );
  assert.equal(
    (await checkAttachment('decreto.htm', page, legalTextKinds)).mediaType,
    'text/html; charset=utf-8',
  );
  await refusedWith(
    checkAttachment('lei.txt', text),
    'ATTACHMENT_TYPE',
    /is not a PDF, DOCX or ODT file/,
  );
  // Not UTF-8, or with control characters: not text, whatever the name says.
  const latin1 = Buffer.from([0x4c, 0x65, 0x69, 0xe7, 0x0a]);
  const controls = Buffer.from('text\u0000with a NUL\n', 'utf8');
  for (const bytes of [latin1, controls])
    await refusedWith(
      checkAttachment('x.txt', bytes, legalTextKinds),
      'ATTACHMENT_TYPE',
      /is not a PDF, DOCX, ODT, TXT or HTML file/,
    );
});
