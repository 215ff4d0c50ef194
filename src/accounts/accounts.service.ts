/** Accounts: sign-up, sign-in, sessions, password change, API tokens and role grants. */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { PlenumError } from '../errors.ts';
import { checkSignedIn } from './accounts.policy.ts';
import { recordEvent } from '../events/events.store.ts';
import type { Limits } from '../limits/limits.ts';
import { zodError } from '../validation.ts';
import { z } from 'zod';
import {
  emailSchema,
  newTokenSchema,
  passwordChangeSchema,
  passwordResetSchema,
  signInSchema,
  signUpSchema,
  tokenScopes,
  type ScopedRole,
  type TokenScope,
  type Viewer,
} from './accounts.schema.ts';
import {
  deleteAllSessions,
  deleteOtherSessions,
  deleteSession,
  findAccount,
  findAccountByEmail,
  findSessionAccount,
  findTokenAccount,
  findTokenAccounts,
  insertAccount,
  insertAccountLink,
  insertApiToken,
  insertGrant,
  insertSession,
  listAccountsHolding,
  listApiTokens,
  listHolders,
  markEmailVerified,
  recordTokenUse,
  revokeAllApiTokens,
  revokeApiToken,
  updateAccountLanguage,
  updatePasswordHash,
  useAccountLink,
  useUpAccountLinks,
  type Account,
  type AccountWithGrants,
  type ApiTokenListing,
  type TokenAccount,
  insertTokenUses,
  isAccountToken,
  listTokenUses,
  type TokenUse,
} from './accounts.store.ts';
import { hashPassword, unusableHash, verifyPassword } from './passwords.ts';

/** How long a session lasts without signing in again. */
export const sessionDays = 30;

/** SHA-256 of a secret, hex: sessions and tokens are stored only as this. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** How long a one-time link lives: a password reset an hour, an address verification a week. */
export const linkLifetimeMs = { reset: 3_600_000, verify: 7 * 86_400_000 } as const;

/**
 * Creates an account; the first argument is the database or a transaction. An account made by
 * the sign-up form needs its address verified (`verification: 'needed'`: it cannot submit until
 * its owner follows the link the mail follower sends); one made by the operator, the demo or a
 * test is vouched for by whoever made it.
 */
export async function signUp(
  db: Db,
  input: unknown,
  options: {
    isAdmin?: boolean;
    actor?: string;
    now?: Date;
    verification?: 'needed' | 'vouched';
    /** The interface language of its e-mail (the sign-up form's). */
    language?: string;
  } = {},
): Promise<Account> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const { email, name, password } = parsed.data;
  if (await findAccountByEmail(db, email)) throw new PlenumError('ACCOUNT_EXISTS');
  const id = newId();
  const at = (options.now ?? new Date()).toISOString();
  const passwordHash = await hashPassword(password);
  const verified = options.verification !== 'needed';
  const language = options.language ?? 'en';
  await insertAccount(db, {
    id,
    email,
    name,
    password_hash: passwordHash,
    is_admin: options.isAdmin ? 1 : 0,
    created_at: at,
    password_changed_at: at,
    language,
    email_verified_at: verified ? at : null,
  });
  await recordEvent(db, {
    actor: options.actor ?? id,
    action: 'account.created',
    subjectType: 'account',
    subjectId: id,
    data: { admin: Boolean(options.isAdmin), verified },
  });
  return {
    id,
    email,
    name,
    isAdmin: Boolean(options.isAdmin),
    passwordHash,
    createdAt: at,
    language,
    emailVerifiedAt: verified ? at : null,
  };
}

/** Sets the language the signed-in viewer's e-mail is written in (their interface language). */
export async function setAccountLanguage(
  db: Db,
  viewer: Viewer | null,
  language: string,
): Promise<void> {
  checkSignedIn(viewer);
  await updateAccountLanguage(db, viewer.id, language);
}

/**
 * Asks for the verification link to be sent again (the mail follower writes it); nothing when
 * the address is verified already. The caller has counted it against the limits.
 */
