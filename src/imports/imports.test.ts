import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, rowCounts, testEngines } from '../db/test-databases.ts';
import { isPlenumError, type ErrorCode } from '../errors.ts';
import { getBlocks, readDocument } from '../documents/documents.service.ts';
import { listEventsFor } from '../events/events.store.ts';
import { buildDraftMarkdown, buildProcess } from './imports.builder.ts';
import { importFile, parseImportFile, storeImport } from './imports.service.ts';
import { importTargetSchema } from './imports.schema.ts';
import {
  buildDocx,
  docxFootnoteRef as fnRef,
  docxParagraph as para,
  docxRun as run,
} from './parser/docx.builder.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isPlenumError(error), `expected a PlenumError, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  });
}

/** A zip file (stored entries) holding junk, shaped like a DOCX but without its parts. */
function junkZip(): Uint8Array {
  const name = Buffer.from('junk.bin');
  const data = Buffer.from('this is not a word document at all');
  const compressed = deflateRawSync(data);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(compressed.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, compressed, Buffer.from('garbage after the entry')]);
}

for (const engine of testEngines()) {
  describe(`importing documents (${engine})`, () => {
    let o: OpenDatabase;
    before(async () => {
      o = await openTestDatabase(engine);
      await buildProcess(o.db);
    });
    after(async () => o.close());

    test('stores a document, its first version and its blocks, and reports the counts', async () => {
      const report = await importFile(o.db, utf8(buildDraftMarkdown(12)), {
        process: 'twg',
        symbol: 'TEST/2026/1',
        title: 'Draft report',
        kind: 'draft report',
        version: 'pre-draft',
        date: '2026-03-01',
        language: 'en',
        sourceName: 'draft.md',
      });
      assert.equal(report.created.document, true);
      assert.equal(report.created.version, true);
      assert.equal(report.version.seq, 1);
      assert.equal(report.blocks.numberedParagraphs, 12);
      assert.equal(report.blocks.subParagraphs, 8);
      assert.deepEqual(report.numberedParagraphRange, { first: '1', last: '12', missing: [] });
      assert.equal(report.footnotes.footnotes, 3);
      assert.equal(report.footnotes.linked, 3);
      assert.equal(report.footnotes.unlinked, 0);
      const reading = await readDocument(o.db, report.ids.document);
      assert.equal(reading.document.symbol, 'TEST/2026/1');
      assert.equal(reading.document.kind, 'draft_report');
      const para4 = reading.blocks.find((b) => b.address === 'para 4');
      assert.ok(para4, 'para 4 is stored');
      assert.equal(para4.footnoteRefs.length, 1);
      const fn = reading.blocks.find((b) => b.id === para4.footnoteRefs[0]!.footnoteId);
      assert.equal(fn?.address, 'fn 1');
      const events = await listEventsFor(o.db, 'language_version', report.ids.languageVersion);
      assert.deepEqual(
        events.map((e) => [e.actor, e.action]),
        [['cli', 'language_version.imported']],
      );
      assert.equal((events[0]!.data as { sha256: string }).sha256, report.source.sha256);
      const sub = reading.blocks.find((b) => b.address === 'para 3(b)');
      assert.equal(sub?.parentId, reading.blocks.find((b) => b.address === 'para 3')?.id);
    });

    test('adds a language and a second version to the same document without changing block ids', async () => {
      const before = await readDocument(o.db, (await importFileIds(o, 'TEST/2026/1')).documentId, {
        versionSeq: 1,
      });
      const fr = await importFile(o.db, utf8(buildDraftMarkdown(12, 'stabilité')), {
        process: 'twg',
        document: 'TEST/2026/1',
        version: 'pre-draft',
        language: 'fr',
      });
      assert.equal(fr.created.document, false);
      assert.equal(fr.created.version, false);
      const rev = await importFile(o.db, utf8(buildDraftMarkdown(14)), {
        process: 'The Test Group',
        document: 'TEST/2026/1',
        version: 'Rev.1',
        language: 'en',
      });
      assert.equal(rev.version.seq, 2);
      const afterwards = await readDocument(o.db, rev.ids.document, {
        versionSeq: 1,
        language: 'en',
      });
      assert.deepEqual(
        afterwards.blocks.map((b) => [b.id, b.address]),
        before.blocks.map((b) => [b.id, b.address]),
      );
      const latest = await readDocument(o.db, rev.ids.document);
      assert.equal(latest.version.label, 'Rev.1');
      assert.equal(
        (await readDocument(o.db, rev.ids.document, { versionSeq: 1, language: 'fr' }))
          .languageVersion.language,
        'fr',
      );
    });

    test('refuses a second text in the same language of a version, and stores nothing of it', async () => {
      const counts = await rowCounts(o);
      await rejectsWith(
        importFile(o.db, utf8(buildDraftMarkdown(3)), {
          process: 'twg',
          document: 'TEST/2026/1',
          version: 'pre-draft',
          language: 'en',
        }),
        'IMPORT_CONFLICT',
      );
      assert.deepEqual(await rowCounts(o), counts);
    });

    test('refuses bad files with a clear error and leaves the database as it was', async () => {
      const counts = await rowCounts(o);
      const target = { process: 'twg', symbol: 'TEST/BAD/1', language: 'en' };
      await rejectsWith(importFile(o.db, new Uint8Array(0), target), 'IMPORT_EMPTY');
      await rejectsWith(importFile(o.db, utf8('  \n\n \t\n'), target), 'IMPORT_EMPTY');
      await rejectsWith(
        importFile(o.db, Uint8Array.from([0, 1, 2, 3, 0, 255, 254, 0, 7, 8]), target),
        'IMPORT_BINARY',
      );
      await rejectsWith(
        importFile(o.db, Uint8Array.from([0x31, 0x2e, 0x20, 0x41, 0xc3, 0x28, 0x41, 0x0a]), target),
        'IMPORT_INVALID_UTF8',
      );
      await rejectsWith(
        importFile(o.db, new Uint8Array(50 * 1024 * 1024).fill(0x61), target),
        'IMPORT_TOO_LARGE',
      );
      await rejectsWith(
        importFile(o.db, junkZip(), { ...target, sourceName: 'draft.docx' }),
        'IMPORT_BAD_DOCX',
      );
      await rejectsWith(
        importFile(o.db, utf8('1. A paragraph.'), { ...target, process: 'no-such-process' }),
        'PROCESS_NOT_FOUND',
      );
      await rejectsWith(
        importFile(o.db, utf8('1. A paragraph.'), { ...target, date: '2026-02-31' }),
        'INVALID_REQUEST',
      );
      await rejectsWith(
        importFile(o.db, utf8('1. A paragraph.'), { ...target, kind: 'poem' }),
        'INVALID_REQUEST',
      );
      assert.deepEqual(await rowCounts(o), counts);
    });

    test('rolls back the document and version it created when storing the blocks fails', async () => {
      const counts = await rowCounts(o);
      const parsed = await parseImportFile(utf8(buildDraftMarkdown(3)), { format: 'markdown' });
      // A block that breaks the NOT NULL constraint fails the insert after the document and the
      // version rows were written: the transaction must take them back.
      (parsed.result.blocks[1] as { text: string | null }).text = null;
      const target = importTargetSchema.parse({
        process: 'twg',
        symbol: 'TEST/ROLLBACK/1',
        version: 'v1',
        language: 'en',
      });
      await assert.rejects(
        o.db.transaction().execute((trx) => storeImport(trx, target, parsed, 'test')),
      );
      assert.deepEqual(await rowCounts(o), counts);
      assert.equal(
        await o.db
          .selectFrom('documents')
          .select('id')
          .where('symbol', '=', 'TEST/ROLLBACK/1')
          .executeTakeFirst(),
        undefined,
      );
    });

    test('gives blocks in reading order with their footnote references', async () => {
      const { languageVersionId } = await importFileIds(o, 'TEST/2026/1');
      const blocks = await getBlocks(o.db, languageVersionId);
      assert.deepEqual(
        blocks.map((b) => b.seq),
        blocks.map((_, i) => i + 1),
      );
      assert.equal(blocks[0]?.kind, 'heading');
    });
  });
}

