/** Reading documents: a process's documents, a document's versions, a language version's blocks. */
import { afterVersionPublished } from '../watches/watches.service.ts';
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import { isId } from '../db/ids.ts';
import { PlenumError } from '../errors.ts';
import type { Process } from '../processes/processes.schema.ts';
import { getProcesses, lookupProcess, requireProcess } from '../processes/processes.service.ts';
import type { Block, LanguageVersion, PlenumDocument, Version } from './documents.schema.ts';
import {
  countDocumentsByProcess,
  findBlock,
  findDocument,
  findLanguageVersion,
  findVersion,
  listBlocks,
  listDocumentsOfProcess,
  findVersionAccess,
  markVersionPublic,
} from './documents.store.ts';
import { recordEvent } from '../events/events.store.ts';
import { canReadVersion, checkCanPublishVersion, readableDocument } from './documents.policy.ts';

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

/** Every process with the number of documents it has. */
export async function getProcessesWithCounts(
  db: Db,
): Promise<(Process & { documentCount: number })[]> {
  const [processes, counts] = await Promise.all([getProcesses(db), countDocumentsByProcess(db)]);
  return processes.map((p) => ({ ...p, documentCount: counts.get(p.id) ?? 0 }));
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
    documents: documents
      .map((d) => readableDocument(viewer, d))
      .filter((d, i) => d.versions.length > 0 || documents[i]!.versions.length === 0),
  };
}

/** The document with this id as stored, whoever reads (the caller checks what the viewer may see). */
export async function findDocumentById(db: Db, id: string): Promise<PlenumDocument | undefined> {
  return findDocument(db, { id });
}

/** The version with this id as stored, whoever reads (the caller checks what the viewer may see). */
export async function findVersionById(db: Db, id: string): Promise<Version | undefined> {
  return findVersion(db, id);
}

/** The document with this id or UN symbol. */
export async function getDocument(
  db: Db,
  ref: string,
  viewer: Viewer | null = null,
): Promise<PlenumDocument> {
  const document = isId(ref)
    ? await findDocument(db, { id: ref.toLowerCase() })
    : await findDocument(db, { symbol: ref.trim() });
  if (!document)
    throw new PlenumError('DOCUMENT_NOT_FOUND', `No document has the id or symbol "${ref}".`);
  return readableDocument(viewer, document);
}

/** The version with this id. */
export async function getVersion(
  db: Db,
  id: string,
  viewer: Viewer | null = null,
): Promise<Version> {
  const version = isId(id) ? await findVersion(db, id.toLowerCase()) : undefined;
  if (!version || !(await mayRead(db, viewer, { versionId: version.id })))
    throw new PlenumError('VERSION_NOT_FOUND', `No version has the id "${id}".`);
  return version;
}

/**
 * The language version named by a version id (with a language, or the default one) or directly
 * by a language version id.
 */
export async function getLanguageVersion(
  db: Db,
  id: string,
  language?: string,
  viewer: Viewer | null = null,
): Promise<LanguageVersion> {
  if (!isId(id)) throw new PlenumError('VERSION_NOT_FOUND', `"${id}" is not a version id.`);
  const direct = await findLanguageVersion(db, id.toLowerCase());
  if (direct && (language === undefined || sameLanguage(direct.language, language))) {
    if (!(await mayRead(db, viewer, { versionId: direct.versionId })))
      throw new PlenumError('LANGUAGE_VERSION_NOT_FOUND');
    return direct;
  }
  const version = await findVersion(db, id.toLowerCase());
  if (!version || !(await mayRead(db, viewer, { versionId: version.id })))
    throw new PlenumError('VERSION_NOT_FOUND', `No version has the id "${id}".`);
  return pickLanguage(version, language);
}

/** The blocks of a language version, in reading order. */
export async function getBlocks(
  db: Db,
  languageVersionId: string,
  viewer: Viewer | null = null,
): Promise<Block[]> {
  const languageVersion = await findLanguageVersion(db, languageVersionId);
  if (!languageVersion || !(await mayRead(db, viewer, { versionId: languageVersion.versionId })))
    throw new PlenumError('LANGUAGE_VERSION_NOT_FOUND');
  return listBlocks(db, languageVersion.id);
}

/** One block by its stable id. */
export async function getBlock(
  db: Db,
  id: string,
  viewer: Viewer | null = null,
): Promise<{ block: Block; languageVersionId: string }> {
  const found = isId(id) ? await findBlock(db, id.toLowerCase()) : undefined;
  const languageVersion = found
    ? await findLanguageVersion(db, found.languageVersionId)
    : undefined;
  if (
    !found ||
    !languageVersion ||
    !(await mayRead(db, viewer, { versionId: languageVersion.versionId }))
  )
    throw new PlenumError('BLOCK_NOT_FOUND', `No block has the id "${id}".`);
  return found;
}

async function mayRead(db: Db, viewer: Viewer | null, by: { versionId: string }): Promise<boolean> {
  const access = await findVersionAccess(db, by.versionId);
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
    await markVersionPublic(db, versionId);
    // Watches hear of its passages now that everyone may read them.
    await afterVersionPublished(db, versionId);
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
