/**
 * Routes of briefings: the form, and the paper in HTML, Markdown, DOCX or PDF; in the JSON API,
 * briefings as jobs (asked for, polled, then read in each format).
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { ApiRegistry } from '../api/api-registry.ts';
import { decodeCursor, nextCursorSchema, pageOf, pageQuery } from '../api/cursor.ts';
import { requireScope } from '../api/token-scopes.ts';
import { unLanguages } from '../text/detect-language.ts';
import {
  briefingJobStatuses,
  getBriefingJob,
  getBriefingJobs,
  kickBriefingJobs,
  requestBriefing,
  type BriefingJob,
} from './briefing-jobs.service.ts';
import type { Briefing } from './briefings.schema.ts';
import { getConcepts } from '../concepts/concepts.service.ts';
import { isPlenumError, PlenumError } from '../errors.ts';
import { getProcesses } from '../processes/processes.service.ts';
import { clockOf, type AppEnv } from '../context.ts';
import { errorText } from '../web/error-text.ts';
import { siteBase } from '../site-base.ts';
import { printPdf } from '../web/print-pdf.ts';
import { briefingDocx, briefingHtml, briefingMarkdown } from './briefing-writers.ts';
import { briefingFormats, paperSizes } from './briefings.schema.ts';
import { draftBriefing } from './briefings.service.ts';
import { briefingFormPage } from './briefings.views.ts';

/** A briefing request as the API takes it: the form's fields, lists as arrays. */
const briefingRequestJson = z
  .object({
    processes: z.array(z.string().max(200)).max(50).describe('Process ids, slugs or aliases'),
    concepts: z.array(z.string().max(100)).max(100).describe('Concept slugs or ids'),
    from: z.string().describe('First day, YYYY-MM-DD'),
    to: z.string().describe('Last day, YYYY-MM-DD'),
    language: z.enum(unLanguages).optional().describe('The paper’s language; English unless given'),
    paper: z.enum(paperSizes).optional().describe('Paper size of HTML and PDF; A4 unless given'),
  })
  .meta({ id: 'BriefingRequest' });

/** A briefing job as the API gives it. */
const briefingJobJson = z
  .object({
    id: z.string(),
    status: z
      .enum(briefingJobStatuses)
      .describe('queued, then running, then done (results given) or failed (error given)'),
    request: z.object({
      processes: z.array(z.string()),
      concepts: z.array(z.string()),
      from: z.string(),
      to: z.string(),
      language: z.string(),
      paper: z.string(),
    }),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    error: z
      .object({ code: z.string(), message: z.string() })
      .nullable()
      .describe('Why a failed job failed'),
    results: z
      .record(z.enum(briefingFormats), z.string())
      .nullable()
      .describe('Once done: the paper’s address in each format (md, html, docx, pdf)'),
  })
  .meta({ id: 'BriefingJob' });

function jobToJson(job: BriefingJob): z.input<typeof briefingJobJson> {
  const href = `/api/briefings/${job.id}/result`;
  return {
    ...job,
    results:
      job.status === 'done'
        ? (Object.fromEntries(briefingFormats.map((f) => [f, `${href}/${f}`])) as Record<
            (typeof briefingFormats)[number],
            string
          >)
        : null,
  };
}

/** The paper in a format, as a download named by its period. */
async function paperIn(
  c: Context<AppEnv>,
  briefing: Briefing,
  format: (typeof briefingFormats)[number],
  name: string,
): Promise<Response> {
  const base = siteBase(c);
  if (format === 'md')
    return c.body(briefingMarkdown(briefing, base), 200, {
      'content-type': 'text/markdown; charset=utf-8',
      'content-disposition': `attachment; filename="${name}.md"`,
    });
  if (format === 'pdf')
    return c.body(
      new Uint8Array(await printPdf(briefingHtml(briefing, base, { print: true }))),
      200,
      {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${name}.pdf"`,
      },
    );
  if (format === 'docx')
    return c.body(new Uint8Array(await briefingDocx(briefing, base)), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': `attachment; filename="${name}.docx"`,
    });
  return c.html(briefingHtml(briefing, base));
}

