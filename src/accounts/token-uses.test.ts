/**
 * The recent uses of each API token (issue 17): noted per request without a write per request,
 * written in batches, kept to the newest 100 per token; the owner reads them through the API and
 * on the account page; another account's request finds no such token. On both engines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../app.ts';
import {
  buildConsultation,
  representativeViewer,
  signedIn,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { keptTokenUses, makeApiToken, TokenUseLog } from './accounts.service.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers
type Json = any;

for (const engine of testEngines()) {
  describe(`the recent uses of API tokens (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let log: TokenUseLog;
    const start = new Date('2026-06-10T12:00:00Z');
    let clock = start;
    const tokens = new Map<string, { id: string; secret: string }>();

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db);
      // Written when read or when a batch fills (no timer, as in tests), so the test sees the buffer.
      log = new TokenUseLog(o.db);
      // A millisecond passes between requests: uses within one are told apart by nothing else.
      app = createApp({
        db: o.db,
        engine,
        now: () => (clock = new Date(clock.getTime() + 1)),
        tokenUses: log,
      });
      for (const who of ['civil', 'tech'] as const) {
        const made = await makeApiToken(
          o.db,
          representativeViewer(built, who),
          { name: `${who} script`, scopes: ['read', 'submit'] },
          start,
        );
        tokens.set(who, made);
      }
    });
    after(async () => o.close());

    const get = async (who: string, path: string) => {
      const res = await app.request(path, {
        headers: { authorization: `Bearer ${tokens.get(who)!.secret}` },
      });
      return { status: res.status, body: (await res.json()) as Json };
    };
    const storedUses = async (tokenId: string) =>
      Number(
        (
          await o.db
            .selectFrom('api_token_uses')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('token_id', '=', tokenId)
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('the owner reads the uses, by route pattern and status, written in a batch not per request', async () => {
      const civil = tokens.get('civil')!;
      assert.equal((await get('civil', '/api/processes')).status, 200);
      assert.equal((await get('civil', '/api/processes/twg')).status, 200);
      assert.equal((await get('civil', '/api/processes/no-such-process')).status, 404);
      assert.equal(await storedUses(civil.id), 0, 'nothing written per request');

      const read = await get('civil', `/api/tokens/${civil.id}/uses`);
      assert.equal(read.status, 200, JSON.stringify(read.body));
      assert.deepEqual(
        read.body.uses.map((u: Json) => [u.method, u.route, u.status]),
        [
          ['GET', '/api/processes/:process', 404],
          ['GET', '/api/processes/:process', 200],
          ['GET', '/api/processes', 200],
        ],
      );
      assert.ok(read.body.uses[0].at > read.body.uses[2].at, 'newest first');
      assert.ok(read.body.uses[0].at.startsWith('2026-06-10T12:00:00.'), read.body.uses[0].at);
      assert.doesNotMatch(JSON.stringify(read.body), /twg|no-such-process/, 'never the address');
      assert.equal(await storedUses(civil.id), 3, 'written when read');

      const page = await signedIn(app, built, 'civil');
      const html = await (await page.get('/account')).text();
      assert.match(html, /<caption>Latest uses of “civil script”/);
      assert.match(
        html,
        /<code dir="ltr">\/api\/processes\/:process<\/code><\/td><td><code dir="ltr">404<\/code>/,
      );
    });

    test('another account, or no account, does not find the token', async () => {
      const civil = tokens.get('civil')!;
      const other = await get('tech', `/api/tokens/${civil.id}/uses`);
      assert.equal(other.status, 404);
      assert.equal(other.body.error.code, 'NOT_FOUND');
      const missing = await get('tech', '/api/tokens/00000000-0000-4000-8000-000000000000/uses');
      assert.deepEqual(missing, other, 'the same answer as a token that does not exist');
      const anonymous = await app.request(`/api/tokens/${civil.id}/uses`);
      assert.equal(anonymous.status, 401);
      const techPage = await signedIn(app, built, 'tech');
      assert.doesNotMatch(await (await techPage.get('/account')).text(), /civil script/);
    });

    test('in a server, a batch is written a short while after its first use, unread', async () => {
      const civil = tokens.get('civil')!;
      const before = await storedUses(civil.id);
      const timed = new TokenUseLog(o.db, { writeAfterMs: 50 });
      timed.note(civil.id, {
        at: start.toISOString(),
        method: 'GET',
        route: '/api/tokens',
        status: 200,
      });
      assert.equal(await storedUses(civil.id), before);
      for (let i = 0; i < 100 && (await storedUses(civil.id)) === before; i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(await storedUses(civil.id), before + 1);
    });

    test(`each token keeps its newest ${keptTokenUses} uses`, async () => {
      const tech = tokens.get('tech')!;
      // More than a batch (written when it fills), then more, read at the end: well over 100.
      const calls = TokenUseLog.batch + 40;
      for (let i = 0; i < calls; i++) {
        const res = await app.request(i % 2 === 0 ? '/api/processes' : '/api/processes/twg', {
          headers: { authorization: `Bearer ${tech.secret}` },
        });
        assert.equal(res.status, 200);
      }
      await log.flush();
      assert.equal(await storedUses(tech.id), keptTokenUses);
      const read = await get('tech', `/api/tokens/${tech.id}/uses`);
      assert.equal(read.body.uses.length, keptTokenUses);
      // The last call (odd index) is the newest.
      assert.equal(read.body.uses[0].route, '/api/processes/:process');
      assert.equal(await storedUses(tokens.get('civil')!.id), 5, 'the other token keeps its own');
    });
  });
}
