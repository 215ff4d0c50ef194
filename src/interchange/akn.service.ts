/**
 * Exporting a version as Akoma Ntoso: one XML file per language, read with the viewer's rights
 * (a version in preparation only for the process staff, as on its page). Importing such a file
 * is the import's own path (src/imports/, format `akn`).
 */
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import {
  getBlocks,
  getDocument,
  getLanguageVersion,
  getVersion,
} from '../documents/documents.service.ts';
import { aknLanguage, writeAkn } from './akn.ts';

/** One language of a version as Akoma Ntoso XML, with the file name to save it under. */
export interface AknExport {
  filename: string;
  language: string;
  xml: string;
}

/** A file name of the symbol (or document id), the version label and the language. */
function fileName(
  symbol: string | null,
  documentId: string,
  label: string,
  language: string,
): string {
  const base = `${symbol ?? documentId}-${label}-${aknLanguage(language)}`;
  return `${base.replace(/[^\p{L}\p{N}._-]+/gu, '_')}.akn.xml`;
}

/**
 * The version (by version id, in `language` or its default language; or by language version id)
 * as Akoma Ntoso 3.0 XML.
 */
export async function exportVersionAkn(
  db: Db,
  id: string,
  language: string | undefined,
  viewer: Viewer | null,
): Promise<AknExport> {
  const languageVersion = await getLanguageVersion(db, id, language, viewer);
  const version = await getVersion(db, languageVersion.versionId, viewer);
  const document = await getDocument(db, version.documentId, viewer);
  const blocks = await getBlocks(db, languageVersion.id, viewer);
  const xml = writeAkn({ document, version, languageVersion, blocks });
  return {
    filename: fileName(document.symbol, document.id, version.label, languageVersion.language),
    language: languageVersion.language,
    xml,
  };
}

/** Every language of a version, each as its own Akoma Ntoso expression. */
export async function exportVersionAknAll(
  db: Db,
  versionId: string,
  viewer: Viewer | null,
): Promise<AknExport[]> {
  const version = await getVersion(db, versionId, viewer);
  const out: AknExport[] = [];
  for (const lv of version.languages)
    out.push(await exportVersionAkn(db, lv.id, undefined, viewer));
  return out;
}
