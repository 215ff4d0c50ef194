/** Reading documents: a process's documents, a document's versions, a language version's blocks. */
import type { Viewer } from '../accounts/accounts.schema.ts';
import { keyPageOf, type KeyPage } from '../api/cursor.ts';
import type { Db } from '../db/database.ts';
import { isId } from '../db/ids.ts';
import { isPlenumError, PlenumError } from '../errors.ts';
import type { Process } from '../processes/processes.schema.ts';
import { getProcesses, lookupProcess, requireProcess } from '../processes/processes.service.ts';
import { z } from 'zod';
import { sectionHeadings } from './blocks.ts';
import {
  languageTagSchema,
  type Block,
  type LanguageVersion,
  type PlenumDocument,
  type RecentVersion,
  type Version,
} from './documents.schema.ts';
import type {
  BlockTable,
  DocumentTable,
  FootnoteRefTable,
  LanguageVersionTable,
  VersionTable,
} from './documents.table.ts';
import {
  countDocumentsByProcess,
  findBlock,
  findDocument,
  findImportReport,
  findLanguageVersion,
  findReadAccess,
  findVersion,
  insertBlocks,
  insertDocument,
  insertLanguageVersion,
  insertVersion,
  lastVersionSeq,
  listBlocks,
  listDocumentsOfProcess,
  listDocumentsOfProcessAfter,
  findVersionAccess,
  markVersionPublic,
  listRecentVersions,
} from './documents.store.ts';
import { recordEvent } from '../events/events.store.ts';
import {
  canReadDocument,
  canReadVersion,
  checkCanPublishVersion,
  readableDocument,
  readableDocumentCount,
} from './documents.policy.ts';

/** The language shown when the reader asks for none and the version has it. */
export const defaultReadingLanguage = 'en';

/** A process with its documents. */
export interface ProcessWithDocuments {
  process: Process;
  documents: PlenumDocument[];
}

/** Everything a document page shows. */
export interface DocumentReading {
  process: Process;
  document: PlenumDocument;
  version: Version;
  languageVersion: LanguageVersion;
  blocks: Block[];
}

/** Every process with the number of its documents the viewer may know of. */
export async function getProcessesWithCounts(
  db: Db,
  viewer: Viewer | null = null,
): Promise<(Process & { documentCount: number })[]> {
  const [processes, counts] = await Promise.all([getProcesses(db), countDocumentsByProcess(db)]);
  return processes.map((p) => ({
    ...p,
    documentCount: readableDocumentCount(viewer, p.id, counts.get(p.id) ?? { all: 0, public: 0 }),
  }));
}

/** The public versions that arrived last in every process, newest first. */
export async function getRecentVersions(db: Db, limit = 8): Promise<RecentVersion[]> {
  return listRecentVersions(db, limit);
}

/** A process (by id, slug or alias) with its documents, versions and languages. */
export async function getProcessWithDocuments(
  db: Db,
  ref: string,
  viewer: Viewer | null = null,
): Promise<ProcessWithDocuments> {
  const process = await requireProcess(db, ref);
  const documents = await listDocumentsOfProcess(db, process.id);
  return {
    process,
    documents: documents.flatMap((d) => readableDocument(viewer, d) ?? []),
  };
}

/**
 * A page of the documents of a process the viewer may see, oldest first (by creation, then id):
 * those after the key `after` of the previous page, from `limit` read.
 */
export async function getDocumentsOfProcessPage(
  db: Db,
  ref: string,
  viewer: Viewer | null,
  page: { after: readonly [string, string] | undefined; limit: number },
): Promise<KeyPage<PlenumDocument>> {
  const process = await requireProcess(db, ref);
  const read = await listDocumentsOfProcessAfter(db, process.id, page.after, page.limit + 1);
  return keyPageOf(
    read,
    page.limit,
    (r) => r.key,
    (rows) => rows.flatMap((r) => readableDocument(viewer, r.document) ?? []),
  );
}

/** The document with this id as stored, whoever reads (the caller checks what the viewer may see). */
export async function findDocumentById(db: Db, id: string): Promise<PlenumDocument | undefined> {
  return findDocument(db, { id });
}

/** The version with this id as stored, whoever reads (the caller checks what the viewer may see). */
export async function findVersionById(db: Db, id: string): Promise<Version | undefined> {
  return findVersion(db, id);
}

/** The document with this UN symbol as stored, whoever reads (as findDocumentById). */
export async function findDocumentBySymbol(
  db: Db,
  symbol: string,
): Promise<PlenumDocument | undefined> {
  return findDocument(db, { symbol });
}

/** The language version with this id as stored, whoever reads (as findDocumentById). */
export async function findLanguageVersionById(
  db: Db,
  id: string,
): Promise<LanguageVersion | undefined> {
  return findLanguageVersion(db, id);
}

/** Every block of a language version in reading order, whoever reads (as findDocumentById). */
export async function listBlocksOf(db: Db, languageVersionId: string): Promise<Block[]> {
  return listBlocks(db, languageVersionId);
}

