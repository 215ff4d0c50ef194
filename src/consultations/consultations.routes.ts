/**
 * Routes of comment periods: the forms that open and extend them and the JSON API of a process's
 * periods (a period's page is in src/pages/, its submissions, exports and feeds in src/submissions/).
 */
import {
  decodeKeyCursor,
  nextCursorOf,
  nextCursorSchema,
  pageQuery,
  textAndIdKey,
} from '../api/cursor.ts';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { Viewer } from '../accounts/accounts.schema.ts';
import { checkForm } from '../accounts/accounts.middleware.ts';
import type { Db } from '../db/database.ts';
import { getProcessWithDocuments } from '../documents/documents.service.ts';
import { requireProcess } from '../processes/processes.service.ts';
import type { ApiRegistry } from '../api/api-registry.ts';
import { clockOf, type AppEnv } from '../context.ts';
import { checkCanManagePeriods } from './consultations.policy.ts';
import {
  commentPeriodSchema,
  earlyCloseSchema,
  extensionSchema,
  newPeriodSchema,
  type CommentPeriod,
} from './consultations.schema.ts';
import {
  closeCommentPeriod,
  extendCommentPeriod,
  getPeriodAtAddress,
  getPeriodsOfProcessPage,
  openCommentPeriod,
  type PeriodContext,
} from './consultations.service.ts';
import { newPeriodPage } from './consultations.views.ts';

/** The period the page's address names, or PERIOD_NOT_FOUND. */
function periodFromAddress(c: Context<AppEnv>): Promise<PeriodContext> {
  return getPeriodAtAddress(
    c.var.deps.db,
    c.var.viewer,
    c.req.param('id') ?? '',
    clockOf(c.var.deps),
  );
}

/** A change of the period an API address names (extend, close), in one transaction. */
async function changePeriodAt(
  c: Context<AppEnv>,
  id: string,
  body: unknown,
  change: (
    db: Db,
    viewer: Viewer | null,
    periodId: string,
    input: unknown,
    now: Date,
  ) => Promise<CommentPeriod>,
): Promise<CommentPeriod> {
  const now = clockOf(c.var.deps);
  const context = await getPeriodAtAddress(c.var.deps.db, c.var.viewer, id, now);
  return c.var.deps.db
    .transaction()
    .execute((trx) => change(trx, c.var.viewer, context.period.id, body, now));
}

/** Mounts the forms of comment periods and registers their API route. */
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

  api.post({
    path: '/api/processes/:process/consultations',
    summary:
      'Open a comment period on a version (the secretariat); times are wall-clock in the zone',
    tag: 'consultations',
    scope: 'secretariat',
    status: 201,
    params: z.object({ process: z.string().min(1).max(200).describe('Process id, slug or alias') }),
    body: newPeriodSchema,
    response: commentPeriodSchema,
    examples: {
      body: {
        versionId: '01900000-0000-7000-8000-000000000001',
        title: 'Comments on the zero draft',
        opensAt: '2026-06-01T09:00',
        closesAt: '2026-06-30T18:00',
        timeZone: 'America/New_York',
        moderation: 'review',
      },
    },
    errors: ['PROCESS_NOT_FOUND', 'FORBIDDEN', 'VERSION_NOT_FOUND'],
    handler: async (c, { params, body }) => {
      const { db } = c.var.deps;
      const process = await requireProcess(db, params.process);
      return db
        .transaction()
        .execute((trx) =>
          openCommentPeriod(trx, c.var.viewer, process.id, body, clockOf(c.var.deps)),
        );
    },
  });

  api.post({
    path: '/api/consultations/:id/extend',
    summary: 'Extend a comment period: a later closing time and the reason (the secretariat)',
    tag: 'consultations',
    scope: 'secretariat',
    params: z.object({ id: z.string().max(100) }),
    body: extensionSchema,
    response: commentPeriodSchema,
    errors: ['PERIOD_NOT_FOUND', 'FORBIDDEN'],
    handler: (c, { params, body }) => changePeriodAt(c, params.id, body, extendCommentPeriod),
  });

  api.post({
    path: '/api/consultations/:id/close',
    summary:
      'Close an open comment period now, before its time, with the reason (the secretariat); it then takes no submission',
    tag: 'consultations',
    scope: 'secretariat',
    params: z.object({ id: z.string().max(100) }),
    body: earlyCloseSchema.meta({ id: 'EarlyClose' }),
    response: commentPeriodSchema,
    errors: ['PERIOD_NOT_FOUND', 'FORBIDDEN'],
    handler: (c, { params, body }) => changePeriodAt(c, params.id, body, closeCommentPeriod),
  });

  api.get({
    path: '/api/processes/:process/consultations',
    summary:
      'The comment periods of a process, newest first (by opening, then id), a page at a time',
    tag: 'consultations',
    params: z.object({ process: z.string().min(1).max(200).describe('Process id, slug or alias') }),
    query: pageQuery,
    response: z.object({ periods: z.array(commentPeriodSchema), nextCursor: nextCursorSchema }),
    errors: ['PROCESS_NOT_FOUND'],
    handler: async (c, { params, query }) => {
      const process = await requireProcess(c.var.deps.db, params.process);
      const page = await getPeriodsOfProcessPage(
        c.var.deps.db,
        c.var.viewer,
        process.id,
        clockOf(c.var.deps),
        { after: decodeKeyCursor(query.cursor, textAndIdKey), limit: query.limit },
      );
      return { periods: page.items, nextCursor: nextCursorOf(page) };
    },
  });
}
