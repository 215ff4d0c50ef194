/**
 * Mutated import files: a DOCX, a Markdown and a plain-text draft, and the bytes of a PDF, each
 * mutated from a seed (bit flips, truncations, ZIP entries removed, corrupted or multiplied, NUL
 * characters, invalid UTF-8, huge lines). Each import either succeeds, storing no NUL, or fails
 * with a PlenumError that has a code (a non-zero exit for the CLI), leaving every table as it was.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import JSZip from 'jszip';
import { draftText } from '../../src/consultations/consultation.builder.ts';
import { openMigratedDatabase } from '../../src/db/database.ts';
import { openTestDatabase } from '../../src/db/test-databases.ts';
import { errorCatalogue, isPlenumError } from '../../src/errors.ts';
import { buildDraftMarkdown, buildProcess } from '../../src/imports/imports.builder.ts';
import { importFile } from '../../src/imports/imports.service.ts';
import {
  buildDocx,
  docxFootnoteRef,
  docxParagraph,
  docxRun,
} from '../../src/imports/parser/docx.builder.ts';
import {
  Random,
  dumpDifferences,
  dumpTables,
  reliabilityEngines,
  reliabilitySeed,
} from './support.ts';

/** Mutated files imported per engine. */
const filesPerEngine = { sqlite: 80, postgres: 60 };

