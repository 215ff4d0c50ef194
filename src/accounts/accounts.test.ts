import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { isPlenumError } from '../errors.ts';
import { authenticate, lockMinutes, maxFailedSignIns, signUp } from './accounts.service.ts';

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
