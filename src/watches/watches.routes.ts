/** Routes of watches: the list and form, a watch's page, its feed, its feed address, deleting. */
import type { Context, Hono } from 'hono';
import { checkForm, readPlenumCookie, setPlenumCookie } from '../accounts/accounts.middleware.ts';
import { getConcepts } from '../concepts/concepts.service.ts';
import type { Db } from '../db/database.ts';
import { PlenumError } from '../errors.ts';
import { getProcesses } from '../processes/processes.service.ts';
import type { AppEnv } from '../context.ts';
import { siteBase } from '../site-base.ts';
import { watchFeed } from './watch-feed.ts';
import {
  changeWatch,
  checkWatchWebhook,
  createWatch,
  deleteWatch,
  getMyWatches,
  getWatch,
  getWatchFeed,
  renewFeedKey,
} from './watches.service.ts';
import {
  watchChangePage,
  watchListPage,
  watchPage,
  watchValues,
  type WatchChoices,
} from './watches.views.ts';
import { conceptName } from '../web/view-parts.ts';

async function choices(db: Db): Promise<WatchChoices> {
  return { concepts: (await getConcepts(db)).concepts, processes: await getProcesses(db) };
}

/** A form value as one string or, for check boxes, a list. */
function formValues(body: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of ['name', 'query', 'webhookUrl', 'emailDigest']) {
    if (typeof body[key] === 'string') out[key] = body[key] as string;
  }
  for (const key of ['concepts', 'processes', 'groups']) {
    const v = body[key];
    out[key] = (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
      (x): x is string => typeof x === 'string',
    );
  }
  return out;
}

/** The cookie that carries a new feed address to the watch's page, for two minutes at most. */
const feedKeyCookie = 'plenum_feed_key';

function showFeedKeyOnce(c: Context<AppEnv>, watchId: string, key: string): void {
  setPlenumCookie(c, feedKeyCookie, `${watchId}:${key}`, 120);
}

async function renderWatch(c: Context<AppEnv>, id: string, feedKey?: string, status = 200) {
  const { db } = c.var.deps;
  const data = await getWatch(db, c.var.viewer, id);
  const { concepts, processes } = await choices(db);
  return c.html(
    watchPage(c.var.page, {
      ...data,
      conceptNames: concepts
        .filter((x) => data.watch.conceptIds.includes(x.id))
        .map((x) => conceptName(c.var.page, x)),
      processNames: processes
        .filter((p) => data.watch.processIds.includes(p.id))
        .map((p) => p.shortName ?? p.name),
      ...(feedKey ? { feedUrl: `${siteBase(c)}/watch-feeds/${feedKey}.atom` } : {}),
    }),
    status as 200,
  );
}

/** Mounts the watch pages and feeds. */
export function watchRoutes(app: Hono<AppEnv>): void {
  app.get('/watches', async (c) => {
    const { db } = c.var.deps;
    const watches = await getMyWatches(db, c.var.viewer);
    return c.html(watchListPage(c.var.page, { watches, choices: await choices(db) }));
  });

  app.post('/watches', async (c) => {
    const body = await checkForm(c);
    const values = formValues(body);
    const { db } = c.var.deps;
    // Refused, the form comes back filled in (form-refusal.ts).
    await checkWatchWebhook(values, c.var.deps.allowPrivateWebhooks ?? false);
    const { watch, feedKey } = await db
      .transaction()
      .execute((trx) => createWatch(trx, c.var.viewer, values));
    // The feed address is shown once, on the watch's page, carried there by a short-lived
    // cookie: never in a URL, and a reload of that page cannot post the form again.
    showFeedKeyOnce(c, watch.id, feedKey);
    return c.redirect(`/watches/${watch.id}`, 303);
  });

  app.get('/watches/:id', async (c) => {
    const id = c.req.param('id');
    const carried = readPlenumCookie(c, feedKeyCookie) ?? '';
    const key = carried.startsWith(`${id}:`) ? carried.slice(id.length + 1) : undefined;
    if (carried) setPlenumCookie(c, feedKeyCookie, '', 0);
    return renderWatch(c, id, key);
  });

  app.get('/watches/:id/change', async (c) => {
    const { db } = c.var.deps;
    const { watch } = await getWatch(db, c.var.viewer, c.req.param('id'));
    const options = await choices(db);
    return c.html(
      watchChangePage(c.var.page, { watch, choices: options, values: watchValues(watch, options) }),
    );
  });

  app.post('/watches/:id', async (c) => {
    const body = await checkForm(c);
    const values = formValues(body);
    const id = c.req.param('id');
    const { db } = c.var.deps;
    // Refused, the change form comes back filled in (form-refusal.ts); not the viewer's watch
    // (or none) has no form to come back to, and gets its error page.
    await checkWatchWebhook(values, c.var.deps.allowPrivateWebhooks ?? false);
    await db.transaction().execute((trx) => changeWatch(trx, c.var.viewer, id, values));
    return c.redirect(`/watches/${id}`, 303);
  });

  app.post('/watches/:id/feed-key', async (c) => {
    await checkForm(c);
    const id = c.req.param('id');
    const key = await c.var.deps.db
      .transaction()
      .execute((trx) => renewFeedKey(trx, c.var.viewer, id));
    showFeedKeyOnce(c, id, key);
    return c.redirect(`/watches/${id}`, 303);
  });

  app.post('/watches/:id/delete', async (c) => {
    await checkForm(c);
    await c.var.deps.db
      .transaction()
      .execute((trx) => deleteWatch(trx, c.var.viewer, c.req.param('id')));
    return c.redirect('/watches', 303);
  });

  app.get('/watch-feeds/:file', async (c) => {
    const file = c.req.param('file');
    if (!file.endsWith('.atom')) throw new PlenumError('NOT_FOUND');
    const key = file.slice(0, -'.atom'.length);
    const { watch, hits } = await getWatchFeed(c.var.deps.db, key);
    return c.body(
      watchFeed({ base: siteBase(c), selfPath: `/watch-feeds/${file}`, watch, hits }),
      200,
      {
        'content-type': 'application/atom+xml; charset=utf-8',
        'cache-control': 'private, max-age=60',
      },
    );
  });
}
