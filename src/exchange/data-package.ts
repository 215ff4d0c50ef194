/**
 * A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/) written as one
 * streamed ZIP: each resource a CSV (RFC 4180, header row, CRLF, UTF-8 without a BOM) or a JSON
 * array of objects, both described by a Table Schema, or any other file (an attachment) described
 * by its path and media type, and `datapackage.json` last, with each file's size and SHA-256
 * counted as it was written. Reusable by any feature: give it the resources as async row or byte
 * sources, or tables read together in one walk; nothing is held whole.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import {
  deflateAhead,
  zipStream,
  ZipSpool,
  type DeflatedBytes,
  type ZipEntry,
} from './zip-stream.ts';

/** A Table Schema field type (the ones plenum writes). */
export type FieldType =
  'string' | 'integer' | 'number' | 'boolean' | 'datetime' | 'date' | 'object' | 'array';

/** One field of a Table Schema. */
export interface TableField {
  name: string;
  type: FieldType;
  description?: string;
  /** A value that may be missing (an empty cell, or null in JSON). */
  optional?: boolean;
}

/** A row of a table, keyed by field name. */
export type Row = Record<string, unknown>;

/** A table of the package: its file and what it holds. */
export interface PackageTable {
  /** Lower-case name, unique in the package (`submissions`). */
  name: string;
  format: 'csv' | 'json';
  title?: string;
  description?: string;
  fields: TableField[];
  primaryKey?: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
}

/** One resource of the package: a table and the rows that fill it. */
export interface PackageResource extends PackageTable {
  /**
   * The rows, read when the archive reaches the file; or the table's share of a walk that reads
   * several tables together (`TableWalk.resource`).
   */
  rows: (() => AsyncIterable<Row>) | WalkedRows;
}

/** A table's share of a walk. */
export interface WalkedRows {
  walk: TableWalk;
  table: string;
}

/**
 * Tables read together, a step at a time: each step (a page of submissions, say) gives each table
 * its rows, by table name. The archive streams the first of the tables it reaches as the walk
 * goes and spools the others (each deflated into a temporary file as its rows come, see
 * `ZipSpool`) until it reaches them: what the tables share is read once, and memory stays flat
 * whatever their size.
 */
export class TableWalk {
  readonly tables: PackageTable[];
  readonly steps: () => AsyncIterable<Record<string, Row[]>>;

  constructor(tables: PackageTable[], steps: () => AsyncIterable<Record<string, Row[]>>) {
    this.tables = tables;
    this.steps = steps;
  }

  /** One of its tables as a resource, to list where its file goes in the package. */
  resource(name: string): PackageResource {
    const table = this.tables.find((t) => t.name === name);
    if (!table) throw new Error(`the walk has no table ${name}`);
    return { ...table, rows: { walk: this, table: name } };
  }
}

/** A file of the package that is not a table (an attachment): its bytes, read when reached. */
export interface PackageFile {
  /** Lower-case name, unique in the package (`attachment-…`). */
  name: string;
  /** Where it is in the ZIP (`attachments/{id}/{filename}`). */
  path: string;
  mediatype: string;
  title?: string;
  description?: string;
  bytes: () => AsyncIterable<Uint8Array>;
}

/** What the package says of itself. */
export interface PackageDescription {
  name: string;
  title: string;
  description?: string;
  created: string;
  homepage?: string;
  licenses?: { name: string; path?: string; title?: string }[];
}

/** The media type of a data package ZIP. */
export const dataPackageMediaType = 'application/zip';

/**
 * Bytes per chunk of a table's file: each chunk is hashed, counted and handed to the deflate at
 * once. A deflate in the thread pool takes its next chunk only when the main thread runs its
 * callback, so a chunk should hold more work than the main thread's longest stretch between
 * two turns of the loop (a page's statements, a table's text: a few milliseconds); 512 KB is
 * about 3 ms of deflate. Reused (`reuse`), chunks cost no garbage, whatever their size.
 */
