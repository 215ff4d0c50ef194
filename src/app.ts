/** createApp(deps): the whole web app (pages, JSON API, static files), without listening. */
import { readFileSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { documentRoutes } from './documents/documents.routes.ts';
import { errorCatalogue, isPlenumError, type ErrorCode } from './errors.ts';
import { processRoutes } from './processes/processes.routes.ts';
import { ApiRegistry } from './web/api.ts';
import type { AppDeps, AppEnv } from './web/context.ts';
import { errorPage } from './web/errors.views.ts';

const stylesheet = readFileSync(new URL('./web/static/plenum.css', import.meta.url), 'utf8');
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
  c: Context,
  code: ErrorCode,
  message: string,
): Response | Promise<Response> {
  const status = errorCatalogue[code].status as ContentfulStatusCode;
  if (wantsJson(c)) return c.json({ error: { code, message } }, status);
  return c.html(errorPage(status, code, message), status);
}

/** Builds the web app around an open database. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const api = new ApiRegistry();

  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  // gzip for readers on slow connections (a 200-paragraph draft shrinks about fivefold).
  app.use(compress());
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  // PostgreSQL cannot store or compare text holding NUL; no address or query legitimately has one.
  app.use(async (c, next) => {
    const url = new URL(c.req.url);
    if (/%00/.test(url.pathname + url.search)) {
      return respondWithError(c, 'INVALID_REQUEST', 'The address contains a NUL character.');
    }
    await next();
  });
  app.use(
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: (c) =>
        respondWithError(c, 'PAYLOAD_TOO_LARGE', errorCatalogue.PAYLOAD_TOO_LARGE.message),
    }),
  );

  app.get('/static/plenum.css', (c) => {
    c.header('cache-control', 'public, max-age=3600');
    return c.body(stylesheet, 200, { 'content-type': 'text/css; charset=utf-8' });
  });
  app.get('/healthz', (c) => c.json({ ok: true, engine: deps.engine, version }));

  processRoutes(app, api);
  documentRoutes(app, api);
  api.mount(app);
  const openApi = api.openApi({ title: 'plenum API', version });
  app.get('/api/openapi.json', (c) => c.json(openApi));

  app.notFound((c) => respondWithError(c, 'NOT_FOUND', errorCatalogue.NOT_FOUND.message));
  app.onError((error, c) => {
    if (isPlenumError(error)) return respondWithError(c, error.code, error.message);
    console.error(`[plenum] ${c.req.method} ${c.req.path}:`, error);
    return respondWithError(c, 'INTERNAL', errorCatalogue.INTERNAL.message);
  });
  return app;
}
