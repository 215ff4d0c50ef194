/**
 * Per-request: the reader's language, who is signed in (session cookie or API token), and the
 * form token. Form posts must carry the token (double-submit cookie) and come from this site.
 */
import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { PlenumError } from '../errors.ts';
import { refuseForbiddenText } from '../text/allowed-text.ts';
import type { AppEnv } from '../web/context.ts';
import { negotiateLanguage, uiFor } from '../web/i18n.ts';
import { viewerFromSession, viewerFromToken } from './accounts.service.ts';

/** Cookie names. */
export const cookies = {
  session: 'plenum_session',
  csrf: 'plenum_csrf',
  language: 'plenum_lang',
} as const;

/** True when the request came over HTTPS (directly or through a proxy that says so). */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/** Sets a cookie with plenum's defaults: HttpOnly, SameSite=Lax, Secure over HTTPS. */
export function setPlenumCookie(
  c: Context,
  name: string,
  value: string,
  maxAgeSeconds?: number,
): void {
  setCookie(c, name, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  });
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
      negotiateLanguage(getCookie(c, cookies.language), c.req.header('accept-language')),
    );
    c.set('ui', ui);

    const authorization = c.req.header('authorization');
    let viewer = null;
    if (authorization) {
      const token = bearerToken(authorization);
      viewer = token ? await viewerFromToken(db, token) : null;
      if (!viewer) throw tokenRefused();
    } else {
      const secret = getCookie(c, cookies.session);
      if (secret && secret.length < 200)
        viewer = await viewerFromSession(db, secret, (c.var.deps.now ?? (() => new Date()))());
    }
    c.set('viewer', viewer);

    // The API, feeds and static files render no form: they need no form token.
    const path = c.req.path;
    const machine = path.startsWith('/api/') || path.startsWith('/static/') || path === '/healthz';
    let csrf = getCookie(c, cookies.csrf) ?? '';
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
 * Refuses a state-changing request that is neither API-token authenticated nor a form carrying
 * the token from its cookie. Call it before reading anything else from the form.
 */
export async function checkForm(
  c: Context<AppEnv>,
): Promise<Record<string, string | File | (string | File)[]>> {
  if (c.var.viewer?.via === 'token') return {};
  const contentType = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(contentType)) {
    throw new PlenumError('CSRF_FAILED');
  }
  const body = await c.req.parseBody({ all: true });
  const sent = body._csrf;
  if (typeof sent !== 'string' || sent !== getCookie(c, cookies.csrf))
    throw new PlenumError('CSRF_FAILED');
  refuseForbiddenText(body, '');
  return body;
}
