/** Routes of processes: the JSON API of the list of processes. */
import { z } from 'zod';
import type { ApiRegistry } from '../api/api-registry.ts';
import { processSchema } from './processes.schema.ts';
import { getProcesses } from './processes.service.ts';

/** Registers the process API routes (the home and process pages are in src/pages/). */
export function processRoutes(api: ApiRegistry): void {
  api.get({
    path: '/api/processes',
    summary: 'List every process',
    tag: 'processes',
    response: z.object({ processes: z.array(processSchema) }),
    errors: [],
    handler: async (c) => ({ processes: await getProcesses(c.var.deps.db) }),
  });
}
