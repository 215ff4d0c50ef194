/** The page of a comment period: its head (consultations) and its submissions (submissions). */
import type { Hono } from 'hono';
import { clockOf, type AppEnv } from '../context.ts';
import { canModerate } from '../consultations/consultations.policy.ts';
import { getPeriodAtAddress, getPeriodExtensions } from '../consultations/consultations.service.ts';
import { periodDetails } from '../consultations/consultations.views.ts';
import { getSectionHeadings } from '../documents/documents.service.ts';
import { getOrganisations } from '../organisations/organisations.service.ts';
import { canActAsSecretariat } from '../processes/processes.policy.ts';
import { filterQuery } from '../submissions/submissions.schema.ts';
import {
  getPeriodCounts,
  getPeriodTimeline,
  getPublishedWithClaimsApart,
  countPublishedSubmissions,
  resolveFilters,
} from '../submissions/submissions.service.ts';
import { periodSubmissionsSection } from '../submissions/submissions.views.ts';
import { getContentTranslations } from '../processes/translations.service.ts';
import { periodCharts, periodPage } from './period-page.views.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Mounts the page of a comment period at /consultations/:id. */
export function mountPeriodPage(app: Hono<AppEnv>): void {
  app.get('/consultations/:id', async (c) => {
    const { db } = c.var.deps;
    const ctx = c.var.page;
    const context = await getPeriodAtAddress(
      db,
      c.var.viewer,
      c.req.param('id'),
      clockOf(c.var.deps),
    );
    const { filters, query } = filterQuery((key) => c.req.query(key));
    const resolved = await resolveFilters(db, filters);
    const before = c.req.query('before');
    // Who says they speak for a State without being verified is listed apart.
    const [lists, counts, organisations, extensions, matching, headings] = await Promise.all([
      getPublishedWithClaimsApart(
        db,
        { periodId: context.period.id },
        resolved,
        {
          ...(before && uuid.test(before) ? { before } : {}),
          // Unfiltered, a campaign comes once; filtered, each submission that matches.
          oneOfEachCampaign: query === '',
        },
        50,
      ),
      getPeriodCounts(db, context.period.id),
      getOrganisations(db),
      getPeriodExtensions(db, context.period.id),
      // The count beside the list is the count of the list: under its filters.
      countPublishedSubmissions(db, context.period.id, resolved),
      // Addresses in words: "Introduction, paragraph 2" (issue 19, point 7).
      getSectionHeadings(db, context.version.id, c.var.viewer, ctx.ui.lang),
    ]);
    const { process, period } = context;
    const [translations, timeline] = await Promise.all([
      getContentTranslations(
        db,
        [
          { type: 'process', id: process.id },
          { type: 'period', id: period.id },
          { type: 'version', id: context.version.id },
        ],
        ctx.ui.lang,
      ),
      getPeriodTimeline(db, period.id),
    ]);
    const tctx = { ...ctx, translations };
    return c.html(
      periodPage(tctx, context, {
        details: periodDetails(tctx, context, {
          extensions,
          canManage: canActAsSecretariat(c.var.viewer, process.id),
          canModerate: canModerate(c.var.viewer, process.id),
          inReview: counts.byStatus.get('in_review') ?? 0,
        }),
        charts: periodCharts(tctx, timeline),
        submissions: periodSubmissionsSection(tctx, period, {
          submissions: lists.listed.submissions,
          apart: lists.apart,
          campaigns: lists.listed.campaigns,
          next: lists.listed.next,
          published: matching,
          rejected: counts.rejected,
          filters,
          filterQuery: query,
          organisations,
          headings,
        }),
      }),
    );
  });
}
