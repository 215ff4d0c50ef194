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
  revokeToken,
  signUp,
  TokenViewers,
  viewerFromToken,
} from './accounts.service.ts';
import { listApiTokens } from './accounts.store.ts';
import { Limiter } from '../limits/limiter.ts';
import { defaultLimitSettings, Limits, type LimitSettings } from '../limits/limits.ts';

for (const engine of testEngines()) {
  describe(`signing in (${engine})`, () => {
    let o: OpenDatabase;
    const settings: LimitSettings = {
      ...defaultLimitSettings,
      signInAttempts: 3,
      signInAccountAttempts: 100,
    };
    const address = '192.0.2.7';
    before(async () => {
      o = await openTestDatabase(engine);
      await signUp(o.db, {
        email: 'Guarded@Example.org',
        name: 'Guarded',
        password: 'the right password',
      });
    });
    after(async () => o.close());

    /** The answer to one attempt: 'ok', or the error's code, message and Retry-After. */
    const attempt = async (
      limits: Limits,
      email: string,
      password: string,
      now: Date,
      from = address,
    ): Promise<string> => {
      try {
        await authenticate(o.db, { email, password }, { limits, address: from, now });
        return 'ok';
      } catch (error) {
        assert.ok(isPlenumError(error));
        return `${error.code} ${error.message} ${error.retryAfterSeconds ?? ''}`;
      }
    };
    const code = (answer: string) => answer.split(' ')[0];
    /** A Limits of its own: as another `plenum serve` process on the same database. */
    const process = () => new Limits(new Limiter(o.db, o.engine), settings);

    test('50 parallel wrong passwords from two processes: only the limit reach the check', async () => {
      const start = new Date('2027-01-01T10:00:00Z');
      const [a, b] = [process(), process()];
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          attempt(i % 2 ? a : b, 'guarded@example.org', `wrong ${i}`, start),
        ),
      );
      const counts = Map.groupBy(answers, code);
      assert.equal(counts.get('SIGN_IN_FAILED')?.length, settings.signInAttempts);
      assert.equal(counts.get('SIGN_IN_THROTTLED')?.length, 50 - settings.signInAttempts);
      // Even the right password waits now, from this network.
      const refused = await attempt(a, 'guarded@example.org', 'the right password', start);
      assert.equal(code(refused), 'SIGN_IN_THROTTLED');
      const wait = Number(refused.split(' ').at(-1));
      assert.ok(wait > 0 && wait <= 3600, `Retry-After ${wait}`);
      // The owner elsewhere is not locked out; here, once the wait is over.
      assert.equal(
        await attempt(a, 'guarded@example.org', 'the right password', start, '198.51.100.1'),
        'ok',
      );
      const later = new Date(start.getTime() + wait * 1000);
      assert.equal(await attempt(b, 'Guarded@Example.org', 'the right password', later), 'ok');
    });

    test('the wait grows as wrong passwords go on, and an hour lets few through', async () => {
      const limits = process();
      const start = new Date('2027-03-01T10:00:00Z');
      const waits: number[] = [];
      let checked = 0;
      let now = start;
      // A guesser who waits each time as told, then tries until refused again.
      while (now.getTime() < start.getTime() + 3600_000) {
        const answer = await attempt(limits, 'guarded@example.org', `wrong ${checked}`, now);
        if (code(answer) === 'SIGN_IN_FAILED') checked += 1;
        else {
          const wait = Number(answer.split(' ').at(-1));
          waits.push(wait);
          now = new Date(now.getTime() + wait * 1000);
        }
      }
      assert.equal(checked, 4 * settings.signInAttempts, 'passwords checked in the hour');
      assert.ok(waits[0]! <= 60, `first wait ${waits[0]}`);
      assert.ok(Math.max(...waits) > 900, `waits ${waits.join(', ')}`);
    });

    test('successful sign-ins do not add up against the e-mail or the network', async () => {
      const strict = new Limits(new Limiter(o.db, o.engine), {
        ...settings,
        signInAccountAttempts: 2,
        signInAddressAttempts: 2,
      });
      const now = new Date('2027-04-01T10:00:00Z');
      const answers: string[] = [];
      for (let i = 0; i < 4; i++)
        answers.push(await attempt(strict, 'guarded@example.org', 'the right password', now));
      assert.deepEqual(answers, ['ok', 'ok', 'ok', 'ok']);
    });

    test('unknown, throttled and wrong: the same answers, in the same time', async () => {
      const now = new Date('2027-02-01T10:00:00Z');
      const limits = process();
      const known: string[] = [];
      const unknown: string[] = [];
      const timings = { known: [] as number[], unknown: [] as number[] };
      for (let i = 0; i < settings.signInAttempts + 2; i++) {
        let t = performance.now();
        known.push(await attempt(limits, 'guarded@example.org', 'not the one', now));
        timings.known.push(performance.now() - t);
        t = performance.now();
        unknown.push(await attempt(limits, 'nobody@example.org', 'not the one', now));
        timings.unknown.push(performance.now() - t);
      }
      assert.deepEqual(unknown, known);
      assert.deepEqual(known.map(code), [
        ...Array<string>(settings.signInAttempts).fill('SIGN_IN_FAILED'),
        'SIGN_IN_THROTTLED',
        'SIGN_IN_THROTTLED',
      ]);
      // Both check a password (the unknown one against a dummy hash): no fast "no such account".
      const median = (xs: number[]) => xs.toSorted((x, y) => x - y)[Math.floor(xs.length / 2)]!;
      const checked = (xs: number[]) => median(xs.slice(0, settings.signInAttempts));
      const ratio = checked(timings.unknown) / checked(timings.known);
      assert.ok(ratio > 0.33 && ratio < 3, `unknown/known time ${ratio.toFixed(2)}`);
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
