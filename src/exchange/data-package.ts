/**
 * A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/) written as one
 * streamed ZIP: each resource a CSV (RFC 4180, header row, CRLF, UTF-8 without a BOM) or a JSON
 * array of objects, both described by a Table Schema, or any other file (an attachment) described
 * by its path and media type, and `datapackage.json` last, with each file's size and SHA-256
 * counted as it was written. Reusable by any feature: give it the resources as async row or byte
 * sources; nothing is held whole.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { zipStream, type ZipEntry } from './zip-stream.ts';

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

/** One resource of the package: a file and the rows that fill it. */
export interface PackageResource {
  /** Lower-case name, unique in the package (`submissions`). */
  name: string;
  format: 'csv' | 'json';
  title?: string;
  description?: string;
  fields: TableField[];
  primaryKey?: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  /** The rows, as objects keyed by field name, read when the archive reaches the file. */
  rows: () => AsyncIterable<Record<string, unknown>>;
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

/** Rows per CSV or JSON write: enough to keep calls few, few enough to keep memory flat. */
const BATCH = 500;

function cell(value: unknown, type: FieldType): string {
  if (value === null || value === undefined) return '';
  if (type === 'object' || type === 'array') return JSON.stringify(value);
  if (type === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** The bytes of one resource's file, in batches of rows. */
async function* fileBytes(resource: PackageResource): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const names = resource.fields.map((f) => f.name);
  let batch: Record<string, unknown>[] = [];
  let first = true;
  const flush = (last: boolean): Uint8Array => {
    let text: string;
    if (resource.format === 'csv') {
      const rows = batch.map((r) => resource.fields.map((f) => cell(r[f.name], f.type)));
      text = stringify(first ? [names, ...rows] : rows, { record_delimiter: '\r\n' });
    } else {
      const items = batch.map((r) =>
        JSON.stringify(Object.fromEntries(names.map((n) => [n, r[n] ?? null]))),
      );
      text = `${first ? '[\n' : items.length > 0 ? ',\n' : ''}${items.join(',\n')}${last ? '\n]\n' : ''}`;
    }
    first = false;
    batch = [];
    return encoder.encode(text);
  };
  for await (const row of resource.rows()) {
    batch.push(row);
    if (batch.length >= BATCH) yield flush(false);
  }
  yield flush(true);
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
  resource: PackageResource,
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
 * last, so it can give each file's size and hash).
 */
export function dataPackageZip(
  description: PackageDescription,
  resources: Iterable<PackageResource | PackageFile> | AsyncIterable<PackageResource | PackageFile>,
): AsyncGenerator<Uint8Array> {
  const described: Record<string, unknown>[] = [];
  let tabular = true;
  async function* entries(): AsyncGenerator<ZipEntry> {
    for await (const resource of resources) {
      const file = 'bytes' in resource ? resource : undefined;
      if (file) tabular = false;
      const hash = createHash('sha256');
      let bytes = 0;
      yield {
        name: file ? file.path : `${resource.name}.${(resource as PackageResource).format}`,
        data: (async function* () {
          for await (const chunk of file ? file.bytes() : fileBytes(resource as PackageResource)) {
            hash.update(chunk);
            bytes += chunk.length;
            yield chunk;
          }
          const written = { bytes, hash: hash.digest('hex') };
          described.push(
            file ? describeFile(file, written) : describe(resource as PackageResource, written),
          );
        })(),
      };
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
  return zipStream(entries(), new Date(description.created));
}
