/**
 * Test support: validating XML against the official Akoma Ntoso 3.0 schema with xmllint (Debian's
 * libxml2-utils), without the network. The schema is looked for in test/fixtures/akn/ and in
 * ../shared/akn/ (see test/fixtures/akn/README.md); it is copied beside plenum's xml.xsd so that
 * its `<xsd:import schemaLocation="./xml.xsd"/>` resolves locally.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const candidates = [
  join(root, 'test/fixtures/akn/akomantoso30.xsd'),
  join(root, '../shared/akn/akomantoso30.xsd'),
];

let schemaDir: string | undefined;

/**
 * Why the schema checks are skipped here, or false. The official schema is not shipped in this
 * repository (it may not be committed from where it was found); place a copy where
 * test/fixtures/akn/README.md says and the checks run.
 */
export const aknSchemaMissing: string | false = candidates.some((p) => existsSync(p))
  ? false
  : `the official Akoma Ntoso 3.0 schema is in none of ${candidates.join(', ')} (see test/fixtures/akn/README.md)`;

/** The folder holding akomantoso30.xsd and xml.xsd; throws, naming where to put it, when absent. */
export function aknSchemaDir(): string {
  if (schemaDir) return schemaDir;
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      `The official Akoma Ntoso 3.0 schema (akomantoso30.xsd) is in none of: ${candidates.join(', ')}. See test/fixtures/akn/README.md.`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'plenum-akn-'));
  copyFileSync(found, join(dir, 'akomantoso30.xsd'));
  copyFileSync(join(root, 'test/fixtures/akn/xml.xsd'), join(dir, 'xml.xsd'));
  schemaDir = dir;
  return dir;
}

/** Validates XML texts with `xmllint --schema`: null when all are valid, else xmllint's complaint. */
export function xmllintSchemaErrors(xmls: string[]): string | null {
  const dir = aknSchemaDir();
  const files = xmls.map((xml, i) => {
    const file = join(dir, `doc-${process.pid}-${Date.now()}-${i}.xml`);
    writeFileSync(file, xml);
    return file;
  });
  try {
    execFileSync(
      '/usr/bin/xmllint',
      ['--noout', '--nonet', '--schema', join(dir, 'akomantoso30.xsd'), ...files],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return null;
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    return e.stderr?.toString('utf8') || e.message;
  }
}