const CHUNK = 1 << 19;

/**
 * Chunks a file keeps to be written again once read (`TableFile.reuse`): as many as its deflate
 * holds ahead and one or two in its thread.
 */
const SPARE = Math.ceil(deflateAhead / CHUNK) + 2;

/** Text gathered up to this many UTF-16 units before it is encoded into the chunk. */
const TEXT = 1 << 14;

/** A CSV cell (RFC 4180): quoted, its quotes doubled, when it holds a comma, a quote or a line break. */
function csvCell(value: unknown, type: FieldType): string {
  if (value === null || value === undefined) return '';
  const text =
    type === 'object' || type === 'array'
      ? JSON.stringify(value)
      : type === 'boolean'
        ? value
          ? 'true'
          : 'false'
        : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** True when the row's own keys are the names, in order, none undefined. */
function inFieldOrder(row: Row, names: string[]): boolean {
  let i = 0;
  for (const key in row) if (key !== names[i++] || row[key] === undefined) return false;
  return i === names.length;
}

/**
 * A table's file written as UTF-8 chunks of CHUNK bytes, with its size and SHA-256: rows go in,
 * full chunks come out. CSV is written here rather than by csv-stringify: the cells are plain
 * strings, and the library's general path (casts, options per cell) took 12 % of a CPU profile of
 * the export, against 18 % for all of SQLite's statements.
 */
class TableFile {
  readonly #table: PackageTable;
  readonly #names: string[];
  readonly #hash = createHash('sha256');
  readonly #encoder = new TextEncoder();
  #bytes = 0;
  #rows = 0;
  #text = '';
  #chunk = Buffer.allocUnsafe(CHUNK);
  readonly #spare: Buffer<ArrayBuffer>[] = [];
  #at = 0;
  #ready: Uint8Array[] = [];
  #written: { bytes: number; hash: string } | undefined;

  constructor(table: PackageTable) {
    this.#table = table;
    this.#names = table.fields.map((f) => f.name);
    this.#text =
      table.format === 'csv'
        ? `${this.#names.map((n) => csvCell(n, 'string')).join(',')}\r\n`
        : '[\n';
  }

  /** Adds rows; the chunks they filled. */
  add(rows: Iterable<Row>): Uint8Array[] {
    const { fields, format } = this.#table;
    for (const row of rows) {
      if (format === 'csv') {
        let line = '';
        for (let i = 0; i < fields.length; i++)
          line += `${i > 0 ? ',' : ''}${csvCell(row[fields[i]!.name], fields[i]!.type)}`;
        this.#text += `${line}\r\n`;
      } else
        this.#text += `${this.#rows > 0 ? ',\n' : ''}${JSON.stringify(
          // A row that is already its fields in order (a submission as the API gives it) is
          // written as it is: rebuilding it cost a third of the JSON's time.
          inFieldOrder(row, this.#names)
            ? row
            : Object.fromEntries(this.#names.map((n) => [n, row[n] ?? null])),
        )}`;
      this.#rows += 1;
      if (this.#text.length >= TEXT) this.#encode();
    }
    return this.#take();
  }

  /** Ends the file: its last chunks, then `written` holds its size and hash. */
  end(): Uint8Array[] {
    if (this.#table.format === 'json') this.#text += '\n]\n';
    this.#encode();
    if (this.#at > 0) this.#pass(this.#chunk.subarray(0, this.#at));
    this.#written = { bytes: this.#bytes, hash: this.#hash.digest('hex') };
    return this.#take();
  }

  /**
   * Takes back a chunk this file gave out, once its reader is done with all of its bytes: the
   * file writes its next ones into it instead of a new buffer (see `ReuseChunk`).
   */
  readonly reuse = (chunk: Uint8Array): void => {
    const { buffer } = chunk;
    if (this.#spare.length < SPARE && buffer instanceof ArrayBuffer && buffer.byteLength === CHUNK)
      this.#spare.push(Buffer.from(buffer, 0, CHUNK));
  };

  /** The file's size and SHA-256, once ended. */
  get written(): { bytes: number; hash: string } {
    if (!this.#written) throw new Error(`${this.#table.name} is not ended`);
    return this.#written;
  }

  #encode(): void {
    let text = this.#text;
    this.#text = '';
    for (;;) {
      const { read, written } = this.#encoder.encodeInto(text, this.#chunk.subarray(this.#at));
      this.#at += written;
      if (read === text.length) return;
      // The chunk is full (to within a character): hand it on, go on in a new one.
      text = text.slice(read);
      this.#pass(this.#chunk.subarray(0, this.#at));
      this.#chunk = this.#spare.pop() ?? Buffer.allocUnsafe(CHUNK);
      this.#at = 0;
    }
  }

  #pass(chunk: Uint8Array): void {
    this.#hash.update(chunk);
    this.#bytes += chunk.length;
    this.#ready.push(chunk);
  }

  #take(): Uint8Array[] {
    const ready = this.#ready;
    this.#ready = [];
    return ready;
  }
}

