/**
 * The JSON API of a person's own API tokens: list them (scopes, expiry, last use, count of uses),
 * read one's latest uses, and revoke one. A token is made only on the account page, from a signed-in session: a token
 * never makes another, so a stolen one cannot outlive its revocation.
 */
import { z } from 'zod';
import type { ApiRegistry } from '../api/api-registry.ts';
import { decodeCursor, nextCursorSchema, pageOf, pageQuery } from '../api/cursor.ts';
import { getApiTokens, getTokenUses, keptTokenUses, revokeToken } from './accounts.service.ts';
import { tokenScopes } from './accounts.schema.ts';

const tokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(tokenScopes)),
    createdAt: z.string(),
    expiresAt: z.string().nullable().describe('null: a token made before scopes, never expiring'),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable().describe('To the minute'),
    useCount: z.number().int().describe('Requests made with it (written with its last use)'),
  })
  .meta({ id: 'ApiToken' });

const tokenUseSchema = z
  .object({
    at: z.string().describe('When the request arrived (ISO 8601, UTC)'),
    method: z.string().describe('GET or POST'),
    route: z
      .string()
      .describe(
        'The pattern of the route that answered, e.g. `/api/submissions/:id`, never the address',
      ),
    status: z.number().int().describe('The HTTP status answered'),
  })
  .meta({ id: 'ApiTokenUse' });

/** Registers the token API routes. */
export function tokenRoutes(api: ApiRegistry): void {
  api.get({
    path: '/api/tokens',
    summary: 'List your API tokens, newest first (never their secrets)',
    tag: 'accounts',
    query: pageQuery,
    response: z.object({ tokens: z.array(tokenSchema), nextCursor: nextCursorSchema }),
    errors: ['SIGN_IN_REQUIRED', 'TOKEN_EXPIRED', 'TOKEN_SCOPE_MISSING'],
    handler: async (c, { query }) => {
      const read = await getApiTokens(c.var.deps.db, c.var.viewer, {
        before: decodeCursor(query.cursor),
        limit: query.limit + 1,
      });
      const { items, nextCursor } = pageOf(read, query.limit, (t) => t.id);
      return {
        tokens: items.map((t) => ({
          ...t,
          scopes: t.scopes.filter((s): s is (typeof tokenScopes)[number] =>
            (tokenScopes as readonly string[]).includes(s),
          ),
        })),
        nextCursor,
      };
    },
  });
  api.get({
    path: '/api/tokens/:id/uses',
    summary: `The latest uses of one of your API tokens (its last ${keptTokenUses}), newest first: when, the method, the route's pattern, the status answered; another account's token is not found`,
    tag: 'accounts',
    params: z.object({ id: z.string().max(100) }),
    response: z.object({ uses: z.array(tokenUseSchema) }),
    errors: ['SIGN_IN_REQUIRED', 'TOKEN_EXPIRED', 'TOKEN_SCOPE_MISSING', 'NOT_FOUND'],
    handler: async (c, { params }) => ({
      uses: await getTokenUses(c.var.deps.db, c.var.viewer, params.id, c.var.deps.tokenUses),
    }),
  });
  api.post({
    path: '/api/tokens/:id/revoke',
    summary: 'Revoke one of your API tokens (any of your live tokens may, itself included)',
    tag: 'accounts',
    scope: 'any',
    params: z.object({ id: z.string().max(100) }),
    body: z.object({}),
    response: z.object({ revoked: z.string() }),
    errors: ['NOT_FOUND'],
    handler: async (c, { params }) => {
      await c.var.deps.db.transaction().execute((trx) => revokeToken(trx, c.var.viewer, params.id));
      return { revoked: params.id };
    },
  });
}
