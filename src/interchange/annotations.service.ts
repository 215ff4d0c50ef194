/**
 * A period's comments as a W3C Web Annotation collection, and the import of another tool's
 * annotations as comments of an organisation (the process's secretariat enters them on its
 * behalf), with a report of what could not be anchored.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Viewer } from '../accounts/accounts.schema.ts';
import { requireRole } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import { anchorsFor } from '../documents/anchors.ts';
import type { Block } from '../documents/documents.schema.ts';
import { getBlocks, getLanguageVersion } from '../documents/documents.service.ts';
import { getPeriodAtAddress } from '../consultations/consultations.service.ts';
import { PlenumError, isPlenumError } from '../errors.ts';
import { getOrganisation } from '../organisations/organisations.service.ts';
import type { Submission } from '../submissions/submissions.schema.ts';
import { iterateSubmissions, submitComment } from '../submissions/submissions.service.ts';
import {
  annotationImportSchema,
  annotationsOf,
  lineAt,
  toCollection,
  type IncomingAnnotation,
} from './annotations.ts';

/** The period's published comments (every status for its moderators) as an AnnotationCollection. */
export async function exportPeriodAnnotations(
  db: Db,
  viewer: Viewer | null,
  periodId: string,
  base: string,
  now: Date,
): Promise<Record<string, unknown>> {
  const { period, document, version } = await getPeriodAtAddress(db, viewer, periodId, now);
  const submissions: Submission[] = [];
  for await (const s of iterateSubmissions(db, period.id, {}, false)) submissions.push(s);
  return toCollection(
    {
      base,
      collectionId: `${base}/api/consultations/${period.id}/annotations`,
      label: `Comments on ${document.symbol ?? document.title}, ${version.label}`,
      documentId: document.id,
      versionSeq: version.seq,
    },
    submissions,
  );
}

/** What became of one annotation of an import. */
export interface AnnotationOutcome {
  /** Its position in the file's list (0-based) and its own id when it had one. */
  index: number;
  id: string | null;
  status: 'imported' | 'imported_without_anchor' | 'not_imported';
  submissionId: string | null;
  /** The paragraphs it was anchored to. */
  anchoredTo: string[];
  /** Why a target or quote could not be anchored, or why it was not imported. */
  problems: string[];
}

/** The report of an annotation import. */
export interface AnnotationImportReport {
  periodId: string;
  organisationId: string;
  total: number;
  imported: number;
  importedWithoutAnchor: number;
  notImported: number;
  /** Targets that did not find their paragraph, or quotes not found in it. */
  notAnchored: number;
  annotations: AnnotationOutcome[];
}

/** The body of an import request: the organisation and the collection (or its JSON text). */
export const annotationImportRequestSchema = z.strictObject({
  organisationId: z
    .string()
    .min(1)
    .max(200)
    .describe('The organisation the comments are from, by id or slug'),
  collection: z
    .unknown()
    .describe(
      'A W3C AnnotationCollection with its first AnnotationPage embedded, an AnnotationPage, or a list of annotations (or any of them as JSON text)',
    ),
});

/** Parses JSON text, refusing a malformation with its line. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const line = /line (\d+)/.exec(message);
    const n = line ? Number(line[1]) : at ? lineAt(text, Number(at[1])) : null;
    throw new PlenumError(
      'INVALID_REQUEST',
      `collection: ${n ? `line ${n}: ` : ''}not valid JSON (${message.split('\n')[0]}).`,
    );
  }
}

/** Checks a collection with the schema; the first problem named by its JSON path. */
export function checkAnnotationCollection(input: unknown): IncomingAnnotation[] {
  const value = typeof input === 'string' ? parseJson(input) : input;
  const checked = annotationImportSchema.safeParse(value);
  if (!checked.success) {
    const issue = deepestIssue(checked.error.issues);
    const path = ['collection', ...issue.path].map(String).join('.');
    throw new PlenumError('INVALID_REQUEST', `${path}: ${issue.message}`);
  }
  return annotationsOf(checked.data);
}