/** The unmutated files: what a secretariat imports every day. */
async function originals(): Promise<{ name: string; bytes: Buffer }[]> {
  const body = [
    docxParagraph(docxRun('Draft report of the Test Group'), { style: 'Title' }),
    docxParagraph(docxRun('1. Introduction'), { style: 'Heading1' }),
    ...Array.from({ length: 12 }, (_, i) =>
      docxParagraph(
        docxRun(`Paragraph ${i + 1} on the public core of the Internet.`) +
          (i % 4 === 0 ? docxFootnoteRef(i / 4 + 1) : ''),
        { num: [1, 0] },
      ),
    ),
    docxParagraph(docxRun('protect the public core;'), { num: [1, 1] }),
  ].join('');
  const docx = await buildDocx(body, { 1: 'Webcast.', 2: 'In Geneva.', 3: 'In New York.' });
  // A small PDF (no font, one line of text): read by pdf.js; its mutations must be refused cleanly.
  const pdf = Buffer.from(
    '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 712 Td (1. A paragraph.) Tj ET\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );
  return [
    { name: 'draft.docx', bytes: Buffer.from(docx) },
    { name: 'draft.md', bytes: Buffer.from(buildDraftMarkdown(30)) },
    { name: 'draft.txt', bytes: Buffer.from(draftText()) },
    { name: 'draft.pdf', bytes: pdf },
  ];
}

/** One mutation of a file, from the seed; a DOCX also gets mutations of its ZIP entries. */
async function mutate(
  random: Random,
  file: { name: string; bytes: Buffer },
): Promise<{ bytes: Buffer; how: string }> {
  const bytes = Buffer.from(file.bytes);
  const kind = random.int(0, file.name.endsWith('.docx') ? 9 : 6);
  if (kind === 0) {
    const flips = random.int(1, 24);
    for (let i = 0; i < flips; i++)
      bytes[random.int(0, bytes.length - 1)]! ^= 1 << random.int(0, 7);
    return { bytes, how: `${flips} bit flips` };
  }
  if (kind === 1) {
    const at = random.int(0, bytes.length - 1);
    return { bytes: bytes.subarray(0, at), how: `truncated at ${at}` };
  }
  if (kind === 2) {
    const at = random.int(0, bytes.length);
    const nul = Buffer.alloc(random.int(1, 3));
    return {
      bytes: Buffer.concat([bytes.subarray(0, at), nul, bytes.subarray(at)]),
      how: `NUL at ${at}`,
    };
  }
  if (kind === 3) {
    // A long file with a NUL beyond the first 64 KB.
    const padding = Buffer.from(
      `${'1. A paragraph that repeats itself for length.\n\n'.repeat(1600)}`,
    );
    const at = random.int(70_000, padding.length - 1);
    return {
      bytes: Buffer.concat([
        bytes,
        padding.subarray(0, at),
        Buffer.from([0]),
        padding.subarray(at),
      ]),
      how: `NUL at ${bytes.length + at} (after 64 KB)`,
    };
  }
  if (kind === 4) {
    const line = Buffer.from(`1. ${'word '.repeat(random.int(5_000, 20_000))}\n`);
    const at = random.int(0, bytes.length);
    return {
      bytes: Buffer.concat([bytes.subarray(0, at), line, bytes.subarray(at)]),
      how: `huge line at ${at}`,
    };
  }
  if (kind === 5) {
    const at = random.int(0, bytes.length);
    const bad = random.pick([
      [0xff, 0xfe],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xe2, 0x82],
      [0xef, 0xbb, 0xbf],
    ]);
    return {
      bytes: Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)]),
      how: `bytes ${bad.join(',')} at ${at}`,
    };
  }
  if (kind === 6) {
    const at = random.int(0, bytes.length - 1);
    const n = random.int(1, 512);
    return {
      bytes: Buffer.concat([bytes.subarray(0, at), random.bytes(n), bytes.subarray(at)]),
      how: `${n} random bytes at ${at}`,
    };
  }
  // ZIP mutations of the DOCX: entries removed, rewritten, multiplied or corrupted.
  const zip = await JSZip.loadAsync(bytes);
  const entries = Object.keys(zip.files);
  let how: string;
  if (kind === 7) {
    const entry = random.pick(entries);
    zip.remove(entry);
    how = `entry ${entry} removed`;
  } else if (kind === 8) {
    const entry = random.pick([
      'word/document.xml',
      'word/footnotes.xml',
      'word/numbering.xml',
      '[Content_Types].xml',
    ]);
    const xml = await zip.file(entry)!.async('string');
    const at = random.int(0, xml.length);
    const insert = random.pick([
      '\u0000',
      '<w:p><w:r><w:t>',
      ']]>',
      '&bogus;',
      '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
      '\ud800',
    ]);
    zip.file(
      entry,
      random.chance(0.5) ? xml.slice(0, at) : xml.slice(0, at) + insert + xml.slice(at),
    );
    how = `entry ${entry} cut or given ${JSON.stringify(insert)} at ${at}`;
  } else {
    const n = random.int(50, 2000);
    for (let i = 0; i < n; i++) zip.file(`word/media/extra${i}.bin`, '');
    how = `${n} empty entries added`;
  }
  const out = Buffer.from(
    await zip.generateAsync({
      type: 'uint8array',
      compression: random.pick(['STORE', 'DEFLATE'] as const),
    }),
  );
  if (random.chance(0.3)) {
    const at = random.int(0, out.length - 1);
    out[at] = random.int(0, 255);
    how += `, byte ${at} of the ZIP changed`;
  }
  return { bytes: out, how };
}

