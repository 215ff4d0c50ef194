/** Campaigns on the web: the JSON list of a period's campaigns. */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { ApiRegistry } from '../api/api-registry.ts';
import { clockOf, type AppEnv } from '../context.ts';
import { campaignSummarySchema } from './campaigns.schema.ts';
import { getCampaigns } from './campaigns.service.ts';

/** Mounts the campaign routes. */
export function campaignRoutes(_app: Hono<AppEnv>, api: ApiRegistry): void {
  api.get({
    path: '/api/consultations/:id/campaigns',
    summary:
      'The campaigns of a comment period: published near-duplicate submissions grouped, largest first, with their counts',
    tag: 'consultations',
    params: z.object({
      id: z.uuid({ message: 'comment period ids are UUIDs' }).describe('Comment period id'),
    }),
    response: z.object({ campaigns: z.array(campaignSummarySchema) }),
    errors: ['PERIOD_NOT_FOUND'],
    handler: async (c, { params }) => ({
      campaigns: await getCampaigns(
        c.var.deps.db,
        c.var.viewer,
        params.id.toLowerCase(),
        clockOf(c.var.deps),
      ),
    }),
  });
}
