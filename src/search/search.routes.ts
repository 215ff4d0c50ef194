/** Routes of search: the search page and the JSON API. */
import type { Hono } from 'hono';
import { z } from 'zod';
import { isPlenumError } from '../errors.ts';
import { getProcesses } from '../processes/processes.service.ts';
import { withContentTranslations } from '../processes/translations.service.ts';
import type { ApiRegistry } from '../api/api-registry.ts';
import { decodeKeyCursor, encodeCursor, nextCursorSchema } from '../api/cursor.ts';
import type { AppEnv } from '../context.ts';
import { errorText } from '../web/error-text.ts';
import {
  maxQueryLength,
  searchFiltersSchema,
  searchPageSize,
  searchResultSchema,
} from './search.schema.ts';
import { searchPassages } from './search.service.ts';
import { searchPage, type SearchForm } from './search.views.ts';

const formFields = [
  'q',
  'process',
  'document',
  'language',
  'group',
  'country',
  'kind',
  'from',
  'to',
  'sort',
] as const;

/** Mounts the search page and registers the search API route. */
export function searchRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.get('/search', async (c) => {
    const { db } = c.var.deps;
    const form = Object.fromEntries(
      formFields.map((k) => [k, (c.req.query(k) ?? '').slice(0, 1000)]),
    ) as SearchForm;
    const processes = await getProcesses(db);
    const page = await withContentTranslations(
      db,
      c.var.page,
      processes.map((p) => ({ type: 'process' as const, id: p.id })),
    );
    // No query yet: the empty form, not an error.
    if (c.req.query('q') === undefined) return c.html(searchPage(page, form, processes, {}));
    try {
      const result = await searchPassages(db, c.var.viewer, {
        ...form,
        page: c.req.query('page'),
      });
      return c.html(searchPage(page, form, processes, { result }));
    } catch (error) {
      // A query or filter the reader can fix comes back on the form, with what to change.
      if (!isPlenumError(error) || error.status >= 500) throw error;
      return c.html(
        searchPage(page, form, processes, { error: errorText(c.var.ui, error) }),
        error.status as 400 | 404,
      );
    }
  });

  api.get({
    path: '/api/search',
    summary: 'Passages (paragraphs, footnotes, published submissions) holding every word',
    tag: 'search',
    query: searchFiltersSchema.extend({
      q: z
        .string()
        .max(10_000)
        .optional()
        .describe(
          `The words (at most ${maxQueryLength} characters); "quoted words" must appear side by side`,
        ),
      cursor: z
        .string()
        // It carries a rarity for each of up to 200 characters' words.
        .max(8000)
        .optional()
        .describe(
          'nextCursor of the previous page, with the same q, filters and sort. It holds the last result’s (score, day, passage number) and what the first page scored with (each word’s rarity, the newest day, the newest passage): a later page scores the passages there at the start exactly as the first page did and leaves out those added since, so the walk gives each once even while the index grows. No snapshot is kept on the server',
        ),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(maxSearchApiLimit)
        .optional()
        .describe(
          `Results per page (1 to ${maxSearchApiLimit}; ${searchPageSize} unless given). \`page\` (the older form, kept) pages by position instead and gives no nextCursor`,
        ),
    }),
    response: searchResultSchema
      .extend({
        nextCursor: nextCursorSchema.describe(
          'Pass as `cursor` for the next page (null on the last page, and when `page` was given)',
        ),
      })
      .meta({ id: 'SearchResult' }),
    errors: [
      'SEARCH_QUERY_EMPTY',
      'SEARCH_QUERY_TOO_LONG',
      'PROCESS_NOT_FOUND',
      'DOCUMENT_NOT_FOUND',
    ],
    handler: async (c, { query }) => {
      const input = {
        ...Object.fromEntries(formFields.map((k) => [k, c.req.query(k)])),
        page: c.req.query('page'),
      };
      // `page` given without a cursor: the older paging by position, kept for scripts using it.
      if (input.page && query.cursor === undefined) {
        const { after: _, ...result } = await searchPassages(c.var.deps.db, c.var.viewer, input);
        return { ...result, nextCursor: null };
      }
      const after = decodeKeyCursor(query.cursor, searchAfterSchema);
      const { after: next, ...result } = await searchPassages(
        c.var.deps.db,
        c.var.viewer,
        { ...input, page: undefined },
        { ...(after ? { after } : {}), limit: query.limit ?? searchPageSize },
      );
      return { ...result, nextCursor: next ? encodeCursor(JSON.stringify(next)) : null };
    },
  });
}

/** The most results a page of the API's search gives. */
const maxSearchApiLimit = 100;

/** The shape of what a search cursor holds (see `SearchAfter`). */
const searchAfterSchema = z.strictObject({
  sort: z.enum(['relevance', 'newest']),
  score: z.number().int(),
  day: z.number().int(),
  item: z.number().int(),
  horizon: z.number().int(),
  newest: z.number().int(),
  rarity: z.record(z.string().max(1000), z.number().int()),
});