export async function requestVerificationLink(
  db: Db,
  viewer: Viewer | null,
  now: Date,
): Promise<void> {
  checkSignedIn(viewer);
  if (!viewer.unverified) return;
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: 'account.verification_requested',
      subjectType: 'account',
      subjectId: viewer.id,
    },
    now,
  );
}

/**
 * Asks for a password reset link for an e-mail address: when an account has it, an event the
 * mail follower turns into the message; when none has, nothing. The caller answers the same
 * either way, and has counted the request against the limits before.
 */
export async function requestPasswordReset(db: Db, input: unknown, now: Date): Promise<void> {
  const parsed = z
    .object({ email: emailSchema })
    .safeParse({ email: (input as { email?: unknown } | null)?.email });
  if (!parsed.success) throw zodError(parsed.error);
  const account = await findAccountByEmail(db, parsed.data.email);
  if (!account) return;
  await recordEvent(
    db,
    {
      actor: 'plenum',
      action: 'account.password_reset_requested',
      subjectType: 'account',
      subjectId: account.id,
    },
    now,
  );
}

/**
 * Makes a one-time link for an account (for the mail follower, in its transaction): returns the
 * secret, which is only in the message; only its SHA-256 is stored.
 */
export async function issueAccountLink(
  db: Db,
  link: { accountId: string; purpose: 'verify' | 'reset'; now: Date },
): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  await insertAccountLink(db, {
    token_hash: secretHash(secret),
    account_id: link.accountId,
    purpose: link.purpose,
    created_at: link.now.toISOString(),
    expires_at: new Date(link.now.getTime() + linkLifetimeMs[link.purpose]).toISOString(),
  });
  return secret;
}

/** Verifies the e-mail address of the link's account; LINK_INVALID when it is used or expired. */
export async function verifyEmailAddress(db: Db, token: string, now: Date): Promise<Account> {
  const accountId =
    token.length <= 100
      ? await useAccountLink(db, {
          tokenHash: secretHash(token),
          purpose: 'verify',
          now: now.toISOString(),
        })
      : undefined;
  const account = accountId && (await findAccount(db, accountId));
  if (!account) throw new PlenumError('LINK_INVALID');
  if (await markEmailVerified(db, account.id, now.toISOString()))
    await recordEvent(
      db,
      {
        actor: account.id,
        action: 'account.email_verified',
        subjectType: 'account',
        subjectId: account.id,
      },
      now,
    );
  return account;
}

/**
 * Sets a new password from a reset link (single use, an hour long): every session is signed out,
 * every API token revoked and every other reset link used up; the address is verified by the
 * same token. Returns the account, whose sign-in lock the caller then lifts.
 */
export async function resetPassword(db: Db, input: unknown, now: Date): Promise<Account> {
  const parsed = passwordResetSchema.safeParse(input);
  if (!parsed.success) {
    if (parsed.error.issues.some((i) => i.path[0] === 'token'))
      throw new PlenumError('LINK_INVALID');
    throw zodError(parsed.error);
  }
  const at = now.toISOString();
  const accountId = await useAccountLink(db, {
    tokenHash: secretHash(parsed.data.token),
    purpose: 'reset',
    now: at,
  });
  const account = accountId && (await findAccount(db, accountId));
  if (!account) throw new PlenumError('LINK_INVALID');
  await updatePasswordHash(db, account.id, await hashPassword(parsed.data.password), at);
  await deleteAllSessions(db, account.id);
  const tokensRevoked = await revokeAllApiTokens(db, account.id, at);
  await useUpAccountLinks(db, account.id, 'reset', at);
  // Only the owner of the mailbox could follow the link: the address is theirs.
  await markEmailVerified(db, account.id, at);
  await recordEvent(
    db,
    {
      actor: account.id,
      action: 'account.password_reset',
      subjectType: 'account',
      subjectId: account.id,
      data: { tokensRevoked },
    },
    now,
  );
  return account;
}

/** An account as the mail follower writes to it, if it exists. */
export async function findMailRecipient(db: Db, accountId: string): Promise<Account | undefined> {
  return findAccount(db, accountId);
}

/** The accounts that represent an organisation (to tell them what concerns it). */
export async function listRepresentatives(db: Db, organisationId: string): Promise<Account[]> {
  return listAccountsHolding(db, 'representative', organisationId);
}

