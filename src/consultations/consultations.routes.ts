/** Routes of comment periods: pages, the forms that open and extend them, exports, feeds and the JSON API. */
import { siteBase } from '../site-base.ts';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { checkForm } from '../accounts/accounts.middleware.ts';
import { canActAsSecretariat } from '../processes/processes.policy.ts';
import { getProcessWithDocuments } from '../documents/documents.service.ts';
import { listEventsFor } from '../events/events.store.ts';
import { getOrganisations } from '../organisations/organisations.service.ts';
import { requireProcess } from '../processes/processes.service.ts';
import { csvStream, jsonStream } from '../submissions/exports.ts';
import { submissionsFeed } from '../submissions/feeds.ts';
import {
  filterQuery,
  submissionFiltersSchema,
  submissionSchema,
} from '../submissions/submissions.schema.ts';
import {
  getPublishedSubmissions,
  iterateSubmissions,
  resolveFilters,
} from '../submissions/submissions.service.ts';
import {
  countByStatus,
  listRecentlyPublishedIds,
  loadSubmissions,
} from '../submissions/submissions.store.ts';
import type { ApiRegistry } from '../api/api-registry.ts';
import { clockOf, type AppEnv } from '../context.ts';
import { canModerate, checkCanManagePeriods } from './consultations.policy.ts';
import { commentPeriodSchema } from './consultations.schema.ts';
import {
  extendCommentPeriod,
  getPeriodAtAddress,
  getPeriodContext,
  getPeriodsOfProcess,
  openCommentPeriod,
  type PeriodContext,
} from './consultations.service.ts';
import { consultationPage, newPeriodPage } from './consultations.views.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The period the page's address names, or PERIOD_NOT_FOUND. */
function periodFromAddress(c: Context<AppEnv>): Promise<PeriodContext> {
  return getPeriodAtAddress(
    c.var.deps.db,
    c.var.viewer,
    c.req.param('id') ?? '',
    clockOf(c.var.deps),
  );
}

/** The submission filters in the page's query. */
function filterQueryOf(c: Context<AppEnv>): ReturnType<typeof filterQuery> {
  return filterQuery((key) => c.req.query(key));
}

