/** Routes of search: the search page and the JSON API. */
import type { Hono } from 'hono';
import { z } from 'zod';
import { isPlenumError } from '../errors.ts';
import { getProcesses } from '../processes/processes.service.ts';
import { withContentTranslations } from '../processes/translations.service.ts';
import type { ApiRegistry } from '../api/api-registry.ts';
import type { AppEnv } from '../context.ts';
import { errorText } from '../web/error-text.ts';
import { maxQueryLength, searchFiltersSchema, searchResultSchema } from './search.schema.ts';
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
    }),
    response: searchResultSchema,
    errors: [
      'SEARCH_QUERY_EMPTY',
      'SEARCH_QUERY_TOO_LONG',
      'PROCESS_NOT_FOUND',
      'DOCUMENT_NOT_FOUND',
    ],
    handler: async (c) =>
      searchPassages(c.var.deps.db, c.var.viewer, {
        ...Object.fromEntries(formFields.map((k) => [k, c.req.query(k)])),
        page: c.req.query('page'),
      }),
  });
}
