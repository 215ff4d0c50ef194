/** Routes of documents: the document page and the JSON API for documents, versions and blocks. */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { PlenumError } from '../errors.ts';
import type { ApiRegistry } from '../web/api.ts';
import type { AppEnv } from '../web/context.ts';
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
import { documentPage } from './documents.views.ts';
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
    return readDocument(c.var.deps.db, id, {
      versionSeq: parseVersionSeq(c.req.param('seq')),
      language: parseLanguage(c.req.param('lang')),
    });
  };
  const show = async (c: Context<AppEnv>): Promise<Response> =>
    c.html(await documentPage(await readFromAddress(c)));
  app.get('/documents/:id', show);
  app.get('/documents/:id/v/:seq', show);
  app.get('/documents/:id/v/:seq/:lang', show);
  app.get('/documents/:id/v/:seq/:lang/import-report', async (c) => {
    const reading = await readFromAddress(c);
    const report = await getImportReport(c.var.deps.db, reading.languageVersion.id);
    return c.html(await importReportPage(reading, report));
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
    handler: async (c, { query }) => getDocument(c.var.deps.db, query.symbol),
  });

  api.get({
    path: '/api/documents/:id',
    summary: 'A document with its versions and their languages',
    tag: 'documents',
    params: idParam('Document'),
    response: documentSchema,
    errors: ['DOCUMENT_NOT_FOUND'],
    handler: async (c, { params }) => getDocument(c.var.deps.db, params.id),
  });

  api.get({
    path: '/api/versions/:id',
    summary: 'A version with the languages it exists in',
    tag: 'documents',
    params: idParam('Version'),
    response: versionSchema,
    errors: ['VERSION_NOT_FOUND'],
    handler: async (c, { params }) => getVersion(c.var.deps.db, params.id),
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
      const languageVersion = await getLanguageVersion(c.var.deps.db, params.id, query.language);
      return { languageVersion, blocks: await getBlocks(c.var.deps.db, languageVersion.id) };
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
      const languageVersion = await getLanguageVersion(c.var.deps.db, params.id);
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
    handler: async (c, { params }) => ({ blocks: await getBlocks(c.var.deps.db, params.id) }),
  });

  api.get({
    path: '/api/blocks/:id',
    summary: 'One block by its stable id',
    tag: 'documents',
    params: idParam('Block'),
    response: z.object({ block: blockSchema, languageVersionId: z.string() }),
    errors: ['BLOCK_NOT_FOUND'],
    handler: async (c, { params }) => getBlock(c.var.deps.db, params.id),
  });
}
