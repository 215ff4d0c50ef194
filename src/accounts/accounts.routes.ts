/** Routes of accounts: sign-up, sign-in, sign-out, the account page, API tokens, the language choice. */
import type { Context, Hono } from 'hono';
import { isPlenumError, PlenumError } from '../errors.ts';
import { findOrganisations } from '../organisations/organisations.store.ts';
import { getAccountCalendar, renewCalendarAddress } from '../meetings/meetings.service.ts';
import { findProcess } from '../processes/processes.store.ts';
import { getMySubmissions } from '../submissions/submissions.service.ts';
import { errorText } from '../web/error-text.ts';
import type { Markup } from '../web/layout.ts';
import { safeBack } from '../web/links.ts';
import { clientNetwork, clockOf, retryAfter, type AppEnv } from '../context.ts';
import { isUiLanguage } from '../web/i18n.ts';
import { siteBase } from '../site-base.ts';
import { listApiTokens } from './accounts.store.ts';
import {
  authenticate,
  changePassword,
  closeSession,
  createApiToken,
  openSession,
  revokeToken,
  sessionDays,
  signUp,
} from './accounts.service.ts';
import {
  checkForm,
  cookies,
  deletePlenumCookie,
  readPlenumCookie,
  setPlenumCookie,
} from './accounts.middleware.ts';
import { accountPage, signInPage, signUpPage } from './accounts.views.ts';

function field(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}

async function renderAccount(
  c: Context<AppEnv>,
  extra: { newToken?: string; newCalendar?: string; message?: string; error?: Markup } = {},
  status: 200 | 400 | 401 = 200,
) {
  const viewer = c.var.viewer;
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  const { db } = c.var.deps;
  const organisations = await findOrganisations(
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
      const p = await findProcess(db, { id: grant.scopeId });
      if (p)
        roles.push({
          role: grant.role,
          scope: p.shortName ?? p.name,
          href: `/processes/${p.slug}`,
        });
    }
  }
  return c.html(
    accountPage(c.var.page, {
      roles,
      organisations: [...organisations.values()],
      submissions: await getMySubmissions(db, viewer),
      tokens: await listApiTokens(db, viewer.id),
      calendar: await getAccountCalendar(db, viewer),
      ...extra,
    }),
    status,
  );
}

/** Mounts the account pages. */
export function accountRoutes(app: Hono<AppEnv>): void {
  app.get('/language/:lang', (c) => {
    const lang = c.req.param('lang');
    if (!isUiLanguage(lang))
      throw new PlenumError('NOT_FOUND', 'plenum speaks ar, zh, en, fr, ru and es.');
    setPlenumCookie(c, cookies.language, lang, 365 * 86_400);
    return c.redirect(safeBack(c.req.query('back')), 303);
  });

  app.get('/sign-in', (c) =>
    c.html(signInPage(c.var.page, { back: safeBack(c.req.query('back')) })),
  );
  app.post('/sign-in', async (c) => {
    const body = await checkForm(c);
    const { db } = c.var.deps;
    try {
      // Not in a transaction: a failed attempt must be counted even though the sign-in fails.
      const account = await authenticate(
        db,
        {
          email: field(body, 'email'),
          password: field(body, 'password'),
        },
        { limits: c.var.deps.limits, address: clientNetwork(c), now: clockOf(c.var.deps) },
      );
      const secret = await openSession(db, account.id, clockOf(c.var.deps));
      setPlenumCookie(c, cookies.session, secret, sessionDays * 86_400);
      return c.redirect(safeBack(body.back), 303);
    } catch (error) {
      if (!isPlenumError(error) || error.code === 'INTERNAL') throw error;
      retryAfter(c, error);
      return c.html(
        signInPage(c.var.page, {
          email: field(body, 'email') ?? '',
          error: errorText(c.var.ui, error),
          back: safeBack(body.back),
        }),
        error.status as 401 | 429 | 503,
      );
    }
  });

  app.get('/sign-up', (c) => c.html(signUpPage(c.var.page)));
  app.post('/sign-up', async (c) => {
    const body = await checkForm(c);
    const { db } = c.var.deps;
    const input = {
      email: field(body, 'email'),
      name: field(body, 'name'),
      password: field(body, 'password'),
    };
    try {
      await c.var.deps.limits.signUp(clientNetwork(c), clockOf(c.var.deps));
      const account = await db.transaction().execute((trx) => signUp(trx, input));
      const secret = await openSession(db, account.id, clockOf(c.var.deps));
      setPlenumCookie(c, cookies.session, secret, sessionDays * 86_400);
      return c.redirect('/account', 303);
    } catch (error) {
      // A refusal that lasts a while (too many sign-ups, passwords busy) keeps the form too.
      if (!isPlenumError(error) || (error.status >= 500 && error.retryAfterSeconds === undefined))
        throw error;
      retryAfter(c, error);
      return c.html(
        signUpPage(c.var.page, {
          email: input.email ?? '',
          name: input.name ?? '',
          error: errorText(c.var.ui, error),
        }),
        error.retryAfterSeconds === undefined ? 400 : (error.status as 429 | 503),
      );
    }
  });

  app.post('/sign-out', async (c) => {
    await checkForm(c);
    const secret = readPlenumCookie(c, cookies.session);
    if (secret) await closeSession(c.var.deps.db, secret);
    deletePlenumCookie(c, cookies.session);
    return c.redirect('/', 303);
  });

  app.get('/account', (c) => renderAccount(c));
  app.post('/account/password', async (c) => {
    const body = await checkForm(c);
    try {
      await c.var.deps.db.transaction().execute((trx) =>
        changePassword(trx, c.var.viewer, readPlenumCookie(c, cookies.session) ?? '', {
          current: field(body, 'current'),
          password: field(body, 'password'),
        }),
      );
      return renderAccount(c, { message: c.var.ui.m.accounts.passwordChanged });
    } catch (error) {
      if (!isPlenumError(error) || error.code === 'SIGN_IN_REQUIRED' || error.status >= 500)
        throw error;
      return renderAccount(c, { error: errorText(c.var.ui, error) }, 400);
    }
  });
  app.post('/account/tokens', async (c) => {
    const body = await checkForm(c);
    const token = await c.var.deps.db
      .transaction()
      .execute((trx) => createApiToken(trx, c.var.viewer, field(body, 'name') ?? ''));
    return renderAccount(c, { newToken: token });
  });
  app.post('/account/calendar', async (c) => {
    await checkForm(c);
    const secret = await c.var.deps.db
      .transaction()
      .execute((trx) => renewCalendarAddress(trx, c.var.viewer, clockOf(c.var.deps)));
    return renderAccount(c, { newCalendar: `${siteBase(c)}/calendar/${secret}.ics` });
  });
  app.post('/account/tokens/:id/revoke', async (c) => {
    await checkForm(c);
    await c.var.deps.db
      .transaction()
      .execute((trx) => revokeToken(trx, c.var.viewer, c.req.param('id')));
    return c.redirect('/account', 303);
  });
}
