import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { isPlenumError } from '../errors.ts';
import type { Viewer } from './accounts.schema.ts';
import {
  authenticate,
  createApiToken,
  grantRole,
  lockMinutes,
  maxFailedSignIns,
  revokeToken,
  signUp,
  TokenViewers,
  viewerFromToken,
} from './accounts.service.ts';
import { listApiTokens } from './accounts.store.ts';

for (const engine of testEngines()) {
  describe(`signing in (${engine})`, () => {
    let o: OpenDatabase;
    before(async () => {
      o = await openTestDatabase(engine);
      await signUp(o.db, {
        email: 'Guarded@Example.org',
        name: 'Guarded',
        password: 'the right password',
      });
    });
    after(async () => o.close());

    const attempt = async (password: string, now: Date): Promise<string> => {
      try {
        await authenticate(o.db, { email: 'guarded@example.org', password }, now);
        return 'ok';
      } catch (error) {
        assert.ok(isPlenumError(error));
        return error.code;
      }
    };

    test('an account refuses every password for a while after too many wrong ones', async () => {
      const start = new Date('2027-01-01T10:00:00Z');
      assert.equal(
        await attempt('the right password', start),
        'ok',
        'e-mail addresses ignore case',
      );
      for (let i = 1; i < maxFailedSignIns; i++)
        assert.equal(await attempt(`wrong ${i}`, start), 'SIGN_IN_FAILED');
      assert.equal(await attempt('the right password', start), 'ok', 'a success resets the count');
      for (let i = 1; i <= maxFailedSignIns; i++)
        assert.equal(await attempt(`wrong ${i}`, start), 'SIGN_IN_FAILED');
      assert.equal(await attempt('the right password', start), 'SIGN_IN_LOCKED');
      const later = new Date(start.getTime() + (lockMinutes + 1) * 60_000);
      assert.equal(await attempt('the right password', later), 'ok');
    });

    test('an unknown address and a wrong password get the same answer', async () => {
      const now = new Date('2027-02-01T10:00:00Z');
      const unknown = await authenticate(
        o.db,
        { email: 'nobody@example.org', password: 'whatever it is' },
        now,
      ).catch((e: unknown) => e);
      const wrong = await authenticate(
        o.db,
        { email: 'guarded@example.org', password: 'not the one' },
        now,
      ).catch((e: unknown) => e);
      assert.ok(isPlenumError(unknown) && isPlenumError(wrong));
      assert.equal(unknown.message, wrong.message);
    });
  });
}

for (const engine of testEngines()) {
  describe(`API tokens read together (${engine})`, () => {
    let o: OpenDatabase;
    after(async () => o.close());

    test('tokens asked for together are read at once, with roles; a revoked one is refused from then on', async () => {
      o = await openTestDatabase(engine);
      const accounts = await Promise.all(
        ['one', 'two'].map((name) =>
          signUp(o.db, { email: `${name}@tokens.example`, name, password: 'a long password' }),
        ),
      );
      const [one, two] = accounts.map((a): Viewer => ({
        id: a.id,
        email: a.email,
        name: a.name,
        isAdmin: false,
        grants: [],
        via: 'session',
      }));
      const scopeId = '018f0000-0000-7000-8000-00000000000a';
      await grantRole(o.db, { email: one!.email, role: 'secretariat', scopeId }, one!.id);
      const tokenOne = await createApiToken(o.db, one!, 'first');
      const tokenTwo = await createApiToken(o.db, two!, 'second');
      const tokens = new TokenViewers(o.db);
      let reads = 0;
      const counting = o.db.withPlugin({
        transformQuery: (args) => {
          if (args.node.kind === 'SelectQueryNode') reads += 1;
          return args.node;
        },
        transformResult: async (args) => args.result,
      });
      const counted = new TokenViewers(counting);
      const seen = await Promise.all([
        counted.viewer(tokenOne),
        counted.viewer(tokenTwo),
        counted.viewer(tokenOne),
        counted.viewer('plenum_not-a-token-at-all'),
      ]);
      assert.equal(reads, 1, 'four requests, one read');
      assert.deepEqual(
        seen.map((v) => v?.email ?? null),
        ['one@tokens.example', 'two@tokens.example', 'one@tokens.example', null],
      );
      assert.equal(seen[0]!.via, 'token');
      assert.deepEqual(seen[0]!.grants, [{ role: 'secretariat', scopeId }]);
      assert.deepEqual(seen[1]!.grants, []);
      // The same answers as one token at a time.
      assert.deepEqual(seen[0], await viewerFromToken(o.db, tokenOne));
      const [listed] = await listApiTokens(o.db, one!.id);
      await revokeToken(o.db, one!, listed!.id);
      assert.equal(await tokens.viewer(tokenOne), null, 'revoked: refused in the next round');
      assert.equal((await tokens.viewer(tokenTwo))?.email, 'two@tokens.example');
    });
  });
}