/** Mounts the briefing form and the paper, and registers the briefing jobs of the API. */
export function briefingRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.get('/briefings', async (c) => {
    const { db } = c.var.deps;
    const values: Record<string, string | string[]> = {
      processes: c.req.queries('processes') ?? [],
      concepts: c.req.queries('concepts') ?? [],
    };
    for (const key of ['from', 'to', 'language', 'format', 'paper']) {
      const value = c.req.query(key);
      if (value !== undefined) values[key] = value.slice(0, 40);
    }
    const form = async (problem?: ReturnType<typeof errorText>, status = 200) =>
      c.html(
        briefingFormPage(c.var.page, {
          processes: await getProcesses(db),
          concepts: (await getConcepts(db)).concepts,
          values,
          ...(problem ? { problem } : {}),
        }),
        status as 200,
      );
    // No choice made yet: the form, with the reader's language for the paper.
    if (values.from === undefined && (values.processes as string[]).length === 0) return form();
    const format = briefingFormats.find((f) => f === values.format) ?? 'html';
    let briefing;
    try {
      briefing = await draftBriefing(db, values, clockOf(c.var.deps), c.var.viewer);
    } catch (error) {
      if (!isPlenumError(error) || ![400, 404].includes(error.status)) throw error;
      return form(errorText(c.var.ui, error), error.status);
    }
    const base = siteBase(c);
    const name = `plenum-briefing-${String(values.from)}-${String(values.to)}`;
    if (format === 'md')
      return c.body(briefingMarkdown(briefing, base), 200, {
        'content-type': 'text/markdown; charset=utf-8',
        'content-disposition': `attachment; filename="${name}.md"`,
      });
    if (format === 'pdf') {
      let pdf: Buffer;
      try {
        pdf = await printPdf(briefingHtml(briefing, base, { print: true }));
      } catch (error) {
        if (!isPlenumError(error) || error.code !== 'PDF_UNAVAILABLE') throw error;
        return form(errorText(c.var.ui, error), error.status);
      }
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${name}.pdf"`,
      });
    }
    if (format === 'docx')
      return c.body(new Uint8Array(await briefingDocx(briefing, base)), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'content-disposition': `attachment; filename="${name}.docx"`,
      });
    return c.html(briefingHtml(briefing, base));
  });

  api.post({
    path: '/api/briefings',
    summary:
      'Ask for a briefing paper: answers 202 with the job to poll (Location); drafted in the background',
    tag: 'briefings',
    // Drafting a paper reads what the public reads: any token that may read may ask for one.
    scope: 'read',
    status: 202,
    body: briefingRequestJson,
    response: briefingJobJson,
    errors: [],
    handler: async (c, { body }) => {
      const { db } = c.var.deps;
      const job = await db
        .transaction()
        .execute((trx) => requestBriefing(trx, c.var.viewer, body, clockOf(c.var.deps)));
      kickBriefingJobs(db, () => clockOf(c.var.deps));
      c.header('location', `/api/briefings/${job.id}`);
      return jobToJson(job);
    },
  });

  api.get({
    path: '/api/briefings',
    summary: 'Your briefing jobs, oldest first, a page at a time',
    tag: 'briefings',
    auth: true,
    query: pageQuery,
    response: z.object({ jobs: z.array(briefingJobJson), nextCursor: nextCursorSchema }),
    errors: ['SIGN_IN_REQUIRED'],
    handler: async (c, { query }) => {
      const read = await getBriefingJobs(
        c.var.deps.db,
        c.var.viewer,
        decodeCursor(query.cursor),
        query.limit + 1,
      );
      const { items, nextCursor } = pageOf(read, query.limit, (j) => j.id);
      return { jobs: items.map(jobToJson), nextCursor };
    },
  });

  api.get({
    path: '/api/briefings/:id',
    summary: 'A briefing job of yours: its status, why it failed, or where its paper is',
    tag: 'briefings',
    auth: true,
    params: z.object({ id: z.string().min(1).max(100) }),
    response: briefingJobJson,
    errors: ['SIGN_IN_REQUIRED', 'NOT_FOUND'],
    handler: async (c, { params }) =>
      jobToJson((await getBriefingJob(c.var.deps.db, c.var.viewer, params.id)).job),
  });

  // The paper itself is a file, not JSON: outside the registry, with the same checks.
  app.get('/api/briefings/:id/result/:format', async (c) => {
    requireScope(c.var.viewer, 'read');
    const format = briefingFormats.find((f) => f === c.req.param('format'));
    const { job, briefing } = await getBriefingJob(c.var.deps.db, c.var.viewer, c.req.param('id'));
    if (!format || !briefing)
      throw new PlenumError(
        'NOT_FOUND',
        briefing ? 'Formats: md, html, docx, pdf.' : `The job is ${job.status}: no paper yet.`,
      );
    return paperIn(c, briefing, format, `plenum-briefing-${job.request.from}-${job.request.to}`);
  });
}
