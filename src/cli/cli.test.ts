import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildDraftMarkdown } from '../imports/imports.builder.ts';
import type { ImportReport } from '../imports/imports.schema.ts';
import { buildMessyDocument } from '../imports/parser/messy-document.builder.ts';

let dir = '';
let db = '';

function plenum(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return plenumWithInput('', ...args);
}

function plenumWithInput(
  input: string,
  ...args: string[]
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['src/cli/main.ts', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', PLENUM_DEMO: 'off' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the plenum command line', () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'plenum-cli-'));
    db = join(dir, 'plenum.sqlite');
    writeFileSync(join(dir, 'draft.md'), buildDraftMarkdown(8));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(
      join(dir, 'messy.txt'),
      buildMessyDocument(7, { paragraphs: 60, format: 'text' }).text,
    );
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 159, 146, 150, 0, 0, 1, 2]));
    writeFileSync(
      join(dir, 'latin1.txt'),
      Buffer.from('1. Le d\xe9l\xe9gu\xe9 a parl\xe9.\n', 'latin1'),
    );
    assert.equal(plenum('demo', '--db', db).status, 0);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('prints help for every command', () => {
    const overview = plenum('help');
    assert.equal(overview.status, 0);
    for (const command of ['serve', 'migrate', 'import', 'export', 'demo'])
      assert.match(overview.stdout, new RegExp(`^  ${command} `, 'm'));
    assert.match(plenum('import', '--help').stdout, /--process REF/);
    assert.equal(plenum('frobnicate').status, 2);
  });

  test('imports a file and prints a JSON report with ids, counts, range, footnotes and warnings', () => {
    const run = plenum(
      'import',
      join(dir, 'draft.md'),
      '--process',
      'OEWG',
      '--symbol',
      'TEST/CLI/1',
      '--version',
      'pre-draft',
      '--language',
      'en',
      '--db',
      db,
      '--json',
    );
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as ImportReport;
    for (const id of Object.values(report.ids)) assert.match(id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(Object.keys(report.ids), [
      'process',
      'document',
      'version',
      'languageVersion',
    ]);
    assert.equal(report.blocks.numberedParagraphs, 8);
    assert.ok(report.blocks.byKind.heading! >= 2);
    assert.deepEqual(report.numberedParagraphRange, { first: '1', last: '8', missing: [] });
    assert.equal(report.footnotes.linked, 2);
    assert.equal(report.footnotes.unlinked, 0);
    // A well-formed draft: nothing to warn about (a messy one is checked below).
    assert.deepEqual(report.warnings, []);
    assert.equal(report.removed.pieces.length, report.removed.items);

    const exported = plenum('export', 'version', report.ids.version!, '--db', db);
    assert.equal(exported.status, 0, exported.stderr);
    const tree = JSON.parse(exported.stdout) as {
      blocks: {
        kind: string;
        address: string;
        number: string | null;
        text: string;
        footnoteRefs: { footnoteAddress: string }[];
        children: { address: string }[];
      }[];
    };
    const para3 = tree.blocks.find((b) => b.address === 'para 3')!;
    assert.equal(para3.kind, 'paragraph');
    assert.equal(para3.number, '3');
    assert.deepEqual(
      para3.children.map((c) => c.address),
      ['para 3(a)', 'para 3(b)'],
    );
    const text = plenum('export', 'version', report.ids.version!, '--format', 'text', '--db', db);
    assert.match(text.stdout, /^\[para 3\] Paragraph 3 of the draft/m);
    assert.match(text.stdout, /^ {2}\[para 3\(a\)\] the first element of paragraph 3;$/m);
    const para4 = tree.blocks.find((b) => b.address === 'para 4')!;
    assert.equal(para4.footnoteRefs[0]?.footnoteAddress, 'fn 1');

    // Akoma Ntoso out, and back in through `plenum import` (a .xml file) into another database.
    const akn = plenum('export', 'version', report.ids.version!, '--format', 'akn', '--db', db);
    assert.equal(akn.status, 0, akn.stderr);
    assert.match(
      akn.stdout,
      /<akomaNtoso xmlns="http:\/\/docs.oasis-open.org\/legaldocml\/ns\/akn\/3.0">/,
    );
    assert.match(akn.stdout, /<subparagraph eId="para_3__subpara_a">/);
    writeFileSync(join(dir, 'draft.akn.xml'), akn.stdout);
    const made = plenum(
      'process',
      'add',
      '--slug',
      'akn-test',
      '--name',
      'Akoma Ntoso test group',
      '--short-name',
      'AKN-T',
      '--parent-body',
      'Test Council',
      '--mandate',
      'Tests.',
      '--db',
      join(dir, 'from-akn.db'),
    );
    assert.equal(made.status, 0, made.stderr);
    const back = plenum(
      'import',
      join(dir, 'draft.akn.xml'),
      '--process',
      'akn-test',
      '--db',
      join(dir, 'from-akn.db'),
      '--json',
    );
    assert.equal(back.status, 0, back.stderr);
    const backReport = JSON.parse(back.stdout) as ImportReport;
    assert.equal(backReport.format, 'akn');
    assert.equal(backReport.language, 'en');
    assert.equal(backReport.document.symbol, 'TEST/CLI/1');
    assert.equal(backReport.version.label, 'pre-draft');
    assert.equal(backReport.blocks.total, report.blocks.total);
    assert.deepEqual(backReport.numberedParagraphRange, report.numberedParagraphRange);
  });

  test('the operator exports a version still in preparation', () => {
    const run = plenum(
      'import',
      join(dir, 'draft.md'),
      '--process',
      'OEWG',
      '--symbol',
      'TEST/CLI/PRIVATE',
      '--private',
      '--db',
      db,
      '--json',
    );
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as ImportReport;
    const exported = plenum('export', 'version', report.ids.version, '--db', db);
    assert.equal(exported.status, 0, exported.stderr);
    assert.ok((JSON.parse(exported.stdout) as { blocks: unknown[] }).blocks.length > 0);
  });

  test('reports every piece of debris it removed from a messy extracted text, and what it could not place', () => {
    const messy = buildMessyDocument(7, { paragraphs: 60, format: 'text' });
    const run = plenum(
      'import',
      join(dir, 'messy.txt'),
      '--process',
      'oewg',
      '--symbol',
      'TEST/MESSY/1',
      '--language',
      'en',
      '--db',
      db,
      '--json',
    );
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as ImportReport;
    assert.equal(report.blocks.numberedParagraphs, messy.expected.paragraphs.length);
    assert.equal(report.footnotes.footnotes, messy.expected.footnotes.length);
    assert.equal(report.footnotes.unlinked, 0);
    const reasons = new Set(report.removed.pieces.map((p) => p.reason));
    for (const reason of ['page_header', 'table_of_contents'])
      assert.ok(reasons.has(reason), `${reason} in ${[...reasons].join(', ')}`);
    assert.ok(messy.expected.replacementCharacters > 0, 'seed 7 has replacement characters');
    assert.equal(
      report.removed.pieces.filter((p) => p.reason === 'replacement_character').length,
      messy.expected.replacementCharacters,
    );
  });

  test('--dry-run prints the report of what would be stored, and stores nothing', () => {
    const rows = () => {
      const sqlite = new Database(db, { readonly: true });
      try {
        return Object.fromEntries(
          ['documents', 'versions', 'language_versions', 'blocks', 'footnote_refs', 'events'].map(
            (table) => [
              table,
              (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
            ],
          ),
        );
      } finally {
        sqlite.close();
      }
    };
    const before = rows();
    const args = ['import', join(dir, 'draft.md'), '--process', 'oewg', '--symbol', 'TEST/DRY/1'];
    const run = plenum(...args, '--dry-run', '--db', db);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Dry run: nothing was stored/);
    assert.match(run.stdout, /Would import draft\.md \(markdown/);
    assert.match(run.stdout, /numbered +8 numbered paragraphs/);
    const json = plenum(...args, '--dry-run', '--json', '--db', db);
    const report = JSON.parse(json.stdout) as ImportReport & { dryRun: boolean };
    assert.equal(report.dryRun, true);
    assert.equal(report.blocks.numberedParagraphs, 8);
    assert.equal(report.document.symbol, 'TEST/DRY/1');
    assert.deepEqual(rows(), before, 'the database is unchanged');
    const refused = plenum(...args.slice(0, 2), '--process', 'nobody', '--dry-run', '--db', db);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /PROCESS_NOT_FOUND/);
    assert.deepEqual(rows(), before);
  });

  test('imports from standard input', () => {
    const run = plenumWithInput(
      '1. Text piped in.\n\n2. Another paragraph.\n',
      'import',
      '-',
      '--process',
      'oewg',
      '--symbol',
      'TEST/STDIN',
      '--db',
      db,
      '--json',
    );
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as ImportReport;
    assert.equal(report.blocks.numberedParagraphs, 2);
    assert.equal(report.source.name, null);
  });

  test('prints a human summary by default', () => {
    const run = plenum(
      'import',
      join(dir, 'draft.md'),
      '--process',
      'oewg',
      '--document',
      'TEST/CLI/1',
      '--version',
      'Rev.1',
      '--db',
      db,
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /numbered\s+8 numbered paragraphs/);
    assert.match(run.stdout, /version\s+2 "Rev\.1" \(new\)/);
    assert.match(run.stdout, /en, detected/);
  });

  test('refuses bad files with a message and a non-zero exit, changing nothing', () => {
    const before = plenum('export', 'version', 'x', '--db', db);
    assert.equal(before.status, 1);
    const cases: [string, RegExp][] = [
      ['empty.txt', /empty/],
      ['binary.txt', /binary/],
      ['latin1.txt', /UTF-8/],
      ['missing.txt', /cannot be read/],
    ];
    for (const [file, message] of cases) {
      const run = plenum(
        'import',
        join(dir, file),
        '--process',
        'oewg',
        '--symbol',
        'TEST/BAD',
        '--db',
        db,
      );
      assert.equal(run.status, 1, file);
      assert.match(run.stderr, message, file);
      assert.equal(run.stdout, '', file);
    }
    const json = plenum(
      'import',
      join(dir, 'empty.txt'),
      '--process',
      'oewg',
      '--db',
      db,
      '--json',
    );
    assert.equal(
      (JSON.parse(json.stderr) as { error: { code: string } }).error.code,
      'IMPORT_EMPTY',
    );
    assert.equal(
      plenum('import', join(dir, 'draft.md'), '--db', db).status,
      2,
      '--process is required',
    );
    assert.equal(
      plenum('import', join(dir, 'draft.md'), '--process', 'oewg', '--bogus', '--db', db).status,
      2,
    );
    const symbol = plenum(
      'import',
      join(dir, 'draft.md'),
      '--process',
      'oewg',
      '--document',
      'TEST/BAD',
      '--db',
      db,
    );
    assert.match(
      symbol.stderr,
      /DOCUMENT_NOT_FOUND/,
      'no document TEST/BAD was created by the failed imports',
    );
  });

  test('creates a process, finds it by alias, and refuses a taken slug or alias', () => {
    const fresh = join(dir, 'fresh.sqlite');
    assert.match(plenum('process', 'list', '--db', fresh).stdout, /No processes yet/);
    const add = plenum(
      'process',
      'add',
      '--slug',
      'cwg-test',
      '--name',
      'Council Working Group (test)',
      '--short-name',
      'CWG-T',
      '--parent-body',
      'Test Council',
      '--mandate',
      'Tests.',
      '--alias',
      'The Council Group',
      '--db',
      fresh,
    );
    assert.equal(add.status, 0, add.stderr);
    assert.match(add.stdout, /Created process cwg-test/);
    const listed = JSON.parse(plenum('process', 'list', '--json', '--db', fresh).stdout) as {
      processes: { slug: string; aliases: string[] }[];
    };
    assert.deepEqual(
      listed.processes.map((p) => [p.slug, p.aliases.toSorted()]),
      [['cwg-test', ['CWG-T', 'The Council Group']]],
    );
    writeFileSync(join(dir, 'cwg.txt'), '1. A contribution.\n');
    const imported = plenum(
      'import',
      join(dir, 'cwg.txt'),
      '--process',
      'the council group',
      '--db',
      fresh,
      '--json',
    );
    assert.equal(imported.status, 0, imported.stderr);
    const again = plenum(
      'process',
      'add',
      '--slug',
      'other',
      '--name',
      'Other',
      '--alias',
      'CWG-T',
      '--parent-body',
      'X',
      '--mandate',
      'Y',
      '--db',
      fresh,
    );
    assert.equal(again.status, 1);
    assert.match(again.stderr, /PROCESS_CONFLICT/);
    assert.equal(
      plenum(
        'process',
        'add',
        '--slug',
        'Bad Slug!',
        '--name',
        'N',
        '--parent-body',
        'X',
        '--mandate',
        'Y',
        '--db',
        fresh,
      ).status,
      1,
    );
    assert.equal(plenum('process', 'add', '--slug', 'x', '--db', fresh).status, 2);
    const status = plenum(
      'process',
      'add',
      '--slug',
      'x2',
      '--name',
      'X2',
      '--parent-body',
      'P',
      '--mandate',
      'M',
      '--status',
      'sometimes',
      '--db',
      fresh,
    );
    assert.equal(status.status, 1);
    assert.match(status.stderr, /status: .*"active"\|"concluded"\|"planned" \[INVALID_REQUEST\]/);
    const unknown = plenum('import', join(dir, 'cwg.txt'), '--process', 'nobody', '--db', fresh);
    assert.match(unknown.stderr, /plenum process add/);
  });

  test('says which database cannot be opened, and why, without showing a password', () => {
    writeFileSync(
      join(dir, 'not-a-db.sqlite'),
      'these bytes are not an SQLite database, not at all',
    );
    const file = plenum('process', 'list', '--db', join(dir, 'not-a-db.sqlite'));
    assert.equal(file.status, 1);
    assert.match(file.stderr, /not-a-db\.sqlite: file is not a database \[DATABASE_UNAVAILABLE\]/);
    const server = plenum('migrate', '--db', 'postgres://someone:secret@127.0.0.1:1/plenum');
    assert.equal(server.status, 1);
    assert.match(
      server.stderr,
      /postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/plenum: .*\[DATABASE_UNAVAILABLE\]/,
    );
    assert.doesNotMatch(server.stderr, /secret/);
  });

  test('brief drafts a paper from the demo: the stance quoted, the sources in notes', () => {
    const run = plenum(
      'brief',
      '--process',
      'oewg',
      '--concept',
      'public-core',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--base-url',
      'https://plenum.example.org/',
      '--db',
      db,
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^# Briefing: Public core of the Internet/);
    assert.match(
      run.stdout,
      /\*\*Open Networks for All \(fictional\)\*\*\n\n> We support articulating this norm\.\[\^\d+\]/,
    );
    assert.match(run.stdout, /\[\^1\]: .+ <https:\/\/plenum\.example\.org\//);
    const docx = join(dir, 'brief.docx');
    const written = plenum(
      'brief',
      '--process',
      'oewg',
      '--concept',
      'dns',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--format',
      'docx',
      '--out',
      docx,
      '--db',
      db,
    );
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stderr, /wrote .*brief\.docx/);
    assert.equal(plenum('brief', '--process', 'oewg', '--format', 'docx', '--db', db).status, 2);
    assert.equal(plenum('brief', '--process', 'oewg', '--format', 'pdf', '--db', db).status, 2);
    const backwards = plenum(
      'brief',
      '--process',
      'oewg',
      '--concept',
      'dns',
      '--from',
      '2026-12-31',
      '--to',
      '2026-01-01',
      '--db',
      db,
    );
    assert.equal(backwards.status, 1);
    assert.match(backwards.stderr, /The period ends before it starts/);
  });

  test('migrate reports an up-to-date database', () => {
    const run = plenum('migrate', '--db', db);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /up to date/);
  });

  test('lists every problem of an invalid configuration at once', () => {
    const result = spawnSync(process.execPath, ['src/cli/main.ts', 'serve'], {
      encoding: 'utf8',
      env: { ...process.env, PORT: 'ninety', PLENUM_DEMO: 'sometimes' },
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /PORT/);
    assert.match(result.stderr, /PLENUM_DEMO/);
  });
  test('account add creates the first administrator from stdin; account grant gives roles', () => {
    const added = plenumWithInput(
      'a long enough password\n',
      'account',
      'add',
      '--email',
      'Chair@Example.org',
      '--name',
      'Chair',
      '--admin',
      '--db',
      db,
      '--json',
    );
    assert.equal(added.status, 0, added.stderr);
    assert.equal(
      (JSON.parse(added.stdout) as { admin: boolean; email: string }).email,
      'chair@example.org',
    );
    assert.equal(
      plenumWithInput(
        'short\n',
        'account',
        'add',
        '--email',
        'x@example.org',
        '--name',
        'X',
        '--db',
        db,
      ).status,
      1,
      'a short password is refused',
    );
    const again = plenumWithInput(
      'a long enough password\n',
      'account',
      'add',
      '--email',
      'chair@example.org',
      '--name',
      'Chair',
      '--db',
      db,
    );
    assert.equal(again.status, 1);
    assert.match(again.stderr, /ACCOUNT_EXISTS/);
    const processes = JSON.parse(plenum('process', 'list', '--json', '--db', db).stdout) as {
      processes: { slug: string }[];
    };
    const slug = processes.processes[0]!.slug;
    const granted = plenum(
      'account',
      'grant',
      '--email',
      'chair@example.org',
      '--role',
      'secretariat',
      '--process',
      slug,
      '--db',
      db,
    );
    assert.equal(granted.status, 0, granted.stderr);
    assert.match(granted.stdout, /is now secretariat of/);
    assert.equal(
      plenum(
        'account',
        'grant',
        '--email',
        'nobody@example.org',
        '--role',
        'moderator',
        '--process',
        slug,
        '--db',
        db,
      ).status,
      1,
    );
    assert.equal(
      plenum('account', 'grant', '--email', 'chair@example.org', '--role', 'king', '--db', db)
        .status,
      2,
    );
  });
});
