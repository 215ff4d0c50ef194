/**
 * The account page and the forms that draw it again (password, API token, calendar address): the
 * account's own sections, with the viewer's submissions and calendar read and drawn by their
 * features.
 */
import type { Context, Hono } from 'hono';
import { checkForm, cookies, readPlenumCookie } from '../accounts/accounts.middleware.ts';
import {
  changePassword,
  makeApiToken,
  getApiTokens,
  getRecentTokenUses,
  requestVerificationLink,
} from '../accounts/accounts.service.ts';
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import { isPlenumError, PlenumError } from '../errors.ts';
import { getAccountCalendar, renewCalendarAddress } from '../meetings/meetings.service.ts';
import { findOrganisationsByIds } from '../organisations/organisations.service.ts';
import { findProcessById } from '../processes/processes.service.ts';
import { getMySubmissions } from '../submissions/submissions.service.ts';
import { clientNetwork, clockOf, retryAfter, type AppEnv } from '../context.ts';
import { siteBase } from '../site-base.ts';
import { errorText } from '../web/error-text.ts';
import { fill, isolated } from '../web/i18n.ts';
import type { Markup } from '../web/layout.ts';
import { accountPage } from './account-page.views.ts';

function field(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}

/** The viewer's roles, each named by the organisation or process it is held on. */
async function rolesOf(
  db: Db,
  viewer: Viewer,
): Promise<{ role: string; scope: string; href: string }[]> {
  const organisations = await findOrganisationsByIds(
    db,
    viewer.grants.filter((g) => g.role === 'representative').map((g) => g.scopeId),
  );
  const roles: { role: string; scope: string; href: string }[] = viewer.isAdmin
    ? [{ role: 'admin', scope: '', href: '/' }]
    : [];
  for (const grant of viewer.grants) {
    if (grant.role === 'representative') {
      const o = organisations.get(grant.scopeId);
      if (o) roles.push({ role: grant.role, scope: o.name, href: `/organisations/${o.slug}` });
    } else {
      const p = await findProcessById(db, grant.scopeId);
      if (p)
        roles.push({
          role: grant.role,
          scope: p.shortName ?? p.name,
          href: `/processes/${p.slug}`,
        });
    }
  }
  return roles;
}

/** How many of each token's latest uses the account page shows (the API gives its last 100). */
const usesShownPerToken = 5;

async function renderAccount(
  c: Context<AppEnv>,
  extra: { newToken?: string; newCalendar?: string; message?: string; error?: Markup } = {},
  status: 200 | 400 | 401 | 429 = 200,
) {
  const viewer = c.var.viewer;
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  const { db } = c.var.deps;
  const tokens = await getApiTokens(db, viewer);
  return c.html(
    accountPage(c.var.page, {
      roles: await rolesOf(db, viewer),
      submissions: await getMySubmissions(db, viewer),
      tokens,
      tokenUses: await getRecentTokenUses(
        db,
        viewer,
        tokens.map((t) => t.id),
        usesShownPerToken,
        c.var.deps.tokenUses,
      ),
      calendar: await getAccountCalendar(db, viewer),
      ...(c.var.deps.mail ? { mail: c.var.deps.mail } : {}),
      ...extra,
    }),
    status,
  );
}

/** Mounts the account page and the forms that answer with it. */
export function accountPageRoutes(app: Hono<AppEnv>): void {
  app.get('/account', (c) => renderAccount(c));
  app.post('/account/password', async (c) => {
    const body = await checkForm(c);
    // Refused, the account page comes back with the problem beside its field (form-refusal.ts).
    await c.var.deps.db.transaction().execute((trx) =>
      changePassword(trx, c.var.viewer, readPlenumCookie(c, cookies.session) ?? '', {
        current: field(body, 'current'),
        password: field(body, 'password'),
      }),
    );
    return renderAccount(c, { message: c.var.ui.m.accounts.passwordChanged });
  });
  app.post('/account/verification', async (c) => {
    await checkForm(c);
    const viewer = c.var.viewer;
    if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
    const now = clockOf(c.var.deps);
    try {
      await c.var.deps.limits.mailLink(viewer.email, clientNetwork(c), now);
    } catch (error) {
      if (!isPlenumError(error) || error.status !== 429) throw error;
      retryAfter(c, error);
      return renderAccount(c, { error: errorText(c.var.ui, error) }, 429);
    }
    await c.var.deps.db.transaction().execute((trx) => requestVerificationLink(trx, viewer, now));
    return renderAccount(c, {
      message: fill(c.var.ui.m.accounts.linkSent, { email: isolated(viewer.email) }),
    });
  });
  app.post('/account/tokens', async (c) => {
    const body = await checkForm(c);
    // The form always sends an empty `scopes` beside its boxes, so that none ticked is refused by
    // name rather than taken as the default (which a post without the field gets).
    const scopes =
      body.scopes === undefined ? undefined : [body.scopes].flat().filter((s) => s !== '');
    const days = field(body, 'expiresInDays');
    const token = await c.var.deps.db.transaction().execute((trx) =>
      makeApiToken(
        trx,
        c.var.viewer,
        {
          name: field(body, 'name') ?? '',
          ...(scopes ? { scopes } : {}),
          ...(days ? { expiresInDays: days } : {}),
        },
        clockOf(c.var.deps),
      ),
    );
    return renderAccount(c, { newToken: token.secret });
  });
  app.post('/account/calendar', async (c) => {
    await checkForm(c);
    const secret = await c.var.deps.db
      .transaction()
      .execute((trx) => renewCalendarAddress(trx, c.var.viewer, clockOf(c.var.deps)));
    return renderAccount(c, { newCalendar: `${siteBase(c)}/calendar/${secret}.ics` });
  });
}
