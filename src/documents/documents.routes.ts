/** Routes of documents: publishing a version and the JSON API for documents, versions and blocks. */
import type { Hono } from 'hono';
import { z } from 'zod';
import { PlenumError } from '../errors.ts';
import type { ApiRegistry } from '../api/api-registry.ts';
import {
  decodeKeyCursor,
  nextCursorOf,
  nextCursorSchema,
  pageQuery,
  textAndIdKey,
} from '../api/cursor.ts';
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
  getDocumentsOfProcessPage,
  getLanguageVersion,
  getProcessWithDocuments,
  getVersion,
  publishVersion,
} from './documents.service.ts';
import { checkForm } from '../accounts/accounts.middleware.ts';
import { processSchema } from '../processes/processes.schema.ts';
import { documentHref } from '../web/links.ts';

const idParam = (what: string) =>
  z.object({ id: z.uuid({ message: `${what} ids are UUIDs` }).describe(`${what} id (UUID)`) });

const processRef = z.object({
  process: z
    .string()
    .min(1)
    .max(200)
    .describe('Process id, slug (e.g. "oewg") or alias (e.g. "OECE")'),
});

/**
 * Mounts the form that publishes a version and registers the document API routes (the document
 * page is in src/pages/, the import report in src/imports/).
 */
export function documentRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.post('/versions/:id/publish', async (c) => {
    await checkForm(c);
    const id = c.req.param('id');
    if (!idParam('Version').safeParse({ id }).success) throw new PlenumError('VERSION_NOT_FOUND');
    const version = await c.var.deps.db
      .transaction()
      .execute((trx) => publishVersion(trx, c.var.viewer, id.toLowerCase()));
    return c.redirect(documentHref(version.documentId, version.seq), 303);
  });

  api.post({
    path: '/api/versions/:id/publish',
    summary: 'Make a version in preparation public (the secretariat); a public one stays as it is',
    tag: 'documents',
    scope: 'secretariat',
    params: idParam('Version'),
    body: z.object({}),
    response: versionSchema,
    errors: ['VERSION_NOT_FOUND', 'FORBIDDEN'],
    handler: async (c, { params }) =>
      c.var.deps.db
        .transaction()
        .execute((trx) => publishVersion(trx, c.var.viewer, params.id.toLowerCase())),
  });

  api.get({
    path: '/api/processes/:process',
    summary: 'A process with its documents, versions and languages',
    tag: 'processes',
    params: processRef,
    response: z.object({ process: processSchema, documents: z.array(documentSchema) }),
    errors: ['PROCESS_NOT_FOUND'],
    handler: async (c, { params }) =>
      getProcessWithDocuments(c.var.deps.db, params.process, c.var.viewer),
  });

  api.get({
    path: '/api/processes/:process/documents',
    summary:
      'The documents of a process with their versions and languages, oldest first (by creation, then id), a page at a time',
    tag: 'documents',
    params: processRef,
    query: pageQuery,
    response: z.object({ documents: z.array(documentSchema), nextCursor: nextCursorSchema }),
    errors: ['PROCESS_NOT_FOUND'],
    handler: async (c, { params, query }) => {
      const page = await getDocumentsOfProcessPage(c.var.deps.db, params.process, c.var.viewer, {
        after: decodeKeyCursor(query.cursor, textAndIdKey),
        limit: query.limit,
      });
      return { documents: page.items, nextCursor: nextCursorOf(page) };
    },
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