/** Of a union's failures, the one that went deepest into the value: the likeliest meant shape. */
function deepestIssue(issues: z.core.$ZodIssue[]): { path: PropertyKey[]; message: string } {
  let best: { path: PropertyKey[]; message: string } = issues[0]!;
  const visit = (list: z.core.$ZodIssue[], prefix: PropertyKey[]): void => {
    for (const issue of list) {
      const path = [...prefix, ...issue.path];
      if (issue.code === 'invalid_union' && 'errors' in issue)
        for (const branch of issue.errors) visit(branch, path);
      else if (path.length > best.path.length) best = { path, message: issue.message };
    }
  };
  visit(issues, []);
  return best;
}

/** The blocks of the period's version in a language, by fragment id and by id. */
interface Paragraphs {
  blocks: Block[];
  byFragment: Map<string, Block>;
}

/**
 * Imports annotations as comments of an organisation in an open period: each annotation's text
 * becomes a submission anchored to the paragraphs (and quoted words) its targets name. A target
 * whose paragraph is not found leaves the comment unanchored; a target on another document is
 * not imported. Every refusal of the whole request leaves the database as it was; the report
 * lists every annotation and what became of it.
 */
export async function importPeriodAnnotations(
  db: Db,
  viewer: Viewer | null,
  given: { periodId: string; input: unknown; now: Date },
): Promise<AnnotationImportReport> {
  const request = annotationImportRequestSchema.safeParse(given.input);
  if (!request.success) {
    const issue = request.error.issues[0]!;
    throw new PlenumError('INVALID_REQUEST', `${issue.path.join('.')}: ${issue.message}`);
  }
  const context = await getPeriodAtAddress(db, viewer, given.periodId, given.now);
  requireRole(
    viewer,
    'secretariat',
    context.process.id,
    "Only the process's secretariat imports annotations as an organisation's comments.",
  );
  const annotations = checkAnnotationCollection(request.data.collection);
  const organisation = await getOrganisation(db, request.data.organisationId);
  // The secretariat enters the comments on the organisation's behalf.
  const delegate: Viewer = {
    ...viewer,
    grants: [...viewer.grants, { role: 'representative', scopeId: organisation.id }],
  };

  const languages = new Map<string, Paragraphs>();
  const paragraphsIn = async (language: string | undefined): Promise<Paragraphs> => {
    const lv = await getLanguageVersion(db, context.version.id, language, viewer);
    const known = languages.get(lv.language);
    if (known) return known;
    const blocks = await getBlocks(db, lv.id, viewer);
    const fragments = anchorsFor(blocks.map((b) => b.address));
    const found = { blocks, byFragment: new Map(blocks.map((b, i) => [fragments[i]!, b])) };
    languages.set(lv.language, found);
    return found;
  };
  const documentPath = new RegExp(
    `/documents/(?:${context.document.id}|${encodeURIComponent(context.document.symbol ?? '\u0000')})(?:/v/(\\d+)(?:/([A-Za-z-]+))?)?/?$`,
    'i',
  );

  const outcomes: AnnotationOutcome[] = [];
  for (const [index, annotation] of annotations.entries()) {
    const outcome: AnnotationOutcome = {
      index,
      id: annotation.id ?? null,
      status: 'not_imported',
      submissionId: null,
      anchoredTo: [],
      problems: [],
    };
    outcomes.push(outcome);
    const bodies = Array.isArray(annotation.body) ? annotation.body : [annotation.body];
    const text = [annotation.bodyValue, ...bodies.map((b) => (typeof b === 'string' ? b : b.value))]
      .filter((t): t is string => !!t && t.trim() !== '')
      .join('\n\n');
    const language = bodies.find((b) => typeof b !== 'string' && b.language) as
      { language?: string } | undefined;
    const targets = Array.isArray(annotation.target) ? annotation.target : [annotation.target];
    const anchors: {
      blockId: string;
      exact?: string;
      prefix?: string;
      start?: number;
      end?: number;
    }[] = [];
    let elsewhere = 0;
    for (const target of targets) {
      const source = typeof target === 'string' ? target : target.source;
      const url = new URL(source);
      const match = documentPath.exec(url.pathname);
      if (!match) {
        elsewhere++;
        outcome.problems.push(`${source}: not this period's document`);
        continue;
      }
      if (match[1] && Number(match[1]) !== context.version.seq) {
        elsewhere++;
        outcome.problems.push(`${source}: another version of the document`);
        continue;
      }
      const paragraphs = await paragraphsIn(match[2]);
      const selectors =
        typeof target === 'string' || target.selector === undefined
          ? []
          : Array.isArray(target.selector)
            ? target.selector
            : [target.selector];
      const quote = selectors.find((s) => s.type === 'TextQuoteSelector') as
        { exact: string; prefix?: string; suffix?: string } | undefined;
      const position = selectors.find((s) => s.type === 'TextPositionSelector') as
        { start: number; end: number } | undefined;
      const fragmentSelector = selectors.find((s) => s.type === 'FragmentSelector') as
        { value: string } | undefined;
      const fragment = decodeURIComponent(
        url.hash.replace(/^#/, '') || fragmentSelector?.value || '',
      );
      let block = fragment ? paragraphs.byFragment.get(fragment) : undefined;
      if (fragment && !block)
        outcome.problems.push(`${source}: no paragraph "#${fragment}" in this version`);
      if (!block && !fragment && quote) {
        // A target on the whole page (as most tools make them): the paragraph holding the quote.
        block =
          paragraphs.blocks.find(
            (b) => b.kind !== 'table' && b.text.includes((quote.prefix ?? '') + quote.exact),
          ) ?? paragraphs.blocks.find((b) => b.kind !== 'table' && b.text.includes(quote.exact));
        if (!block)
          outcome.problems.push(
            `${source}: the quoted words are in no paragraph: "${quote.exact.slice(0, 80)}"`,
          );
      } else if (!block && !fragment) {
        outcome.problems.push(`${source}: names no paragraph (no fragment, no quote)`);
      }
      if (!block) continue;
      if (block.kind === 'table') {
        outcome.problems.push(`${source}: ${block.address} is a table, which takes no comment`);
        continue;
      }
      if (quote && !block.text.includes(quote.exact)) {
        outcome.problems.push(
          `${source}: the quoted words are not in ${block.address}; the comment is on the whole paragraph`,
        );
        anchors.push({ blockId: block.id });
      } else if (quote) {
        anchors.push({
          blockId: block.id,
          exact: quote.exact,
          ...(quote.prefix !== undefined ? { prefix: quote.prefix.slice(-200) } : {}),
          ...(position ? { start: position.start, end: position.end } : {}),
        });
      } else anchors.push({ blockId: block.id });
      outcome.anchoredTo.push(block.address);
    }
    if (text === '') {
      outcome.problems.push('the annotation has no text');
      continue;
    }
    if (elsewhere === targets.length) continue;
    const digest = createHash('sha256')
      .update(JSON.stringify([organisation.id, annotation.id ?? null, text, anchors]))
      .digest('hex');
    try {
      const receipt = await submitComment(
        db,
        delegate,
        context.period.id,
        {
          submitAs: 'organisation',
          organisationId: organisation.id,
          body: text,
          ...(language?.language && /^(ar|zh|en|fr|ru|es)$/.test(language.language)
            ? { language: language.language }
            : {}),
          anchors,
          idempotencyKey: `annotation-${digest}`,
        },
        [],
        given.now,
      );
      outcome.submissionId = receipt.submissionId;
      outcome.status = anchors.length > 0 ? 'imported' : 'imported_without_anchor';
    } catch (error) {
      if (!isPlenumError(error)) throw error;
      // The period itself refuses: nothing is imported, and the whole request says why.
      if (
        ['PERIOD_CLOSED', 'PERIOD_NOT_OPEN_YET', 'FORBIDDEN', 'EMAIL_UNVERIFIED'].includes(
          error.code,
        )
      )
        throw error;
      outcome.problems.push(error.message);
    }
  }
  const count = (status: AnnotationOutcome['status']) =>
    outcomes.filter((o) => o.status === status).length;
  return {
    periodId: context.period.id,
    organisationId: organisation.id,
    total: outcomes.length,
    imported: count('imported'),
    importedWithoutAnchor: count('imported_without_anchor'),
    notImported: count('not_imported'),
    notAnchored: outcomes.filter((o) => o.problems.length > 0).length,
    annotations: outcomes,
  };
}
