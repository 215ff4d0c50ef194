import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../app.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { TestClient } from '../test-client.ts';
import { signUp, TokenViewers, tokenUseIntervalMs, viewerFromToken } from './accounts.service.ts';
import { listApiTokens } from './accounts.store.ts';

const password = 'a long password';

for (const engine of testEngines()) {
  describe(`API tokens (${engine})`, () => {
    let o: OpenDatabase;
    let app: ReturnType<typeof createApp>;
    let accountId: string;
    before(async () => {
      o = await openTestDatabase(engine);
      app = createApp({ db: o.db, engine });
      accountId = (await signUp(o.db, { email: 'owner@tokens.example', name: 'Owner', password }))
        .id;
    });
    after(async () => o.close());

    /** A new token made through the account page; returns its secret. */
    const makeToken = async (client: TestClient, name: string): Promise<string> => {
      const res = await client.post('/account/tokens', { name });
      assert.equal(res.status, 200);
      const secret = /<code>(plenum_[A-Za-z0-9_-]+)<\/code>/.exec(await res.text())?.[1];
      assert.ok(secret, 'the page shows the new token once');
      return secret;
    };
    const liveTokens = async (): Promise<number> =>
      (await listApiTokens(o.db, accountId)).filter((t) => t.revokedAt === null).length;

    test('a token cannot make another token, with or without a form token', async () => {
      const browser = new TestClient(app);
      await browser.signIn('owner@tokens.example', password);
      const stolen = await makeToken(browser, 'laptop');
      const before = (await listApiTokens(o.db, accountId)).length;
      const csrf = browser.cookies.get('plenum_csrf')!;
      for (const withFormToken of [false, true]) {
        const res = await app.request('/account/tokens', {
          method: 'POST',
          headers: {
            authorization: `Bearer ${stolen}`,
            'content-type': 'application/x-www-form-urlencoded',
            ...(withFormToken ? { cookie: `plenum_csrf=${csrf}` } : {}),
          },
          body: new URLSearchParams({
            name: 'mine now',
            ...(withFormToken ? { _csrf: csrf } : {}),
          }),
        });
        assert.equal(res.status, 403, `refused (form token sent: ${withFormToken})`);
      }
      assert.equal((await listApiTokens(o.db, accountId)).length, before, 'no token was made');
    });

    test('changing the password revokes every token and signs out other sessions', async () => {
      const here = new TestClient(app);
      const elsewhere = new TestClient(app);
      await here.signIn('owner@tokens.example', password);
      await elsewhere.signIn('owner@tokens.example', password);
      const token = await makeToken(here, 'script');
      assert.ok(await viewerFromToken(o.db, token));
      assert.ok((await liveTokens()) >= 1);

      const res = await here.post('/account/password', {
        current: password,
        password: 'another long password',
      });
      assert.equal(res.status, 200);
      assert.match(await res.text(), /API tokens revoked/, 'the page says what happened');
      assert.equal(await viewerFromToken(o.db, token), null, 'the token is refused');
      assert.equal(await liveTokens(), 0);
      assert.equal((await elsewhere.get('/account')).status, 401, 'the other session is closed');
      assert.equal((await here.get('/account')).status, 200, 'this session stays');
      await here.post('/account/password', { current: 'another long password', password });
    });

    test('the last use of a token is written at most once a minute, for a round in one statement', async () => {
      const browser = new TestClient(app);
      await browser.signIn('owner@tokens.example', password);
      const one = await makeToken(browser, 'one');
      const two = await makeToken(browser, 'two');
      let clock = new Date('2027-03-01T09:00:00Z');
      let writes = 0;
      const counting = o.db.withPlugin({
        transformQuery: (args) => {
          if (args.node.kind === 'UpdateQueryNode') writes += 1;
          return args.node;
        },
        transformResult: async (args) => args.result,
      });
      const viewers = new TokenViewers(counting, () => clock);
      const use = async (...secrets: string[]): Promise<void> => {
        await Promise.all(secrets.map((s) => viewers.viewer(s)));
        await viewers.settled();
      };
      const lastUse = async (name: string): Promise<string | null> =>
        (await listApiTokens(o.db, accountId)).find((t) => t.name === name)!.lastUsedAt;

      assert.equal(await lastUse('one'), null);
      await use(one, two, one);
      assert.equal(writes, 1, 'two tokens used together: one statement');
      assert.equal(await lastUse('one'), clock.toISOString());
      assert.equal(await lastUse('two'), clock.toISOString());

      const first = clock.toISOString();
      clock = new Date(clock.getTime() + tokenUseIntervalMs / 2);
      await use(one);
      await use(two);
      assert.equal(writes, 1, 'used again within the minute: nothing written');
      assert.equal(await lastUse('one'), first);

      clock = new Date(Date.parse(first) + tokenUseIntervalMs + 1000);
      await use(one);
      assert.equal(writes, 2);
      assert.equal(await lastUse('one'), clock.toISOString());
      assert.equal(await lastUse('two'), first, 'only the token used');

      const page = await (await browser.get('/account')).text();
      assert.match(page, /last used 1 Mar 2027, 09:01/);
      await makeToken(browser, 'unused');
      assert.match(await (await browser.get('/account')).text(), /unused · [^<]* · never used/);
    });
  });
}
