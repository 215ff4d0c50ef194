/** Routes of processes: the home page, process pages and their JSON API. */
import type { Hono } from 'hono';
import { z } from 'zod';
import { documentSchema } from '../documents/documents.schema.ts';
import { getProcessesWithCounts, getProcessWithDocuments } from '../documents/documents.service.ts';
import { canActAsSecretariat } from './processes.policy.ts';
import type { ApiRegistry } from '../api/api-registry.ts';
import type { AppEnv } from '../context.ts';
import { processSchema } from './processes.schema.ts';
import { getProcesses } from './processes.service.ts';
import { processListPage, processPage } from './processes.views.ts';
import { getPeriodsOfProcess } from '../consultations/consultations.service.ts';
import { clockOf } from '../context.ts';
import { followsProcess, getUpcomingMeetings } from '../meetings/meetings.service.ts';

const processRef = z.object({
  process: z
    .string()
    .min(1)
    .max(200)
    .describe('Process id, slug (e.g. "oewg") or alias (e.g. "OECE")'),
});

/** Mounts the process pages and registers the process API routes. */
export function processRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.get('/', async (c) =>
    c.html(processListPage(c.var.page, await getProcessesWithCounts(c.var.deps.db, c.var.viewer))),
  );

  app.get('/processes/:process', async (c) => {
    const { db } = c.var.deps;
    const reading = await getProcessWithDocuments(db, c.req.param('process'), c.var.viewer);
    const now = clockOf(c.var.deps);
    const [periods, upcoming, following] = await Promise.all([
      getPeriodsOfProcess(db, c.var.viewer, reading.process.id, now),
      getUpcomingMeetings(db, reading.process.id, now),
      c.var.viewer ? followsProcess(db, c.var.viewer, reading.process.id) : null,
    ]);
    return c.html(
      processPage(c.var.page, reading, periods, {
        canOpenPeriod: canActAsSecretariat(c.var.viewer, reading.process.id),
        meetings: { upcoming, following },
      }),
    );
  });

  api.get({
    path: '/api/processes',
    summary: 'List every process',
    tag: 'processes',
    response: z.object({ processes: z.array(processSchema) }),
    errors: [],
    handler: async (c) => ({ processes: await getProcesses(c.var.deps.db) }),
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
}
