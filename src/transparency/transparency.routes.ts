/** Routes of the transparency log: its page, the Atom feed of signed tree heads, the public API. */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { ApiRegistry } from '../api/api-registry.ts';
import type { AppEnv } from '../context.ts';
import { siteBase } from '../site-base.ts';
import {
  consistencyQuerySchema,
  consistencySchema,
  entriesQuerySchema,
  inclusionProofSchema,
  logEntrySchema,
  logKeySchema,
  proofQuerySchema,
  treeHeadSchema,
} from './transparency.schema.ts';
import {
  getConsistencyProof,
  getInclusionProof,
  getLatestTreeHead,
  listEntries,
  listLogKeys,
  listTreeHeads,
} from './transparency.service.ts';
import { transparencyPage, treeHeadsFeed } from './transparency.views.ts';

/** Mounts the transparency page and feed and registers the log's API routes (no sign-in). */
export function transparencyRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.get('/transparency', async (c) => {
    const { db } = c.var.deps;
    const [{ treeHeads }, keys] = await Promise.all([
      listTreeHeads(db, { limit: 10 }),
      listLogKeys(db),
    ]);
    return c.html(transparencyPage(c.var.page, { treeHeads, keys }));
  });

  app.get('/transparency/tree-heads.atom', async (c) => {
    const { treeHeads } = await listTreeHeads(c.var.deps.db, { limit: 50 });
    return c.body(treeHeadsFeed({ base: siteBase(c), treeHeads }), 200, {
      'content-type': 'application/atom+xml; charset=utf-8',
    });
  });

  api.get({
    path: '/api/transparency/tree-head',
    summary: 'The latest signed tree head of the transparency log',
    tag: 'transparency',
    response: treeHeadSchema,
    errors: ['LOG_ENTRY_NOT_FOUND'],
    handler: async (c) => getLatestTreeHead(c.var.deps.db),
  });

  api.get({
    path: '/api/transparency/tree-heads',
    summary: 'Every signed tree head, largest first, a page at a time',
    tag: 'transparency',
    query: z.object({
      before: z.coerce.number().int().min(1).optional().describe('Tree sizes below this one'),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
    response: z.object({
      treeHeads: z.array(treeHeadSchema),
      next: z.number().int().nullable().describe('`before` of the next page'),
    }),
    errors: ['INVALID_REQUEST'],
    handler: async (c, { query }) => listTreeHeads(c.var.deps.db, query),
  });

  api.get({
    path: '/api/transparency/proof',
    summary: 'The inclusion proof of an entry (by position or leaf hash) in a signed tree head',
    tag: 'transparency',
    query: proofQuerySchema,
    response: inclusionProofSchema,
    errors: ['INVALID_REQUEST', 'LOG_ENTRY_NOT_FOUND'],
    handler: async (c, { query }) =>
      getInclusionProof(c.var.deps.db, {
        leaf: query.leaf,
        ...(query.size === undefined ? {} : { size: query.size }),
      }),
  });

  api.get({
    path: '/api/transparency/consistency',
    summary: 'The consistency proof between two signed tree heads',
    tag: 'transparency',
    query: consistencyQuerySchema,
    response: consistencySchema,
    errors: ['INVALID_REQUEST', 'LOG_ENTRY_NOT_FOUND'],
    handler: async (c, { query }) => getConsistencyProof(c.var.deps.db, query),
  });

  api.get({
    path: '/api/transparency/entries',
    summary:
      'Entries of the log by position, at most 1,000 a page (an entry about a document version in preparation shows its hash only)',
    tag: 'transparency',
    query: entriesQuerySchema,
    response: z.object({ entries: z.array(logEntrySchema) }),
    errors: ['INVALID_REQUEST'],
    handler: async (c, { query }) => ({
      entries: await listEntries(c.var.deps.db, c.var.viewer, {
        start: query.start,
        ...(query.end === undefined ? {} : { end: query.end }),
      }),
    }),
  });

  api.get({
    path: '/api/transparency/key',
    summary: 'The public keys that sign tree heads, the current one first',
    tag: 'transparency',
    response: z.object({ keys: z.array(logKeySchema) }),
    errors: [],
    handler: async (c) => ({ keys: await listLogKeys(c.var.deps.db) }),
  });
}
