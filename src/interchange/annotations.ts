/**
 * W3C Web Annotation (JSON-LD): a period's comments written as an AnnotationCollection, and the
 * schema of what plenum accepts from other tools. Pure; the service reads and writes.
 */
import { z } from 'zod';
import { anchorOf } from '../documents/anchors.ts';
import type { Submission } from '../submissions/submissions.schema.ts';

/** The Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const textQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(5000),
  prefix: z.string().max(2000).optional(),
  suffix: z.string().max(2000).optional(),
});
const textPositionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
const fragmentSelector = z.object({
  type: z.literal('FragmentSelector'),
  value: z.string().max(500),
  conformsTo: z.string().optional(),
});
/** A selector plenum reads is checked by its own schema; others (CSS, XPath, range…) pass as they are. */
const knownSelectors: Record<string, z.ZodType> = {
  TextQuoteSelector: textQuoteSelector,
  TextPositionSelector: textPositionSelector,
  FragmentSelector: fragmentSelector,
};
const selectorSchema = z
  .object({ type: z.string().min(1) })
  .loose()
  .superRefine((selector, ctx) => {
    const known = knownSelectors[selector.type];
    if (!known) return;
    const checked = known.safeParse(selector);
    if (!checked.success)
      for (const issue of checked.error.issues)
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

const targetSchema = z.union([
  z.url().max(2000),
  z
    .object({
      source: z.url().max(2000),
      selector: z.union([selectorSchema, z.array(selectorSchema).max(20)]).optional(),
    })
    .loose(),
]);

const textualBody = z
  .object({
    type: z.literal('TextualBody').optional(),
    value: z.string().max(100_000),
    language: z.string().max(35).optional(),
    purpose: z.string().optional(),
  })
  .loose();
const bodySchema = z.union([z.string().max(100_000), textualBody]);

/** One annotation as plenum accepts it: a body with text and one target or more. */
export const annotationSchema = z
  .object({
    id: z.string().max(2000).optional(),
    type: z.union([
      z.literal('Annotation'),
      z.array(z.string()).refine((t) => t.includes('Annotation'), 'must include "Annotation"'),
    ]),
    body: z.union([bodySchema, z.array(bodySchema).min(1).max(20)]),
    bodyValue: z.string().max(100_000).optional(),
    target: z.union([targetSchema, z.array(targetSchema).min(1).max(200)]),
    created: z.string().optional(),
  })
  .loose();

/** One annotation accepted. */
export type IncomingAnnotation = z.infer<typeof annotationSchema>;

const MAX_ANNOTATIONS = 5_000;

const pageSchema = z
  .object({
    type: z.literal('AnnotationPage'),
    items: z.array(annotationSchema).max(MAX_ANNOTATIONS),
  })
  .loose();

/**
 * What plenum imports: an AnnotationCollection with its first page embedded (one page: the export
 * of another tool of up to 5,000 annotations), a lone AnnotationPage, or a list of annotations.
 */
export const annotationImportSchema = z.union([
  z
    .object({
      type: z.literal('AnnotationCollection'),
      first: pageSchema,
    })
    .loose(),
  pageSchema,
  z.array(annotationSchema).max(MAX_ANNOTATIONS),
]);

/** The annotations of an accepted collection, page or list. */
export function annotationsOf(
  checked: z.infer<typeof annotationImportSchema>,
): IncomingAnnotation[] {
  if (Array.isArray(checked)) return checked;
  if (checked.type === 'AnnotationCollection') return checked.first.items;
  return checked.items;
}

/** What the export says of the period's draft, for each annotation's target. */
export interface AnnotationSource {
  base: string;
  collectionId: string;
  label: string;
  documentId: string;
  versionSeq: number;
}

/** The stable address of a paragraph: its version's page with the paragraph's fragment. */
export function paragraphUrl(source: AnnotationSource, address: string): string {
  return `${source.base}/documents/${source.documentId}/v/${source.versionSeq}#${anchorOf(address)}`;
}

/** One submission as a W3C annotation: its text the body, each anchor a target. */
export function toAnnotation(
  source: AnnotationSource,
  submission: Submission,
): Record<string, unknown> {
  const targets = submission.anchors.map((anchor) => {
    const url = paragraphUrl(source, anchor.address);
    if (!anchor.selector) return { source: url };
    const { textQuote, textPosition } = anchor.selector;
    return {
      source: url,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: textQuote.exact,
          prefix: textQuote.prefix,
          suffix: textQuote.suffix,
        },
        { type: 'TextPositionSelector', start: textPosition.start, end: textPosition.end },
      ],
    };
  });
  return {
    id: `${source.base}/submissions/${submission.id}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: submission.receivedAt,
    ...(submission.publishedAt ? { issued: submission.publishedAt } : {}),
    creator: {
      id: `${source.base}/organisations/${submission.organisation.id}`,
      type: submission.organisation.stakeholderGroup === 'individual' ? 'Person' : 'Organization',
      name: submission.organisation.name,
    },
    body: {
      type: 'TextualBody',
      value: submission.body,
      format: 'text/plain',
      language: submission.language,
      ...(submission.title ? { purpose: 'commenting' } : {}),
    },
    target:
      targets.length === 0
        ? `${source.base}/documents/${source.documentId}/v/${source.versionSeq}`
        : targets.length === 1
          ? targets[0]
          : targets,
  };
}

/** The collection of a period's published comments, on one embedded page. */
export function toCollection(
  source: AnnotationSource,
  submissions: Submission[],
): Record<string, unknown> {
  return {
    '@context': ANNO_CONTEXT,
    id: source.collectionId,
    type: 'AnnotationCollection',
    label: source.label,
    total: submissions.length,
    first: {
      id: `${source.collectionId}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: submissions.map((s) => toAnnotation(source, s)),
    },
  };
}

/** The line (1-based) of a character offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
