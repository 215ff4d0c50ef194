/**
 * Import drafts: a file uploaded by a process's secretariat is parsed and kept as a draft that no
 * one else sees; the secretariat corrects the parse (each correction an event), then publishes it
 * as the import of the CLI would store it, or discards it. Nothing reaches the documents before.
 */
import type { Kysely } from 'kysely';
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Database, Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import type { ImportFormat, ParseResult } from '../documents/blocks.ts';
import { PlenumError } from '../errors.ts';
import { recordEvent } from '../events/events.store.ts';
import { detectLanguage } from '../text/detect-language.ts';
import { requireProcess } from '../processes/processes.service.ts';
import type { Process } from '../processes/processes.schema.ts';
import {
  applyCorrection,
  correctableKinds,
  correctionSchema,
  refOf,
  replayCorrections,
  type Correction,
  type CorrectionRefusal,
  type CorrectionType,
} from './corrections.ts';
import {
  attachCorrections,
  closeImportDraft,
  findImportDraftRow,
  insertCorrections,
  insertImportDraft,
  listCorrectionRows,
  listOpenDraftRows,
} from './import-drafts.store.ts';
import { checkCanImport, checkCanSeeImportDraft, canSeeImportDrafts } from './imports.policy.ts';
import {
  importTargetSchema,
  type CheckedImportTarget,
  type ImportReport,
} from './imports.schema.ts';
import {
  parseImportFile,
  storeAndAlign,
  withRecordedCorrections,
  withSourceMetadata,
} from './imports.service.ts';

/** What the upload form asks besides the file; all optional. */
export interface DraftTargetInput {
  symbol?: string | undefined;
  title?: string | undefined;
  language?: string | undefined;
  version?: string | undefined;
  kind?: string | undefined;
}

/** A correction of the past import of the same file that did not apply to this one. */
export interface NotReapplied {
  type: CorrectionType;
  block: string;
  reason: CorrectionRefusal;
}

/** An open import draft, with its parse as corrected so far. */
export interface ImportDraft {
  id: string;
  process: Process;
  target: CheckedImportTarget;
  format: ImportFormat;
  sourceName: string | null;
  sha256: string;
  bytes: number;
  createdAt: string;
  /** The parse with every correction applied: what publishing stores. */
  result: ParseResult;
  corrections: Correction[];
  /** How many corrections of an earlier import of the same file were re-applied at the upload. */
  reappliedCount: number;
  notReapplied: NotReapplied[];
  /** The language of the text: as given, else detected. */
  language: string;
}

/** An open draft of a process, as its list shows it. */
export interface DraftSummary {
  id: string;
  sourceName: string | null;
  symbol: string | null;
  createdAt: string;
}

/** The process whose upload form the viewer asks for, once the policy allows it. */
export async function prepareImport(db: Db, viewer: Viewer | null, ref: string): Promise<Process> {
  const process = await requireProcess(db, ref);
  checkCanImport(viewer, process.id);
  return process;
}

/**
 * Parses an uploaded file into a new draft of the process, with the corrections recorded for the
 * same file re-applied; returns its id. A bad file or target throws and stores nothing.
 */
