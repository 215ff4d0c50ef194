/**
 * The data package writer: CSV cells quoted as RFC 4180 says (the same bytes as csv-stringify
 * writes, and no formula guard: a data package keeps the data as written), files cut into chunks
 * between characters, and the tables of a walk each read once, streamed or spooled in the
 * package's order, with their spools removed when the archive ends or is abandoned.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { csvRecords } from './csv-records.ts';
import JSZip from 'jszip';
import {
  dataPackageZip,
  TableWalk,
  type PackageResource,
  type PackageTable,
  type Row,
} from './data-package.ts';

const description = { name: 'test', title: 'Test', created: '2026-06-01T12:00:00.000Z' };

/** The package's files by path, and its descriptor's resources. */
async function read(bytes: AsyncIterable<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  for await (const chunk of bytes) chunks.push(chunk);
  const zip = await JSZip.loadAsync(Buffer.concat(chunks));
  const files = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files))
    files.set(name, await zip.file(name)!.async('uint8array'));
  const descriptor = JSON.parse(new TextDecoder().decode(files.get('datapackage.json'))) as {
    resources: { name: string; path: string; bytes: number; hash: string }[];
  };
  for (const r of descriptor.resources) {
    const file = files.get(r.path)!;
    assert.equal(file.length, r.bytes, `${r.path}: bytes`);
    assert.equal(`sha256:${createHash('sha256').update(file).digest('hex')}`, r.hash, r.path);
  }
  return { files, text: (path: string) => new TextDecoder().decode(files.get(path)), descriptor };
}

const rowsOf = (rows: Row[]) =>
  async function* () {
    yield* rows;
  };

/** The package folders this process's writers left in the temporary directory. */
const spoolFolders = () => readdirSync(tmpdir()).filter((f) => f.startsWith('plenum-package-'));

test('CSV cells are quoted as RFC 4180 says, byte for byte as the served CSV files (csvRecords) write them', async () => {
  // Any cell with a line break is quoted, a lone LF or CR too (csv-records.ts says why).
  const values: unknown[] = [
    'plain',
    'a,b',
    'say "hi"',
    'line\nbreak',
    'carriage\rreturn',
    'both\r\nends',
    '=1+1 stays as written',
    '-2',
    '',
    null,
    undefined,
    ' spaces ',
    'Genève – “quoted” 日本語 😀',
  ];
  const table: PackageResource = {
    name: 'cells',
    format: 'csv',
    fields: [
      { name: 'text', type: 'string', optional: true },
      { name: 'n', type: 'integer' },
      { name: 'flag', type: 'boolean' },
      { name: 'data', type: 'object' },
    ],
    rows: rowsOf(
      values.map((text, n) => ({ text, n, flag: n % 2 === 0, data: { text, list: [n, 'x,"y"'] } })),
    ),
  };
  const { text } = await read(dataPackageZip(description, [table]));
  const expected = csvRecords([
    ['text', 'n', 'flag', 'data'],
    ...values.map((v, n) => [
      v === null || v === undefined ? '' : String(v),
      String(n),
      n % 2 === 0 ? 'true' : 'false',
      JSON.stringify({ text: v, list: [n, 'x,"y"'] }),
    ]),
  ]);
  assert.equal(text('cells.csv'), expected);
  assert.match(text('cells.csv'), /\r\n"line\nbreak",3,/);
});

test('empty tables are a header alone and an empty array', async () => {
  const { text } = await read(
    dataPackageZip(description, [
      { name: 'none', format: 'csv', fields: [{ name: 'a', type: 'string' }], rows: rowsOf([]) },
      {
        name: 'nothing',
        format: 'json',
        fields: [{ name: 'a', type: 'string' }],
        rows: rowsOf([]),
      },
    ]),
  );
  assert.equal(text('none.csv'), 'a\r\n');
  assert.equal(text('nothing.json'), '[\n\n]\n');
  assert.deepEqual(JSON.parse(text('nothing.json')), []);
});

test('a file of many chunks is cut between characters, never inside one', async () => {
  // Three- and four-byte characters (a surrogate pair in JavaScript) across several 512 KB chunks.
  const rows = Array.from({ length: 20_000 }, (_, i) => ({
    id: i,
    text: `${'€'.repeat(i % 37)}😀${'ü'.repeat(i % 11)},${i}`,
  }));
  const { text } = await read(
    dataPackageZip(description, [
      {
        name: 'wide',
        format: 'json',
        fields: [
          { name: 'id', type: 'integer' },
          { name: 'text', type: 'string' },
        ],
        rows: rowsOf(rows),
      },
    ]),
  );
  assert.ok(new TextEncoder().encode(text('wide.json')).length > 3 * 512 * 1024);
  assert.deepEqual(JSON.parse(text('wide.json')), rows);
});

