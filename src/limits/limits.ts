/**
 * What plenum limits, and how much: sign-in attempts, submissions, sign-ups and other writes,
 * by account, by e-mail address tried and by network address, all through one Limiter.
 */
import { isIP } from 'node:net';
import { PlenumError, type ErrorCode } from '../errors.ts';
import type { Limiter, LimitKey, LimitRule, LimitVerdict } from './limiter.ts';

/** The limits of an installation (config: PLENUM_LIMIT_*; 0 turns one off). */
export interface LimitSettings {
  /**
   * Sign-in attempts per e-mail address from one network address in a minute; twice as many in
   * 15 minutes and four times as many in an hour, so the wait grows as guessing goes on.
   */
  signInAttempts: number;
  /** Sign-in attempts per e-mail address from all network addresses in 15 minutes. */
  signInAccountAttempts: number;
  /** Sign-in attempts from one network address, whatever the e-mail, in 15 minutes. */
  signInAddressAttempts: number;
  /** Submissions per account (all its tokens and sessions together) in a minute. */
  submissionsPerMinute: number;
  /** Other writes per account, or per network address when signed out, in a minute. */
  writesPerMinute: number;
  /** New accounts per network address in an hour. */
  signUpsPerHour: number;
  /**
   * E-mails with a one-time link (password reset, address verification) per address in an hour;
   * four times as many per network address.
   */
  mailLinksPerHour: number;
}

/** The limits when the configuration says nothing. */
export const defaultLimitSettings: LimitSettings = {
  signInAttempts: 5,
  signInAccountAttempts: 50,
  signInAddressAttempts: 100,
  submissionsPerMinute: 300,
  writesPerMinute: 120,
  signUpsPerHour: 20,
  mailLinksPerHour: 5,
};

/** No limit at all (tests and tools that are not about limits). */
export const noLimits: LimitSettings = {
  signInAttempts: 0,
  signInAccountAttempts: 0,
  signInAddressAttempts: 0,
  submissionsPerMinute: 0,
  writesPerMinute: 0,
  signUpsPerHour: 0,
  mailLinksPerHour: 0,
};

/** Who a write comes from: an account when signed in, else only the network address. */
export interface Actor {
  accountId: string | undefined;
  address: string | undefined;
}

function rule(
  name: string,
  limit: number,
  windowSeconds: number,
  counting: LimitRule['counting'],
): LimitRule {
  return { name, limit, windowSeconds, counting };
}

/** The limits of one installation, taken through its Limiter; refusals are thrown as 429s. */
export class Limits {
  readonly settings: LimitSettings;
  private readonly limiter: Limiter;

  constructor(limiter: Limiter, settings: LimitSettings) {
    this.limiter = limiter;
    this.settings = settings;
  }

  /**
   * Counts a sign-in attempt before its password is checked; throws SIGN_IN_THROTTLED when the
   * e-mail address or the network address has tried too often. The count depends only on what
   * was typed and where from, never on whether an account has this address.
   */
  async attemptSignIn(email: string, address: string | undefined, now: Date): Promise<void> {
    await this.refuseUnless('SIGN_IN_THROTTLED', this.signInKeys(email, address), now);
  }

  /**
   * After a successful sign-in: the attempts of this e-mail from this network start again, and
   * this one is not counted against the e-mail or the network (only failures add up there).
   */
  async signedIn(email: string, address: string | undefined, now: Date): Promise<void> {
    const keys = this.signInKeys(email, address);
    await this.limiter.forget(keys.slice(0, 3));
    await this.limiter.giveBack(keys.slice(3), now);
  }

  /** Takes one submission from the actor's quota; throws RATE_LIMITED when it is used up. */
  async submission(actor: Actor, now: Date): Promise<void> {
    const r = rule('submissions', this.settings.submissionsPerMinute, 60, 'batched');
    await this.refuseUnless('RATE_LIMITED', actorKeys(r, actor), now);
  }

  /** Takes one write (not a submission, sign-in or sign-up) from the actor's quota. */
  async write(actor: Actor, now: Date): Promise<void> {
    const r = rule('writes', this.settings.writesPerMinute, 60, 'batched');
    await this.refuseUnless('RATE_LIMITED', actorKeys(r, actor), now);
  }

  /** Takes one new account from the network address's quota. */
  async signUp(address: string | undefined, now: Date): Promise<void> {
    if (address === undefined) return;
    const r = rule('sign-ups', this.settings.signUpsPerHour, 3600, 'exact');
    await this.refuseUnless('RATE_LIMITED', [{ rule: r, subject: address }], now);
  }

  /**
   * Takes one e-mail with a one-time link (a password reset or a verification asked for again)
   * from the quota of the address typed and of the network; counted whether or not an account
   * has the address, so the answer tells nothing.
   */
  async mailLink(email: string, address: string | undefined, now: Date): Promise<void> {
    const n = this.settings.mailLinksPerHour;
    const keys: LimitKey[] = [
      { rule: rule('mail-link-email', n, 3600, 'exact'), subject: email.trim().toLowerCase() },
    ];
    if (address !== undefined)
      keys.push({ rule: rule('mail-link-address', 4 * n, 3600, 'exact'), subject: address });
    await this.refuseUnless('RATE_LIMITED', keys, now);
  }

  /**
   * After a password reset: the sign-in lock of the e-mail address (from every network) and of
   * this network ends, so the owner can sign in at once with the new password.
   */
  async passwordReset(email: string, address: string | undefined): Promise<void> {
    await this.limiter.forget(this.signInKeys(email, address).slice(0, 4));
  }

  private signInKeys(email: string, address: string | undefined): LimitKey[] {
    const n = this.settings.signInAttempts;
    const typed = email.trim().toLowerCase();
    const pair = `${typed} ${address ?? ''}`;
    const keys: LimitKey[] = [
      { rule: rule('sign-in-1m', n, 60, 'exact'), subject: pair },
      { rule: rule('sign-in-15m', 2 * n, 900, 'exact'), subject: pair },
      { rule: rule('sign-in-1h', 4 * n, 3600, 'exact'), subject: pair },
      {
        rule: rule('sign-in-email', this.settings.signInAccountAttempts, 900, 'exact'),
        subject: typed,
      },
    ];
    if (address !== undefined)
      keys.push({
        rule: rule('sign-in-address', this.settings.signInAddressAttempts, 900, 'exact'),
        subject: address,
      });
    return keys;
  }

  private async refuseUnless(code: ErrorCode, keys: LimitKey[], now: Date): Promise<void> {
    const verdict: LimitVerdict = await this.limiter.take(keys, now);
    if (!verdict.allowed)
      throw new PlenumError(code, undefined, { retryAfterSeconds: verdict.retryAfterSeconds });
  }
}

function actorKeys(r: LimitRule, actor: Actor): LimitKey[] {
  if (actor.accountId !== undefined) return [{ rule: r, subject: `account ${actor.accountId}` }];
  return actor.address !== undefined ? [{ rule: r, subject: `address ${actor.address}` }] : [];
}

/**
 * The network a client address stands for: an IPv4 address itself (also when written as IPv6),
 * an IPv6 address's /64, since one subscriber usually holds a whole /64.
 */
export function networkOf(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIP(address) !== 6) return isIP(address) === 4 ? address : undefined;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
