/** Schemas of an import: what the user asks for, and the report plenum gives back. */
import { z } from 'zod';
import { carriedSummarySchema } from '../revisions/revisions.schema.ts';
import { importFormats } from '../documents/blocks.ts';
import {
  documentKinds,
  languageTagSchema,
  parseDocumentKind,
} from '../documents/documents.schema.ts';

/** Where an imported file goes, and how to read it. Everything but the process is optional. */
export const importTargetSchema = z.object({
  process: z.string().trim().min(1, 'name the process (id, slug or alias) with --process'),
  document: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('An existing document, by id or symbol; a new one is created when absent'),
  symbol: z.string().trim().min(1).max(200).optional(),
  title: z.string().trim().min(1).max(500).optional(),
  kind: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const kind = parseDocumentKind(v);
      if (!kind) {
        ctx.addIssue({
          code: 'custom',
          message: `kind must be one of: ${documentKinds.join(', ')}`,
        });
        return z.NEVER;
      }
      return kind;
    }),
  version: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('Version label, e.g. "pre-draft" or "Rev.1"'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
    .refine((d) => {
      const parsed = new Date(`${d}T00:00:00Z`);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(d);
    }, 'not a real date')
    .optional(),
  language: languageTagSchema.optional(),
  format: z.enum(importFormats).optional(),
  sourceName: z.string().max(500).optional(),
  private: z
    .boolean()
    .optional()
    .describe('A new version stays unpublished (only the process staff read it) until published'),
});

/** Input of an import, as the CLI or API gives it. */
export type ImportTarget = z.input<typeof importTargetSchema>;

/** An import target once checked: kinds and languages in their canonical form. */
export type CheckedImportTarget = z.output<typeof importTargetSchema>;

/** The counts and findings of one import; stored with the language version and printed by the CLI. */
export const importReportSchema = z
  .object({
    ids: z.object({
      process: z.string(),
      document: z.string(),
      version: z.string(),
      languageVersion: z.string(),
    }),
    created: z.object({ document: z.boolean(), version: z.boolean() }),
    document: z.object({ symbol: z.string().nullable(), title: z.string(), kind: z.string() }),
    version: z.object({ seq: z.number(), label: z.string() }),
    language: z.string(),
    languageDetected: z.boolean(),
    format: z.string(),
    source: z.object({ name: z.string().nullable(), bytes: z.number(), sha256: z.string() }),
    blocks: z.object({
      total: z.number(),
      byKind: z.record(z.string(), z.number()),
      numberedParagraphs: z.number(),
      subParagraphs: z.number(),
      unnumberedParagraphs: z.number(),
    }),
    numberedParagraphRange: z
      .object({ first: z.string(), last: z.string(), missing: z.array(z.string()) })
      .nullable(),
    footnotes: z.object({
      footnotes: z.number(),
      markers: z.number(),
      linked: z.number(),
      unlinked: z.number(),
      unreferenced: z.number(),
    }),
    removed: z.object({
      items: z.number(),
      characters: z.number(),
      byReason: z.record(z.string(), z.number()),
      pieces: z
        .array(z.object({ reason: z.string(), text: z.string(), line: z.number().nullable() }))
        .describe(
          'Every piece of the file that is in no block, and why: nothing is dropped silently',
        ),
    }),
    warnings: z.array(
      z.object({ code: z.string(), message: z.string(), line: z.number().nullable() }),
    ),
    corrections: z
      .object({
        applied: z.number(),
        notApplied: z.array(
          z.object({
            type: z.string(),
            block: z.string().describe('How the text of the block it named starts'),
            reason: z.string(),
          }),
        ),
      })
      .optional()
      .describe('The corrections recorded for the same file (same SHA-256), re-applied to it'),
    durationMs: z.number(),
    carried: carriedSummarySchema
      .nullable()
      .optional()
      .describe(
        'A revised version: what became of the published comments on the earlier version (counted when read, so it includes late comments carried since)',
      ),
  })
  .meta({ id: 'ImportReport' });

/** The report of one import. */
export type ImportReport = z.infer<typeof importReportSchema>;
