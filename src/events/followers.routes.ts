/** Routes of the operator page of the event log's followers (administrators only). */
import type { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { getFollowerStatus } from './followers.service.ts';
import { followersPage } from './followers.views.ts';

/** Mounts /admin/followers. */
export function followerRoutes(app: Hono<AppEnv>): void {
  app.get('/admin/followers', async (c) => {
    const statuses = await getFollowerStatus(c.var.deps.db, c.var.viewer);
    // An operator reloads it to watch the lag: never a stale copy.
    c.header('cache-control', 'no-store');
    return c.html(followersPage(c.var.page, statuses));
  });
}