/** Where a sign-in attempt comes from, and the limits it counts against. */
export interface SignInAttempt {
  limits: Limits;
  /** The client's network (networkOf), when known. */
  address: string | undefined;
  now?: Date;
}

/**
 * Checks an e-mail and password; returns the account or throws SIGN_IN_FAILED, or
 * SIGN_IN_THROTTLED when this e-mail or network has tried too often. The attempt is counted
 * before the password is checked, so parallel guesses cannot outrun the count; the count and the
 * answers depend only on what was typed and where from, never on whether the account exists.
 */
export async function authenticate(
  db: Db,
  input: unknown,
  attempt: SignInAttempt,
): Promise<Account> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new PlenumError('SIGN_IN_FAILED');
  const { email, password } = parsed.data;
  const now = attempt.now ?? new Date();
  await attempt.limits.attemptSignIn(email, attempt.address, now);
  const account = await findAccountByEmail(db, email);
  // Hash even for an unknown address, so timing does not tell which addresses have accounts.
  const ok = await verifyPassword(password, account?.passwordHash ?? unusableHash);
  if (!account || !ok) throw new PlenumError('SIGN_IN_FAILED');
  await attempt.limits.signedIn(email, attempt.address, now);
  return account;
}

/** Opens a session; returns the cookie value (only its hash is stored). */
export async function openSession(db: Db, accountId: string, now = new Date()): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  await insertSession(db, {
    id: secretHash(secret),
    account_id: accountId,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + sessionDays * 86_400_000).toISOString(),
  });
  return secret;
}

/** Ends the session with this cookie value. */
export async function closeSession(db: Db, secret: string): Promise<void> {
  await deleteSession(db, secretHash(secret));
}

function toViewer(account: AccountWithGrants, via: Viewer['via']): Viewer {
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    isAdmin: account.isAdmin,
    grants: account.grants,
    via,
    ...(account.emailVerifiedAt === null ? { unverified: true } : {}),
  };
}

/** The viewer behind a session cookie value, if the session is live. */
export async function viewerFromSession(
  db: Db,
  secret: string,
  now = new Date(),
): Promise<Viewer | null> {
  const account = await findSessionAccount(db, secretHash(secret), now.toISOString());
  return account ? toViewer(account, 'session') : null;
}

/** How often, at most, the last use of one token is written: to the minute, not per request. */
export const tokenUseIntervalMs = 60_000;

/**
 * Uses of each token since its last use was written, by token id: kept in this process and added
 * to the token's count with the next write of its last use (so a count may miss the last minute
 * of a process that stops).
 */
const unwrittenUses = new Map<string, number>();

/** Writes the last use (and count) of those found tokens whose recorded use is a minute old or more. */
async function recordStaleTokenUse(
  db: Db,
  found: Iterable<TokenAccount>,
  now: Date,
): Promise<void> {
  const since = new Date(now.getTime() - tokenUseIntervalMs).toISOString();
  const stale = [...found].filter((t) => t.tokenLastUsedAt === null || t.tokenLastUsedAt < since);
  const tokens = stale.map((t) => ({ id: t.tokenId, uses: unwrittenUses.get(t.tokenId) ?? 1 }));
  for (const t of tokens) unwrittenUses.delete(t.id);
  await recordTokenUse(db, { tokens, at: now.toISOString(), since });
}

/** Counts one use of a token found live, to be written with its last use. */
function countUse(account: TokenAccount): void {
  unwrittenUses.set(account.tokenId, (unwrittenUses.get(account.tokenId) ?? 0) + 1);
}

/** The viewer of a live token, or TOKEN_EXPIRED thrown for one past its expiry. */
function tokenViewer(account: TokenAccount, now: Date): Viewer {
  if (account.tokenExpiresAt !== null && account.tokenExpiresAt <= now.toISOString()) {
    throw new PlenumError('TOKEN_EXPIRED', `It expired at ${account.tokenExpiresAt}.`);
  }
  countUse(account);
  return {
    ...toViewer(account, 'token'),
    scopes: account.tokenScopes.filter((s): s is TokenScope =>
      (tokenScopes as readonly string[]).includes(s),
    ),
    tokenId: account.tokenId,
  };
}

