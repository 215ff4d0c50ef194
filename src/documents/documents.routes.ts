/** Routes of documents: the document page and the JSON API for documents, versions and blocks. */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { PlenumError } from '../errors.ts';
import type { ApiRegistry } from '../api/api-registry.ts';
import type { AppEnv } from '../context.ts';
import {
  blockSchema,
  documentSchema,
  languageTagSchema,
  languageVersionSchema,
  versionSchema,
} from './documents.schema.ts';
import {
  getBlock,
  getBlocks,
  getDocument,
  getLanguageVersion,
  getVersion,
  readDocument,
  type DocumentReading,
} from './documents.service.ts';
import { documentPage, type CommentLayer } from './documents.views.ts';
import { checkForm } from '../accounts/accounts.middleware.ts';
import { canActAsSecretariat } from '../processes/processes.policy.ts';
import { getPeriodsOfDocument } from '../consultations/consultations.service.ts';
import { getOrganisations } from '../organisations/organisations.service.ts';
import {
  getCommentCounts,
  getPublishedSubmissions,
  resolveFilters,
} from '../submissions/submissions.service.ts';
import { filterQuery } from '../submissions/submissions.schema.ts';
import { clockOf } from '../context.ts';
import { documentHref } from '../web/links.ts';
import { publishVersion } from './documents.service.ts';

/** The comments a document page shows: counts per paragraph, one paragraph opened, open periods. */
async function commentLayer(c: Context<AppEnv>, reading: DocumentReading): Promise<CommentLayer> {
  const { db } = c.var.deps;
  const now = clockOf(c.var.deps);
  const { filters, query } = filterQuery((key) => c.req.query(key));
  const resolved = await resolveFilters(db, filters);
  const periods = (await getPeriodsOfDocument(db, c.var.viewer, reading.document, now)).filter(
    (p) => p.versionId === reading.version.id,
  );
  const openAddress = c.req.query('comments');
  const before = c.req.query('before');
  const [counts, organisations, open] = await Promise.all([
    getCommentCounts(db, reading.version.id, resolved),
    getOrganisations(db),
    openAddress && openAddress.length < 100
      ? getPublishedSubmissions(
          db,
          { versionId: reading.version.id, address: openAddress },
          resolved,
          { limit: 20, ...(before && /^[0-9a-f-]{36}$/i.test(before) ? { before } : {}) },
        )
      : undefined,
  ]);
  const index = reading.document.versions.findIndex((v) => v.id === reading.version.id);
  const previous = index > 0 ? reading.document.versions[index - 1] : undefined;
  const openPeriod = periods.find((p) => p.state === 'open' || p.state === 'extended');
  return {
    counts,
    periods,
    filterQuery: query,
    filters,
    organisations,
    canPublish: canActAsSecretariat(c.var.viewer, reading.process.id),
    versionId: reading.version.id,
    versionLabels: new Map(reading.document.versions.map((v) => [v.id, v.label])),
    contentLanguage: reading.languageVersion.language,
    ...(openPeriod ? { openPeriod } : {}),
    ...(previous ? { previousSeq: previous.seq } : {}),
    ...(open && openAddress ? { open: { address: openAddress, ...open } } : {}),
  };
}
import { importReportSchema } from '../imports/imports.schema.ts';
import { getImportReport } from '../imports/imports.service.ts';
import { importReportPage } from '../imports/imports.views.ts';

const idParam = (what: string) =>
  z.object({ id: z.uuid({ message: `${what} ids are UUIDs` }).describe(`${what} id (UUID)`) });

function parseVersionSeq(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,5}$/.test(value))
    throw new PlenumError('VERSION_NOT_FOUND', `"${value}" is not a version number.`);
  return Number(value);
}

function parseLanguage(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = languageTagSchema.safeParse(value);
  if (!parsed.success)
    throw new PlenumError('LANGUAGE_VERSION_NOT_FOUND', `"${value}" is not a language tag.`);
  return parsed.data;
}