export async function createImportDraft(
  db: Kysely<Database>,
  viewer: Viewer | null,
  upload: { process: string; bytes: Uint8Array; fileName: string; target: DraftTargetInput },
): Promise<string> {
  const process = await requireProcess(db, upload.process);
  checkCanImport(viewer, process.id);
  const checked = importTargetSchema.safeParse({
    process: process.id,
    ...definedOnly(upload.target),
    ...(upload.fileName ? { sourceName: upload.fileName.slice(0, 500) } : {}),
  });
  if (!checked.success) {
    throw new PlenumError(
      'INVALID_REQUEST',
      checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  }
  const parsed = await parseImportFile(upload.bytes, {
    ...(checked.data.sourceName !== undefined ? { filename: checked.data.sourceName } : {}),
    ...(checked.data.language !== undefined ? { language: checked.data.language } : {}),
  });
  const original = parsed.result;
  const { replayed } = await withRecordedCorrections(db, parsed);
  const id = newId();
  const now = new Date().toISOString();
  const notReapplied: NotReapplied[] = (replayed?.notApplied ?? []).map((n) => ({
    type: n.correction.type,
    block: n.correction.block.text,
    reason: n.reason,
  }));
  await db.transaction().execute(async (trx) => {
    await insertImportDraft(trx, {
      id,
      process_id: process.id,
      status: 'open',
      // An Akoma Ntoso file's own symbol, title, version, date and language fill the blanks.
      target: JSON.stringify(withSourceMetadata(checked.data, parsed.result)),
      source_format: parsed.format,
      source_name: checked.data.sourceName ?? null,
      source_sha256: parsed.sha256,
      source_bytes: parsed.bytes,
      parse_result: JSON.stringify(original),
      reapplication: JSON.stringify({ applied: replayed?.applied.length ?? 0, notReapplied }),
      language_version_id: null,
      created_by: viewer.id,
      created_at: now,
      closed_at: null,
    });
    // The corrections that still apply become this draft's own, so the next import finds them.
    await insertCorrections(
      trx,
      (replayed?.applied ?? []).map((correction) => ({
        id: newId(),
        draft_id: id,
        source_sha256: parsed.sha256,
        correction: JSON.stringify(correction),
        actor: viewer.id,
        created_at: now,
        language_version_id: null,
      })),
    );
    await recordEvent(trx, {
      actor: viewer.id,
      action: 'import_draft.created',
      subjectType: 'import_draft',
      subjectId: id,
      data: {
        process: process.id,
        sha256: parsed.sha256,
        blocks: original.blocks.length,
        reapplied: replayed?.applied.length ?? 0,
        notReapplied: notReapplied.length,
      },
    });
  });
  return id;
}

/** An open draft, for its process's secretariat; IMPORT_DRAFT_NOT_FOUND for anyone else. */
export async function getImportDraft(
  db: Db,
  viewer: Viewer | null,
  id: string,
): Promise<ImportDraft> {
  const row = await findImportDraftRow(db, id);
  if (!row || row.status !== 'open') throw new PlenumError('IMPORT_DRAFT_NOT_FOUND');
  checkCanSeeImportDraft(viewer, row.process_id);
  const process = await requireProcess(db, row.process_id);
  const corrections = (await listCorrectionRows(db, id)).map((r) =>
    correctionSchema.parse(JSON.parse(r.correction)),
  );
  const original = JSON.parse(row.parse_result) as ParseResult;
  // Each correction was checked against the parse when it was made: all of them apply.
  const { result } = replayCorrections(original, corrections);
  const target = importTargetSchema.parse(JSON.parse(row.target));
  const reapplication = JSON.parse(row.reapplication) as {
    applied: number;
    notReapplied: NotReapplied[];
  };
  return {
    id: row.id,
    process,
    target,
    format: row.source_format as ImportFormat,
    sourceName: row.source_name,
    sha256: row.source_sha256,
    bytes: row.source_bytes,
    createdAt: row.created_at,
    result,
    corrections,
    reappliedCount: reapplication.applied,
    notReapplied: reapplication.notReapplied,
    language:
      target.language ?? detectLanguage(result.blocks.map((b) => b.text).join('\n')) ?? 'en',
  };
}

/** The open drafts of a process; none for a viewer who may not see them. */
export async function getOpenDrafts(
  db: Db,
  viewer: Viewer | null,
  processId: string,
): Promise<DraftSummary[]> {
  if (!canSeeImportDrafts(viewer, processId)) return [];
  const rows = await listOpenDraftRows(db, processId);
  return rows.map((r) => ({
    id: r.id,
    sourceName: r.source_name,
    symbol: (JSON.parse(r.target) as { symbol?: string }).symbol ?? null,
    createdAt: r.created_at,
  }));
}

/** A correction as a form asks for it: the block by key, and what to change. */
export interface CorrectionRequest {
  type: string;
  block: string;
  kind?: string | undefined;
  number?: string | undefined;
  /** split: the words the new block starts with, or an offset; link: the words the marker follows. */
  at?: string | undefined;
  /** link_footnote: the address of the block that holds the marker ("para 12"). */
  target?: string | undefined;
}

/**
 * Applies one correction to an open draft and records it, with its event, in one transaction;
 * CORRECTION_INVALID (with the reason) when it cannot be applied.
 */
export async function correctImportDraft(
  db: Kysely<Database>,
  viewer: Viewer | null,
  id: string,
  request: CorrectionRequest,
): Promise<Correction> {
  const draft = await getImportDraft(db, viewer, id);
  const correction = correctionFor(draft.result, request);
  const outcome = applyCorrection(draft.result, correction);
  if (!outcome.ok) throw new PlenumError('CORRECTION_INVALID', outcome.reason);
  await db.transaction().execute(async (trx) => {
    await insertCorrections(trx, [
      {
        id: newId(),
        draft_id: draft.id,
        source_sha256: draft.sha256,
        correction: JSON.stringify(correction),
        actor: viewer!.id,
        created_at: new Date().toISOString(),
        language_version_id: null,
      },
    ]);
    await recordEvent(trx, {
      actor: viewer!.id,
      action: 'import_draft.corrected',
      subjectType: 'import_draft',
      subjectId: draft.id,
      data: { correction },
    });
  });
  return correction;
}

/** The correction a form's fields describe, on the draft's blocks as they stand. */
function correctionFor(result: ParseResult, request: CorrectionRequest): Correction {
  const blocks = result.blocks;
  const at = blocks.findIndex((b) => b.key === request.block);
  if (at < 0) throw new PlenumError('CORRECTION_INVALID', 'block_not_found');
  const block = blocks[at]!;
  const invalid = (why: string) => new PlenumError('CORRECTION_INVALID', why);
  switch (request.type) {
    case 'kind': {
      const kind = correctableKinds.find((k) => k === request.kind);
      if (!kind) throw invalid('kind');
      return { type: 'kind', block: refOf(block), kind };
    }
    case 'number': {
      const number = (request.number ?? '').trim().replace(/[.)]$/, '');
      if (number.length > 20) throw invalid('number');
      return { type: 'number', block: refOf(block), number: number === '' ? null : number };
    }
    case 'join': {
      const next = blocks[at + 1];
      if (!next) throw invalid('not_adjacent');
      return { type: 'join', block: refOf(block), next: refOf(next) };
    }
    case 'split':
      return { type: 'split', block: refOf(block), offset: splitOffset(block.text, request.at) };
    case 'link_footnote': {
      const address = (request.target ?? '').trim();
      const holder = blocks.find((b) => b.address === address);
      if (!holder) throw invalid('block_not_found');
      const words = request.at ?? '';
      const found = words === '' ? holder.text.length : holder.text.indexOf(words);
      if (found < 0) throw invalid('words_not_found');
      return {
        type: 'link_footnote',
        footnote: refOf(block),
        block: refOf(holder),
        offset: words === '' ? found : found + words.length,
      };
    }
    default:
      throw invalid('type');
  }
}