/**
 * The viewer behind an API token, if it is live (TOKEN_EXPIRED thrown for an expired one); notes
 * the token's use (written once a minute).
 */
export async function viewerFromToken(
  db: Db,
  token: string,
  now = new Date(),
): Promise<Viewer | null> {
  const account = await findTokenAccount(db, secretHash(token));
  if (!account) return null;
  const viewer = tokenViewer(account, now);
  await recordStaleTokenUse(db, [account], now);
  return viewer;
}

/**
 * The viewers behind API tokens, read for many requests at once: on deadline night thousands of
 * API submissions arrive each second, each with its token. The tokens asked for while the event
 * loop reads one round of requests are looked up together in one read, just after; nothing is
 * remembered between rounds, so a revoked token is refused from the next round on. Their last use
 * is written after the answers, in one statement, only for tokens not recorded in the last minute.
 */
export class TokenViewers {
  private readonly db: Db;
  private readonly now: () => Date;
  private waiting = new Map<
    string,
    { resolve: (v: Viewer | null) => void; reject: (e: unknown) => void }[]
  >();
  private scheduled = false;
  private rounds: Promise<void> = Promise.resolve();

  constructor(db: Db, now: () => Date = () => new Date()) {
    this.db = db;
    this.now = now;
  }

  /** The viewer behind this token, if it is live (as viewerFromToken: TOKEN_EXPIRED rejects). */
  viewer(token: string): Promise<Viewer | null> {
    const hash = secretHash(token);
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(hash);
      if (waiters) waiters.push({ resolve, reject });
      else this.waiting.set(hash, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          const round = this.lookUp();
          this.rounds = Promise.all([this.rounds, round]).then(() => undefined);
        });
      }
    });
  }

  /** Resolves when every lookup begun so far, with its write of last use, has finished. */
  settled(): Promise<void> {
    return this.rounds;
  }

  private async lookUp(): Promise<void> {
    const round = this.waiting;
    this.waiting = new Map();
    this.scheduled = false;
    let accounts: Map<string, TokenAccount>;
    try {
      accounts = await findTokenAccounts(this.db, [...round.keys()]);
    } catch (error) {
      for (const waiters of round.values()) for (const w of waiters) w.reject(error);
      return;
    }
    const now = this.now();
    for (const [hash, waiters] of round) {
      const account = accounts.get(hash);
      for (const w of waiters) {
        try {
          w.resolve(account ? tokenViewer(account, now) : null);
        } catch (error) {
          w.reject(error);
        }
      }
    }
    // After the answers: a last-use time that could not be written is tried again next round.
    await recordStaleTokenUse(this.db, accounts.values(), now).catch((error: unknown) => {
      console.error('[plenum] recording the last use of API tokens:', error);
    });
  }
}

/** How many of its latest uses each API token keeps. */
export const keptTokenUses = 100;

/**
 * The recent uses of API tokens (when, method, route pattern, status), buffered in this process
 * and written in batches, never one write per request (deadline night sends thousands of API
 * submissions a second): when a batch fills, when the owner reads them, and, in a server
 * (`writeAfterMs`), a short while after the first use of a batch. Each batch trims its tokens
 * back to their newest `keptTokenUses`. Uses not yet written when a process stops abruptly are
 * lost, as the minute of use counts not yet written are.
 */
