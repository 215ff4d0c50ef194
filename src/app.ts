/** createApp(deps): the whole web app (pages, JSON API, static files), without listening. */
import { briefingStyleHashes } from './briefings/briefing-writers.ts';
import { countryReportRoutes } from './briefings/country-reports.routes.ts';
import { readFileSync } from 'node:fs';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { matchedRoutes } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { accountRoutes } from './accounts/accounts.routes.ts';
import { tokenRoutes } from './accounts/tokens.routes.ts';
import { accountPageRoutes } from './pages/account-page.ts';
import { conceptRoutes } from './concepts/concepts.routes.ts';
import { conceptPageRoutes } from './pages/concept-page.ts';
import { registryBodyLimits, registryRoutes } from './registry/registry.routes.ts';
import { stanceRoutes } from './stances/stances.routes.ts';
import { watchRoutes } from './watches/watches.routes.ts';
import { briefingRoutes } from './briefings/briefings.routes.ts';
import { sessionMiddleware } from './accounts/accounts.middleware.ts';
import { TokenUseLog } from './accounts/accounts.service.ts';
import { consultationRoutes } from './consultations/consultations.routes.ts';
import { documentRoutes } from './documents/documents.routes.ts';
import { meetingRoutes } from './meetings/meetings.routes.ts';
import { revisionRoutes } from './revisions/revisions.routes.ts';
import { organisationRoutes } from './organisations/organisations.routes.ts';
import { organisationPageRoutes } from './pages/organisation-page.ts';
import { submissionBodyLimits, submissionRoutes } from './submissions/submissions.routes.ts';
import { periodSubmissionRoutes } from './submissions/period-submissions.routes.ts';
import { interchangeRoutes } from './interchange/interchange.routes.ts';
import { importDraftBodyLimits, importDraftRoutes } from './imports/import-drafts.routes.ts';
import { importRoutes } from './imports/imports.routes.ts';
import { mountHomePage } from './pages/home-page.ts';
import { mountProcessPage } from './pages/process-page.ts';
import { mountDocumentPage } from './pages/document-page.ts';
import { mountPeriodPage } from './pages/period-page.ts';
import { mountTranslationsPage } from './pages/translations-page.ts';
import { refuseForbiddenText } from './text/allowed-text.ts';
import { uiFor } from './web/i18n.ts';
import { SubmissionQueue } from './submissions/submission-queue.ts';
import { Followers } from './events/followers.ts';
import { allFollowers } from './followers.ts';
import { followerRoutes } from './events/followers.routes.ts';
import { notificationRoutes } from './notifications/notifications.routes.ts';
import {
  apiErrorBody,
  errorCatalogue,
  isPlenumError,
  type ErrorCode,
  type FieldProblem,
  type PlenumError,
} from './errors.ts';
import { fillRefusedForm, refusedFormHeader, sendsFormBack } from './web/form-refusal.ts';
import { errorMessage } from './web/error-text.ts';
import { signInPage } from './accounts/accounts.views.ts';
import { safeBack } from './web/links.ts';
import { processRoutes } from './processes/processes.routes.ts';
import { searchRoutes } from './search/search.routes.ts';
import { transparencyRoutes } from './transparency/transparency.routes.ts';
import { ApiRegistry } from './api/api-registry.ts';
import { campaignRoutes } from './campaigns/campaigns.routes.ts';
import {
  apiBodyLimit,
  clockOf,
  retryAfter,
  type AppDeps,
  type AppEnv,
  type CompleteDeps,
  type RouteBodyLimit,
} from './context.ts';
import { Limiter } from './limits/limiter.ts';
import { defaultLimitSettings, Limits } from './limits/limits.ts';
import { writeLimits } from './write-limits.ts';
import { errorPage } from './web/errors.views.ts';

const stylesheet = readFileSync(new URL('./web/static/plenum.css', import.meta.url), 'utf8');
const script = readFileSync(new URL('./web/static/plenum.js', import.meta.url), 'utf8');
const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

function wantsJson(c: Context): boolean {
  return (
    c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').startsWith('application/json')
  );
}

function respondWithError(
  c: Context<AppEnv>,
  code: ErrorCode,
  detail?: string,
  fields?: FieldProblem[],
): Response | Promise<Response> {
  const status = errorCatalogue[code].status as ContentfulStatusCode;
  if (wantsJson(c)) return c.json(apiErrorBody(code, detail), status);
  // The error may come before the session middleware ran: fall back to an anonymous English page.
  const ui = c.var.ui ?? uiFor('en');
  const ctx = c.var.page ?? { ui, viewer: null, path: '/', csrf: '' };
  return c.html(errorPage(ctx, status, code, detail, fields), status);
}

