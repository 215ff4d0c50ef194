/**
 * Revised drafts: aligning the paragraphs of a new version with the previous one, carrying every
 * comment to its paragraph in the new version (re-anchoring quoted spans), and the comparison.
 */
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { readableDocument } from '../documents/documents.policy.ts';
import type { Block, PlenumDocument, Version } from '../documents/documents.schema.ts';
import {
  findDocumentById,
  findLanguageVersionById,
  findVersionById,
  listBlocksOf,
} from '../documents/documents.service.ts';
import { PlenumError } from '../errors.ts';
import { recordEvent } from '../events/events.store.ts';
import type { Process } from '../processes/processes.schema.ts';
import { findProcessById } from '../processes/processes.service.ts';
import { alignVersions, type AlignBlock, type AlignmentLink } from './align.ts';
import { carriedFrom, carriedOutcomes } from './anchor-outcome.ts';
import { reanchorQuote } from './reanchor.ts';
import type { CarriedSummary } from './revisions.schema.ts';
import {
  countCommentsByBlock,
  findAlignment,
  hasAlignment,
  insertAlignmentRows,
  addToParagraphCounts,
  insertCarriedAnchors,
  readParagraphCounts,
  listAnchorsIn,
  listAlignedSuccessors,
  listCarriedInto,
  findFollowedLinks,
  listOrphans,
  type AnchorPosition,
  type ParagraphCountChange,
} from './revisions.store.ts';
import type { CarriedAnchorTable } from './revisions.table.ts';

function toAlignBlock(block: Block): AlignBlock {
  return {
    id: block.id,
    kind: block.kind,
    number: block.number,
    address: block.address,
    parentId: block.parentId,
    text: block.text,
  };
}

/** What one alignment run did. */
export interface AlignmentSummary {
  fromLanguageVersionId: string;
  toLanguageVersionId: string;
  links: number;
  carried: { exact: number; fuzzy: number; paragraph: number; lostQuote: number; orphan: number };
}

/**
 * Aligns a language version with the same language of the previous version that has it, and
 * carries every anchor standing there into the new version. Does nothing when there is no
 * previous version or the alignment exists; call it inside a transaction.
 */
export async function alignWithPrevious(
  db: Db,
  toLanguageVersionId: string,
  actor = 'system',
): Promise<AlignmentSummary | undefined> {
  const to = await findLanguageVersionById(db, toLanguageVersionId);
  if (!to) throw new PlenumError('LANGUAGE_VERSION_NOT_FOUND');
  const version = await findVersionById(db, to.versionId);
  const document = version ? await findDocumentById(db, version.documentId) : undefined;
  if (!version || !document) return undefined;
  const previous = document.versions
    .filter((v) => v.seq < version.seq)
    .toSorted((a, b) => b.seq - a.seq)
    .map((v) => ({ v, lv: v.languages.find((l) => l.language === to.language) }))
    .find((x) => x.lv !== undefined);
  if (!previous?.lv) return undefined;
  return alignLanguageVersions(db, previous.v, previous.lv.id, version, to.id, actor);
}

async function alignLanguageVersions(
  db: Db,
  fromVersion: Version,
  fromId: string,
  toVersion: Version,
  toId: string,
  actor: string,
): Promise<AlignmentSummary | undefined> {
  if (await hasAlignment(db, fromId, toId)) return undefined;
  const [fromBlocks, toBlocks] = await Promise.all([
    listBlocksOf(db, fromId),
    listBlocksOf(db, toId),
  ]);
  const links = alignVersions(fromBlocks.map(toAlignBlock), toBlocks.map(toAlignBlock));
  const rows = links.flatMap((link, seq) => {
    const froms = link.fromIds.length > 0 ? link.fromIds : [null];
    const tos = link.toIds.length > 0 ? link.toIds : [null];
    return froms.flatMap((from_block_id) =>
      tos.map((to_block_id) => ({
        id: newId(),
        from_language_version_id: fromId,
        to_language_version_id: toId,
        link_seq: seq,
        from_block_id,
        to_block_id,
        change: link.change,
        renumbered: link.renumbered ? 1 : 0,
        moved: link.moved ? 1 : 0,
        similarity: link.similarity,
      })),
    );
  });
  await insertAlignmentRows(db, rows);

  // Carry every anchor standing in the earlier text.
  const anchors = await listAnchorsIn(db, fromId, fromVersion.id);
  const { carried, counts } = carryAnchors(anchors, links, toBlocks, toVersion.id);
  await insertCarriedAnchors(db, carried);
  await recordEvent(db, {
    actor,
    action: 'version.aligned',
    subjectType: 'language_version',
    subjectId: toId,
    data: { from: fromId, links: links.length, carried: counts },
  });
  return {
    fromLanguageVersionId: fromId,
    toLanguageVersionId: toId,
    links: links.length,
    carried: counts,
  };
}

