import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPlenumError, type ErrorCode } from '../errors.ts';
import { buildDocx, docxParagraph, docxRun } from '../imports/parser/docx.builder.ts';
import { checkAttachment, inspectAttachment } from './attachments.ts';
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