/** Mounts the comment period pages and registers their API routes. */
export function consultationRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.get('/processes/:process/consultations/new', async (c) => {
    const { db } = c.var.deps;
    const process = await requireProcess(db, c.req.param('process'));
    checkCanManagePeriods(c.var.viewer, process.id);
    const { documents } = await getProcessWithDocuments(db, process.id, c.var.viewer);
    return c.html(newPeriodPage(c.var.page, process, documents));
  });

  app.post('/processes/:process/consultations', async (c) => {
    const body = await checkForm(c);
    const { db } = c.var.deps;
    const process = await requireProcess(db, c.req.param('process'));
    const period = await db
      .transaction()
      .execute((trx) =>
        openCommentPeriod(trx, c.var.viewer, process.id, body, clockOf(c.var.deps)),
      );
    return c.redirect(`/consultations/${period.id}`, 303);
  });

  app.get('/consultations/:id', async (c) => {
    const { db } = c.var.deps;
    const context = await periodFromAddress(c);
    const { filters, query } = filterQueryOf(c);
    const resolved = await resolveFilters(db, filters);
    const before = c.req.query('before');
    const [page, counts, organisations, history] = await Promise.all([
      getPublishedSubmissions(db, { periodId: context.period.id }, resolved, {
        ...(before && uuid.test(before) ? { before } : {}),
        // Unfiltered, a campaign comes once; filtered, each submission that matches.
        oneOfEachCampaign: query === '',
      }),
      countByStatus(db, context.period.id),
      getOrganisations(db),
      listEventsFor(db, 'comment_period', context.period.id),
    ]);
    return c.html(
      consultationPage(c.var.page, context, {
        submissions: page.submissions,
        campaigns: page.campaigns,
        next: page.next,
        published: counts.byStatus.get('published') ?? 0,
        rejected: counts.rejected,
        extensions: history.filter((e) => e.action === 'period.extended'),
        filters,
        filterQuery: query,
        organisations,
        canManage: canActAsSecretariat(c.var.viewer, context.process.id),
        canModerate: canModerate(c.var.viewer, context.process.id),
        inReview: counts.byStatus.get('in_review') ?? 0,
      }),
    );
  });

  app.post('/consultations/:id/extend', async (c) => {
    const body = await checkForm(c);
    const context = await periodFromAddress(c);
    await c.var.deps.db
      .transaction()
      .execute((trx) =>
        extendCommentPeriod(trx, c.var.viewer, context.period.id, body, clockOf(c.var.deps)),
      );
    return c.redirect(`/consultations/${context.period.id}`, 303);
  });

  const exportAll = (c: Context<AppEnv>, context: PeriodContext) =>
    canModerate(c.var.viewer, context.process.id);

  app.get('/consultations/:id/submissions.csv', async (c) => {
    const context = await periodFromAddress(c);
    const filters = await resolveFilters(c.var.deps.db, filterQueryOf(c).filters);
    const stream = csvStream(
      iterateSubmissions(c.var.deps.db, context.period.id, filters, exportAll(c, context)),
    );
    return c.body(stream, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="submissions-${context.period.id}.csv"`,
    });
  });

  app.get('/consultations/:id/submissions.json', async (c) => {
    const context = await periodFromAddress(c);
    const filters = await resolveFilters(c.var.deps.db, filterQueryOf(c).filters);
    const { period, process, document, version } = context;
    const header = {
      period,
      process: { id: process.id, slug: process.slug, name: process.name },
      document: { id: document.id, symbol: document.symbol, title: document.title },
      version: { id: version.id, seq: version.seq, label: version.label },
      statuses: exportAll(c, context) ? 'all' : 'published',
    };
    const stream = jsonStream(
      header,
      iterateSubmissions(c.var.deps.db, period.id, filters, exportAll(c, context)),
    );
    return c.body(stream, 200, { 'content-type': 'application/json; charset=utf-8' });
  });

  app.get('/consultations/:id/feed.atom', async (c) => {
    const { db } = c.var.deps;
    const context = await periodFromAddress(c);
    const submissions = await loadSubmissions(
      db,
      await listRecentlyPublishedIds(db, { periodId: context.period.id }, 50),
    );
    const xml = submissionsFeed({
      base: siteBase(c),
      id: context.period.id,
      title: `${context.period.title} · plenum`,
      selfPath: `/consultations/${context.period.id}/feed.atom`,
      pagePath: `/consultations/${context.period.id}`,
      submissions,
    });
    return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
  });

  app.get('/processes/:process/feed.atom', async (c) => {
    const { db } = c.var.deps;
    const process = await requireProcess(db, c.req.param('process'));
    const submissions = await loadSubmissions(
      db,
      await listRecentlyPublishedIds(db, { processId: process.id }, 50),
    );
    const xml = submissionsFeed({
      base: siteBase(c),
      id: process.id,
      title: `${process.shortName ?? process.name}: published submissions · plenum`,
      selfPath: `/processes/${process.slug}/feed.atom`,
      pagePath: `/processes/${process.slug}`,
      submissions,
    });
    return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
  });

  const periodRef = z.object({
    id: z.uuid({ message: 'comment period ids are UUIDs' }).describe('Comment period id'),
  });

  api.get({
    path: '/api/processes/:process/consultations',
    summary: 'The comment periods of a process, newest first',
    tag: 'consultations',
    params: z.object({ process: z.string().min(1).max(200).describe('Process id, slug or alias') }),
    response: z.object({ periods: z.array(commentPeriodSchema) }),
    errors: ['PROCESS_NOT_FOUND'],
    handler: async (c, { params }) => {
      const process = await requireProcess(c.var.deps.db, params.process);
      return {
        periods: await getPeriodsOfProcess(
          c.var.deps.db,
          c.var.viewer,
          process.id,
          clockOf(c.var.deps),
        ),
      };
    },
  });

  api.get({
    path: '/api/consultations/:id',
    summary: 'A comment period, its state by the server clock, and its counts',
    tag: 'consultations',
    params: periodRef,
    response: z.object({
      period: commentPeriodSchema,
      published: z.number().int(),
      rejectedByReason: z.record(z.string(), z.number().int()),
    }),
    errors: ['PERIOD_NOT_FOUND'],
    handler: async (c, { params }) => {
      const context = await getPeriodContext(
        c.var.deps.db,
        c.var.viewer,
        params.id.toLowerCase(),
        clockOf(c.var.deps),
      );
      const counts = await countByStatus(c.var.deps.db, context.period.id);
      return {
        period: context.period,
        published: counts.byStatus.get('published') ?? 0,
        rejectedByReason: Object.fromEntries(counts.rejected),
      };
    },
  });

  api.get({
    path: '/api/consultations/:id/submissions',
    summary:
      'Published submissions of a comment period, newest first, 50 a page (use `next` as `before`)',
    tag: 'consultations',
    params: periodRef,
    query: submissionFiltersSchema.extend({
      before: z.uuid().optional().describe('Cursor: the `next` of the previous page'),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(200)
        .optional()
        .describe('Page size, 50 by default'),
    }),
    response: z.object({ submissions: z.array(submissionSchema), next: z.string().nullable() }),
    errors: ['PERIOD_NOT_FOUND'],
    handler: async (c, { params, query }) => {
      const context = await getPeriodContext(
        c.var.deps.db,
        c.var.viewer,
        params.id.toLowerCase(),
        clockOf(c.var.deps),
      );
      const { before, limit, ...rest } = query;
      const filters = await resolveFilters(
        c.var.deps.db,
        rest as Record<string, string | undefined>,
      );
      return getPublishedSubmissions(c.var.deps.db, { periodId: context.period.id }, filters, {
        ...(before ? { before } : {}),
        ...(limit ? { limit } : {}),
      });
    },
  });
}
