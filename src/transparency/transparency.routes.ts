/** Routes of the transparency log: its page, the Atom feed of signed tree heads, the public API. */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { ApiRegistry } from '../api/api-registry.ts';
import { decodeKeyCursor, encodeKeyCursor, nextCursorSchema } from '../api/cursor.ts';
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
      before: z.coerce
        .number()
        .int()
        .min(1)
        .optional()
        .describe('Tree sizes below this one (the older form of `cursor`, kept)'),
      cursor: z
        .string()
        .max(500)
        .optional()
        .describe('nextCursor of the previous page; absent for the first page'),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(1000)
        .default(100)
        .describe('Tree heads per page (1 to 1,000; 100 unless given)'),
    }),
    response: z.object({
      treeHeads: z.array(treeHeadSchema),
      next: z.number().int().nullable().describe('`before` of the next page'),
      nextCursor: nextCursorSchema,
    }),
    errors: ['INVALID_REQUEST'],
    handler: async (c, { query }) => {
      const after = decodeKeyCursor(query.cursor, z.tuple([z.number().int().min(1)]));
      const before = after ? after[0] : query.before;
      const page = await listTreeHeads(c.var.deps.db, {
        limit: query.limit,
        ...(before === undefined ? {} : { before }),
      });
      return {
        ...page,
        nextCursor: page.next === null ? null : encodeKeyCursor([page.next]),
      };
    },
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
      'Entries of the log by position, a page at a time (at most 1,000; an entry about a document version in preparation shows its hash only)',
    tag: 'transparency',
    query: entriesQuerySchema,
    response: z.object({ entries: z.array(logEntrySchema), nextCursor: nextCursorSchema }),
    errors: ['INVALID_REQUEST'],
    handler: async (c, { query }) => {
      const db = c.var.deps.db;
      // Positions only grow and an entry never moves: the position is the key.
      const after = decodeKeyCursor(query.cursor, z.tuple([z.number().int().min(0)]));
      const start = after ? after[0] + 1 : (query.start ?? 0);
      const end = query.end ?? start + query.limit;
      const entries = await listEntries(db, c.var.viewer, { start, end });
      const last = entries.at(-1);
      const more =
        last !== undefined &&
        (
          await listEntries(db, c.var.viewer, {
            start: last.leafIndex + 1,
            end: last.leafIndex + 2,
          })
        ).length > 0;
      return {
        entries,
        nextCursor: more && last ? encodeKeyCursor([last.leafIndex]) : null,
      };
    },
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