/** The Data Resource descriptor of a written file that is not a table. */
function describeFile(
  file: PackageFile,
  written: { bytes: number; hash: string },
): Record<string, unknown> {
  return {
    name: file.name,
    path: file.path,
    ...(file.title ? { title: file.title } : {}),
    ...(file.description ? { description: file.description } : {}),
    mediatype: file.mediatype,
    bytes: written.bytes,
    hash: `sha256:${written.hash}`,
  };
}

/** The Data Resource descriptor of a written table. */
function describe(
  resource: PackageTable,
  written: { bytes: number; hash: string },
): Record<string, unknown> {
  return {
    name: resource.name,
    path: `${resource.name}.${resource.format}`,
    profile: 'tabular-data-resource',
    ...(resource.title ? { title: resource.title } : {}),
    ...(resource.description ? { description: resource.description } : {}),
    format: resource.format,
    mediatype: resource.format === 'csv' ? 'text/csv' : 'application/json',
    encoding: 'utf-8',
    bytes: written.bytes,
    hash: `sha256:${written.hash}`,
    ...(resource.format === 'csv'
      ? { dialect: { delimiter: ',', lineTerminator: '\r\n', doubleQuote: true, header: true } }
      : {}),
    schema: {
      fields: resource.fields.map((f) => ({
        name: f.name,
        type: f.type,
        ...(f.type === 'datetime' ? { format: 'any' } : {}),
        ...(f.description ? { description: f.description } : {}),
        constraints: { required: !f.optional },
      })),
      missingValues: [''],
      ...(resource.primaryKey ? { primaryKey: resource.primaryKey } : {}),
      ...(resource.foreignKeys ? { foreignKeys: resource.foreignKeys } : {}),
    },
  };
}

/**
 * The package as a ZIP byte stream: every resource's file in the order given (a later one may be
 * found by a query as the archive is written), then `datapackage.json` describing them (written
 * last, so it can give each file's size and hash). The tables of a walk are read when the archive
 * reaches the first of them; the others wait in spools, removed when the archive ends or is
 * abandoned.
 */