/** Whether a version is public, and its process, if it exists: what deciding who reads it needs. */
export async function findVersionReadAccess(
  db: Db,
  versionId: string,
): Promise<{ public: boolean; processId: string } | undefined> {
  return findVersionAccess(db, versionId);
}

/** The import report stored with a language version (JSON, unchecked), if it exists. */
export async function findStoredImportReport(db: Db, languageVersionId: string): Promise<unknown> {
  return findImportReport(db, languageVersionId);
}

/** The highest version number of a document, 0 when it has none. */
export async function lastVersionNumber(db: Db, documentId: string): Promise<number> {
  return lastVersionSeq(db, documentId);
}

/** Writes a new document's row; the caller records its event, in the same transaction. */
export async function addDocument(trx: Db, row: DocumentTable): Promise<void> {
  await insertDocument(trx, row);
}

/** Writes a new version's row; the caller records its event, in the same transaction. */
export async function addVersion(trx: Db, row: VersionTable): Promise<void> {
  await insertVersion(trx, row);
}

/**
 * Writes a language version with its blocks and their footnote markers; the caller records its
 * event, in the same transaction.
 */
export async function addLanguageVersion(
  trx: Db,
  rows: {
    languageVersion: LanguageVersionTable;
    blocks: BlockTable[];
    footnoteRefs: FootnoteRefTable[];
  },
): Promise<void> {
  await insertLanguageVersion(trx, rows.languageVersion);
  await insertBlocks(trx, rows.blocks, rows.footnoteRefs);
}

/**
 * The document with this id or UN symbol, with the versions the viewer may read; one the viewer
 * may not know of answers exactly as a missing one, after the same one query.
 */
export async function getDocument(
  db: Db,
  ref: string,
  viewer: Viewer | null = null,
): Promise<PlenumDocument> {
  const id = isId(ref) ? ref.toLowerCase() : undefined;
  const symbol = ref.trim();
  const access = await findReadAccess(db, id ? { documentId: id } : { symbol });
  const document =
    access && canReadDocument(viewer, access)
      ? await findDocument(db, id ? { id } : { symbol })
      : undefined;
  const readable = document && readableDocument(viewer, document);
  if (!readable)
    throw new PlenumError('DOCUMENT_NOT_FOUND', `No document has the id or symbol "${ref}".`);
  return readable;
}

/** The version with this id, if the viewer may read it; else as if there were none. */
export async function getVersion(
  db: Db,
  id: string,
  viewer: Viewer | null = null,
): Promise<Version> {
  const key = id.toLowerCase();
  const access = isId(id) ? await findVersionAccess(db, key) : undefined;
  const version = mayRead(viewer, access) ? await findVersion(db, key) : undefined;
  if (!version) throw new PlenumError('VERSION_NOT_FOUND', `No version has the id "${id}".`);
  return version;
}

/**
 * The language version named by a version id (with a language, or the default one) or directly
 * by a language version id; one the viewer may not read answers as an id that names nothing.
 */
export async function getLanguageVersion(
  db: Db,
  id: string,
  language?: string,
  viewer: Viewer | null = null,
): Promise<LanguageVersion> {
  if (!isId(id)) throw new PlenumError('VERSION_NOT_FOUND', `"${id}" is not a version id.`);
  const key = id.toLowerCase();
  // Both lookups, whatever the id names, so what is hidden costs what is missing.
  const [asLanguage, asVersion] = await Promise.all([
    findReadAccess(db, { languageVersionId: key }),
    findVersionAccess(db, key),
  ]);
  if (mayRead(viewer, asLanguage)) {
    const direct = await findLanguageVersion(db, key);
    if (direct && (language === undefined || sameLanguage(direct.language, language)))
      return direct;
  }
  const version = mayRead(viewer, asVersion) ? await findVersion(db, key) : undefined;
  if (!version) throw new PlenumError('VERSION_NOT_FOUND', `No version has the id "${id}".`);
  return pickLanguage(version, language);
}

/** The blocks of a language version, in reading order. */
export async function getBlocks(
  db: Db,
  languageVersionId: string,
  viewer: Viewer | null = null,
): Promise<Block[]> {
  if (!mayRead(viewer, await findReadAccess(db, { languageVersionId })))
    throw new PlenumError('LANGUAGE_VERSION_NOT_FOUND');
  return listBlocks(db, languageVersionId);
}

/**
 * The headings of a version by their address (`§2` → "Introduction"), in the reader's language
 * where the version has it, for addresses in words; none when the viewer may not read it.
 */
export async function getSectionHeadings(
  db: Db,
  versionId: string,
  viewer: Viewer | null,
  language?: string,
): Promise<Map<string, string>> {
  const pick = (lang?: string) => getLanguageVersion(db, versionId, lang, viewer);
  try {
    const languageVersion = await pick(language).catch(() => pick());
    return sectionHeadings(await getBlocks(db, languageVersion.id, viewer));
  } catch (error) {
    if (isPlenumError(error)) return new Map();
    throw error;
  }
}