/**
 * A refused form post answered with its page drawn again and filled in (src/web/form-refusal.ts);
 * undefined when the ordinary error page must answer.
 */
async function refusedForm(
  app: Hono<AppEnv>,
  c: Context<AppEnv>,
  error: PlenumError,
): Promise<Response | undefined> {
  const body = c.var.formBody;
  if (c.req.method !== 'POST' || wantsJson(c) || !body || !sendsFormBack(error)) return undefined;
  const pagePath = safeBack(body._page);
  // refusedFormHeader: the page is drawn to give a refused form back (a comment form still draws
  // after its period closed, so that what was typed is not lost; the post stays refused).
  const headers: Record<string, string> = { accept: 'text/html', [refusedFormHeader]: '1' };
  for (const name of [
    'cookie',
    'accept-language',
    'x-forwarded-for',
    'x-forwarded-host',
    'x-forwarded-proto',
  ])
    if (c.req.header(name)) headers[name] = c.req.header(name)!;
  if (pagePath === '/' && body._page !== '/') return undefined;
  const pageAnswer = await app.fetch(new Request(new URL(pagePath, c.req.url), { headers }), c.env);
  // 401: the sign-in form drawn in place of a page that needs an account (its own form is filled).
  if (pageAnswer.status !== 200 && pageAnswer.status !== 401) return undefined;
  const filled = fillRefusedForm(await pageAnswer.text(), c.req.path, body, error, c.var.ui);
  if (filled === undefined) return undefined;
  for (const cookie of pageAnswer.headers.getSetCookie())
    c.header('set-cookie', cookie, { append: true });
  return c.html(filled, error.status as ContentfulStatusCode);
}

/**
 * Fills in the submission queue (group commit) and the followers of the event log it kicks, when
 * not given. The web app and the submission intake of the HTTP server must share them.
 */
export function completeDeps(given: AppDeps): CompleteDeps {
  const followers = given.followers ?? new Followers(given.db, given.engine, allFollowers);
  const submissions =
    given.submissions ??
    new SubmissionQueue(given.db, given.engine, () => followers.kick(), given.submissionWriter);
  // Receipts before search: the followers wait while submissions keep arriving.
  followers.yieldTo(() => submissions.busy);
  const limits =
    given.limits ??
    new Limits(new Limiter(given.db, given.engine), given.limitSettings ?? defaultLimitSettings);
  const tokenUses = given.tokenUses ?? new TokenUseLog(given.db);
  return { ...given, submissions, followers, limits, tokenUses };
}

/** The pattern of the route that answered (`/api/submissions/:id`), never the address's values. */
function answeringRoute(c: Context<AppEnv>): string {
  // Middleware is mounted for every method ('ALL'); the handler is the last route of its method.
  const handler = matchedRoutes(c).findLast((r) => r.method !== 'ALL');
  return handler?.path ?? '(no route)';
}

