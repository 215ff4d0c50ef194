/** SQL for documents, versions, language versions, blocks and footnote references. */
import type { Db } from '../db/database.ts';
import type {
  BlockTable,
  DocumentTable,
  FootnoteRefTable,
  LanguageVersionTable,
  VersionTable,
} from './documents.table.ts';
import {
  documentKinds,
  type Block,
  type RecentVersion,
  type LanguageVersion,
  type PlenumDocument,
  type Version,
} from './documents.schema.ts';
import { blockKinds, blockMatters } from './blocks.ts';

// Both engines cap bound parameters per statement; 500 rows of ≤10 columns stays well under.
const insertChunk = 500;

function toLanguageVersion(row: LanguageVersionTable): LanguageVersion {
  return {
    id: row.id,
    versionId: row.version_id,
    language: row.language,
    title: row.title,
    sourceFormat: row.source_format,
    sourceName: row.source_name,
    sourceSha256: row.source_sha256,
    sourceBytes: Number(row.source_bytes),
    importedAt: row.imported_at,
  };
}

function toVersion(row: VersionTable, languages: LanguageVersion[]): Version {
  return {
    id: row.id,
    documentId: row.document_id,
    seq: Number(row.seq),
    label: row.label,
    date: row.date,
    public: Number(row.public) === 1,
    languages,
  };
}

function toDocument(row: DocumentTable, versions: Version[]): PlenumDocument {
  return {
    id: row.id,
    processId: row.process_id,
    symbol: row.symbol,
    title: row.title,
    kind: documentKinds.find((k) => k === row.kind) ?? 'working_paper',
    versions,
  };
}

function toBlock(row: BlockTable, refs: FootnoteRefTable[]): Block {
  return {
    id: row.id,
    seq: Number(row.seq),
    parentId: row.parent_id,
    kind: blockKinds.find((k) => k === row.kind) ?? 'paragraph',
    number: row.number,
    label: row.label,
    level: row.level === null ? null : Number(row.level),
    address: row.address,
    text: row.text,
    rows: row.rows === null ? null : (JSON.parse(row.rows) as string[][]),
    matter: blockMatters.find((m) => m === row.matter) ?? null,
    footnoteRefs: refs.map((r) => ({
      marker: r.marker,
      offset: Number(r.offset),
      footnoteId: r.footnote_id,
    })),
  };
}

async function versionsOf(db: Db, documentIds: string[]): Promise<Map<string, Version[]>> {
  const byDocument = new Map<string, Version[]>();
  if (documentIds.length === 0) return byDocument;
  const versions = await db
    .selectFrom('versions')
    .selectAll()
    .where('document_id', 'in', documentIds)
    .orderBy('document_id')
    .orderBy('seq')
    .execute();
  const languages =
    versions.length === 0
      ? []
      : await db
          .selectFrom('language_versions')
          .selectAll()
          .where(
            'version_id',
            'in',
            versions.map((v) => v.id),
          )
          .orderBy('language')
          .execute();
  const languagesByVersion = new Map<string, LanguageVersion[]>();
  for (const row of languages) {
    const list = languagesByVersion.get(row.version_id) ?? [];
    list.push(toLanguageVersion(row));
    languagesByVersion.set(row.version_id, list);
  }
  for (const row of versions) {
    const list = byDocument.get(row.document_id) ?? [];
    list.push(toVersion(row, languagesByVersion.get(row.id) ?? []));
    byDocument.set(row.document_id, list);
  }
  return byDocument;
}

/** The documents of a process, with versions and languages, by symbol then title. */
export async function listDocumentsOfProcess(db: Db, processId: string): Promise<PlenumDocument[]> {
  const rows = await db
    .selectFrom('documents')
    .selectAll()
    .where('process_id', '=', processId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const versions = await versionsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toDocument(r, versions.get(r.id) ?? []));
}

/**
 * A page of the documents of a process, oldest first (by creation, then id): those after the key
 * `after`, at most `limit`, each with its key.
 */
export async function listDocumentsOfProcessAfter(
  db: Db,
  processId: string,
  after: readonly [createdAt: string, id: string] | undefined,
  limit: number,
): Promise<{ key: [string, string]; document: PlenumDocument }[]> {
  let query = db
    .selectFrom('documents')
    .selectAll()
    .where('process_id', '=', processId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit);
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '>', after[0]),
        eb.and([eb('created_at', '=', after[0]), eb('id', '>', after[1])]),
      ]),
    );
  const rows = await query.execute();
  const versions = await versionsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    key: [r.created_at, r.id],
    document: toDocument(r, versions.get(r.id) ?? []),
  }));
}