test('the tables of a walk are read once, each in its place in the package, and their spools removed', async () => {
  const before = spoolFolders();
  const tables: PackageTable[] = [
    { name: 'first', format: 'csv', fields: [{ name: 'n', type: 'integer' }] },
    { name: 'second', format: 'json', fields: [{ name: 'n', type: 'integer' }] },
    { name: 'third', format: 'csv', fields: [{ name: 'word', type: 'string' }] },
  ];
  let walks = 0;
  const walk = new TableWalk(tables, async function* () {
    walks += 1;
    for (let page = 0; page < 50; page++)
      yield {
        first: Array.from({ length: 100 }, (_, i) => ({ n: page * 100 + i })),
        second: [{ n: page }],
        // A table may have no rows in a step.
        ...(page % 2 === 0 ? { third: [{ word: `page, ${page}` }] } : {}),
      };
  });
  const between: PackageResource = {
    name: 'between',
    format: 'csv',
    fields: [{ name: 'x', type: 'string' }],
    rows: rowsOf([{ x: 'between' }]),
  };
  // The second table is reached first: it streams, the others wait in spools.
  const { text, descriptor } = await read(
    dataPackageZip(description, [
      walk.resource('second'),
      between,
      walk.resource('third'),
      walk.resource('first'),
    ]),
  );
  assert.equal(walks, 1);
  assert.deepEqual(
    descriptor.resources.map((r) => r.name),
    ['second', 'between', 'third', 'first'],
  );
  assert.deepEqual(
    JSON.parse(text('second.json')),
    Array.from({ length: 50 }, (_, n) => ({ n })),
  );
  assert.equal(
    text('first.csv'),
    `n\r\n${Array.from({ length: 5000 }, (_, n) => `${n}\r\n`).join('')}`,
  );
  assert.equal(
    text('third.csv'),
    `word\r\n${Array.from({ length: 25 }, (_, i) => `"page, ${i * 2}"\r\n`).join('')}`,
  );
  assert.deepEqual(spoolFolders(), before);
});

test('a chunk handed back is written again only once its deflate has read it, streamed or spooled', async () => {
  // Megabytes of distinct rows through each table, made faster than they deflate (random hex
  // deflates slowly): a chunk filled again while the thread pool still read it, or while it
  // waited for its turn, would change bytes already given to the archive.
  const noise = Array.from({ length: 997 }, () => randomBytes(200).toString('hex'));
  const line = (table: string, n: number) => `${table} ${n} ${noise[n % noise.length]}`;
  const pages = 40;
  const perPage = 500;
  const walk = new TableWalk(
    ['streamed', 'spooled', 'other'].map((name) => ({
      name,
      format: 'csv' as const,
      fields: [{ name: 'text', type: 'string' as const }],
    })),
    async function* () {
      for (let page = 0; page < pages; page++) {
        const rows = (table: string) =>
          Array.from({ length: perPage }, (_, i) => ({ text: line(table, page * perPage + i) }));
        yield { streamed: rows('streamed'), spooled: rows('spooled'), other: rows('other') };
      }
    },
  );
  const { text } = await read(
    dataPackageZip(description, [
      walk.resource('streamed'),
      walk.resource('spooled'),
      walk.resource('other'),
    ]),
  );
  for (const table of ['streamed', 'spooled', 'other']) {
    const expected = `text\r\n${Array.from({ length: pages * perPage }, (_, n) => `${line(table, n)}\r\n`).join('')}`;
    assert.ok(expected.length > 8 * 512 * 1024, 'many chunks');
    assert.ok(text(`${table}.csv`) === expected, `${table}.csv is every row, in order, unchanged`);
  }
});

test('an archive abandoned in the middle of a walk removes its spools', async () => {
  const before = spoolFolders();
  const text = 'x'.repeat(1000);
  const walk = new TableWalk(
    [
      { name: 'streamed', format: 'csv', fields: [{ name: 'text', type: 'string' }] },
      { name: 'spooled', format: 'csv', fields: [{ name: 'text', type: 'string' }] },
    ],
    async function* () {
      for (;;) yield { streamed: [{ text }], spooled: [{ text }] };
    },
  );
  const bytes = dataPackageZip(description, [walk.resource('streamed'), walk.resource('spooled')]);
  let read = 0;
  for await (const chunk of bytes) {
    read += chunk.length;
    if (read > 100_000) break;
  }
  assert.equal(spoolFolders().length, before.length, 'removed once the reader stopped');
});
