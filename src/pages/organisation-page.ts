/** An organisation's page: its details, with its submissions read and drawn by the submissions feature. */
import type { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { canAddRepresentative, canVerify } from '../organisations/organisations.policy.ts';
import { getOrganisation } from '../organisations/organisations.service.ts';
import { getPublishedSubmissions } from '../submissions/submissions.service.ts';
import { organisationPage } from './organisation-page.views.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Mounts an organisation's page (after the organisation routes, so /organisations/new comes first). */
export function organisationPageRoutes(app: Hono<AppEnv>): void {
  app.get('/organisations/:ref', async (c) => {
    const { db } = c.var.deps;
    const organisation = await getOrganisation(db, c.req.param('ref'));
    const before = c.req.query('before');
    const page = await getPublishedSubmissions(
      db,
      { organisationId: organisation.id },
      {},
      before && uuid.test(before) ? { before } : {},
    );
    const viewer = c.var.viewer;
    return c.html(
      organisationPage(c.var.page, organisation, {
        ...page,
        canVerify: canVerify(viewer),
        canAddRepresentative: canAddRepresentative(viewer, organisation.id),
      }),
    );
  });
}
