/**
 * Per-request: the reader's language, who is signed in (session cookie or API token), and the
 * form token. Form posts must come from a signed-in session or no one, from this site, and carry
 * the token (double-submit cookie).
 */
import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { PlenumError } from '../errors.ts';
import { clockOf, type AppEnv } from '../context.ts';
import { readFormBody, type FormBody } from '../form-body.ts';
import { refuseForbiddenText } from '../text/allowed-text.ts';
import { negotiateLanguage, uiFor } from '../web/i18n.ts';
import { isHttps, siteOrigins } from '../site-base.ts';
import { viewerFromSession, viewerFromToken } from './accounts.service.ts';

/** Cookie names, as sent over plain HTTP (see cookieName). */
export const cookies = {
  session: 'plenum_session',
  csrf: 'plenum_csrf',
  language: 'plenum_lang',
} as const;

/**
 * The name a cookie goes by on this site: `__Host-` prefixed over HTTPS, so that the browser
 * accepts it only Secure, for the whole site and from this host alone (a sibling subdomain cannot
 * plant a session or form token); the plain name over HTTP, for local use.
 */
export function cookieName(c: Context<AppEnv>, name: string): string {
  return isHttps(c) ? `__Host-${name}` : name;
}

/** The value of one of plenum's cookies, under the name it has on this site. */
export function readPlenumCookie(c: Context<AppEnv>, name: string): string | undefined {
  return getCookie(c, cookieName(c, name));
}

/** Sets a cookie with plenum's defaults: HttpOnly, SameSite=Lax, Path=/, Secure over HTTPS. */
export function setPlenumCookie(
  c: Context<AppEnv>,
  name: string,
  value: string,
  maxAgeSeconds?: number,
): void {
  setCookie(c, cookieName(c, name), value, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  });
}

/** Removes one of plenum's cookies. */
export function deletePlenumCookie(c: Context<AppEnv>, name: string): void {
  deleteCookie(c, cookieName(c, name), { path: '/', secure: isHttps(c) });
}

/** The API token of an `Authorization: Bearer …` header, if it is one. */
export function bearerToken(authorization: string): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
}

/** The error of a request whose API token is malformed, unknown or revoked. */
export function tokenRefused(): PlenumError {
  return new PlenumError('SIGN_IN_REQUIRED', 'The API token is missing, unknown or revoked.');
}

/** Loads language, viewer and form token into the request. */
export function sessionMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db } = c.var.deps;
    const ui = uiFor(
      negotiateLanguage(readPlenumCookie(c, cookies.language), c.req.header('accept-language')),
    );
    c.set('ui', ui);

    const authorization = c.req.header('authorization');
    let viewer = null;
    if (authorization) {
      const token = bearerToken(authorization);
      viewer = token ? await viewerFromToken(db, token, clockOf(c.var.deps)) : null;
      if (!viewer) throw tokenRefused();
    } else {
      const secret = readPlenumCookie(c, cookies.session);
      if (secret && secret.length < 200)
        viewer = await viewerFromSession(db, secret, (c.var.deps.now ?? (() => new Date()))());
    }
    c.set('viewer', viewer);

    // The API, feeds and static files render no form: they need no form token.
    const path = c.req.path;
    const machine = path.startsWith('/api/') || path.startsWith('/static/') || path === '/healthz';
    let csrf = readPlenumCookie(c, cookies.csrf) ?? '';
    if (!machine && !/^[A-Za-z0-9_-]{32,64}$/.test(csrf)) {
      csrf = randomBytes(24).toString('base64url');
      setPlenumCookie(c, cookies.csrf, csrf);
    }
    c.set('csrf', csrf);
    const query = c.req.url.indexOf('?');
    c.set('page', { ui, viewer, path: query >= 0 ? path + c.req.url.slice(query) : path, csrf });
    await next();
  };
}

/**
 * True when the browser says the request comes from another site: `Sec-Fetch-Site` other than
 * same-origin (or none, a person's own action), or an `Origin` that is not this site's. Clients
 * that send neither (curl, scripts) are judged by the form token alone.
 */
export function isCrossSite(c: Context<AppEnv>): boolean {
  const fetchSite = c.req.header('sec-fetch-site');
  if (fetchSite !== undefined) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  const origin = c.req.header('origin');
  return origin !== undefined && !siteOrigins(c).has(origin);
}

/**
 * Refuses a state-changing form post that is not from this site, from a signed-in session (or no
 * one), with the form token from its cookie; returns the form's fields. An API token is refused
 * here: it acts only through /api/, so a stolen one cannot make tokens or change the account.
 * Call it before reading anything else from the form.
 */
export async function checkForm(c: Context<AppEnv>): Promise<FormBody> {
  if (c.var.viewer?.via === 'token') {
    throw new PlenumError(
      'CSRF_FAILED',
      'Forms need a signed-in session; API tokens act only on /api/.',
    );
  }
  if (isCrossSite(c)) throw new PlenumError('CSRF_FAILED', 'The form was sent from another site.');
  const body = await readFormBody(c);
  const sent = body._csrf;
  if (typeof sent !== 'string' || sent !== readPlenumCookie(c, cookies.csrf))
    throw new PlenumError('CSRF_FAILED');
  refuseForbiddenText(body, '');
  return body;
}
