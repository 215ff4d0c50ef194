/**
 * The home page: what is happening in every process (open comment periods, this week's and next
 * week's meetings, the newest versions, the concepts most mentioned lately), then every process.
 * Each part is one bounded, indexed read, so the page costs the same with a million submissions.
 */
import type { Hono } from 'hono';
import { clockOf, type AppEnv } from '../context.ts';
import { activeConceptWindow, getActiveConcepts } from '../concepts/concepts.service.ts';
import { getOpenPeriods } from '../consultations/consultations.service.ts';
import { getProcessesWithCounts, getRecentVersions } from '../documents/documents.service.ts';
import { getMeetingsThisWeekAndNext } from '../meetings/meetings.service.ts';
import { getContentTranslations } from '../processes/translations.service.ts';
import { homePage } from './home-page.views.ts';

/** Mounts the home page. */
export function mountHomePage(app: Hono<AppEnv>): void {
  app.get('/', async (c) => {
    const { db } = c.var.deps;
    const ctx = c.var.page;
    const now = clockOf(c.var.deps);
    const [processes, openPeriods, meetings, versions, concepts] = await Promise.all([
      getProcessesWithCounts(db, c.var.viewer),
      getOpenPeriods(db, c.var.viewer, now),
      getMeetingsThisWeekAndNext(db, now),
      getRecentVersions(db),
      getActiveConcepts(db),
    ]);
    const translations = await getContentTranslations(
      db,
      [
        ...processes.map((p) => ({ type: 'process' as const, id: p.id })),
        ...openPeriods.map((p) => ({ type: 'period' as const, id: p.id })),
        ...versions.map((v) => ({ type: 'version' as const, id: v.versionId })),
      ],
      ctx.ui.lang,
    );
    return c.html(
      homePage(
        { ...ctx, translations },
        {
          processes,
          openPeriods,
          meetings,
          versions,
          concepts,
          conceptWindow: activeConceptWindow,
        },
      ),
    );
  });
}
