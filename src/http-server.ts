/**
 * The HTTP server plenum listens with: node:http, where each request is first offered to the
 * submission intake (API submissions, the bulk of a deadline-night surge) and otherwise goes to the
 * web app through @hono/node-server.
 */
import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { TokenUseLog } from './accounts/accounts.service.ts';
import { completeDeps, createApp } from './app.ts';
import { submissionIntake } from './submissions/submission-intake.ts';
import type { AppDeps, AppEnv, CompleteDeps } from './context.ts';

/** A server not yet listening, with the app behind it and the dependencies both share. */
export interface HttpServer {
  server: Server;
  app: Hono<AppEnv>;
  deps: CompleteDeps;
}

/** Builds the app and the server around it (call `server.listen`). */
export async function createHttpServer(given: AppDeps): Promise<HttpServer> {
  // A server writes the uses of API tokens two seconds after a batch's first, at the latest.
  const deps = completeDeps({
    ...given,
    tokenUses: given.tokenUses ?? new TokenUseLog(given.db, { writeAfterMs: 2000 }),
  });
  const app = createApp(deps);
  const toApp = getRequestListener(app.fetch);
  const intake = submissionIntake(deps, await jsonHeadersOf(app));
  const server = createServer((req, res) => {
    if (!intake(req, res)) void toApp(req, res);
  });
  return { server, app, deps };
}

/** Listens on the port and address; resolves with the port (a free one for port 0). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * The headers the app sends with a JSON answer (security headers, content type), read from its
 * own health check, so that the intake's answers carry exactly the same.
 */
export async function jsonHeadersOf(app: Hono<AppEnv>): Promise<Record<string, string>> {
  const probe = await app.request('/healthz');
  await probe.arrayBuffer();
  const headers: Record<string, string> = {};
  probe.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'date') headers[name] = value;
  });
  return headers;
}
