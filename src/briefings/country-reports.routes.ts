/**
 * Routes of country reports: the list of States by regional group (`/countries`, and
 * `/api/countries` with the same counts), and a State's report as a page or as HTML, Markdown,
 * DOCX or PDF (`/countries/:code?format=`, and `/api/countries/:code`). An unknown code is
 * COUNTRY_NOT_FOUND on the page and in the API alike.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { ApiRegistry } from '../api/api-registry.ts';
import { clockOf, type AppEnv } from '../context.ts';
import { siteBase } from '../site-base.ts';
import { printPdf } from '../web/print-pdf.ts';
import {
  countCountry,
  draftCountryReport,
  listCountryCounts,
  requireCountry,
} from './country-reports.service.ts';
import { countriesPage, countryReportPage } from './country-reports.views.ts';
import { paperDocx, paperHtml, paperMarkdown } from './paper-writers.ts';

const countParts = {
  iso3: z.string().describe('ISO 3166-1 alpha-3'),
  submissions: z.number().int().describe('Published submissions by its verified government'),
  stances: z.number().int().describe('Stances recorded for it'),
};

/** Mounts the countries list, a State's report and their API. */
export function countryReportRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.get('/countries', async (c) =>
    c.html(countriesPage(c.var.page, await listCountryCounts(c.var.deps.db))),
  );

  app.get('/countries/:code', async (c) => {
    const code = c.req.param('code');
    requireCountry(code);
    const { db } = c.var.deps;
    const before = c.req.query('before')?.slice(0, 100);
    const report = await draftCountryReport(
      db,
      code,
      {
        language: c.req.query('language') ?? c.var.ui.lang,
        paper: c.req.query('paper'),
        before,
      },
      clockOf(c.var.deps),
    );
    const format = c.req.query('format') ?? 'page';
    const base = siteBase(c);
    const name = `plenum-country-report-${report.iso3}-${report.paper.language}`;
    if (format === 'md')
      return c.body(paperMarkdown(report.paper, base), 200, {
        'content-type': 'text/markdown; charset=utf-8',
        'content-disposition': `attachment; filename="${name}.md"`,
      });
    if (format === 'docx')
      return c.body(new Uint8Array(await paperDocx(report.paper, base)), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'content-disposition': `attachment; filename="${name}.docx"`,
      });
    if (format === 'html') return c.html(paperHtml(report.paper, base));
    if (format === 'pdf') {
      // Without a browser to print with, PDF_UNAVAILABLE (503) is answered by the error page.
      const pdf = await printPdf(paperHtml(report.paper, base, { print: true }));
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${name}.pdf"`,
      });
    }
    return c.html(countryReportPage(c.var.page, report, before ? { before } : {}));
  });

  api.get({
    path: '/api/countries',
    summary:
      'The member and observer States by UN regional group, each with what it said (the counts of the /countries page)',
    tag: 'countries',
    response: z.object({
      regions: z.array(
        z.object({
          group: z.string().nullable().describe('UN regional group; null for the observer States'),
          countries: z.array(z.object(countParts)),
        }),
      ),
    }),
    errors: [],
    handler: async (c) => ({ regions: await listCountryCounts(c.var.deps.db) }),
  });

  api.get({
    path: '/api/countries/:code',
    summary:
      'A State: what its verified government said and the stances recorded for it, counted, and the processes it took part in',
    tag: 'countries',
    params: z.object({ code: z.string().max(10) }),
    response: z.object({
      iso3: z.string(),
      submissions: z.number().int(),
      stances: z.number().int(),
      processes: z.number().int(),
      report: z.string().describe('The address of its report (add ?format=md, html, docx or pdf)'),
    }),
    errors: ['COUNTRY_NOT_FOUND'],
    handler: async (c, { params }) => {
      const counted = await countCountry(c.var.deps.db, params.code);
      return { ...counted, report: `/countries/${counted.iso3}` };
    },
  });
}
