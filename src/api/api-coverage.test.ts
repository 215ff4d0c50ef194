/**
 * Everything a person can do, a program can do (issue 17): every POST route of the pages has its
 * JSON API counterpart, or a reason it has none. The page routes are read from the app, so a new
 * form without an API operation (or a reasoned exemption) fails here; so does a counterpart named
 * here that the app does not have.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from '../app.ts';
import { openTestDatabase } from '../db/test-databases.ts';

/** Page POST route → the API operation that makes the same service call. */
const counterparts: Record<string, string> = {
  '/processes/:process/consultations': 'POST /api/processes/:process/consultations',
  '/consultations/:id/extend': 'POST /api/consultations/:id/extend',
  '/consultations/:id/submissions': 'POST /api/consultations/:id/submissions',
  '/organisations': 'POST /api/organisations',
  '/organisations/:ref/representatives': 'POST /api/organisations/:ref/representatives',
  '/organisations/:ref/verify': 'POST /api/organisations/:ref/verify',
  '/organisations/:ref/revoke': 'POST /api/organisations/:ref/revoke',
  '/organisations/:ref/representatives/:accountId/verify':
    'POST /api/organisations/:ref/representatives/:accountId/verify',
  '/organisations/:ref/representatives/:accountId/revoke':
    'POST /api/organisations/:ref/representatives/:accountId/revoke',
  '/stances': 'POST /api/stances',
  '/submissions/:id/cosign': 'POST /api/submissions/:id/cosign',
  '/submissions/:id/moderate': 'POST /api/submissions/:id/moderate',
  '/consultations/:id/publish': 'POST /api/consultations/:id/publish',
  '/account/tokens/:id/revoke': 'POST /api/tokens/:id/revoke',
  '/registry/rounds/:id/more-time': 'POST /api/registry-rounds/:id/more-time',
  '/registry/rounds/:id/extensions/:country': 'POST /api/registry-rounds/:id/extensions/:country',
  '/registry/rounds/:id/reminders': 'POST /api/registry-rounds/:id/reminders',
  '/registry/answer-files/:id/import': 'POST /api/registry/answer-files/:id/import',
  '/registry/rounds/:id/answers': 'POST /api/registry-rounds/:id/answers',
  '/concepts': 'POST /api/concepts',
  '/concepts/:slug/terms': 'POST /api/concepts/:slug/terms',
  '/concepts/:slug/terms/:term/delete': 'POST /api/concepts/:slug/terms/:term/delete',
  '/processes/:process/import-drafts': 'POST /api/processes/:process/import-drafts',
  '/import-drafts/:id/corrections': 'POST /api/import-drafts/:id/corrections',
  '/import-drafts/:id/discard': 'POST /api/import-drafts/:id/discard',
  '/import-drafts/:id/publish': 'POST /api/import-drafts/:id/publish',
  '/versions/:id/publish': 'POST /api/versions/:id/publish',
  '/processes/:process/meetings': 'POST /api/processes/:process/meetings',
  '/meetings/:id/change': 'POST /api/meetings/:id/change',
  '/processes/:process/follow': 'POST /api/processes/:process/follow',
  '/processes/:process/translations': 'POST /api/processes/:process/translations',
  '/stances/:id/delete': 'POST /api/stances/:id/delete',
  '/watches': 'POST /api/watches',
  '/watches/:id': 'POST /api/watches/:id',
  '/watches/:id/delete': 'POST /api/watches/:id/delete',
  '/watches/:id/feed-key': 'POST /api/watches/:id/feed-key',
};

/** Page actions that have no API operation by design, each with its reason. */
const pageOnly: Record<string, string> = {
  '/sign-in': 'a program holds a token instead of a session',
  '/sign-out': 'sessions are the pages’ own; a token is revoked instead',
  '/sign-up': 'an account is made by a person, who confirms an e-mail address',
  '/forgot-password': 'password recovery is a person’s, through e-mail',
  '/reset-password': 'password recovery is a person’s, through e-mail',
  '/verify-email': 'the link in the e-mail is followed by a person',
  '/account/password': 'a token must never change the password that protects the account',
  '/account/verification': 'asks for a new e-mail link, read by a person',
  '/account/tokens':
    'a token never makes another: a stolen one would outlive its revocation (tokens are made on the account page, from a session)',
  '/account/calendar':
    'the calendar address is a secret for a calendar program, renewed by a person',
  '/admin/mail/:id/retry': 'the operator’s mail outbox, handled by the command line and the page',
};

test('every page POST route has a JSON API counterpart or a reasoned exemption', async () => {
  const o = await openTestDatabase('sqlite');
  try {
    const app = createApp({ db: o.db, engine: 'sqlite' });
    const posts = new Set(app.routes.filter((r) => r.method === 'POST').map((r) => r.path));
    const pages = [...posts].filter((p) => !p.startsWith('/api/')).sort();
    const uncovered = pages.filter((p) => !counterparts[p] && !pageOnly[p]);
    assert.deepEqual(uncovered, [], 'page actions with neither an API counterpart nor a reason');
    const missing = Object.entries(counterparts)
      .filter(([, api]) => !posts.has(api.replace(/^POST /, '')))
      .map(([page, api]) => `${page} → ${api}`);
    assert.deepEqual(missing, [], 'counterparts named here that the app does not have');
    const stale = Object.keys({ ...counterparts, ...pageOnly }).filter((p) => !pages.includes(p));
    assert.deepEqual(stale, [], 'page routes named here that the app no longer has');
  } finally {
    await o.close();
  }
});

/**
 * The registry's comparison pages and the JSON routes that give the same data (issue 16): a
 * program reads what the matrix, the map, the pair view and the timeline show.
 */
const readCounterparts: Record<string, string> = {
  '/registry/compare': 'GET /api/registry/matrix',
  '/registry/map': 'GET /api/registry/map',
  '/registry/pair': 'GET /api/registry/pair',
  '/registry/timeline': 'GET /api/registry/timeline',
  '/registry/countries/:code': 'GET /api/registry/countries/:code',
  '/registry/measures/:id': 'GET /api/registry/measures/:id',
};

test("the registry's comparison pages each have a JSON route", async () => {
  const o = await openTestDatabase('sqlite');
  try {
    const app = createApp({ db: o.db, engine: 'sqlite' });
    const gets = new Set(app.routes.filter((r) => r.method === 'GET').map((r) => r.path));
    const missing = Object.entries(readCounterparts)
      .filter(([page, api]) => !gets.has(page) || !gets.has(api.replace(/^GET /, '')))
      .map(([page, api]) => `${page} → ${api}`);
    assert.deepEqual(missing, [], 'a page or its JSON route the app does not have');
    const described = Object.keys(
      ((await (await app.request('/api/openapi.json')).json()) as { paths: object }).paths,
    );
    for (const api of Object.values(readCounterparts)) {
      const path = api.replace(/^GET /, '').replace(/:([a-z]+)/gi, '{$1}');
      assert.ok(described.includes(path), `${path} is in the OpenAPI description`);
    }
  } finally {
    await o.close();
  }
});
