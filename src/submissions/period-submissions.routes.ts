/**
 * Routes of a comment period's submissions: the CSV and JSON exports, the Atom feeds of a period
 * and of a process, and the JSON API of a period's counts and published submissions.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { ApiRegistry } from '../api/api-registry.ts';
import { decodeCursor, encodeCursor, nextCursorSchema } from '../api/cursor.ts';
import { PlenumError } from '../errors.ts';
import { canModerate } from '../consultations/consultations.policy.ts';
import {
  getPeriodAtAddress,
  getPeriodContext,
  type PeriodContext,
} from '../consultations/consultations.service.ts';
import { commentPeriodSchema } from '../consultations/consultations.schema.ts';
import { clockOf, type AppEnv } from '../context.ts';
import { requireProcess } from '../processes/processes.service.ts';
import { siteBase } from '../site-base.ts';
import { csvStream, jsonStream } from './exports.ts';
import { submissionsFeed } from './feeds.ts';
import { filterQuery, submissionFiltersSchema, submissionSchema } from './submissions.schema.ts';
import {
  getPeriodCounts,
  getPublishedSubmissions,
  getRecentlyPublished,
  iterateSubmissions,
  resolveFilters,
} from './submissions.service.ts';

/** The period the address names, or PERIOD_NOT_FOUND. */
function periodFromAddress(c: Context<AppEnv>): Promise<PeriodContext> {
  return getPeriodAtAddress(
    c.var.deps.db,
    c.var.viewer,
    c.req.param('id') ?? '',
    clockOf(c.var.deps),
  );
}

/** The submission filters in the address's query. */
function filterQueryOf(c: Context<AppEnv>): ReturnType<typeof filterQuery> {
  return filterQuery((key) => c.req.query(key));
}

/** Mounts a period's exports and feeds (and a process's feed) and registers their API routes. */
export function periodSubmissionRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
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
    const submissions = await getRecentlyPublished(db, { periodId: context.period.id }, 50);
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
    const submissions = await getRecentlyPublished(db, { processId: process.id }, 50);
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
      const counts = await getPeriodCounts(c.var.deps.db, context.period.id);
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
      'Published submissions of a comment period, newest first, 50 a page (`nextCursor` as `cursor`, or `next` as `before`)',
    tag: 'consultations',
    params: periodRef,
    query: submissionFiltersSchema.extend({
      before: z.uuid().optional().describe('Cursor: the `next` of the previous page'),
      cursor: z
        .string()
        .max(500)
        .optional()
        .describe('The `nextCursor` of the previous page (the cursor of every list)'),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(200)
        .optional()
        .describe('Page size, 50 by default'),
    }),
    response: z.object({
      submissions: z.array(submissionSchema),
      next: z.string().nullable(),
      nextCursor: nextCursorSchema,
    }),
    errors: ['PERIOD_NOT_FOUND'],
    handler: async (c, { params, query }) => {
      const context = await getPeriodContext(
        c.var.deps.db,
        c.var.viewer,
        params.id.toLowerCase(),
        clockOf(c.var.deps),
      );
      const { before: beforeId, cursor, limit, ...rest } = query;
      // The common cursor carries the same submission id as `before`.
      const after = decodeCursor(cursor);
      if (after !== undefined && !z.uuid().safeParse(after).success)
        throw new PlenumError('INVALID_REQUEST', 'cursor: This cursor was not given by plenum.');
      const before = beforeId ?? after;
      const filters = await resolveFilters(
        c.var.deps.db,
        rest as Record<string, string | undefined>,
      );
      const page = await getPublishedSubmissions(
        c.var.deps.db,
        { periodId: context.period.id },
        filters,
        { ...(before ? { before } : {}), ...(limit ? { limit } : {}) },
      );
      return { ...page, nextCursor: page.next ? encodeCursor(page.next) : null };
    },
  });
}