export class TokenUseLog {
  private readonly db: Db;
  private buffer: ApiTokenUseRow[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** How long a use waits, at most, for others to be written with (ms); absent: no timer. */
  private readonly writeAfterMs: number | undefined;
  /** Uses written together at most; a full batch is written at once. */
  static readonly batch = 256;

  constructor(db: Db, options: { writeAfterMs?: number } = {}) {
    this.db = db;
    this.writeAfterMs = options.writeAfterMs;
  }

  /** Notes one answered request made with a token. */
  note(tokenId: string, use: TokenUse): void {
    this.buffer.push({ id: newId(), token_id: tokenId, ...use });
    if (this.buffer.length >= TokenUseLog.batch) void this.flush();
    else if (this.writeAfterMs !== undefined && this.timer === undefined) {
      this.timer = setTimeout(() => void this.flush(), this.writeAfterMs);
      // A process with nothing else to do need not wait for it.
      this.timer.unref();
    }
  }

  /** Writes every use noted so far; resolves when they (and any batch before) are written. */
  flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const taken = this.buffer;
    this.buffer = [];
    this.writing = this.writing.then(async () => {
      if (taken.length === 0) return;
      try {
        await this.db.transaction().execute((trx) => insertTokenUses(trx, taken, keptTokenUses));
      } catch (error) {
        console.error('[plenum] recording the uses of API tokens:', error);
      }
    });
    return this.writing;
  }
}

type ApiTokenUseRow = Parameters<typeof insertTokenUses>[1][number];

/**
 * The latest uses of one of the viewer's tokens, newest first (this process's unwritten ones
 * written first); another account's token, or none, is NOT_FOUND.
 */
export async function getTokenUses(
  db: Db,
  viewer: Viewer | null,
  tokenId: string,
  log?: TokenUseLog,
): Promise<TokenUse[]> {
  checkSignedIn(viewer);
  if (!(await isAccountToken(db, viewer.id, tokenId)))
    throw new PlenumError('NOT_FOUND', 'No such token of yours.');
  await log?.flush();
  return (await listTokenUses(db, viewer.id, [tokenId], keptTokenUses)).get(tokenId) ?? [];
}

/** The latest `limit` uses of each of the viewer's tokens listed, for the account page. */
export async function getRecentTokenUses(
  db: Db,
  viewer: Viewer | null,
  tokenIds: string[],
  limit: number,
  log?: TokenUseLog,
): Promise<Map<string, TokenUse[]>> {
  checkSignedIn(viewer);
  await log?.flush();
  return listTokenUses(db, viewer.id, tokenIds, limit);
}

/**
 * Changes the password after checking the current one, from a signed-in session; every other
 * session is signed out and every API token revoked (one of them may be what was stolen).
 */
export async function changePassword(
  db: Db,
  viewer: Viewer | null,
  sessionSecret: string,
  input: unknown,
): Promise<void> {
  if (viewer?.via !== 'session') throw new PlenumError('SIGN_IN_REQUIRED');
  const parsed = passwordChangeSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const account = await findAccount(db, viewer.id);
  if (!account || !(await verifyPassword(parsed.data.current, account.passwordHash))) {
    throw new PlenumError('SIGN_IN_FAILED', 'The current password is wrong.', {
      fields: [{ field: 'current', message: 'The current password is wrong.' }],
    });
  }
  const at = new Date().toISOString();
  await updatePasswordHash(db, viewer.id, await hashPassword(parsed.data.password), at);
  await deleteOtherSessions(db, viewer.id, secretHash(sessionSecret));
  const tokensRevoked = await revokeAllApiTokens(db, viewer.id, at);
  await recordEvent(db, {
    actor: viewer.id,
    action: 'account.password_changed',
    subjectType: 'account',
    subjectId: viewer.id,
    data: { tokensRevoked },
  });
}

/** A new token and its secret, shown once. */
export interface NewApiToken {
  id: string;
  secret: string;
  scopes: TokenScope[];
  expiresAt: string | null;
}

/**
 * Creates an API token for the viewer, who must be signed in with a session: a token never makes
 * another (a stolen one would outlive its revocation). The scopes and lifetime come from `input`
 * (newTokenSchema; read and submit for 90 days unless given); a scope is refused when the account
 * holds no role it serves (admin for a non-administrator). Returns the secret, shown once.
 */
