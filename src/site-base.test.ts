import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Hono } from 'hono';
import { createApp } from './app.ts';
import { buildConsultation, builtPassword } from './consultations/consultation.builder.ts';
import type { OpenDatabase } from './db/database.ts';
import { openTestDatabase, testEngines } from './db/test-databases.ts';
import type { AppDeps, AppEnv, CompleteDeps } from './context.ts';
import { clientAddress, siteBase } from './site-base.ts';
import { TestClient } from './test-client.ts';

/** A bare app answering with what site-base.ts believes of the request. */
function probe(deps: Partial<AppDeps>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', deps as CompleteDeps);
    await next();
  });
  app.get('/', (c) => c.json({ base: siteBase(c), client: clientAddress(c) ?? null }));
  return app;
}

const ask = async (app: Hono<AppEnv>, headers: Record<string, string>) =>
  (await (await app.request('http://plenum.local:3000/', { headers })).json()) as {
    base: string;
    client: string | null;
  };

test('forwarded headers are ignored unless a proxy is trusted, and then only when well formed', async () => {
  const forged = {
    'x-forwarded-host': 'evil.example',
    'x-forwarded-proto': 'https',
    'x-forwarded-for': '203.0.113.9',
  };
  assert.deepEqual(await ask(probe({}), forged), {
    base: 'http://plenum.local:3000',
    client: null,
  });
  const configured = probe({ publicUrl: 'https://plenum.example.org', trustProxy: true });
  assert.equal((await ask(configured, forged)).base, 'https://plenum.example.org');

  const trusted = probe({ trustProxy: true });
  assert.deepEqual(await ask(trusted, forged), {
    base: 'https://evil.example',
    client: '203.0.113.9',
  });
  assert.equal(
    (
      await ask(trusted, {
        'x-forwarded-proto': 'http, https',
        'x-forwarded-host': 'a.example, plenum.example.org:8443',
      })
    ).base,
    'https://plenum.example.org:8443',
    'the values the nearest proxy added',
  );
  for (const [proto, host] of [
    ['javascript', 'plenum.local:3000'],
    ['https:', 'plenum.local:3000'],
    ['http', 'evil.example/path'],
    ['http', 'evil.example:99999'],
    ['http', 'a b'],
    ['http', '"><script>'],
  ] as const) {
    const seen = await ask(trusted, { 'x-forwarded-proto': proto, 'x-forwarded-host': host });
    assert.equal(seen.base, 'http://plenum.local:3000', `${proto} ${host}: ignored`);
  }
  assert.equal((await ask(trusted, { 'x-forwarded-for': 'not-an-ip' })).client, null);
  assert.equal((await ask(trusted, { 'x-forwarded-for': '198.51.100.1, ::1' })).client, '::1');
});

/** A client of the site served as https://plenum.example.org, signed in; its cookies are __Host- named. */
async function httpsVisitor(deps: AppDeps) {
  const client = new TestClient(createApp({ ...deps, publicUrl: 'https://plenum.example.org' }));
  assert.equal((await client.get('/sign-in')).status, 200);
  const csrf = client.cookies.get('__Host-plenum_csrf');
  assert.ok(csrf, 'the form token cookie is __Host- named');
  // The test client sends the plain-named token by itself: this one is posted by hand.
  const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    client.post(path, { _csrf: csrf, ...form }, { csrf: false, headers });
  const signedIn = await post('/sign-in', {
    email: 'outsider@example.org',
    password: builtPassword,
  });
  assert.equal(signedIn.status, 303);
  return { client, post };
}

