/** The page of a process: its mandate, meetings, comment periods and documents. */
import type { Hono } from 'hono';
import { clockOf, type AppEnv } from '../context.ts';
import { getPeriodsOfProcess } from '../consultations/consultations.service.ts';
import { processPeriodsSection } from '../consultations/consultations.views.ts';
import { getProcessWithDocuments } from '../documents/documents.service.ts';
import { processDocumentsSection } from '../documents/documents.views.ts';
import { followsProcess, getUpcomingMeetings } from '../meetings/meetings.service.ts';
import { processMeetingsSection } from '../meetings/meetings.views.ts';
import { canActAsSecretariat } from '../processes/processes.policy.ts';
import { getContentTranslations } from '../processes/translations.service.ts';
import { getOpenDrafts } from '../imports/import-drafts.service.ts';
import { importSection } from '../imports/import-drafts.views.ts';
import { processPage } from './process-page.views.ts';

/** Mounts the process page: each feature draws its section, read through its own service. */
export function mountProcessPage(app: Hono<AppEnv>): void {
  app.get('/processes/:process', async (c) => {
    const { db } = c.var.deps;
    const ctx = c.var.page;
    const { process, documents } = await getProcessWithDocuments(
      db,
      c.req.param('process'),
      c.var.viewer,
    );
    const now = clockOf(c.var.deps);
    const [periods, upcoming, following] = await Promise.all([
      getPeriodsOfProcess(db, c.var.viewer, process.id, now),
      getUpcomingMeetings(db, process.id, now),
      c.var.viewer ? followsProcess(db, c.var.viewer, process.id) : null,
    ]);
    const canManage = canActAsSecretariat(c.var.viewer, process.id);
    const translations = await getContentTranslations(
      db,
      [
        { type: 'process', id: process.id },
        ...periods.map((p) => ({ type: 'period' as const, id: p.id })),
        ...documents.flatMap((d) =>
          d.versions.map((v) => ({ type: 'version' as const, id: v.id })),
        ),
      ],
      ctx.ui.lang,
    );
    const tctx = { ...ctx, translations };
    // Only the secretariat sees the upload form and the drafts waiting to be published.
    const imports = canManage
      ? importSection(tctx, process, await getOpenDrafts(db, c.var.viewer, process.id))
      : '';
    return c.html(
      processPage(
        tctx,
        process,
        {
          meetings: processMeetingsSection(tctx, process, upcoming, { canManage, following }),
          periods: processPeriodsSection(tctx, process, periods, { canOpenPeriod: canManage }),
          documents: processDocumentsSection(tctx, documents),
          imports,
        },
        { canTranslate: canManage },
      ),
    );
  });
}
