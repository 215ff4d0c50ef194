/** Routes of imports: the import report of a language version, as a page and in the JSON API. */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { ApiRegistry } from '../api/api-registry.ts';
import type { AppEnv } from '../context.ts';
import { languageVersionSchema } from '../documents/documents.schema.ts';
import { getLanguageVersion, readDocumentAtAddress } from '../documents/documents.service.ts';
import { PlenumError } from '../errors.ts';
import { importReportSchema } from './imports.schema.ts';
import { getImportReport } from './imports.service.ts';
import { importReportPage } from './imports.views.ts';

/** Mounts the import report page and registers its API route. */
export function importRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.get('/documents/:id/v/:seq/:lang/import-report', async (c) => {
    const reading = await readDocumentAtAddress(
      c.var.deps.db,
      { id: c.req.param('id'), seq: c.req.param('seq'), lang: c.req.param('lang') },
      c.var.viewer,
    );
    const report = await getImportReport(c.var.deps.db, reading.languageVersion.id);
    return c.html(importReportPage(c.var.page, reading, report));
  });

  api.get({
    path: '/api/language-versions/:id',
    summary: 'A language version with its import report',
    tag: 'documents',
    params: z.object({
      id: z
        .uuid({ message: 'Language version ids are UUIDs' })
        .describe('Language version id (UUID)'),
    }),
    response: z.object({
      languageVersion: languageVersionSchema,
      importReport: importReportSchema,
    }),
    errors: ['LANGUAGE_VERSION_NOT_FOUND'],
    handler: async (c, { params }) => {
      const languageVersion = await getLanguageVersion(
        c.var.deps.db,
        params.id,
        undefined,
        c.var.viewer,
      );
      if (languageVersion.id !== params.id) throw new PlenumError('LANGUAGE_VERSION_NOT_FOUND');
      return {
        languageVersion,
        importReport: await getImportReport(c.var.deps.db, languageVersion.id),
      };
    },
  });
}
