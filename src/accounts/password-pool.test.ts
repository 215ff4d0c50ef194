import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { isPlenumError } from '../errors.ts';
import { PasswordPool } from './password-pool.ts';

const options = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

test('the password pool runs its threads, queues up to its limit and refuses beyond', async () => {
  const pool = new PasswordPool({ threads: 1, queueLimit: 2 });
  try {
    const salt = randomBytes(16);
    const asked = Array.from({ length: 5 }, (_, i) =>
      pool.derive(`password ${i}`, salt, options).then(
        (key) => key,
        (error: unknown) => error,
      ),
    );
    assert.deepEqual(pool.load, { running: 1, waiting: 2 });
    const answers = await Promise.all(asked);
    const keys = answers.filter((a) => Buffer.isBuffer(a));
    const refused = answers.filter((a) => isPlenumError(a) && a.code === 'PASSWORD_CHECKS_BUSY');
    assert.equal(keys.length, 3, 'one running and two waiting are derived');
    assert.equal(refused.length, 2, 'the rest are refused at once');
    assert.ok(refused.every((e) => isPlenumError(e) && e.retryAfterSeconds === 1));
    // The same key as scrypt on the main thread, and the pool takes work again.
    const { scryptSync } = await import('node:crypto');
    assert.deepEqual(keys[0], scryptSync('password 0', salt, 32, options));
    assert.equal((await pool.derive('again', salt, options)).length, 32);
  } finally {
    await pool.close();
  }
});
