/**
 * An organisation's page: its details and verification, with its submissions read and drawn by
 * the submissions feature; and the secretariat's verification forms, which come back to it.
 */
import type { Context, Hono } from 'hono';
import { checkForm } from '../accounts/accounts.middleware.ts';
import { clockOf, type AppEnv } from '../context.ts';
import { isPlenumError } from '../errors.ts';
import { canAddRepresentative, canVerify } from '../organisations/organisations.policy.ts';
import {
  getOrganisation,
  getRepresentatives,
  revokeRepresentative,
  revokeVerification,
  verifyOrganisation,
  verifyRepresentative,
} from '../organisations/organisations.service.ts';
import type { Organisation } from '../organisations/organisations.schema.ts';
import { getPublishedSubmissions } from '../submissions/submissions.service.ts';
import { errorText } from '../web/error-text.ts';
import type { Markup } from '../web/layout.ts';
import { organisationPage } from './organisation-page.views.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The page of an organisation, with a refused verification's message and what was typed. */
async function showOrganisation(
  c: Context<AppEnv>,
  organisation: Organisation,
  refused?: { error: Markup; values: Record<string, string> },
): Promise<Markup> {
  const { db } = c.var.deps;
  const before = c.req.query('before');
  const page = await getPublishedSubmissions(
    db,
    { organisationId: organisation.id },
    {},
    before && uuid.test(before) ? { before } : {},
  );
  const viewer = c.var.viewer;
  const verifies = canVerify(viewer) && organisation.stakeholderGroup !== 'individual';
  return organisationPage(c.var.page, organisation, {
    ...page,
    canVerify: verifies,
    canAddRepresentative: canAddRepresentative(viewer, organisation.id),
    ...(verifies ? { representatives: await getRepresentatives(db, viewer, organisation.id) } : {}),
    ...(refused ?? {}),
  });
}

/** The text fields of a verification form, as typed. */
function typed(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    ['kind', 'reason'].map((k) => [k, typeof body[k] === 'string' ? (body[k] as string) : '']),
  );
}

/**
 * A verification form's post: the act in its own transaction, then back to the page; a refusal
 * (no reason, a second government) shows the page again with the message and what was typed.
 */
function verificationPost(
  app: Hono<AppEnv>,
  path: string,
  act: (
    c: Context<AppEnv>,
    trx: Parameters<typeof verifyOrganisation>[0],
    values: Record<string, string>,
  ) => Promise<Organisation>,
): void {
  app.post(path, async (c) => {
    const values = typed(await checkForm(c));
    try {
      const organisation = await c.var.deps.db.transaction().execute((trx) => act(c, trx, values));
      return c.redirect(`/organisations/${organisation.slug}`, 303);
    } catch (error) {
      if (!isPlenumError(error) || error.status >= 500 || error.status === 401) throw error;
      if (error.code === 'FORBIDDEN' || error.code === 'ORGANISATION_NOT_FOUND') throw error;
      const organisation = await getOrganisation(c.var.deps.db, c.req.param('ref') ?? '');
      const message = errorText(c.var.ui, error);
      return c.html(
        await showOrganisation(c, organisation, { error: message, values }),
        error.status as 400 | 409,
      );
    }
  });
}

/** Mounts an organisation's page (after the organisation routes, so /organisations/new comes first). */
export function organisationPageRoutes(app: Hono<AppEnv>): void {
  app.get('/organisations/:ref', async (c) => {
    const organisation = await getOrganisation(c.var.deps.db, c.req.param('ref'));
    return c.html(await showOrganisation(c, organisation));
  });

  verificationPost(app, '/organisations/:ref/verify', (c, trx, values) =>
    verifyOrganisation(trx, c.var.viewer, c.req.param('ref') ?? '', values, clockOf(c.var.deps)),
  );
  verificationPost(app, '/organisations/:ref/revoke', (c, trx, values) =>
    revokeVerification(trx, c.var.viewer, c.req.param('ref') ?? '', values),
  );
  verificationPost(app, '/organisations/:ref/representatives/:accountId/verify', (c, trx, values) =>
    verifyRepresentative(
      trx,
      c.var.viewer,
      { organisation: c.req.param('ref') ?? '', accountId: c.req.param('accountId') ?? '' },
      values,
      clockOf(c.var.deps),
    ),
  );
  verificationPost(app, '/organisations/:ref/representatives/:accountId/revoke', (c, trx, values) =>
    revokeRepresentative(
      trx,
      c.var.viewer,
      { organisation: c.req.param('ref') ?? '', accountId: c.req.param('accountId') ?? '' },
      values,
    ),
  );
}
