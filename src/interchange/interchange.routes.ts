/**
 * Routes of the exchange formats: a language version as Akoma Ntoso XML (download and API), a
 * period's comments as a W3C Web Annotation collection (download and API), and the import of
 * another tool's annotations (API, the process's secretariat). Importing Akoma Ntoso is the
 * import's own path (src/imports/: the upload form, `plenum import`).
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { ApiRegistry } from '../api/api-registry.ts';
import { clockOf, type AppEnv } from '../context.ts';
import { isId } from '../db/ids.ts';
import { PlenumError } from '../errors.ts';
import { languageTagSchema } from '../documents/documents.schema.ts';
import { siteBase } from '../site-base.ts';
import { exportVersionAkn, exportVersionAknAll } from './akn.service.ts';
import { consultationPackage } from './data-package.service.ts';
import {
  annotationImportRequestSchema,
  exportPeriodAnnotations,
  importPeriodAnnotations,
} from './annotations.service.ts';

const idParam = (what: string) =>
  z.object({ id: z.uuid({ message: `${what} ids are UUIDs` }).describe(`${what} id (UUID)`) });

const aknFileSchema = z.object({
  language: z.string().describe('BCP 47 tag'),
  filename: z.string(),
  xml: z.string().describe('Akoma Ntoso 3.0 XML (AKN4UN), one FRBR expression'),
});

const collectionSchema = z
  .record(z.string(), z.unknown())
  .describe(
    'A W3C Web Annotation AnnotationCollection (JSON-LD) with its one AnnotationPage embedded as `first`',
  );

const outcomeSchema = z.object({
  index: z.number().int(),
  id: z.string().nullable(),
  status: z.enum(['imported', 'imported_without_anchor', 'not_imported']),
  submissionId: z.string().nullable(),
  anchoredTo: z.array(z.string()),
  problems: z.array(z.string()),
});

const importReportSchema = z.object({
  periodId: z.string(),
  organisationId: z.string(),
  total: z.number().int(),
  imported: z.number().int(),
  importedWithoutAnchor: z.number().int(),
  notImported: z.number().int(),
  notAnchored: z.number().int(),
  annotations: z.array(outcomeSchema),
});

/** Mounts the downloads and registers the API routes of the exchange formats. */
export function interchangeRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.get('/language-versions/:id/akn.xml', async (c) => {
    const id = c.req.param('id');
    if (!isId(id)) throw new PlenumError('VERSION_NOT_FOUND');
    const file = await exportVersionAkn(c.var.deps.db, id, undefined, c.var.viewer);
    return c.body(file.xml, 200, {
      'content-type': 'application/akn+xml; charset=utf-8',
      'content-disposition': `attachment; filename="${file.filename}"`,
    });
  });

  // The whole consultation as a Frictionless Data Package, streamed as it is read.
  app.get('/consultations/:id/datapackage.zip', async (c) => {
    const pkg = await consultationPackage(
      c.var.deps.db,
      c.var.viewer,
      c.req.param('id'),
      clockOf(c.var.deps),
    );
    return c.body(pullStream(pkg.bytes), 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${pkg.filename}"`,
    });
  });

  app.get('/consultations/:id/annotations.jsonld', async (c) => {
    const collection = await exportPeriodAnnotations(
      c.var.deps.db,
      c.var.viewer,
      c.req.param('id'),
      siteBase(c),
      clockOf(c.var.deps),
    );
    return c.body(JSON.stringify(collection, null, 2), 200, {
      'content-type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
      'content-disposition': `attachment; filename="annotations-${c.req.param('id')}.jsonld"`,
    });
  });

  api.get({
    path: '/api/versions/:id/akn',
    summary: 'A version in Akoma Ntoso 3.0 XML (AKN4UN), one file per language',
    tag: 'documents',
    params: idParam('Version'),
    query: z.object({
      language: languageTagSchema.optional().describe('Only this language (BCP 47 tag)'),
    }),
    response: z.object({ files: z.array(aknFileSchema) }),
    errors: ['VERSION_NOT_FOUND'],
    handler: async (c, { params, query }) => ({
      files:
        query.language === undefined
          ? await exportVersionAknAll(c.var.deps.db, params.id, c.var.viewer)
          : [await exportVersionAkn(c.var.deps.db, params.id, query.language, c.var.viewer)],
    }),
  });

  api.get({
    path: '/api/consultations/:id/annotations',
    summary: "A period's published comments as a W3C Web Annotation collection",
    tag: 'submissions',
    params: idParam('Period'),
    response: collectionSchema,
    errors: ['PERIOD_NOT_FOUND'],
    handler: async (c, { params }) =>
      exportPeriodAnnotations(
        c.var.deps.db,
        c.var.viewer,
        params.id,
        siteBase(c),
        clockOf(c.var.deps),
      ),
  });

  api.post({
    path: '/api/consultations/:id/annotations',
    scope: 'secretariat',
    summary:
      "Import another tool's W3C Web Annotations as an organisation's comments (the process's secretariat)",
    tag: 'submissions',
    auth: true,
    params: idParam('Period'),
    body: annotationImportRequestSchema,
    response: importReportSchema,
    errors: [
      'PERIOD_NOT_FOUND',
      'SIGN_IN_REQUIRED',
      'FORBIDDEN',
      'ORGANISATION_NOT_FOUND',
      'PERIOD_CLOSED',
      'PERIOD_NOT_OPEN_YET',
    ],
    handler: async (c, { params, body }) =>
      c.var.deps.db.transaction().execute((trx) =>
        importPeriodAnnotations(trx, c.var.viewer, {
          periodId: params.id,
          input: body,
          now: clockOf(c.var.deps),
        }),
      ),
  });
}

/** A byte stream that reads the generator only as the client takes the bytes (no buffering ahead). */
function pullStream(bytes: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await bytes.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await bytes.return(undefined);
    },
  });
}
