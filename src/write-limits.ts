/** The quota of writes, taken before any route that changes something runs. */
import type { MiddlewareHandler } from 'hono';
import { clientNetwork, clockOf, type AppEnv } from './context.ts';

/**
 * Routes that take from their own limits, inside the route, so that a refused form comes back
 * with what was typed: sign-in, sign-up, a password reset link, and submissions (pages and API; the submission intake
 * takes them the same way).
 */
const countedByTheirRoute =
  /^\/(sign-in|sign-up|forgot-password|(api\/)?consultations\/[^/]+\/submissions)$/;

/** Refuses a write beyond the account's (or, signed out, the network's) quota with a 429. */
export function writeLimits(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    if (countedByTheirRoute.test(c.req.path)) return next();
    await c.var.deps.limits.write(
      { accountId: c.var.viewer?.id, address: clientNetwork(c) },
      clockOf(c.var.deps),
    );
    return next();
  };
}