for (const engine of testEngines()) {
  describe(`public addresses, cookies and cross-site forms (${engine})`, () => {
    let o: OpenDatabase;
    before(async () => {
      o = await openTestDatabase(engine);
      await buildConsultation(o.db);
    });
    after(async () => o.close());

    test('feed links and the calendar address do not follow X-Forwarded-Host; the public URL sets them', async () => {
      const forged = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'gopher' };
      for (const path of ['/processes/twg/feed.atom']) {
        const plain = await new TestClient(createApp({ db: o.db, engine })).get(path, forged);
        assert.equal(plain.status, 200, `${path}: a bad X-Forwarded-Proto is no 500`);
        const text = await plain.text();
        assert.doesNotMatch(text, /evil\.example|gopher/);
        assert.match(text, /http:\/\/localhost\/processes\/twg/);
        const configured = createApp({ db: o.db, engine, publicUrl: 'https://plenum.example.org' });
        const linked = await (await new TestClient(configured).get(path, forged)).text();
        assert.match(linked, /https:\/\/plenum\.example\.org\/processes\/twg/);
        assert.doesNotMatch(linked, /localhost|evil\.example/);
      }

      const { post } = await httpsVisitor({ db: o.db, engine });
      const made = await (await post('/account/calendar', {}, forged)).text();
      assert.match(made, /https:\/\/plenum\.example\.org\/calendar\/[A-Za-z0-9_-]+\.ics/);
      assert.doesNotMatch(made, /evil\.example/);
    });

    test('cookies are __Host- named and Secure over HTTPS, plain over HTTP', async () => {
      const https = await createApp({
        db: o.db,
        engine,
        publicUrl: 'https://plenum.example.org',
      }).request('/sign-in');
      const secure = https.headers.getSetCookie().join('\n');
      assert.match(secure, /^__Host-plenum_csrf=[^;]+;.*Path=\/.*Secure/m);
      assert.doesNotMatch(secure, /Domain=/i);
      const http = await createApp({ db: o.db, engine }).request('/sign-in');
      const plain = http.headers.getSetCookie().join('\n');
      assert.match(plain, /^plenum_csrf=/m);
      assert.doesNotMatch(plain, /Secure|__Host-/);
      // A session cookie under the plain name (set by a sibling subdomain, say) is not believed.
      const browser = new TestClient(createApp({ db: o.db, engine }));
      await browser.signIn('outsider@example.org', builtPassword);
      const session = browser.cookies.get('plenum_session')!;
      const overHttps = await createApp({
        db: o.db,
        engine,
        publicUrl: 'https://plenum.example.org',
      }).request('/account', {
        headers: { cookie: `plenum_session=${session}` },
      });
      assert.equal(overHttps.status, 401);
      const named = await createApp({
        db: o.db,
        engine,
        publicUrl: 'https://plenum.example.org',
      }).request('/account', {
        headers: { cookie: `__Host-plenum_session=${session}` },
      });
      assert.equal(named.status, 200);
    });

    test('a form from another site is refused even with a matching form token pair', async () => {
      const { post } = await httpsVisitor({ db: o.db, engine });
      const follow = (headers: Record<string, string>) =>
        post('/processes/twg/follow', { follow: '1' }, headers);
      const follows = async () =>
        (await o.db.selectFrom('process_follows').select('account_id').execute()).length;
      const start = await follows();

      const crossSite: Record<string, string>[] = [
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { origin: 'https://plenum.example.org.evil.example' },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
        { 'sec-fetch-site': 'cross-site', origin: 'https://plenum.example.org' },
      ];
      for (const headers of crossSite) {
        const res = await follow(headers);
        assert.equal(res.status, 403, JSON.stringify(headers));
      }
      assert.equal(await follows(), start, 'nothing was followed');

      const sameSite: Record<string, string>[] = [
        {},
        { origin: 'https://plenum.example.org' },
        { origin: 'http://localhost' },
        { 'sec-fetch-site': 'same-origin', origin: 'https://plenum.example.org' },
      ];
      for (const headers of sameSite) {
        assert.equal((await follow(headers)).status, 303, JSON.stringify(headers));
      }
      const sansToken = await post('/processes/twg/follow', { follow: '1', _csrf: 'not-it' });
      assert.equal(sansToken.status, 403, 'neither header: the token pair still decides');
    });

    test('two renewals of the calendar address at once both succeed and leave one address', async () => {
      const client = new TestClient(createApp({ db: o.db, engine }));
      await client.signIn('outsider@example.org', builtPassword);
      const answers = await Promise.all(
        [0, 1, 2, 3].map(() => client.post('/account/calendar', {})),
      );
      assert.deepEqual(
        answers.map((a) => a.status),
        [200, 200, 200, 200],
      );
      const rows = await o.db.selectFrom('calendar_addresses').selectAll().execute();
      assert.equal(rows.length, 1);
    });
  });
}