/** Where each anchor of the earlier text lands in the later one, by the alignment's links. */
function carryAnchors(
  anchors: AnchorPosition[],
  links: AlignmentLink[],
  toBlocks: Block[],
  toVersionId: string,
): { carried: CarriedAnchorTable[]; counts: AlignmentSummary['carried'] } {
  const toById = new Map(toBlocks.map((b) => [b.id, b]));
  const linkOf = new Map<string, AlignmentLink>();
  for (const link of links) for (const id of link.fromIds) linkOf.set(id, link);
  const bodyBlocks = toBlocks
    .filter((b) => b.kind !== 'table')
    .map((b) => ({ blockId: b.id, text: b.text }));
  const carried: CarriedAnchorTable[] = [];
  const counts = { exact: 0, fuzzy: 0, paragraph: 0, lostQuote: 0, orphan: 0 };
  for (const anchor of anchors) {
    const link = linkOf.get(anchor.blockId);
    const targets = (link?.toIds ?? []).flatMap((id) => toById.get(id) ?? []);
    /** Records where the anchor lands: a block (with a span, or the whole paragraph) or nowhere. */
    const land = (
      method: 'exact' | 'fuzzy' | 'paragraph' | 'lost_quote' | 'orphan',
      block: Block | undefined,
      score: number,
      span?: { start: number; end: number },
    ): void => {
      counts[method === 'lost_quote' ? 'lostQuote' : method] += 1;
      carried.push({
        anchor_id: anchor.anchorId,
        to_version_id: toVersionId,
        block_id: block?.id ?? null,
        address: block?.address ?? null,
        start: span?.start ?? null,
        end: span?.end ?? null,
        method,
        score,
      });
    };
    if (!anchor.exact) {
      if (targets[0]) land('paragraph', targets[0], link?.similarity ?? 0);
      else land('orphan', undefined, 0);
      continue;
    }
    // The aligned paragraphs first, then the whole new text: a sentence may have moved.
    const candidates = [
      ...targets.map((b) => ({ blockId: b.id, text: b.text })),
      ...bodyBlocks.filter((b) => !targets.some((t) => t.id === b.blockId)),
    ];
    const found = reanchorQuote(
      {
        exact: anchor.exact,
        prefix: anchor.prefix ?? '',
        suffix: anchor.suffix ?? '',
        ...(anchor.start !== null ? { start: anchor.start } : {}),
        ...(anchor.end !== null ? { end: anchor.end } : {}),
      },
      candidates,
    );
    if (found) land(found.method, toById.get(found.blockId), found.score, found);
    else if (targets[0]) land('lost_quote', targets[0], link?.similarity ?? 0);
    else land('orphan', undefined, 0);
  }
  return { carried, counts };
}

/**
 * Carries anchors made on a version after a later version was already aligned with it (a
 * submission that arrives while a period on the earlier version is still open).
 */
export async function carryLateAnchors(
  db: Db,
  versionId: string,
  anchorIds: string[],
): Promise<void> {
  if (anchorIds.length === 0) return;
  for (const pair of await listAlignedSuccessors(db, versionId)) {
    const anchors = await listAnchorsIn(db, pair.fromId, versionId, anchorIds);
    if (anchors.length === 0) continue;
    const [links, toBlocks] = await Promise.all([
      findAlignment(db, pair.fromId, pair.toId),
      listBlocksOf(db, pair.toId),
    ]);
    await insertCarriedAnchors(
      db,
      carryAnchors(anchors, links, toBlocks, pair.toVersionId).carried,
      { fresh: true },
    );
  }
}

/** One row of the comparison: a link with the blocks on both sides and the comment counts. */
export interface ComparisonRow {
  link: AlignmentLink;
  from: Block[];
  to: Block[];
  /** Published comments on the earlier paragraphs. */
  commentsBefore: number;
  /** Of those, the ones carried to the paragraph(s) on the right. */
  commentsCarried: number;
}

/** The comparison page's content. */
export interface Comparison {
  process: Process;
  document: PlenumDocument;
  from: Version;
  to: Version;
  language: string;
  rows: ComparisonRow[];
  orphans: {
    anchorId: string;
    submissionId: string;
    method: string;
    address: string | null;
    fromAddress: string;
    exact: string | null;
  }[];
}