export async function makeApiToken(
  db: Db,
  viewer: Viewer | null,
  input: unknown,
  now = new Date(),
  lifetime: 'as asked' | 'never expires' = 'as asked',
): Promise<NewApiToken> {
  if (viewer?.via !== 'session') throw new PlenumError('SIGN_IN_REQUIRED');
  const parsed = newTokenSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const { name, scopes, expiresInDays } = parsed.data;
  if (scopes.includes('admin') && !viewer.isAdmin) {
    throw new PlenumError(
      'FORBIDDEN',
      'Only an administrator’s token may have the scope “admin”.',
      {
        fields: [
          { field: 'scopes', message: 'Only an administrator’s token may have the scope “admin”.' },
        ],
      },
    );
  }
  const label = name.slice(0, 100) || 'API token';
  const secret = `plenum_${randomBytes(24).toString('base64url')}`;
  const id = newId();
  const ordered = tokenScopes.filter((s) => scopes.includes(s));
  const expiresAt =
    lifetime === 'never expires'
      ? null
      : new Date(now.getTime() + expiresInDays * 86_400_000).toISOString();
  await insertApiToken(db, {
    id,
    account_id: viewer.id,
    name: label,
    token_hash: secretHash(secret),
    created_at: now.toISOString(),
    scopes: ordered.join(' '),
    expires_at: expiresAt,
  });
  await recordEvent(db, {
    actor: viewer.id,
    action: 'token.created',
    subjectType: 'api_token',
    subjectId: id,
    data: { scopes: ordered, expiresAt },
  });
  return { id, secret, scopes: ordered, expiresAt };
}

/**
 * A token as tokens were before scopes: every scope its account can use (admin only for an
 * administrator), never expiring. For the tests and benches written before scopes (people make
 * theirs on the account page, with makeApiToken). Returns the secret.
 */
export async function createApiToken(db: Db, viewer: Viewer | null, name: string): Promise<string> {
  const scopes = tokenScopes.filter((s) => s !== 'admin' || viewer?.isAdmin);
  const input = { name: name.trim().slice(0, 100), scopes };
  return (await makeApiToken(db, viewer, input, new Date(), 'never expires')).secret;
}

/** Revokes one of the viewer's tokens (a token may revoke itself or a sibling: that only takes power away). */
export async function revokeToken(db: Db, viewer: Viewer | null, id: string): Promise<void> {
  checkSignedIn(viewer);
  if (!(await revokeApiToken(db, viewer.id, id, new Date().toISOString()))) {
    throw new PlenumError('NOT_FOUND', 'No such token of yours.');
  }
  await recordEvent(db, {
    actor: viewer.id,
    action: 'token.revoked',
    subjectType: 'api_token',
    subjectId: id,
  });
}

/** Gives an account a role on a process or organisation; the caller has checked the policy. */
export async function grantRole(
  db: Db,
  grant: { email: string; role: ScopedRole; scopeId: string },
  actor: string,
): Promise<void> {
  const account = await findAccountByEmail(db, grant.email.trim().toLowerCase());
  if (!account) throw new PlenumError('ACCOUNT_NOT_FOUND', `No account uses "${grant.email}".`);
  const added = await insertGrant(db, {
    id: newId(),
    account_id: account.id,
    role: grant.role,
    scope_id: grant.scopeId,
    granted_by: actor,
    created_at: new Date().toISOString(),
  });
  if (added) {
    await recordEvent(db, {
      actor,
      action: 'role.granted',
      subjectType: 'account',
      subjectId: account.id,
      data: { role: grant.role, scopeId: grant.scopeId },
    });
  }
}

/** The accounts holding a role on a scope (names and e-mails): the caller has checked who may see them. */
export async function getRoleHolders(
  db: Db,
  role: ScopedRole,
  scopeId: string,
): Promise<{ id: string; name: string; email: string }[]> {
  return listHolders(db, role, scopeId);
}

/** An account's name and e-mail (the caller has checked the viewer may know them). */
export async function getAccountContact(
  db: Db,
  id: string,
): Promise<{ name: string; email: string } | undefined> {
  const account = await findAccount(db, id);
  return account ? { name: account.name, email: account.email } : undefined;
}

export type { ApiTokenListing, TokenUse };

/** The viewer's API tokens (never their secrets), newest first, as the account page lists them. */
export async function getApiTokens(
  db: Db,
  viewer: Viewer | null,
  page?: { before: string | undefined; limit: number },
): Promise<ApiTokenListing[]> {
  checkSignedIn(viewer);
  return listApiTokens(db, viewer.id, page);
}