/** Mounts the document pages and registers the document API routes. */
export function documentRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
  /** The reading a page address names: /documents/:id[/v/:seq[/:lang]]. */
  const readFromAddress = (c: Context<AppEnv>): Promise<DocumentReading> => {
    const id = c.req.param('id') ?? '';
    if (!idParam('Document').safeParse({ id }).success) throw new PlenumError('DOCUMENT_NOT_FOUND');
    return readDocument(
      c.var.deps.db,
      id,
      {
        versionSeq: parseVersionSeq(c.req.param('seq')),
        language: parseLanguage(c.req.param('lang')),
      },
      c.var.viewer,
    );
  };
  const show = async (c: Context<AppEnv>): Promise<Response> => {
    const reading = await readFromAddress(c);
    return c.html(documentPage(c.var.page, reading, await commentLayer(c, reading)));
  };
  app.get('/documents/:id', show);
  app.get('/documents/:id/v/:seq', show);
  app.get('/documents/:id/v/:seq/:lang', show);
  app.get('/documents/:id/v/:seq/:lang/import-report', async (c) => {
    const reading = await readFromAddress(c);
    const report = await getImportReport(c.var.deps.db, reading.languageVersion.id);
    return c.html(importReportPage(c.var.page, reading, report));
  });

  app.post('/versions/:id/publish', async (c) => {
    await checkForm(c);
    const id = c.req.param('id');
    if (!idParam('Version').safeParse({ id }).success) throw new PlenumError('VERSION_NOT_FOUND');
    const version = await c.var.deps.db
      .transaction()
      .execute((trx) => publishVersion(trx, c.var.viewer, id.toLowerCase()));
    return c.redirect(documentHref(version.documentId, version.seq), 303);
  });

  api.get({
    path: '/api/documents',
    summary: 'Find a document by its UN symbol',
    tag: 'documents',
    query: z.object({
      symbol: z.string().min(1).max(200).describe('UN symbol, e.g. A/AC.290/2021/CRP.2'),
    }),
    response: documentSchema,
    errors: ['DOCUMENT_NOT_FOUND'],
    handler: async (c, { query }) => getDocument(c.var.deps.db, query.symbol, c.var.viewer),
  });

  api.get({
    path: '/api/documents/:id',
    summary: 'A document with its versions and their languages',
    tag: 'documents',
    params: idParam('Document'),
    response: documentSchema,
    errors: ['DOCUMENT_NOT_FOUND'],
    handler: async (c, { params }) => getDocument(c.var.deps.db, params.id, c.var.viewer),
  });

  api.get({
    path: '/api/versions/:id',
    summary: 'A version with the languages it exists in',
    tag: 'documents',
    params: idParam('Version'),
    response: versionSchema,
    errors: ['VERSION_NOT_FOUND'],
    handler: async (c, { params }) => getVersion(c.var.deps.db, params.id, c.var.viewer),
  });

  api.get({
    path: '/api/versions/:id/blocks',
    summary: 'The blocks of a version in one language (English, else the first, by default)',
    tag: 'documents',
    params: idParam('Version'),
    query: z.object({ language: languageTagSchema.optional().describe('BCP 47 tag, e.g. fr') }),
    response: z.object({ languageVersion: languageVersionSchema, blocks: z.array(blockSchema) }),
    errors: ['VERSION_NOT_FOUND', 'LANGUAGE_VERSION_NOT_FOUND'],
    handler: async (c, { params, query }) => {
      const languageVersion = await getLanguageVersion(
        c.var.deps.db,
        params.id,
        query.language,
        c.var.viewer,
      );
      return {
        languageVersion,
        blocks: await getBlocks(c.var.deps.db, languageVersion.id, c.var.viewer),
      };
    },
  });

  api.get({
    path: '/api/language-versions/:id',
    summary: 'A language version with its import report',
    tag: 'documents',
    params: idParam('Language version'),
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

  api.get({
    path: '/api/language-versions/:id/blocks',
    summary: 'The blocks of a language version, in reading order',
    tag: 'documents',
    params: idParam('Language version'),
    response: z.object({ blocks: z.array(blockSchema) }),
    errors: ['LANGUAGE_VERSION_NOT_FOUND'],
    handler: async (c, { params }) => ({
      blocks: await getBlocks(c.var.deps.db, params.id, c.var.viewer),
    }),
  });

  api.get({
    path: '/api/blocks/:id',
    summary: 'One block by its stable id',
    tag: 'documents',
    params: idParam('Block'),
    response: z.object({ block: blockSchema, languageVersionId: z.string() }),
    errors: ['BLOCK_NOT_FOUND'],
    handler: async (c, { params }) => getBlock(c.var.deps.db, params.id, c.var.viewer),
  });
}
