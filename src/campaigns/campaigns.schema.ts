/** Campaigns as the API and pages show them. */
import { z } from 'zod';

/** A campaign of a period: published near-duplicate submissions, counted. */
export const campaignSummarySchema = z
  .object({
    id: z.string().describe('The id of its earliest member'),
    periodId: z.string(),
    submissions: z.number().int().describe('Published submissions in it'),
    variants: z.number().int().describe('Distinct texts among them'),
    firstSubmissionId: z.string().describe('Its earliest published submission'),
  })
  .meta({ id: 'Campaign' });

/** A campaign of a period. */
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;
