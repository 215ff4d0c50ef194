/**
 * Routes of processes: the JSON API of the list of processes and making one (one process with its
 * documents is in src/documents/).
 */
import { z } from 'zod';
import type { ApiRegistry } from '../api/api-registry.ts';
import {
  decodeKeyCursor,
  nextCursorOf,
  nextCursorSchema,
  pageQuery,
  textAndIdKey,
} from '../api/cursor.ts';
import { newProcessSchema, processSchema } from './processes.schema.ts';
import { addProcess, getProcessesPage } from './processes.service.ts';

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

  api.post({
    path: '/api/processes',
    summary:
      'Make a process (administrators), as `plenum process add` does; its slug, name, short name and aliases all find it',
    tag: 'processes',
    scope: 'admin',
    status: 201,
    body: newProcessSchema.meta({ id: 'NewProcess' }),
    response: processSchema,
    errors: ['FORBIDDEN', 'PROCESS_CONFLICT'],
    handler: async (c, { body }) => {
      const made = await c.var.deps.db
        .transaction()
        .execute((trx) => addProcess(trx, c.var.viewer, body));
      c.header('location', `/api/processes/${made.slug}`);
      return made;
    },
    examples: {
      body: {
        slug: 'oewg-ict',
        name: 'Open-ended Working Group on security of and in the use of ICTs',
        shortName: 'OEWG',
        parentBody: 'UN General Assembly, First Committee',
        mandate:
          'Resolution 75/240: to continue to develop the rules, norms and principles of responsible behaviour of States.',
        status: 'active',
        established: '2020',
        aliases: ['OEWG on ICTs'],
      },
      response: {
        id: '0190f3a2-7c1e-7d4a-9b1e-3f2a1c5d6e7f',
        slug: 'oewg-ict',
        name: 'Open-ended Working Group on security of and in the use of ICTs',
        shortName: 'OEWG',
        parentBody: 'UN General Assembly, First Committee',
        mandate:
          'Resolution 75/240: to continue to develop the rules, norms and principles of responsible behaviour of States.',
        status: 'active',
        established: '2020',
        aliases: ['OEWG', 'OEWG on ICTs'],
      },
    },
  });
}
