/**
 * Routes of organisations: the list, registration, verification, representatives, the API (an
 * organisation's page is in src/pages/organisation-page.ts).
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { checkForm } from '../accounts/accounts.middleware.ts';
import { isPlenumError, onField, PlenumError } from '../errors.ts';
import type { ApiRegistry } from '../api/api-registry.ts';
import { decodeCursor, nextCursorSchema, pageOf, pageQuery } from '../api/cursor.ts';
import { clockOf, type AppEnv } from '../context.ts';
import {
  newOrganisationSchema,
  organisationSchema,
  revocationSchema,
  verificationSchema,
} from './organisations.schema.ts';
import {
  addRepresentative,
  getOrganisation,
  getOrganisations,
  getOrganisationsPage,
  pageKeyOfOrganisation,
  registerOrganisation,
  revokeRepresentative,
  revokeVerification,
  verifyOrganisation,
  verifyRepresentative,
} from './organisations.service.ts';
import { newOrganisationPage, organisationListPage } from './organisations.views.ts';

const organisationParams = z.object({
  ref: z.string().max(200).describe('Organisation id or slug'),
});
const representativeParams = organisationParams.extend({
  accountId: z.string().max(100).describe('Account id of the representative'),
});

/** The API routes of verification: an organisation, and each of its representatives. */
function verificationApi(api: ApiRegistry): void {
  const errors = [
    'FORBIDDEN',
    'ORGANISATION_NOT_FOUND',
    'GOVERNMENT_ALREADY_VERIFIED',
    'VERIFICATION_CONFLICT',
  ] as const;
  api.post({
    path: '/api/organisations/:ref/verify',
    scope: 'secretariat',
    summary:
      'Verify an organisation with the kind of proof and its reference (a secretariat or an administrator)',
    tag: 'organisations',
    auth: true,
    params: organisationParams,
    body: verificationSchema,
    response: z.object({ organisation: organisationSchema }),
    errors: [...errors],
    handler: async (c, { params, body }) => ({
      organisation: await c.var.deps.db
        .transaction()
        .execute((trx) =>
          verifyOrganisation(trx, c.var.viewer, params.ref, body, clockOf(c.var.deps)),
        ),
    }),
  });
  api.post({
    path: '/api/organisations/:ref/revoke',
    scope: 'secretariat',
    summary: "Revoke an organisation's verification, with the reason",
    tag: 'organisations',
    auth: true,
    params: organisationParams,
    body: revocationSchema,
    response: z.object({ organisation: organisationSchema }),
    errors: [...errors],
    handler: async (c, { params, body }) => ({
      organisation: await c.var.deps.db
        .transaction()
        .execute((trx) => revokeVerification(trx, c.var.viewer, params.ref, body)),
    }),
  });
  api.post({
    path: '/api/organisations/:ref/representatives/:accountId/verify',
    scope: 'secretariat',
    summary: 'Verify a representative of an organisation, with the kind of proof and its reference',
    tag: 'organisations',
    auth: true,
    params: representativeParams,
    body: verificationSchema,
    response: z.object({ organisation: organisationSchema }),
    errors: [...errors, 'ACCOUNT_NOT_FOUND'],
    handler: async (c, { params, body }) => ({
      organisation: await c.var.deps.db
        .transaction()
        .execute((trx) =>
          verifyRepresentative(
            trx,
            c.var.viewer,
            { organisation: params.ref, accountId: params.accountId },
            body,
            clockOf(c.var.deps),
          ),
        ),
    }),
  });
  api.post({
    path: '/api/organisations/:ref/representatives/:accountId/revoke',
    scope: 'secretariat',
    summary: "Revoke a representative's verification, with the reason",
    tag: 'organisations',
    auth: true,
    params: representativeParams,
    body: revocationSchema,
    response: z.object({ organisation: organisationSchema }),
    errors: [...errors],
    handler: async (c, { params, body }) => ({
      organisation: await c.var.deps.db
        .transaction()
        .execute((trx) =>
          revokeRepresentative(
            trx,
            c.var.viewer,
            { organisation: params.ref, accountId: params.accountId },
            body,
          ),
        ),
    }),
  });
}

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
    // Refused, the form comes back filled in (form-refusal.ts).
    const organisation = await c.var.deps.db
      .transaction()
      .execute((trx) => registerOrganisation(trx, c.var.viewer, values));
    return c.redirect(`/organisations/${organisation.slug}`, 303);
  });

  app.post('/organisations/:ref/representatives', async (c) => {
    const body = await checkForm(c);
    const ref = c.req.param('ref');
    await c.var.deps.db
      .transaction()
      .execute((trx) =>
        addRepresentative(trx, c.var.viewer, ref, typeof body.email === 'string' ? body.email : ''),
      )
      .catch((error: unknown) => {
        // "No account uses this address" is told beside the address typed.
        throw isPlenumError(error) && error.code === 'ACCOUNT_NOT_FOUND'
          ? onField(error, 'email')
          : error;
      });
    const organisation = await getOrganisation(c.var.deps.db, ref);
    return c.redirect(`/organisations/${organisation.slug}`, 303);
  });

  api.get({
    path: '/api/organisations',
    summary: 'The registered organisations by name, a page at a time',
    tag: 'organisations',
    query: pageQuery,
    response: z.object({
      organisations: z.array(organisationSchema),
      nextCursor: nextCursorSchema,
    }),
    errors: [],
    handler: async (c, { query }) => {
      const read = await getOrganisationsPage(
        c.var.deps.db,
        decodeCursor(query.cursor),
        query.limit + 1,
      );
      const { items, nextCursor } = pageOf(read, query.limit, pageKeyOfOrganisation);
      return { organisations: items, nextCursor };
    },
  });
  api.post({
    path: '/api/organisations',
    scope: 'submit',
    summary:
      'Register an organisation (any signed-in account; a government names its State, one per State); answers with it, unverified',
    tag: 'organisations',
    status: 201,
    body: newOrganisationSchema,
    response: z.object({ organisation: organisationSchema }),
    examples: {
      body: {
        name: 'Registry Operators Forum',
        stakeholderGroup: 'technical_community',
        country: 'KEN',
        website: 'https://registry-operators.example.org',
      },
    },
    errors: ['ORGANISATION_CONFLICT', 'GOVERNMENT_ALREADY_VERIFIED'],
    // The page's call, in the page's transaction.
    handler: async (c, { body }) => ({
      organisation: await c.var.deps.db
        .transaction()
        .execute((trx) => registerOrganisation(trx, c.var.viewer, body)),
    }),
  });
  api.post({
    path: '/api/organisations/:ref/representatives',
    scope: 'submit',
    summary:
      'Add a representative to an organisation by the e-mail address of their account (a representative of the organisation); answers with the organisation',
    tag: 'organisations',
    params: organisationParams,
    body: z.object({
      email: z
        .string()
        .trim()
        .min(1, 'Enter the e-mail address of their account.')
        .max(320)
        .describe('The e-mail address of the account to add'),
    }),
    response: z.object({ organisation: organisationSchema }),
    errors: ['FORBIDDEN', 'ORGANISATION_NOT_FOUND', 'ACCOUNT_NOT_FOUND'],
    handler: async (c, { params, body }) => {
      await c.var.deps.db
        .transaction()
        .execute((trx) => addRepresentative(trx, c.var.viewer, params.ref, body.email))
        .catch((error: unknown) => {
          throw isPlenumError(error) && error.code === 'ACCOUNT_NOT_FOUND'
            ? onField(error, 'email')
            : error;
        });
      return { organisation: await getOrganisation(c.var.deps.db, params.ref) };
    },
  });
  verificationApi(api);
}
