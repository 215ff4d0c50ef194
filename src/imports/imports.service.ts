/**
 * Importing a document file: read and check the bytes, parse them into blocks, and store the
 * document, version, language version and blocks in one transaction, or nothing at all.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { isId, newId } from '../db/ids.ts';
import { PlenumError } from '../errors.ts';
import { alignWithPrevious, summariseCarriedInto } from '../revisions/revisions.service.ts';
import { recordEvent } from '../events/events.store.ts';
import { requireProcess } from '../processes/processes.service.ts';
import type { BlockTable, FootnoteRefTable } from '../documents/documents.table.ts';
import type { PlenumDocument, Version } from '../documents/documents.schema.ts';
import {
  addDocument,
  addLanguageVersion,
  addVersion,
  findDocumentById,
  findDocumentBySymbol,
  findStoredImportReport,
  lastVersionNumber,
} from '../documents/documents.service.ts';
import type { ImportFormat, ParseResult } from '../documents/blocks.ts';
import { parseDocumentKind } from '../documents/documents.schema.ts';
import { detectLanguage } from '../text/detect-language.ts';
import { MAX_IMPORT_BLOCKS, parseImport, readImportInput } from './parser/index.ts';
import { correctionSchema, replayCorrections, type ReplayedCorrections } from './corrections.ts';
import { findLatestCorrectionRows } from './import-drafts.store.ts';
import {
  importReportSchema,
  importTargetSchema,
  type CheckedImportTarget,
  type ImportReport,
  type ImportTarget,
} from './imports.schema.ts';

/** A file read and parsed, ready to store. */
export interface ParsedImport {
  format: ImportFormat;
  result: ParseResult;
  bytes: number;
  sha256: string;
  /** The corrections recorded for this same file, when they were re-applied to `result`. */
  corrections?: ImportReport['corrections'];
}

