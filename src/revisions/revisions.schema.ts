/** What a revised version's import says of the comments carried into it, for programs and pages. */
import { z } from 'zod';

/** The comments carried into a revised language version: counts by outcome, and every one that lost its place. */
export const carriedSummarySchema = z
  .object({
    from: z
      .object({ versionSeq: z.number().int(), versionLabel: z.string() })
      .nullable()
      .describe('The version the comments were carried from (null when none was carried)'),
    anchors: z.number().int().describe('Anchors of published comments carried into this version'),
    counts: z.object({
      carried: z.number().int(),
      moved: z.number().int(),
      split: z.number().int(),
      merged: z.number().int(),
      lostQuote: z.number().int(),
      orphan: z.number().int(),
    }),
    lost: z
      .array(
        z.object({
          submissionId: z.string(),
          outcome: z.enum(['lost_quote', 'orphan']),
          fromAddress: z.string().describe('The paragraph it stood on in the earlier version'),
          address: z
            .string()
            .nullable()
            .describe('The paragraph it is kept on (a lost quote); null for an orphan'),
          exact: z.string().nullable().describe('The quoted words, when it quoted some'),
        }),
      )
      .describe('Every comment orphaned or that lost its quote in this version'),
  })
  .meta({ id: 'CarriedSummary' });

/** The comments carried into a revised language version. */
export type CarriedSummary = z.infer<typeof carriedSummarySchema>;
