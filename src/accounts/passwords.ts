/**
 * Password hashing with scrypt from Node's crypto module (OpenSSL's implementation): memory-hard,
 * salted, parameters stored with the hash so they can be raised later. The hashing runs in a
 * bounded pool of threads of its own (password-pool.ts).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { PasswordPoolSettings } from '../config.ts';
import { PasswordPool } from './password-pool.ts';

// N = 2^16, r = 8: 64 MiB and about 0.1 s per hash on one core of the reference machine.
const cost = { N: 65536, r: 8, p: 1 };

/** The pool when the configuration says nothing: one thread, 32 checks waiting at most. */
export const defaultPasswordPoolSettings: PasswordPoolSettings = { threads: 1, queueLimit: 32 };

let pool = new PasswordPool(defaultPasswordPoolSettings);

/** Replaces the process's password pool (plenum serve, from the configuration). */
export async function configurePasswordPool(settings: PasswordPoolSettings): Promise<void> {
  const old = pool;
  pool = new PasswordPool(settings);
  await old.close();
}

function derive(password: string, salt: Buffer, options: typeof cost): Promise<Buffer> {
  return pool.derive(password.normalize('NFC'), salt, { ...options, maxmem: 256 * 1024 * 1024 });
}

/** A salted scrypt hash of the password: `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return [
    'scrypt',
    cost.N,
    cost.r,
    cost.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** True when the password matches the stored hash (compared in constant time). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash that matches no password, compared against when the e-mail is unknown (same timing). */
export const unusableHash = `scrypt$${cost.N}$${cost.r}$${cost.p}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(32).toString('base64url')}`;