for (const engine of reliabilityEngines()) {
  describe(`mutated import files (${engine})`, () => {
    test('each gives an import without NUL or a clean error, the database unchanged on failure', async () => {
      const seed = reliabilitySeed() + (engine === 'sqlite' ? 21 : 22);
      const random = new Random(seed);
      const opened = await openTestDatabase(engine);
      const started = performance.now();
      try {
        await buildProcess(opened.db, { slug: 'twg' });
        const files = await originals();
        const problems: string[] = [];
        const outcomes = new Map<string, number>();
        const slow = new Map<string, number>();
        const count = filesPerEngine[engine];
        for (let i = 0; i < count; i++) {
          const file = files[i % files.length]!;
          const { bytes, how } = await mutate(random, file);
          const before = await dumpTables(opened.db, engine);
          const tried = performance.now();
          const what = `#${i} ${file.name} (${how})`;
          try {
            const report = await importFile(opened.db, bytes, {
              process: 'twg',
              symbol: `TWG/FUZZ/${i}`,
              language: 'en',
              ...(random.chance(0.8)
                ? { sourceName: random.pick([file.name, 'draft', 'x.docx', 'x.txt']) }
                : {}),
            });
            outcomes.set('imported', (outcomes.get('imported') ?? 0) + 1);
            // Read back and searched here, not in SQL: a NUL in a query is refused by PostgreSQL.
            const blocks = await opened.db
              .selectFrom('blocks')
              .innerJoin('language_versions', 'language_versions.id', 'blocks.language_version_id')
              .select('blocks.text')
              .where('language_versions.version_id', '=', report.ids.version)
              .execute();
            const nul = blocks.some((b) => b.text.includes('\u0000'));
            if (nul) problems.push(`${what}: imported with a NUL character in a block`);
          } catch (error) {
            const code = isPlenumError(error) ? error.code : undefined;
            outcomes.set(
              code ?? 'not a PlenumError',
              (outcomes.get(code ?? 'not a PlenumError') ?? 0) + 1,
            );
            if (!code || code === 'INTERNAL' || errorCatalogue[code].status >= 500)
              problems.push(`${what}: ${String(error).slice(0, 200)}`);
            const changed = dumpDifferences(before, await dumpTables(opened.db, engine));
            if (changed.length > 0)
              problems.push(`${what}: failed but changed ${changed.join('; ')}`);
          }
          const kind = `${file.name} ${how.replace(/[\d,]+/g, 'N')}`;
          slow.set(kind, (slow.get(kind) ?? 0) + performance.now() - tried);
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        if (process.env.PLENUM_RELIABILITY_VERBOSE)
          for (const [how, ms] of [...slow].sort((a, b) => b[1] - a[1]).slice(0, 8))
            console.log(`  ${how}: ${(ms / 1000).toFixed(1)} s`);
        console.log(
          `import mutations (${engine}, seed ${seed}): ${count} mutated files in ${seconds} s: ${JSON.stringify(Object.fromEntries(outcomes))}`,
        );
        for (const p of problems.slice(0, 20)) console.log(`  ${p}`);
        assert.equal(
          problems.length,
          0,
          `${problems.length} imports without a clean outcome (above)`,
        );
      } finally {
        await opened.close();
      }
    });
  });
}

describe('plenum import on mutated files (CLI)', () => {
  test('exits non-zero with a coded message, and leaves the database as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenum-import-'));
    const file = join(dir, 'plenum.sqlite');
    try {
      const { opened } = await openMigratedDatabase(file);
      await buildProcess(opened.db, { slug: 'twg' });
      const before = await dumpTables(opened.db, 'sqlite');
      await opened.close();
      const [docx, , , pdf] = await originals();
      const cases = [
        { name: 'draft.pdf', bytes: pdf!.bytes },
        // A DOCX cut in half, and one whose ZIP signature is gone.
        { name: 'draft.docx', bytes: docx!.bytes.subarray(0, docx!.bytes.length >> 1) },
        { name: 'draft.docx', bytes: Buffer.concat([Buffer.alloc(4), docx!.bytes.subarray(4)]) },
        { name: 'draft.txt', bytes: Buffer.from([0x31, 0x2e, 0x20, 0x41, 0xc3, 0x28, 0x0a]) },
      ];
      for (const [i, c] of cases.entries()) {
        const path = join(dir, c.name);
        writeFileSync(path, c.bytes);
        const result = spawnSync(
          process.execPath,
          [
            'src/cli/main.ts',
            'import',
            path,
            '--process',
            'twg',
            '--symbol',
            `TWG/CLI/${i}`,
            '--db',
            file,
          ],
          { encoding: 'utf8', timeout: 60_000 },
        );
        assert.notEqual(result.status, 0, `${c.name} #${i}: ${result.stdout}`);
        assert.match(
          result.stderr,
          /\[[A-Z0-9_]+\]/,
          `${c.name} #${i}: the message names its code`,
        );
      }
      const { opened: again } = await openMigratedDatabase(file);
      try {
        assert.deepEqual(dumpDifferences(before, await dumpTables(again.db, 'sqlite')), []);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
