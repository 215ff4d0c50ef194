/** Campaigns on the web: the page of one campaign, and the JSON list of a period's campaigns. */
import type { Hono } from 'hono';
import { PlenumError } from '../errors.ts';
import { z } from 'zod';
import type { ApiRegistry } from '../api/api-registry.ts';
import { clockOf, type AppEnv } from '../context.ts';
import { campaignSummarySchema } from './campaigns.schema.ts';
import { getCampaignPage, getCampaigns } from './campaigns.service.ts';
import { campaignPage } from './campaigns.views.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Mounts the campaign routes. */
export function campaignRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.get('/consultations/:id/campaigns/:campaign', async (c) => {
    const periodId = c.req.param('id').toLowerCase();
    const campaignId = c.req.param('campaign').toLowerCase();
    if (!uuid.test(periodId)) throw new PlenumError('PERIOD_NOT_FOUND');
    if (!uuid.test(campaignId)) throw new PlenumError('CAMPAIGN_NOT_FOUND');
    const after = c.req.query('after');
    const data = await getCampaignPage(c.var.deps.db, c.var.viewer, {
      periodId,
      campaignId,
      ...(after && uuid.test(after) ? { after: after.toLowerCase() } : {}),
      now: clockOf(c.var.deps),
    });
    return c.html(campaignPage(c.var.page, data));
  });

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