/** Builds the web app around an open database. */
export function createApp(given: AppDeps): Hono<AppEnv> {
  const deps = completeDeps(given);
  const app = new Hono<AppEnv>();
  const api = new ApiRegistry();

  app.use(async (c, next) => {
    c.set('deps', deps);
    const arrived = clockOf(deps);
    await next();
    // A request made with an API token: its owner sees it among the token's recent uses.
    const tokenId = c.var.viewer?.tokenId;
    if (tokenId)
      deps.tokenUses.note(tokenId, {
        at: arrived.toISOString(),
        method: c.req.method,
        route: answeringRoute(c),
        status: c.res.status,
      });
    // A form or API call may have logged events (moderation, an import): the server's followers
    // read them now rather than at their next poll.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && deps.followers?.started)
      deps.followers.kick();
  });
  // gzip for readers on slow connections (a 200-paragraph draft shrinks about fivefold).
  // Receipts of API submissions are small and wanted at once: gzip is not worth its CPU there.
  const gzip = compress();
  app.use((c, next) =>
    (c.req.method === 'POST' && c.req.path.startsWith('/api/')) || c.req.path === '/healthz'
      ? next()
      : gzip(c, next),
  );
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Inline styles: only those of briefing papers, by their hashes.
        styleSrc: ["'self'", ...briefingStyleHashes()],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  // The door for text in the address: path segments and query parameters, as routes decode them.
  app.use(async (c, next) => {
    const url = new URL(c.req.url);
    for (const segment of url.pathname.split('/')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        continue; // not percent-encoded text: no route reads it as such
      }
      refuseForbiddenText(decoded, 'address');
    }
    for (const [name, value] of url.searchParams) {
      refuseForbiddenText(name, 'a query parameter name');
      refuseForbiddenText(value, name);
    }
    await next();
  });
  app.use(bodyLimits([...submissionBodyLimits, ...importDraftBodyLimits, ...registryBodyLimits]));
  app.use(sessionMiddleware());
  app.use(writeLimits());

  app.get('/static/plenum.css', (c) => {
    c.header('cache-control', 'public, max-age=3600');
    return c.body(stylesheet, 200, { 'content-type': 'text/css; charset=utf-8' });
  });
  app.get('/healthz', (c) => c.json({ ok: true, engine: deps.engine, version }));

  app.get('/static/plenum.js', (c) => {
    c.header('cache-control', 'public, max-age=3600');
    return c.body(script, 200, { 'content-type': 'text/javascript; charset=utf-8' });
  });

  accountRoutes(app);
  tokenRoutes(api);
  accountPageRoutes(app);
  mountHomePage(app);
  processRoutes(api);
  mountProcessPage(app);
  mountTranslationsPage(app, api);
  mountDocumentPage(app);
  documentRoutes(app, api);
  importRoutes(app, api);
  importDraftRoutes(app, api);
  organisationRoutes(app, api);
  organisationPageRoutes(app);
  conceptRoutes(app, api);
  conceptPageRoutes(app);
  stanceRoutes(app, api);
  registryRoutes(app, api);
  watchRoutes(app, api);
  briefingRoutes(app, api);
  countryReportRoutes(app, api);
  consultationRoutes(app, api);
  mountPeriodPage(app);
  periodSubmissionRoutes(app, api);
  interchangeRoutes(app, api);
  meetingRoutes(app, api);
  submissionRoutes(app, api);
  transparencyRoutes(app, api);
  campaignRoutes(app, api);
  revisionRoutes(app);
  searchRoutes(app, api);
  followerRoutes(app);
  notificationRoutes(app);
  api.mount(app);
  const openApi = api.openApi({ title: 'plenum API', version }, { bodyBytes: apiBodyLimit });
  app.get('/api/openapi.json', (c) => c.json(openApi));

  app.notFound((c) => respondWithError(c, 'NOT_FOUND'));
  app.onError(async (error, c) => {
    if (isPlenumError(error)) {
      retryAfter(c, error);
      const refused = await refusedForm(app, c, error);
      if (refused) return refused;
      // No dead end: a reader not signed in gets the sign-in form, with the way back to the page.
      if (error.code === 'SIGN_IN_REQUIRED' && !wantsJson(c) && !c.var.viewer && c.var.page) {
        const back =
          c.req.method === 'GET' ? safeBack(c.var.page.path) : safeBack(c.var.formBody?._page);
        return c.html(
          signInPage(c.var.page, {
            back,
            notice: errorMessage(c.var.ui, 'SIGN_IN_REQUIRED'),
          }),
          401,
        );
      }
      return respondWithError(c, error.code, error.detail, error.fields);
    }
    console.error(`[plenum] ${c.req.method} ${c.req.path}:`, error);
    return respondWithError(c, 'INTERNAL');
  });
  return app;
}

/** The body limit of each request: the one its route declares, else apiBodyLimit. */
function bodyLimits(declared: RouteBodyLimit[]): MiddlewareHandler<AppEnv> {
  const otherwise = bodyLimit({
    maxSize: apiBodyLimit,
    onError: (c) => respondWithError(c, 'PAYLOAD_TOO_LARGE'),
  });
  const routes = declared.map((route) => ({
    method: route.method,
    pattern: new URLPattern({ pathname: route.path }),
    limit: bodyLimit({
      maxSize: route.maxSize,
      onError: (c) => respondWithError(c, 'PAYLOAD_TOO_LARGE', route.message),
    }),
  }));
  return (c, next) => {
    const route = routes.find(
      (r) => r.method === c.req.method && r.pattern.test({ pathname: c.req.path }),
    );
    return (route?.limit ?? otherwise)(c, next);
  };
}