async function importFileIds(
  o: OpenDatabase,
  symbol: string,
): Promise<{ documentId: string; languageVersionId: string }> {
  const row = await o.db
    .selectFrom('documents')
    .innerJoin('versions', 'versions.document_id', 'documents.id')
    .innerJoin('language_versions', 'language_versions.version_id', 'versions.id')
    .select(['documents.id as documentId', 'language_versions.id as languageVersionId'])
    .where('documents.symbol', '=', symbol)
    .where('versions.seq', '=', 1)
    .where('language_versions.language', '=', 'en')
    .executeTakeFirstOrThrow();
  return row;
}

describe('importing a DOCX file', () => {
  test('stores its headings, numbered paragraphs, sub-paragraphs and linked footnotes', async () => {
    const o = await openTestDatabase('sqlite');
    try {
      await buildProcess(o.db);
      const body = [
        para(run('Draft report of the Test Group'), { style: 'Title' }),
        para(run('1. Introduction'), { style: 'Heading1' }),
        para(run('The Group met four times in Geneva.') + fnRef(1), { num: [1, 0] }),
        para(run('The Group recommends that States:'), { num: [1, 0] }),
        para(run('protect the public core;'), { num: [1, 1] }),
        para(run('share good practices.'), { num: [1, 1] }),
      ].join('');
      const bytes = await buildDocx(body, { 1: 'Meetings were webcast.' });
      const report = await importFile(o.db, bytes, {
        process: 'twg',
        symbol: 'TEST/DOCX/1',
        language: 'en',
        sourceName: 'draft.docx',
      });
      assert.equal(report.format, 'docx');
      assert.equal(report.document.title, 'Draft report of the Test Group');
      assert.equal(report.blocks.numberedParagraphs, 2);
      assert.equal(report.blocks.subParagraphs, 2);
      assert.equal(report.footnotes.linked, 1);
      const reading = await readDocument(o.db, report.ids.document);
      const addresses = reading.blocks.map((b) => b.address);
      assert.ok(addresses.includes('para 2(b)'), addresses.join(', '));
      assert.equal(
        reading.blocks.find((b) => b.address === 'fn 1')?.text,
        'Meetings were webcast.',
      );
    } finally {
      await o.close();
    }
  });
});
