/** Routes of watches: the list and form, a watch's page, its feed, its feed address, deleting. */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { ApiRegistry } from '../api/api-registry.ts';
import { decodeCursor, nextCursorSchema, pageOf, pageQuery } from '../api/cursor.ts';
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
  getMyWatchesPage,
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
import { newWatchSchema, type Watch } from './watches.schema.ts';
import { stakeholderGroups } from '../organisations/organisations.schema.ts';

/** A watch as the API gives it to its owner. */
const watchJson = z
  .object({
    id: z.string(),
    name: z.string(),
    query: z.string().nullable(),
    concepts: z.array(z.string()).describe('Concept ids'),
    processes: z.array(z.string()).describe('Process ids'),
    groups: z.array(z.enum(stakeholderGroups)),
    webhookUrl: z.string().nullable(),
    webhookSecret: z
      .string()
      .nullable()
      .describe('The key of the HMAC signature of each webhook delivery (the owner’s alone)'),
    emailDigest: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Watch' });

function watchToJson(w: Watch): z.input<typeof watchJson> {
  return {
    id: w.id,
    name: w.name,
    query: w.query,
    concepts: w.conceptIds,
    processes: w.processIds,
    groups: w.groups,
    webhookUrl: w.webhookUrl,
    webhookSecret: w.webhookSecret,
    emailDigest: w.emailDigest,
    createdAt: w.createdAt,
  };
}

const feedUrlJson = z
  .string()
  .describe('The watch’s secret Atom feed address: given once, here; renew it to get another');

const watchRef = z.object({ id: z.string().min(1).max(100).describe('Watch id') });

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

/** Mounts the watch pages and feeds and registers their API routes. */
export function watchRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
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

  // The API's writes call the services the forms call, in the same order (the webhook's address
  // is checked before the transaction, since that waits for DNS).
  api.get({
    path: '/api/watches',
    summary:
      'Your watches, oldest first, a page at a time (their feed addresses are not shown again)',
    tag: 'watches',
    auth: true,
    query: pageQuery,
    response: z.object({ watches: z.array(watchJson), nextCursor: nextCursorSchema }),
    errors: ['SIGN_IN_REQUIRED'],
    handler: async (c, { query }) => {
      const read = await getMyWatchesPage(
        c.var.deps.db,
        c.var.viewer,
        decodeCursor(query.cursor),
        query.limit + 1,
      );
      const { items, nextCursor } = pageOf(read, query.limit, (w) => w.id);
      return { watches: items.map(watchToJson), nextCursor };
    },
  });

  api.post({
    path: '/api/watches',
    summary:
      'Make a watch: words and/or concepts, with optional filters, e-mail digest and webhook',
    tag: 'watches',
    scope: 'submit',
    status: 201,
    body: newWatchSchema.meta({ id: 'NewWatch' }),
    response: z.object({ watch: watchJson, feedUrl: feedUrlJson }),
    errors: [
      'SIGN_IN_REQUIRED',
      'CONCEPT_NOT_FOUND',
      'PROCESS_NOT_FOUND',
      'WEBHOOK_ADDRESS_REFUSED',
    ],
    handler: async (c, { sent }) => {
      await checkWatchWebhook(sent, c.var.deps.allowPrivateWebhooks ?? false);
      const { watch, feedKey } = await c.var.deps.db
        .transaction()
        .execute((trx) => createWatch(trx, c.var.viewer, sent));
      return { watch: watchToJson(watch), feedUrl: `${siteBase(c)}/watch-feeds/${feedKey}.atom` };
    },
  });

  api.post({
    path: '/api/watches/:id',
    summary: 'Change a watch of yours (the whole watch, as when made); its feed address stays',
    tag: 'watches',
    scope: 'submit',
    params: watchRef,
    body: newWatchSchema,
    response: z.object({ watch: watchJson }),
    errors: ['SIGN_IN_REQUIRED', 'WATCH_NOT_FOUND', 'CONCEPT_NOT_FOUND', 'WEBHOOK_ADDRESS_REFUSED'],
    handler: async (c, { params, sent }) => {
      await checkWatchWebhook(sent, c.var.deps.allowPrivateWebhooks ?? false);
      const watch = await c.var.deps.db
        .transaction()
        .execute((trx) => changeWatch(trx, c.var.viewer, params.id, sent));
      return { watch: watchToJson(watch) };
    },
  });

  api.post({
    path: '/api/watches/:id/feed-key',
    summary: 'Give a watch of yours a new feed address; the old one stops working',
    tag: 'watches',
    scope: 'submit',
    params: watchRef,
    body: z.object({}),
    response: z.object({ feedUrl: feedUrlJson }),
    errors: ['SIGN_IN_REQUIRED', 'WATCH_NOT_FOUND'],
    handler: async (c, { params }) => {
      const key = await c.var.deps.db
        .transaction()
        .execute((trx) => renewFeedKey(trx, c.var.viewer, params.id));
      return { feedUrl: `${siteBase(c)}/watch-feeds/${key}.atom` };
    },
  });

  api.post({
    path: '/api/watches/:id/delete',
    summary: 'Delete a watch of yours, with its matches and deliveries',
    tag: 'watches',
    scope: 'submit',
    params: watchRef,
    body: z.object({}),
    response: z.object({ deleted: z.string() }),
    errors: ['SIGN_IN_REQUIRED', 'WATCH_NOT_FOUND'],
    handler: async (c, { params }) => {
      await c.var.deps.db.transaction().execute((trx) => deleteWatch(trx, c.var.viewer, params.id));
      return { deleted: params.id };
    },
  });
}
