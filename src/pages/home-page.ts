/** The home page: every process plenum holds, with the number of its documents. */
import type { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { getProcessesWithCounts } from '../documents/documents.service.ts';
import { processListPage } from '../processes/processes.views.ts';

/** Mounts the home page. */
export function mountHomePage(app: Hono<AppEnv>): void {
  app.get('/', async (c) =>
    c.html(processListPage(c.var.page, await getProcessesWithCounts(c.var.deps.db, c.var.viewer))),
  );
}