/** Where to split: an offset as typed, or where the given words start (after the first character). */
function splitOffset(text: string, at: string | undefined): number {
  const given = (at ?? '').trim();
  if (/^\d{1,7}$/.test(given)) return Number(given);
  const found = given === '' ? -1 : text.indexOf(given, 1);
  if (found < 0) throw new PlenumError('CORRECTION_INVALID', 'words_not_found');
  return found;
}

/**
 * Publishes an open draft: stores its corrected parse as the CLI's import does (document, version,
 * language version, blocks and their events), closes the draft and keeps its corrections with the
 * language version, all in one transaction.
 */
export async function publishImportDraft(
  db: Kysely<Database>,
  viewer: Viewer | null,
  id: string,
): Promise<ImportReport> {
  const draft = await getImportDraft(db, viewer, id);
  return storeAndAlign(db, {
    target: draft.target,
    parsed: {
      format: draft.format,
      result: draft.result,
      bytes: draft.bytes,
      sha256: draft.sha256,
      ...(draft.corrections.length > 0 || draft.notReapplied.length > 0
        ? {
            corrections: {
              applied: draft.corrections.length,
              notApplied: draft.notReapplied,
            },
          }
        : {}),
    },
    actor: viewer!.id,
    within: async (trx, report) => {
      const now = new Date().toISOString();
      const languageVersion = report.ids.languageVersion;
      const closed = await closeImportDraft(trx, draft.id, {
        status: 'published',
        languageVersionId: languageVersion,
        at: now,
      });
      // Published or discarded meanwhile by another request: this one stores nothing.
      if (!closed) throw new PlenumError('IMPORT_DRAFT_NOT_FOUND');
      await attachCorrections(trx, draft.id, languageVersion);
      await recordEvent(trx, {
        actor: viewer!.id,
        action: 'import_draft.published',
        subjectType: 'import_draft',
        subjectId: draft.id,
        data: { languageVersion, corrections: draft.corrections.length },
      });
    },
  });
}

/** Discards an open draft: nothing is stored; its corrections stay for the next import of the file. */
export async function discardImportDraft(
  db: Kysely<Database>,
  viewer: Viewer | null,
  id: string,
): Promise<Process> {
  const draft = await getImportDraft(db, viewer, id);
  await db.transaction().execute(async (trx) => {
    const closed = await closeImportDraft(trx, draft.id, {
      status: 'discarded',
      languageVersionId: null,
      at: new Date().toISOString(),
    });
    if (!closed) throw new PlenumError('IMPORT_DRAFT_NOT_FOUND');
    await recordEvent(trx, {
      actor: viewer!.id,
      action: 'import_draft.discarded',
      subjectType: 'import_draft',
      subjectId: draft.id,
    });
  });
  return draft.process;
}

/** The fields that were given, without the empty ones a form sends. */
function definedOnly(input: DraftTargetInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === 'string' && value.trim() !== '') out[key] = value;
  }
  return out;
}