export function dataPackageZip(
  description: PackageDescription,
  resources: Iterable<PackageResource | PackageFile> | AsyncIterable<PackageResource | PackageFile>,
): AsyncGenerator<Uint8Array> {
  const described: Record<string, unknown>[] = [];
  let tabular = true;
  // The spooled tables of the walks run so far, by walk and table name.
  const spooled = new Map<TableWalk, Map<string, { file: TableFile; bytes: DeflatedBytes }>>();
  const spools: ZipSpool[] = [];
  let folder: string | undefined;

  /** The streamed table's bytes as the walk goes; the other tables' rows into their spools. */
  async function* walkFrom(
    resource: PackageResource,
    walk: TableWalk,
    streamed: TableFile,
  ): AsyncGenerator<Uint8Array> {
    folder ??= await mkdtemp(join(tmpdir(), 'plenum-package-'));
    const others = new Map<string, { file: TableFile; spool: ZipSpool }>();
    for (const table of walk.tables)
      if (table.name !== resource.name) {
        const spool = new ZipSpool(join(folder, String(spools.length)));
        spools.push(spool);
        others.set(table.name, { file: new TableFile(table), spool });
      }
    // Each step is turned into text for every table before its page waits for a deflate: its
    // rows are then garbage before the next collection of the young generation, instead of being
    // kept alive across the waits and promoted (the heap grew to 160 MB that way).
    const steps = walk.steps()[Symbol.asyncIterator]();
    for (;;) {
      const next = await steps.next();
      if (next.done) break;
      const step = next.value;
      next.value = {}; // the page itself is not kept across the waits below
      // A table's chunks go to its deflate as soon as they are made, and the loop lets the
      // thread pool's finished deflates take their next chunk before the next table: a deflate
      // goes on only when the main thread runs its callback.
      const written: Promise<void>[] = [];
      for (const [name, { file, spool }] of others) {
        for (const chunk of file.add(step[name] ?? []))
          written.push(spool.write(chunk, file.reuse));
        await yieldToLoop();
      }
      const streamedChunks = streamed.add(step[resource.name] ?? []);
      await Promise.all(written);
      yield* streamedChunks;
    }
    yield* streamed.end();
    described.push(describe(resource, streamed.written));
    const done = new Map<string, { file: TableFile; bytes: DeflatedBytes }>();
    for (const [name, { file, spool }] of others) {
      for (const chunk of file.end()) await spool.write(chunk, file.reuse);
      done.set(name, { file, bytes: await spool.finish() });
    }
    spooled.set(walk, done);
  }

  async function* entries(): AsyncGenerator<ZipEntry> {
    const path = (r: PackageResource) => `${r.name}.${r.format}`;
    for await (const resource of resources) {
      if ('bytes' in resource) {
        tabular = false;
        const file = resource;
        const hash = createHash('sha256');
        let bytes = 0;
        yield {
          name: file.path,
          data: (async function* () {
            for await (const chunk of file.bytes()) {
              hash.update(chunk);
              bytes += chunk.length;
              yield chunk;
            }
            described.push(describeFile(file, { bytes, hash: hash.digest('hex') }));
          })(),
        };
        continue;
      }
      const rows = resource.rows;
      if (typeof rows === 'function') {
        const file = new TableFile(resource);
        yield {
          name: path(resource),
          reuse: file.reuse,
          data: (async function* () {
            for await (const row of rows()) yield* file.add([row]);
            yield* file.end();
            described.push(describe(resource, file.written));
          })(),
        };
        continue;
      }
      const spool = spooled.get(rows.walk)?.get(rows.table);
      if (spool) {
        described.push(describe(resource, spool.file.written));
        yield { name: path(resource), deflated: spool.bytes };
      } else {
        const streamed = new TableFile(resource);
        yield {
          name: path(resource),
          reuse: streamed.reuse,
          data: walkFrom(resource, rows.walk, streamed),
        };
      }
    }
    const descriptor = {
      // A package with files that are not tables (attachments) is a plain data package.
      profile: tabular ? 'tabular-data-package' : 'data-package',
      ...description,
      resources: described,
    };
    yield {
      name: 'datapackage.json',
      data: (async function* () {
        yield new TextEncoder().encode(`${JSON.stringify(descriptor, null, 2)}\n`);
      })(),
    };
  }

  return (async function* () {
    try {
      yield* zipStream(entries(), new Date(description.created));
    } finally {
      for (const spool of spools) spool.discard();
      if (folder) await rm(folder, { recursive: true, force: true });
    }
  })();
}