/** Compares two versions of a document in one language, aligning them first if needed. */
export async function compareVersions(
  db: Db,
  viewer: Viewer | null,
  documentId: string,
  choice: { from: number; to: number; language: string },
): Promise<Comparison> {
  const raw = await findDocumentById(db, documentId);
  const document = raw && readableDocument(viewer, raw);
  if (!document) throw new PlenumError('DOCUMENT_NOT_FOUND');
  const from = document.versions.find((v) => v.seq === choice.from);
  const to = document.versions.find((v) => v.seq === choice.to);
  if (!from || !to)
    throw new PlenumError('VERSION_NOT_FOUND', 'Choose two versions of this document.');
  if (from.seq >= to.seq)
    throw new PlenumError('INVALID_REQUEST', 'Compare an earlier version with a later one.');
  const fromLv = from.languages.find((l) => l.language === choice.language);
  const toLv = to.languages.find((l) => l.language === choice.language);
  if (!fromLv || !toLv) {
    throw new PlenumError(
      'LANGUAGE_VERSION_NOT_FOUND',
      `Both versions must exist in "${choice.language}".`,
    );
  }
  const process = await findProcessById(db, document.processId);
  if (!process) throw new PlenumError('PROCESS_NOT_FOUND');
  if (!(await hasAlignment(db, fromLv.id, toLv.id))) {
    await alignLanguageVersions(db, from, fromLv.id, to, toLv.id, viewer?.id ?? 'system');
  }
  const [links, fromBlocks, toBlocks, fromCounts, carriedCounts, orphans] = await Promise.all([
    findAlignment(db, fromLv.id, toLv.id),
    listBlocksOf(db, fromLv.id),
    listBlocksOf(db, toLv.id),
    countCommentsByBlock(db, from.id),
    countCommentsByBlock(db, to.id),
    listOrphans(db, to.id),
  ]);
  const fromById = new Map(fromBlocks.map((b) => [b.id, b]));
  const toById = new Map(toBlocks.map((b) => [b.id, b]));
  const rows = links.map((link) => {
    const f = link.fromIds.flatMap((id) => fromById.get(id) ?? []);
    const t = link.toIds.flatMap((id) => toById.get(id) ?? []);
    return {
      link,
      from: f,
      to: t,
      commentsBefore: f.reduce(
        (n, b) => n + (fromCounts.direct.get(b.id) ?? 0) + (fromCounts.carried.get(b.id) ?? 0),
        0,
      ),
      commentsCarried: t.reduce((n, b) => n + (carriedCounts.carried.get(b.id) ?? 0), 0),
    };
  });
  return { process, document, from, to, language: choice.language, rows, orphans };
}

/**
 * Changes the kept published counts of paragraphs (submissions made on them, or carried to
 * them), in the caller's transaction: what keeps them true as submissions are published,
 * unpublished and carried.
 */
export async function changeParagraphCounts(
  db: Db,
  changes: ParagraphCountChange[],
): Promise<void> {
  await addToParagraphCounts(db, changes);
}

/** The kept published counts of a version's paragraphs, by address (only those not zero). */
export function getParagraphCounts(
  db: Db,
  versionId: string,
): Promise<Map<string, { direct: number; carried: number }>> {
  return readParagraphCounts(db, versionId);
}

export type { ParagraphCountChange };

/**
 * What became of the published comments carried into a language version from the earlier
 * version: a count per outcome and every comment orphaned or that lost its quote (the import
 * report of a revised version). Null when nothing was carried into it.
 */
export async function summariseCarriedInto(
  db: Db,
  languageVersionId: string,
): Promise<CarriedSummary | null> {
  const to = await findLanguageVersionById(db, languageVersionId);
  if (!to) throw new PlenumError('LANGUAGE_VERSION_NOT_FOUND');
  const { into, earlier } = await listCarriedInto(db, to.versionId, to.language);
  if (into.length === 0) return null;
  const steps = [...earlier, ...into];
  const fromBlocks = carriedFrom(steps, new Map(steps.map((r) => [r.anchorId, r.ownBlockId])));
  const outcomes = carriedOutcomes(
    steps,
    fromBlocks,
    await findFollowedLinks(
      db,
      fromBlocks.filter((b) => b !== null),
    ),
  );
  // The address each comment stood on before this version: its own, or where the last step put it.
  const lastAddress = new Map<string, string>();
  for (const r of earlier.toSorted((a, b) => a.toVersionSeq - b.toVersionSeq))
    if (r.address !== null) lastAddress.set(r.anchorId, r.address);
  const counts = { carried: 0, moved: 0, split: 0, merged: 0, lostQuote: 0, orphan: 0 };
  const lost: CarriedSummary['lost'] = [];
  into.forEach((r, i) => {
    const outcome = outcomes[earlier.length + i]!;
    counts[outcome === 'lost_quote' ? 'lostQuote' : outcome] += 1;
    if (outcome === 'lost_quote' || outcome === 'orphan')
      lost.push({
        submissionId: r.submissionId,
        outcome,
        fromAddress: lastAddress.get(r.anchorId) ?? r.ownAddress,
        address: outcome === 'orphan' ? null : r.address,
        exact: r.exact,
      });
  });
  const version = await findVersionById(db, to.versionId);
  const document = version && (await findDocumentById(db, version.documentId));
  const previous = document?.versions
    .filter(
      (v) => version && v.seq < version.seq && v.languages.some((l) => l.language === to.language),
    )
    .toSorted((a, b) => b.seq - a.seq)[0];
  return {
    from: previous ? { versionSeq: previous.seq, versionLabel: previous.label } : null,
    anchors: into.length,
    counts,
    lost,
  };
}