/** One block by its stable id. */
export async function getBlock(
  db: Db,
  id: string,
  viewer: Viewer | null = null,
): Promise<{ block: Block; languageVersionId: string }> {
  const key = id.toLowerCase();
  const access = isId(id) ? await findReadAccess(db, { blockId: key }) : undefined;
  const found = mayRead(viewer, access) ? await findBlock(db, key) : undefined;
  if (!found) throw new PlenumError('BLOCK_NOT_FOUND', `No block has the id "${id}".`);
  return found;
}

function mayRead(
  viewer: Viewer | null,
  access: { public: boolean; processId: string } | undefined,
): boolean {
  return access !== undefined && canReadVersion(viewer, access, access.processId);
}

function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function pickLanguage(version: Version, language: string | undefined): LanguageVersion {
  if (version.languages.length === 0) {
    throw new PlenumError(
      'LANGUAGE_VERSION_NOT_FOUND',
      `Version "${version.label}" has no content yet.`,
    );
  }
  if (language !== undefined) {
    const exact = version.languages.find((l) => sameLanguage(l.language, language));
    const primary = version.languages.find(
      (l) => l.language.split('-')[0]!.toLowerCase() === language.split('-')[0]!.toLowerCase(),
    );
    const found = exact ?? primary;
    if (!found) {
      throw new PlenumError(
        'LANGUAGE_VERSION_NOT_FOUND',
        `Version "${version.label}" exists in ${version.languages.map((l) => l.language).join(', ')}.`,
      );
    }
    return found;
  }
  return (
    version.languages.find((l) => sameLanguage(l.language, defaultReadingLanguage)) ??
    version.languages[0]!
  );
}

/**
 * What a document page shows: the chosen version (by number; the latest with content by
 * default) in the chosen language (English, else the first, by default).
 */
export async function readDocument(
  db: Db,
  documentId: string,
  choice: { versionSeq?: number; language?: string } = {},
  viewer: Viewer | null = null,
): Promise<DocumentReading> {
  const document = await getDocument(db, documentId, viewer);
  const withContent = document.versions.filter((v) => v.languages.length > 0);
  const version =
    choice.versionSeq === undefined
      ? withContent[withContent.length - 1]
      : document.versions.find((v) => v.seq === choice.versionSeq);
  if (!version) {
    throw new PlenumError(
      'VERSION_NOT_FOUND',
      choice.versionSeq === undefined
        ? 'This document has no imported content yet.'
        : `This document has no version ${choice.versionSeq}.`,
    );
  }
  const languageVersion = pickLanguage(version, choice.language);
  const process = await lookupProcess(db, document.processId);
  if (!process) throw new PlenumError('PROCESS_NOT_FOUND');
  return {
    process,
    document,
    version,
    languageVersion,
    blocks: await listBlocks(db, languageVersion.id),
  };
}

/** Makes a version in preparation public; only the process's secretariat may. */
export async function publishVersion(
  db: Db,
  viewer: Viewer | null,
  versionId: string,
): Promise<Version> {
  const access = await findVersionAccess(db, versionId);
  if (!access || !canReadVersion(viewer, access, access.processId))
    throw new PlenumError('VERSION_NOT_FOUND');
  checkCanPublishVersion(viewer, access.processId);
  if (!access.public) {
    // Watches hear of its passages from the event (watches/watches.follower.ts).
    await markVersionPublic(db, versionId);
    await recordEvent(db, {
      actor: viewer.id,
      action: 'version.published',
      subjectType: 'version',
      subjectId: versionId,
    });
  }
  const version = await findVersion(db, versionId);
  if (!version) throw new PlenumError('VERSION_NOT_FOUND');
  return version;
}

function parseVersionSeq(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,5}$/.test(value))
    throw new PlenumError('VERSION_NOT_FOUND', `"${value}" is not a version number.`);
  return Number(value);
}

function parseLanguage(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = languageTagSchema.safeParse(value);
  if (!parsed.success)
    throw new PlenumError('LANGUAGE_VERSION_NOT_FOUND', `"${value}" is not a language tag.`);
  return parsed.data;
}

/**
 * The reading a page address names, /documents/:id[/v/:seq[/:lang]], from its parts as written:
 * DOCUMENT_NOT_FOUND, VERSION_NOT_FOUND or LANGUAGE_VERSION_NOT_FOUND when they name none.
 */
export function readDocumentAtAddress(
  db: Db,
  address: { id: string; seq?: string; lang?: string },
  viewer: Viewer | null,
): Promise<DocumentReading> {
  if (!z.uuid().safeParse(address.id).success) throw new PlenumError('DOCUMENT_NOT_FOUND');
  return readDocument(
    db,
    address.id,
    { versionSeq: parseVersionSeq(address.seq), language: parseLanguage(address.lang) },
    viewer,
  );
}
