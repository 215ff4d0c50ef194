/** Routes of revisions: the comparison of two versions of a document. */
import type { Hono } from 'hono';
import { PlenumError } from '../errors.ts';
import type { AppEnv } from '../context.ts';
import { withContentTranslations } from '../processes/translations.service.ts';
import { compareVersions } from './revisions.service.ts';
import { comparisonPage } from './revisions.views.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Mounts the comparison page: /documents/:id/compare?from=1&to=2&lang=en. */
export function revisionRoutes(app: Hono<AppEnv>): void {
  app.get('/documents/:id/compare', async (c) => {
    const id = c.req.param('id');
    if (!uuid.test(id)) throw new PlenumError('DOCUMENT_NOT_FOUND');
    const from = Number(c.req.query('from'));
    const to = Number(c.req.query('to'));
    const language = c.req.query('lang') ?? 'en';
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < 1) {
      throw new PlenumError('INVALID_REQUEST', 'Give the versions to compare as ?from=1&to=2.');
    }
    if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language))
      throw new PlenumError('INVALID_REQUEST', 'lang: a language tag such as en.');
    // Aligning for the first time writes rows: one transaction, so a failure leaves nothing half-done.
    const comparison = await c.var.deps.db
      .transaction()
      .execute((trx) =>
        compareVersions(trx, c.var.viewer, id.toLowerCase(), { from, to, language }),
      );
    const ctx = await withContentTranslations(c.var.deps.db, c.var.page, [
      { type: 'process', id: comparison.process.id },
      { type: 'version', id: comparison.from.id },
      { type: 'version', id: comparison.to.id },
    ]);
    return c.html(comparisonPage(ctx, comparison));
  });
}
