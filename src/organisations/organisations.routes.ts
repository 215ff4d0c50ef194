/**
 * Routes of organisations: the list, registration, verification, representatives, the API (an
 * organisation's page is in src/pages/organisation-page.ts).
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { checkForm } from '../accounts/accounts.middleware.ts';
import { isPlenumError, PlenumError } from '../errors.ts';
import type { ApiRegistry } from '../api/api-registry.ts';
import { errorText } from '../web/error-text.ts';
import type { AppEnv } from '../context.ts';
import { organisationSchema } from './organisations.schema.ts';
import {
  addRepresentative,
  getOrganisation,
  getOrganisations,
  registerOrganisation,
  verifyOrganisation,
} from './organisations.service.ts';
import { newOrganisationPage, organisationListPage } from './organisations.views.ts';

/** Mounts the organisation pages and registers their API routes. */
export function organisationRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.get('/organisations', async (c) =>
    c.html(organisationListPage(c.var.page, await getOrganisations(c.var.deps.db))),
  );

  app.get('/organisations/new', (c) => {
    if (!c.var.viewer) throw new PlenumError('SIGN_IN_REQUIRED');
    return c.html(newOrganisationPage(c.var.page));
  });

  app.post('/organisations', async (c) => {
    const body = await checkForm(c);
    const values = Object.fromEntries(
      ['name', 'stakeholderGroup', 'country', 'website'].map((k) => [
        k,
        typeof body[k] === 'string' ? (body[k] as string) : '',
      ]),
    );
    try {
      const organisation = await c.var.deps.db
        .transaction()
        .execute((trx) => registerOrganisation(trx, c.var.viewer, values));
      return c.redirect(`/organisations/${organisation.slug}`, 303);
    } catch (error) {
      if (!isPlenumError(error) || error.code === 'SIGN_IN_REQUIRED' || error.status >= 500)
        throw error;
      return c.html(
        newOrganisationPage(c.var.page, { error: errorText(c.var.ui, error), values }),
        error.status as 400 | 409,
      );
    }
  });

  app.post('/organisations/:ref/verify', async (c) => {
    await checkForm(c);
    const organisation = await c.var.deps.db
      .transaction()
      .execute((trx) => verifyOrganisation(trx, c.var.viewer, c.req.param('ref')));
    return c.redirect(`/organisations/${organisation.slug}`, 303);
  });

  app.post('/organisations/:ref/representatives', async (c) => {
    const body = await checkForm(c);
    const ref = c.req.param('ref');
    await c.var.deps.db
      .transaction()
      .execute((trx) =>
        addRepresentative(trx, c.var.viewer, ref, typeof body.email === 'string' ? body.email : ''),
      );
    const organisation = await getOrganisation(c.var.deps.db, ref);
    return c.redirect(`/organisations/${organisation.slug}`, 303);
  });

  api.get({
    path: '/api/organisations',
    summary: 'Every registered organisation',
    tag: 'organisations',
    response: z.object({ organisations: z.array(organisationSchema) }),
    errors: [],
    handler: async (c) => ({ organisations: await getOrganisations(c.var.deps.db) }),
  });
}
