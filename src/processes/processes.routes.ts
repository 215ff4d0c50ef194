/** Routes of processes: the JSON API of the list of processes. */
import { z } from 'zod';
import type { ApiRegistry } from '../api/api-registry.ts';
import {
  decodeKeyCursor,
  nextCursorOf,
  nextCursorSchema,
  pageQuery,
  textAndIdKey,
} from '../api/cursor.ts';
import { processSchema } from './processes.schema.ts';
import { getProcessesPage } from './processes.service.ts';

/** Registers the process API routes (the home and process pages are in src/pages/). */
export function processRoutes(api: ApiRegistry): void {
  api.get({
    path: '/api/processes',
    summary: 'The processes by name (then id), a page at a time',
    tag: 'processes',
    query: pageQuery,
    response: z.object({ processes: z.array(processSchema), nextCursor: nextCursorSchema }),
    errors: [],
    handler: async (c, { query }) => {
      const page = await getProcessesPage(c.var.deps.db, {
        after: decodeKeyCursor(query.cursor, textAndIdKey),
        limit: query.limit,
      });
      return { processes: page.items, nextCursor: nextCursorOf(page) };
    },
  });
}