/** The document with this id or symbol, with versions and languages. */
export async function findDocument(
  db: Db,
  by: { id: string } | { symbol: string },
): Promise<PlenumDocument | undefined> {
  const query = db.selectFrom('documents').selectAll();
  const row = await (
    'id' in by ? query.where('id', '=', by.id) : query.where('symbol', '=', by.symbol)
  ).executeTakeFirst();
  if (!row) return undefined;
  const versions = await versionsOf(db, [row.id]);
  return toDocument(row, versions.get(row.id) ?? []);
}

/** The version with this id, with its languages. */
export async function findVersion(db: Db, id: string): Promise<Version | undefined> {
  const row = await db.selectFrom('versions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const versions = await versionsOf(db, [row.document_id]);
  return versions.get(row.document_id)?.find((v) => v.id === id);
}

/** The language version with this id, if any. */
export async function findLanguageVersion(
  db: Db,
  id: string,
): Promise<LanguageVersion | undefined> {
  const row = await db
    .selectFrom('language_versions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toLanguageVersion(row) : undefined;
}

/** The stored import report of a language version (JSON), if it exists. */
export async function findImportReport(db: Db, languageVersionId: string): Promise<unknown> {
  const row = await db
    .selectFrom('language_versions')
    .select('import_report')
    .where('id', '=', languageVersionId)
    .executeTakeFirst();
  return row ? JSON.parse(row.import_report) : undefined;
}

/** Inserts a document row. */
export async function insertDocument(db: Db, row: DocumentTable): Promise<void> {
  await db.insertInto('documents').values(row).execute();
}

/** The highest version number of a document, 0 when it has none. */
export async function lastVersionSeq(db: Db, documentId: string): Promise<number> {
  const row = await db
    .selectFrom('versions')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return row?.seq === null || row?.seq === undefined ? 0 : Number(row.seq);
}

/** Inserts a version row. */
export async function insertVersion(db: Db, row: VersionTable): Promise<void> {
  await db.insertInto('versions').values(row).execute();
}

/** Inserts a language version row. */
export async function insertLanguageVersion(db: Db, row: LanguageVersionTable): Promise<void> {
  await db.insertInto('language_versions').values(row).execute();
}

/** Inserts blocks and footnote references in chunks. */
export async function insertBlocks(
  db: Db,
  blocks: BlockTable[],
  refs: FootnoteRefTable[],
): Promise<void> {
  for (let i = 0; i < blocks.length; i += insertChunk) {
    await db
      .insertInto('blocks')
      .values(blocks.slice(i, i + insertChunk))
      .execute();
  }
  for (let i = 0; i < refs.length; i += insertChunk) {
    await db
      .insertInto('footnote_refs')
      .values(refs.slice(i, i + insertChunk))
      .execute();
  }
}

/** Every block of a language version in reading order, each with its footnote references. */
export async function listBlocks(db: Db, languageVersionId: string): Promise<Block[]> {
  const rows = await db
    .selectFrom('blocks')
    .selectAll()
    .where('language_version_id', '=', languageVersionId)
    .orderBy('seq')
    .execute();
  const refs = await db
    .selectFrom('footnote_refs')
    .innerJoin('blocks', 'blocks.id', 'footnote_refs.block_id')
    .selectAll('footnote_refs')
    .where('blocks.language_version_id', '=', languageVersionId)
    .orderBy('footnote_refs.block_id')
    .orderBy('footnote_refs.seq')
    .execute();
  const refsByBlock = new Map<string, FootnoteRefTable[]>();
  for (const ref of refs) {
    const list = refsByBlock.get(ref.block_id) ?? [];
    list.push(ref);
    refsByBlock.set(ref.block_id, list);
  }
  return rows.map((r) => toBlock(r, refsByBlock.get(r.id) ?? []));
}

/** One block with its footnote references and the language version it belongs to. */
export async function findBlock(
  db: Db,
  id: string,
): Promise<{ block: Block; languageVersionId: string } | undefined> {
  const row = await db.selectFrom('blocks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const refs = await db
    .selectFrom('footnote_refs')
    .selectAll()
    .where('block_id', '=', id)
    .orderBy('seq')
    .execute();
  return { block: toBlock(row, refs), languageVersionId: row.language_version_id };
}

/** How many documents each process has, and how many of them have a public version. */
export async function countDocumentsByProcess(
  db: Db,
): Promise<Map<string, { all: number; public: number }>> {
  const rows = await db
    .selectFrom('documents as d')
    .select((eb) => [
      'd.process_id',
      eb.fn.countAll<string | number>().as('n'),
      eb.fn
        .sum<string | number | null>(
          eb
            .case()
            .when(
              eb.exists(
                eb
                  .selectFrom('versions as v')
                  .select('v.id')
                  .whereRef('v.document_id', '=', 'd.id')
                  .where('v.public', '=', 1),
              ),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('public'),
    ])
    .groupBy('d.process_id')
    .execute();
  return new Map(
    rows.map((r) => [r.process_id, { all: Number(r.n), public: Number(r.public ?? 0) }]),
  );
}

/** Whether a version is public, and the process it belongs to. */
export async function findVersionAccess(
  db: Db,
  versionId: string,
): Promise<{ public: boolean; processId: string } | undefined> {
  const row = await db
    .selectFrom('versions')
    .innerJoin('documents', 'documents.id', 'versions.document_id')
    .select(['versions.public', 'documents.process_id'])
    .where('versions.id', '=', versionId)
    .executeTakeFirst();
  return row ? { public: Number(row.public) === 1, processId: row.process_id } : undefined;
}

/**
 * What deciding who may read a document (by id or symbol), a language version or a block needs:
 * whether it is public (a document: whether one of its versions is) and its process. One indexed
 * query whether or not the thing exists, so a hidden one costs what a missing one does.
 */
export async function findReadAccess(
  db: Db,
  by:
    | { documentId: string }
    | { symbol: string }
    | { languageVersionId: string }
    | { blockId: string },
): Promise<{ public: boolean; processId: string } | undefined> {
  let row: { public: unknown; process_id: string } | undefined;
  if ('documentId' in by || 'symbol' in by) {
    const query = db
      .selectFrom('documents as d')
      .select((eb) => [
        'd.process_id',
        eb
          .exists(
            eb
              .selectFrom('versions as v')
              .select('v.id')
              .whereRef('v.document_id', '=', 'd.id')
              .where('v.public', '=', 1),
          )
          .as('public'),
      ]);
    row = await (
      'documentId' in by
        ? query.where('d.id', '=', by.documentId)
        : query.where('d.symbol', '=', by.symbol)
    ).executeTakeFirst();
  } else {
    const query = db
      .selectFrom('language_versions as lv')
      .innerJoin('versions as v', 'v.id', 'lv.version_id')
      .innerJoin('documents as d', 'd.id', 'v.document_id')
      .select(['v.public', 'd.process_id']);
    row = await (
      'languageVersionId' in by
        ? query.where('lv.id', '=', by.languageVersionId)
        : query
            .innerJoin('blocks as b', 'b.language_version_id', 'lv.id')
            .where('b.id', '=', by.blockId)
    ).executeTakeFirst();
  }
  // PostgreSQL answers EXISTS with a boolean, SQLite with 0 or 1.
  return (
    row && { public: row.public === true || Number(row.public) === 1, processId: row.process_id }
  );
}

/** Makes a version public. */
export async function markVersionPublic(db: Db, versionId: string): Promise<void> {
  await db.updateTable('versions').set({ public: 1 }).where('id', '=', versionId).execute();
}

/**
 * The public versions that arrived last in every process, newest first, at most `limit` (read
 * from the index on the arrival, so the cost does not grow with the versions of the past).
 */
export async function listRecentVersions(db: Db, limit: number): Promise<RecentVersion[]> {
  const rows = await db
    .selectFrom('versions as v')
    .innerJoin('documents as d', 'd.id', 'v.document_id')
    .select([
      'v.id',
      'v.seq',
      'v.label',
      'v.date',
      'v.created_at',
      'd.id as document_id',
      'd.symbol',
      'd.title',
      'd.process_id',
    ])
    .where('v.public', '=', 1)
    .orderBy('v.created_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    versionId: r.id,
    seq: Number(r.seq),
    label: r.label,
    date: r.date,
    createdAt: r.created_at,
    documentId: r.document_id,
    symbol: r.symbol,
    title: r.title,
    processId: r.process_id,
  }));
}
