/** Routes of the outbox's operator page (administrators) and of the development mailbox. */
import type { Hono } from 'hono';
import { checkForm } from '../accounts/accounts.middleware.ts';
import { clockOf, type AppEnv } from '../context.ts';
import { siteBase } from '../site-base.ts';
import { getDevelopmentMailbox, getOutboxStatus, retryMessage } from './notifications.service.ts';
import { developmentMailboxPage, outboxPage } from './notifications.views.ts';

/** Mounts /admin/mail and, in development, /dev/mail. */
export function notificationRoutes(app: Hono<AppEnv>): void {
  app.get('/admin/mail', async (c) => {
    const status = await getOutboxStatus(c.var.deps.db, c.var.viewer, c.var.deps.mail ?? 'none');
    c.header('cache-control', 'no-store');
    return c.html(outboxPage(c.var.page, status));
  });
  app.post('/admin/mail/:id/retry', async (c) => {
    await checkForm(c);
    await c.var.deps.db
      .transaction()
      .execute((trx) => retryMessage(trx, c.var.viewer, c.req.param('id'), clockOf(c.var.deps)));
    return c.redirect('/admin/mail', 303);
  });
  app.get('/dev/mail', async (c) => {
    const messages = await getDevelopmentMailbox(c.var.deps.db, c.var.deps.mail ?? 'none');
    c.header('cache-control', 'no-store');
    return c.html(developmentMailboxPage(c.var.page, { messages, site: siteBase(c) }));
  });
}
