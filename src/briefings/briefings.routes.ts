/** Routes of briefings: the form, and the paper in HTML, Markdown, DOCX or PDF. */
import type { Hono } from 'hono';
import { getConcepts } from '../concepts/concepts.service.ts';
import { isPlenumError } from '../errors.ts';
import { getProcesses } from '../processes/processes.service.ts';
import { clockOf, type AppEnv } from '../context.ts';
import { errorText } from '../web/error-text.ts';
import { siteBase } from '../site-base.ts';
import { printPdf } from '../web/print-pdf.ts';
import { briefingDocx, briefingHtml, briefingMarkdown } from './briefing-writers.ts';
import { briefingFormats } from './briefings.schema.ts';
import { draftBriefing } from './briefings.service.ts';
import { briefingFormPage } from './briefings.views.ts';

/** Mounts the briefing form and the paper. */
export function briefingRoutes(app: Hono<AppEnv>): void {
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
        pdf = await printPdf(briefingHtml(briefing, base));
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
}