/** Checks and parses the bytes of a file (no database involved). Bad input is a PlenumError. */
export async function parseImportFile(
  bytes: Uint8Array,
  options: { filename?: string; format?: ImportFormat; language?: string },
): Promise<ParsedImport> {
  const input = readImportInput(bytes, {
    ...(options.filename !== undefined ? { filename: options.filename } : {}),
    ...(options.format !== undefined ? { format: options.format } : {}),
  });
  const result = await parseImport(
    input,
    options.language !== undefined ? { language: options.language } : {},
  );
  if (result.blocks.length === 0) throw new PlenumError('IMPORT_NO_CONTENT');
  if (result.blocks.length > MAX_IMPORT_BLOCKS) {
    throw new PlenumError(
      'IMPORT_TOO_MANY_BLOCKS',
      `It has ${result.blocks.length.toLocaleString('en')} blocks.`,
    );
  }
  return {
    format: input.format,
    result,
    bytes: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

function validationError(issues: { path: PropertyKey[]; message: string }[]): PlenumError {
  return new PlenumError(
    'INVALID_REQUEST',
    issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '),
  );
}

/** The steps of an import, as a progress line names them. */
export type ImportStep = 'parsing' | 'storing' | 'aligning';

/** Reads, parses and stores a file in one transaction; returns the import report. */
export async function importFile(
  db: Kysely<Database>,
  bytes: Uint8Array,
  target: ImportTarget,
  actor = 'cli',
  /** Told as each step starts, with what it works on (the CLI prints it for long files). */
  onStep: (step: ImportStep, detail: string) => void = () => {},
): Promise<ImportReport> {
  const started = performance.now();
  const { checked, parsed } = await readForImport(db, bytes, target, onStep);
  onStep('storing', `${parsed.result.blocks.length.toLocaleString('en')} blocks`);
  const report = await storeAndAlign(db, { target: checked, parsed, actor, onStep });
  report.durationMs = Math.round((performance.now() - started) * 10) / 10;
  return report;
}

/** Thrown inside a dry run's transaction so that nothing it wrote stays. */
class DryRunRollback extends Error {}

/**
 * What importing the file would do, without storing anything: the import runs in a transaction
 * that is rolled back, so the report is exactly the one a real import would give.
 */
export async function previewImport(
  db: Kysely<Database>,
  bytes: Uint8Array,
  target: ImportTarget,
  actor = 'cli',
): Promise<ImportReport> {
  const started = performance.now();
  const { checked, parsed } = await readForImport(db, bytes, target, () => {});
  let report: ImportReport | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      report = await storeImport(trx, checked, parsed, actor);
      throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  report!.durationMs = Math.round((performance.now() - started) * 10) / 10;
  return report!;
}

/** Checks the target, parses the file and re-applies the corrections recorded for the same file. */
async function readForImport(
  db: Db,
  bytes: Uint8Array,
  target: ImportTarget,
  onStep: (step: ImportStep, detail: string) => void,
): Promise<{ checked: CheckedImportTarget; parsed: ParsedImport }> {
  const checked = importTargetSchema.safeParse(target);
  if (!checked.success) throw validationError(checked.error.issues);
  onStep('parsing', `${(bytes.byteLength / 1048576).toFixed(1)} MB`);
  const parsed = await parseImportFile(bytes, {
    ...(checked.data.sourceName !== undefined ? { filename: checked.data.sourceName } : {}),
    ...(checked.data.format !== undefined ? { format: checked.data.format } : {}),
    ...(checked.data.language !== undefined ? { language: checked.data.language } : {}),
  });
  return {
    checked: withSourceMetadata(checked.data, parsed.result),
    parsed: await withRecordedCorrections(db, parsed),
  };
}

/**
 * The target completed with what the file says of itself (an Akoma Ntoso file's symbol, title,
 * kind, version label, date and language), for every part the importer was not told; a part the
 * file states in a form plenum does not take is left to the importer's defaults.
 */
export function withSourceMetadata(
  target: CheckedImportTarget,
  result: ParseResult,
): CheckedImportTarget {
  const source = result.source;
  if (!source) return target;
  const filled = importTargetSchema.safeParse({
    process: target.process,
    ...(source.symbol !== null ? { symbol: source.symbol } : {}),
    ...(source.title !== null ? { title: source.title } : {}),
    ...(source.kind !== null && parseDocumentKind(source.kind) ? { kind: source.kind } : {}),
    ...(source.versionLabel !== null ? { version: source.versionLabel } : {}),
    ...(source.date !== null ? { date: source.date } : {}),
    ...(source.language !== null ? { language: source.language } : {}),
  });
  const given: Partial<CheckedImportTarget> = filled.success ? filled.data : {};
  const merged = { ...target };
  for (const key of ['symbol', 'title', 'kind', 'version', 'date', 'language'] as const) {
    if (merged[key] === undefined && given[key] !== undefined)
      (merged as Record<string, unknown>)[key] = given[key];
  }
  // A file naming a document by symbol goes to that document only when no other was named.
  if (target.document !== undefined) delete merged.symbol;
  return merged;
}

/**
 * The parse with the corrections last recorded for the same file (same SHA-256) re-applied, and
 * what became of them; the parse as it was when there are none. `except` leaves out a draft's own.
 */
export async function withRecordedCorrections(
  db: Db,
  parsed: ParsedImport,
  except?: string,
): Promise<ParsedImport & { replayed?: ReplayedCorrections }> {
  const rows = await findLatestCorrectionRows(db, parsed.sha256, except);
  if (rows.length === 0) return parsed;
  const replayed = replayCorrections(
    parsed.result,
    rows.map((r) => correctionSchema.parse(JSON.parse(r.correction))),
  );
  return {
    ...parsed,
    result: replayed.result,
    corrections: {
      applied: replayed.applied.length,
      notApplied: replayed.notApplied.map(({ correction, reason }) => ({
        type: correction.type,
        block: correction.block.text,
        reason,
      })),
    },
    replayed,
  };
}

/**
 * Stores a parsed file in one transaction (with whatever `within` adds to it), then aligns it
 * with the previous version of the document in a second one.
 */
export async function storeAndAlign(
  db: Kysely<Database>,
  given: {
    target: CheckedImportTarget;
    parsed: ParsedImport;
    actor: string;
    onStep?: (step: ImportStep, detail: string) => void;
    within?: (trx: Db, report: ImportReport) => Promise<void>;
  },
): Promise<ImportReport> {
  const { target, parsed, actor, within } = given;
  const report = await db.transaction().execute(async (trx) => {
    const stored = await storeImport(trx, target, parsed, actor);
    if (within) await within(trx, stored);
    return stored;
  });
  given.onStep?.('aligning', 'with the previous version');
  // A revised draft: align it with the previous version and carry the comments over. Its own
  // transaction, after the import committed; the comparison page redoes it if this is cut short.
  await db
    .transaction()
    .execute((trx) => alignWithPrevious(trx, report.ids.languageVersion, actor));
  return { ...report, carried: await summariseCarriedInto(db, report.ids.languageVersion) };
}

/**
 * Stores a parsed file under its process, document and version, creating the document and
 * version when they do not exist yet. Call it inside a transaction.
 */
export async function storeImport(
  db: Db,
  target: CheckedImportTarget,
  parsed: ParsedImport,
  actor: string,
): Promise<ImportReport> {
  const now = new Date().toISOString();
  const process = await requireProcess(db, target.process);
  const { document, created: createdDocument } = await documentFor(db, {
    target,
    parsed,
    processId: process.id,
    actor,
    now,
  });
  const { version, created: createdVersion } = await versionFor(db, {
    target,
    document,
    actor,
    now,
  });
  const language = languageFor(target, parsed, version);

  const languageVersionId = newId();
  const { blockRows, refRows } = toRows(languageVersionId, parsed.result);
  const report = buildReport(parsed, {
    ids: {
      process: process.id,
      document: document.id,
      version: version.id,
      languageVersion: languageVersionId,
    },
    created: { document: createdDocument, version: createdVersion },
    document: { symbol: document.symbol, title: document.title, kind: document.kind },
    version: { seq: version.seq, label: version.label },
    language,
    languageDetected: target.language === undefined,
    sourceName: target.sourceName ?? null,
  });
  await addLanguageVersion(db, {
    languageVersion: {
      id: languageVersionId,
      version_id: version.id,
      language,
      title: parsed.result.title,
      source_format: parsed.format,
      source_name: target.sourceName ?? null,
      source_sha256: parsed.sha256,
      source_bytes: parsed.bytes,
      import_report: JSON.stringify(report),
      imported_at: now,
    },
    blocks: blockRows,
    footnoteRefs: refRows,
  });
  // Search indexes the new paragraphs and footnotes from this event (search/search.follower.ts).
  await recordEvent(db, {
    actor,
    action: 'language_version.imported',
    subjectType: 'language_version',
    subjectId: languageVersionId,
    data: { blocks: blockRows.length, sha256: parsed.sha256, warnings: report.warnings.length },
  });
  return report;
}

/** The document: named by id or symbol, or found by --symbol, or new (with its event). */
async function documentFor(
  db: Db,
  given: {
    target: CheckedImportTarget;
    parsed: ParsedImport;
    processId: string;
    actor: string;
    now: string;
  },
): Promise<{ document: PlenumDocument; created: boolean }> {
  const { target, parsed, processId, actor, now } = given;
  const ref = target.document ?? target.symbol;
  const found = ref
    ? isId(ref)
      ? await findDocumentById(db, ref.toLowerCase())
      : await findDocumentBySymbol(db, ref)
    : undefined;
  if (target.document && !found) {
    throw new PlenumError(
      'DOCUMENT_NOT_FOUND',
      `No document has the id or symbol "${target.document}".`,
    );
  }
  if (found && found.processId !== processId) {
    throw new PlenumError(
      'INVALID_REQUEST',
      `Document "${found.symbol ?? found.title}" belongs to another process.`,
    );
  }
  if (found) return { document: found, created: false };
  const title = (
    target.title ??
    parsed.result.title ??
    target.sourceName ??
    target.symbol ??
    'Untitled document'
  ).slice(0, 500);
  const id = newId();
  const kind = target.kind ?? 'working_paper';
  await addDocument(db, {
    id,
    process_id: processId,
    symbol: target.symbol ?? null,
    title,
    kind,
    created_at: now,
  });
  await recordEvent(db, {
    actor,
    action: 'document.created',
    subjectType: 'document',
    subjectId: id,
  });
  return {
    document: { id, processId, symbol: target.symbol ?? null, title, kind, versions: [] },
    created: true,
  };
}

/** The version: named by label, or the next one (new, with its event). */
async function versionFor(
  db: Db,
  given: { target: CheckedImportTarget; document: PlenumDocument; actor: string; now: string },
): Promise<{ version: Version; created: boolean }> {
  const { target, document, actor, now } = given;
  const nextSeq = (await lastVersionNumber(db, document.id)) + 1;
  const label = target.version ?? `Version ${nextSeq}`;
  const found = document.versions.find((v) => v.label.toLowerCase() === label.toLowerCase());
  if (found) return { version: found, created: false };
  const id = newId();
  await addVersion(db, {
    id,
    document_id: document.id,
    seq: nextSeq,
    label,
    date: target.date ?? null,
    created_at: now,
    public: target.private ? 0 : 1,
  });
  await recordEvent(db, {
    actor,
    action: 'version.created',
    subjectType: 'version',
    subjectId: id,
  });
  return {
    version: {
      id,
      documentId: document.id,
      seq: nextSeq,
      label,
      date: target.date ?? null,
      public: !target.private,
      languages: [],
    },
    created: true,
  };
}

/** The language: given, or detected from the text; a version holds each language once. */
function languageFor(target: CheckedImportTarget, parsed: ParsedImport, version: Version): string {
  const detected = detectLanguage(parsed.result.blocks.map((b) => b.text).join('\n'));
  const language = target.language ?? detected ?? 'en';
  if (version.languages.some((l) => l.language.toLowerCase() === language.toLowerCase())) {
    throw new PlenumError(
      'IMPORT_CONFLICT',
      `Version "${version.label}" of this document already has a "${language}" text. Import it as a new version (--version) or another language (--language).`,
    );
  }
  return language;
}

/** Gives every parsed block a stable id and turns blocks and footnote markers into rows. */
function toRows(
  languageVersionId: string,
  result: ParseResult,
): { blockRows: BlockTable[]; refRows: FootnoteRefTable[] } {
  const idByKey = new Map(result.blocks.map((b) => [b.key, newId()] as const));
  const blockRows: BlockTable[] = [];
  const refRows: FootnoteRefTable[] = [];
  result.blocks.forEach((block, index) => {
    const id = idByKey.get(block.key)!;
    blockRows.push({
      id,
      language_version_id: languageVersionId,
      seq: index + 1,
      parent_id: block.parentKey === null ? null : (idByKey.get(block.parentKey) ?? null),
      kind: block.kind,
      number: block.number,
      label: block.number === null ? null : (block.label ?? null),
      level: block.level,
      address: block.address,
      text: block.text,
      rows: block.rows === null ? null : JSON.stringify(block.rows),
      matter: block.matter ?? null,
    });
    block.footnoteRefs.forEach((ref, seq) => {
      refRows.push({
        id: newId(),
        block_id: id,
        footnote_id: ref.footnoteKey === null ? null : (idByKey.get(ref.footnoteKey) ?? null),
        marker: ref.marker,
        offset: ref.offset,
        seq,
      });
    });
  });
  return { blockRows, refRows };
}

/** Counts what an import produced. */
function buildReport(
  parsed: ParsedImport,
  head: Pick<
    ImportReport,
    'ids' | 'created' | 'document' | 'version' | 'language' | 'languageDetected'
  > & {
    sourceName: string | null;
  },
): ImportReport {
  const { blocks, removed, warnings } = parsed.result;
  const byKind: Record<string, number> = {};
  for (const b of blocks) byKind[b.kind] = (byKind[b.kind] ?? 0) + 1;
  const numbered = blocks.filter(
    (b) => b.kind === 'paragraph' && b.number !== null && b.parentKey === null,
  );
  const subParagraphs = blocks.filter((b) => b.kind === 'paragraph' && b.parentKey !== null).length;
  const numbers = numbered
    .map((b) => Number.parseInt(b.number ?? '', 10))
    .filter((n) => Number.isFinite(n));
  let range: ImportReport['numberedParagraphRange'] = null;
  if (numbered.length > 0) {
    const present = new Set(numbers);
    const missing: string[] = [];
    if (numbers.length > 0) {
      const lo = Math.min(...numbers);
      const hi = Math.max(...numbers);
      for (let n = lo; n <= hi && missing.length < 50; n++)
        if (!present.has(n)) missing.push(String(n));
    }
    range = { first: numbered[0]!.number!, last: numbered[numbered.length - 1]!.number!, missing };
  }
  const refs = blocks.flatMap((b) => b.footnoteRefs);
  const referenced = new Set(refs.map((r) => r.footnoteKey).filter((k) => k !== null));
  const footnotes = blocks.filter((b) => b.kind === 'footnote');
  const removedByReason: Record<string, number> = {};
  for (const r of removed) removedByReason[r.reason] = (removedByReason[r.reason] ?? 0) + 1;
  return {
    ids: head.ids,
    created: head.created,
    document: head.document,
    version: head.version,
    language: head.language,
    languageDetected: head.languageDetected,
    format: parsed.format,
    source: { name: head.sourceName, bytes: parsed.bytes, sha256: parsed.sha256 },
    blocks: {
      total: blocks.length,
      byKind,
      numberedParagraphs: numbered.length,
      subParagraphs,
      unnumberedParagraphs: blocks.filter((b) => b.kind === 'paragraph' && b.number === null)
        .length,
    },
    numberedParagraphRange: range,
    footnotes: {
      footnotes: footnotes.length,
      markers: refs.length,
      linked: refs.filter((r) => r.footnoteKey !== null).length,
      unlinked: refs.filter((r) => r.footnoteKey === null).length,
      unreferenced: footnotes.filter((f) => !referenced.has(f.key)).length,
    },
    removed: {
      items: removed.length,
      characters: removed.reduce((n, r) => n + r.text.length, 0),
      byReason: removedByReason,
      pieces: removed.map((r) => ({ reason: r.reason, text: r.text, line: r.line })),
    },
    warnings: warnings.map((w) => ({ code: w.code, message: w.message, line: w.line })),
    ...(parsed.corrections ? { corrections: parsed.corrections } : {}),
    durationMs: 0,
  };
}

/** The report stored with a language version when it was imported. */
export async function getImportReport(db: Db, languageVersionId: string): Promise<ImportReport> {
  const stored = await findStoredImportReport(db, languageVersionId);
  const parsed = importReportSchema.safeParse(stored);
  if (!parsed.success)
    throw new PlenumError('LANGUAGE_VERSION_NOT_FOUND', 'It has no import report.');
  return { ...parsed.data, carried: await summariseCarriedInto(db, languageVersionId) };
}
