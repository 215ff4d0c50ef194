/**
 * Routes of accounts: sign-up, sign-in, sign-out, revoking an API token, the language choice (the
 * account page and the forms that draw it again are in src/pages/account-page.ts).
 */
import type { Hono } from 'hono';
import { isPlenumError, onField, PlenumError } from '../errors.ts';
import { errorText } from '../web/error-text.ts';
import { safeBack } from '../web/links.ts';
import { clientNetwork, clockOf, type AppEnv } from '../context.ts';
import { isUiLanguage } from '../web/i18n.ts';
import {
  authenticate,
  closeSession,
  openSession,
  requestPasswordReset,
  resetPassword,
  revokeToken,
  sessionDays,
  setAccountLanguage,
  signUp,
  verifyEmailAddress,
} from './accounts.service.ts';
import {
  checkForm,
  cookies,
  deletePlenumCookie,
  readPlenumCookie,
  setPlenumCookie,
} from './accounts.middleware.ts';
import {
  forgotPasswordPage,
  resetPasswordPage,
  signInPage,
  signUpPage,
  verifyEmailPage,
} from './accounts.views.ts';

function field(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}

/** Mounts the sign-in and sign-up pages and the account's actions that answer with no page. */
export function accountRoutes(app: Hono<AppEnv>): void {
  app.get('/language/:lang', async (c) => {
    const lang = c.req.param('lang');
    if (!isUiLanguage(lang))
      throw new PlenumError('NOT_FOUND', 'plenum speaks ar, zh, en, fr, ru and es.');
    setPlenumCookie(c, cookies.language, lang, 365 * 86_400);
    // The account's e-mail follows the language its owner reads in.
    if (c.var.viewer?.via === 'session' && c.var.viewer.id)
      await c.var.deps.db
        .transaction()
        .execute((trx) => setAccountLanguage(trx, c.var.viewer, lang));
    return c.redirect(safeBack(c.req.query('back')), 303);
  });

  app.get('/sign-in', (c) =>
    c.html(
      signInPage(c.var.page, {
        back: safeBack(c.req.query('back')),
        ...(c.req.query('reset') === 'done' ? { notice: c.var.ui.m.accounts.resetDone } : {}),
      }),
    ),
  );
  app.post('/sign-in', async (c) => {
    const body = await checkForm(c);
    const { db } = c.var.deps;
    // Not in a transaction: a failed attempt must be counted even though the sign-in fails.
    // Refused, the form comes back filled in by the one mechanism (src/web/form-refusal.ts).
    const account = await authenticate(
      db,
      {
        email: field(body, 'email'),
        password: field(body, 'password'),
      },
      { limits: c.var.deps.limits, address: clientNetwork(c), now: clockOf(c.var.deps) },
    ).catch((error: unknown) => {
      throw isPlenumError(error) && error.code === 'SIGN_IN_FAILED'
        ? onField(error, 'password')
        : error;
    });
    const secret = await openSession(db, account.id, clockOf(c.var.deps));
    setPlenumCookie(c, cookies.session, secret, sessionDays * 86_400);
    return c.redirect(safeBack(body.back), 303);
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
    // Refused (too many sign-ups, passwords busy too), the form comes back filled in.
    await c.var.deps.limits.signUp(clientNetwork(c), clockOf(c.var.deps));
    const account = await db
      .transaction()
      .execute((trx) => signUp(trx, input, { verification: 'needed', language: c.var.ui.lang }));
    const secret = await openSession(db, account.id, clockOf(c.var.deps));
    setPlenumCookie(c, cookies.session, secret, sessionDays * 86_400);
    return c.redirect('/account', 303);
  });

  mountPasswordReset(app);
  mountEmailVerification(app);

  app.post('/sign-out', async (c) => {
    await checkForm(c);
    const secret = readPlenumCookie(c, cookies.session);
    if (secret) await closeSession(c.var.deps.db, secret);
    deletePlenumCookie(c, cookies.session);
    return c.redirect('/', 303);
  });

  app.post('/account/tokens/:id/revoke', async (c) => {
    await checkForm(c);
    await c.var.deps.db
      .transaction()
      .execute((trx) => revokeToken(trx, c.var.viewer, c.req.param('id')));
    return c.redirect('/account', 303);
  });
}

/** "Forgot your password?": asking for a link, and the form the link opens. */
function mountPasswordReset(app: Hono<AppEnv>): void {
  app.get('/forgot-password', (c) =>
    c.html(forgotPasswordPage(c.var.page, { mail: c.var.deps.mail })),
  );
  app.post('/forgot-password', async (c) => {
    const body = await checkForm(c);
    const email = field(body, 'email') ?? '';
    const now = clockOf(c.var.deps);
    // Counted before anything is looked up: the answer is the same whether or not it exists.
    await c.var.deps.limits.mailLink(email, clientNetwork(c), now);
    await c.var.deps.db.transaction().execute((trx) => requestPasswordReset(trx, { email }, now));
    return c.html(forgotPasswordPage(c.var.page, { email, sent: true, mail: c.var.deps.mail }));
  });

  // Opening the link changes nothing (mail scanners open links): the form posts the token.
  app.get('/reset-password', (c) =>
    c.html(resetPasswordPage(c.var.page, { token: (c.req.query('token') ?? '').slice(0, 100) })),
  );
  app.post('/reset-password', async (c) => {
    const body = await checkForm(c);
    const token = field(body, 'token') ?? '';
    try {
      const account = await c.var.deps.db
        .transaction()
        .execute((trx) =>
          resetPassword(trx, { token, password: field(body, 'password') }, clockOf(c.var.deps)),
        );
      await c.var.deps.limits.passwordReset(account.email, clientNetwork(c));
      return c.redirect('/sign-in?reset=done', 303);
    } catch (error) {
      // A dead link is not the form's fault: the page says so and offers a new link. Any other
      // refusal comes back filled in by the one mechanism (src/web/form-refusal.ts).
      if (!isPlenumError(error) || error.code !== 'LINK_INVALID') throw error;
      return c.html(
        resetPasswordPage(c.var.page, {
          token,
          error: errorText(c.var.ui, error),
          linkInvalid: true,
        }),
        400,
      );
    }
  });
}

/** The landing page of the verification link, and its confirmation. */
function mountEmailVerification(app: Hono<AppEnv>): void {
  // Opening the link changes nothing (mail scanners open links): the button posts the token.
  app.get('/verify-email', (c) =>
    c.html(verifyEmailPage(c.var.page, { token: (c.req.query('token') ?? '').slice(0, 100) })),
  );
  app.post('/verify-email', async (c) => {
    const body = await checkForm(c);
    const token = field(body, 'token') ?? '';
    try {
      await c.var.deps.db
        .transaction()
        .execute((trx) => verifyEmailAddress(trx, token, clockOf(c.var.deps)));
      return c.html(verifyEmailPage(c.var.page, { token: '', done: true }));
    } catch (error) {
      if (!isPlenumError(error) || error.status >= 500) throw error;
      return c.html(verifyEmailPage(c.var.page, { token, error: errorText(c.var.ui, error) }), 400);
    }
  });
}
