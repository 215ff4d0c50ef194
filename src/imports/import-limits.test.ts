import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { isPlenumError, type ErrorCode } from '../errors.ts';
import { buildProcess } from './imports.builder.ts';
import { importFile } from './imports.service.ts';
import { buildDocxOfLargeXml } from '../text/zip-bomb.builder.ts';
import { drain } from '../followers.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A text of `n` unnumbered paragraphs, one line each, separated by blank lines. */
function manyParagraphs(n: number): string {
  const lines: string[] = [];
  for (let i = 1; i <= n; i++) lines.push(`Paragraph ${i} of a very long document.`, '');
  return lines.join('\n');
}

async function countRows(o: OpenDatabase, table: 'blocks' | 'search_items' | 'documents') {
  const row = await o.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<string> {
  let message = '';
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isPlenumError(error), `expected a PlenumError, got ${String(error)}`);
    assert.equal(error.code, code);
    message = error.message;
    return true;
  });
  return message;
}

for (const engine of testEngines()) {
  describe(`import limits (${engine})`, () => {
    let o: OpenDatabase;
    before(async () => {
      o = await openTestDatabase(engine);
      await buildProcess(o.db);
    });
    after(async () => o.close());

    test('stores a document of 100,000 blocks, every one indexed for search', async () => {
      const report = await importFile(o.db, utf8(manyParagraphs(100_000)), {
        process: 'twg',
        symbol: 'LONG/1',
        language: 'en',
        format: 'text',
      });
      assert.equal(report.blocks.total, 100_000);
      assert.equal(await countRows(o, 'blocks'), 100_000);
      await drain(o.db);
      assert.equal(await countRows(o, 'search_items'), 100_000);
    });

    test('tells each step of a long import as it starts, for the progress line of the CLI', async () => {
      const steps: string[] = [];
      await importFile(
        o.db,
        utf8(manyParagraphs(3_000)),
        { process: 'twg', symbol: 'STEPS/1', language: 'en', format: 'text' },
        'cli',
        (step, detail) => steps.push(`${step} ${detail}`),
      );
      assert.deepEqual(steps, [
        'parsing 0.1 MB',
        'storing 3,000 blocks',
        'aligning with the previous version',
      ]);
    });

    test('refuses a NUL far past the start of a text file, naming the line; nothing is stored', async () => {
      const documents = await countRows(o, 'documents');
      const text = `${manyParagraphs(5_000)}\nA paragraph with a NUL\u0000 in it.\n`;
      assert.ok(text.length > 100_000, 'the NUL is beyond the first 64 KB');
      const message = await rejectsWith(
        importFile(o.db, utf8(text), { process: 'twg', language: 'en', format: 'text' }),
        'TEXT_FORBIDDEN_CHARACTER',
      );
      assert.match(message, /file: U\+0000 at line 10001/);
      assert.equal(await countRows(o, 'documents'), documents);
    });
  });
}

describe('import limits that do not depend on the database', () => {
  test('refuses a document of more than 200,000 blocks before it opens a transaction', async () => {
    const o = await openTestDatabase('sqlite');
    try {
      await buildProcess(o.db);
      const message = await rejectsWith(
        importFile(o.db, utf8(manyParagraphs(200_001)), {
          process: 'twg',
          language: 'en',
          format: 'text',
        }),
        'IMPORT_TOO_MANY_BLOCKS',
      );
      assert.match(message, /200,001 blocks/);
      assert.equal(await countRows(o, 'documents'), 0);
    } finally {
      await o.close();
    }
  });

  test('refuses a small DOCX that unpacks to 50 MB of XML, at once and storing nothing', async () => {
    const o = await openTestDatabase('sqlite');
    try {
      await buildProcess(o.db);
      const bytes = buildDocxOfLargeXml(50);
      assert.ok(bytes.length < 1024 * 1024, 'under the 40 MB limit on the file itself');
      const started = performance.now();
      const message = await rejectsWith(
        importFile(o.db, bytes, { process: 'twg', language: 'en', sourceName: 'big.docx' }),
        'IMPORT_DOCX_TOO_LARGE_UNPACKED',
      );
      assert.match(message, /it unpacks to more than 25 MB/);
      assert.ok(performance.now() - started < 10_000, 'refused before mammoth reads it');
      assert.equal(await countRows(o, 'documents'), 0);
    } finally {
      await o.close();
    }
  });
});
