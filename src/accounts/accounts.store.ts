/** SQL for accounts, sessions, API tokens and role grants. */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { shapedChunks, shapedList } from '../db/statement-shapes.ts';
import type { RoleGrant, ScopedRole } from './accounts.schema.ts';
import type { AccountTable, ApiTokenUseTable } from './accounts.table.ts';

/** An account as services see it (the password hash stays in the store layer's callers). */
export interface Account {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  passwordHash: string;
  createdAt: string;
  /** The interface language its e-mail is written in. */
  language: string;
  /** When its e-mail address was verified; null while it is not. */
  emailVerifiedAt: string | null;
}

function toAccount(row: AccountTable): Account {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: Number(row.is_admin) === 1,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    language: row.language,
    emailVerifiedAt: row.email_verified_at,
  };
}

/** An account with the roles it holds, read in the same query (one per request that signs in). */
export type AccountWithGrants = Account & { grants: RoleGrant[] };

/** Folds the rows of an account left-joined to its grants into one account, grants oldest first. */
function withGrants(
  rows: (AccountTable & {
    role: string | null;
    scope_id: string | null;
    granted_at: string | null;
  })[],
): AccountWithGrants | undefined {
  if (rows.length === 0) return undefined;
  const grants = rows
    .filter((r) => r.role !== null && r.scope_id !== null)
    .toSorted((a, b) =>
      a.granted_at! < b.granted_at! ? -1 : a.granted_at! > b.granted_at! ? 1 : 0,
    )
    .map((r) => ({ role: r.role as ScopedRole, scopeId: r.scope_id! }));
  return { ...toAccount(rows[0]!), grants };
}

/** Inserts an account row. */
export async function insertAccount(db: Db, row: AccountTable): Promise<void> {
  await db.insertInto('accounts').values(row).execute();
}

/** The account with this (lower-cased) e-mail address, if any. */
export async function findAccountByEmail(db: Db, email: string): Promise<Account | undefined> {
  const row = await db
    .selectFrom('accounts')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

/** The account with this id, if any. */
export async function findAccount(db: Db, id: string): Promise<Account | undefined> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

/** Replaces an account's password hash. */
export async function updatePasswordHash(
  db: Db,
  id: string,
  hash: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ password_hash: hash, password_changed_at: at })
    .where('id', '=', id)
    .execute();
}

/** Sets the language an account's e-mail is written in. */
export async function updateAccountLanguage(db: Db, id: string, language: string): Promise<void> {
  await db.updateTable('accounts').set({ language }).where('id', '=', id).execute();
}

/** Marks an account's e-mail address verified (unless it already is); true when it was not. */
export async function markEmailVerified(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('accounts')
    .set({ email_verified_at: at })
    .where('id', '=', id)
    .where('email_verified_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stores a one-time link under the hash of its secret. */
export async function insertAccountLink(
  db: Db,
  row: {
    token_hash: string;
    account_id: string;
    purpose: 'verify' | 'reset';
    created_at: string;
    expires_at: string;
  },
): Promise<void> {
  await db
    .insertInto('account_links')
    .values({ ...row, used_at: null })
    .execute();
}

/**
 * Uses a live one-time link (not used, not expired at `now`, of this purpose), in one statement so
 * two requests cannot both use it; returns its account's id, or undefined.
 */
export async function useAccountLink(
  db: Db,
  link: { tokenHash: string; purpose: 'verify' | 'reset'; now: string },
): Promise<string | undefined> {
  const result = await db
    .updateTable('account_links')
    .set({ used_at: link.now })
    .where('token_hash', '=', link.tokenHash)
    .where('purpose', '=', link.purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', link.now)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return undefined;
  const row = await db
    .selectFrom('account_links')
    .select('account_id')
    .where('token_hash', '=', link.tokenHash)
    .executeTakeFirst();
  return row?.account_id;
}

/** Uses up every live link of an account for a purpose (a password was reset: older links die). */
export async function useUpAccountLinks(
  db: Db,
  accountId: string,
  purpose: 'verify' | 'reset',
  at: string,
): Promise<void> {
  await db
    .updateTable('account_links')
    .set({ used_at: at })
    .where('account_id', '=', accountId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

/** Deletes every session of an account (its password was reset). */
export async function deleteAllSessions(db: Db, accountId: string): Promise<void> {
  await db.deleteFrom('sessions').where('account_id', '=', accountId).execute();
}

/** Stores a session under the hash of its cookie value. */
export async function insertSession(
  db: Db,
  row: { id: string; account_id: string; created_at: string; expires_at: string },
): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** The account of a live session (not expired at `now`), if any. */
export async function findSessionAccount(
  db: Db,
  sessionHash: string,
  now: string,
): Promise<AccountWithGrants | undefined> {
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .leftJoin('role_grants', 'role_grants.account_id', 'accounts.id')
    .selectAll('accounts')
    .select(['role_grants.role', 'role_grants.scope_id', 'role_grants.created_at as granted_at'])
    .where('sessions.id', '=', sessionHash)
    .where('sessions.expires_at', '>', now)
    .execute();
  return withGrants(rows);
}

/** Deletes one session. */
export async function deleteSession(db: Db, sessionHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionHash).execute();
}

/** Deletes every session of an account except one (after a password change). */
export async function deleteOtherSessions(db: Db, accountId: string, keep: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('account_id', '=', accountId)
    .where('id', '!=', keep)
    .execute();
}

/** Stores an API token under its hash. */
export async function insertApiToken(
  db: Db,
  row: {
    id: string;
    account_id: string;
    name: string;
    token_hash: string;
    created_at: string;
    scopes: string;
    expires_at: string | null;
  },
): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({ ...row, revoked_at: null, last_used_at: null, use_count: 0 })
    .execute();
}

/**
 * A live API token's account with its roles, and the token's id, scopes, expiry and last
 * recorded use.
 */
export type TokenAccount = AccountWithGrants & {
  tokenId: string;
  tokenLastUsedAt: string | null;
  tokenScopes: string[];
  tokenExpiresAt: string | null;
};

/** The account of a live (not revoked) API token and its roles, if any. */
export async function findTokenAccount(
  db: Db,
  tokenHash: string,
): Promise<TokenAccount | undefined> {
  return (await findTokenAccounts(db, [tokenHash])).get(tokenHash);
}

/**
 * The accounts of these live (not revoked) API tokens with their roles, by token hash, in one
 * read: the tokens of requests that arrive together (see TokenViewers). Expired tokens are found
 * too, so that their holder is told why they are refused.
 */
export async function findTokenAccounts(
  db: Db,
  tokenHashes: string[],
): Promise<Map<string, TokenAccount>> {
  const found = new Map<string, TokenAccount>();
  if (tokenHashes.length === 0) return found;
  const rows = await db
    .selectFrom('api_tokens')
    .innerJoin('accounts', 'accounts.id', 'api_tokens.account_id')
    .leftJoin('role_grants', 'role_grants.account_id', 'accounts.id')
    .selectAll('accounts')
    .select([
      'api_tokens.token_hash',
      'api_tokens.id as token_id',
      'api_tokens.last_used_at',
      'api_tokens.scopes as token_scopes',
      'api_tokens.expires_at as token_expires_at',
      'role_grants.role',
      'role_grants.scope_id',
      'role_grants.created_at as granted_at',
    ])
    .where('api_tokens.token_hash', 'in', shapedList(tokenHashes))
    .where('api_tokens.revoked_at', 'is', null)
    .execute();
  const byToken = Map.groupBy(rows, (r) => r.token_hash);
  for (const [hash, ofToken] of byToken) {
    const token = ofToken[0]!;
    found.set(hash, {
      ...withGrants(ofToken)!,
      tokenId: token.token_id,
      tokenLastUsedAt: token.last_used_at,
      tokenScopes: token.token_scopes.split(' ').filter(Boolean),
      tokenExpiresAt: token.token_expires_at,
    });
  }
  return found;
}

/**
 * Records that these tokens were used at `at`, adding their uses since the last write to their
 * count, in one statement, except those whose recorded use is already `since` or later (another
 * process may have written it meanwhile).
 */
export async function recordTokenUse(
  db: Db,
  use: { tokens: { id: string; uses: number }[]; at: string; since: string },
): Promise<void> {
  if (use.tokens.length === 0) return;
  // One statement for the round: each token adds its own count, chosen by id.
  const added = sql.join(
    [...Map.groupBy(use.tokens, (t) => t.uses)].map(
      ([uses, tokens]) =>
        sql`when id in (${sql.join(tokens.map((t) => t.id))}) then cast(${uses} as integer)`,
    ),
    sql` `,
  );
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: use.at, use_count: sql<number>`use_count + case ${added} else 0 end` })
    .where('id', 'in', shapedList(use.tokens.map((t) => t.id)))
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', use.since)]))
    .execute();
}

/** An API token as its owner sees it listed (never its secret). */
export interface ApiTokenListing {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  scopes: string[];
  expiresAt: string | null;
  /** Requests made with it, counted to the minute (see recordTokenUse). */
  useCount: number;
}

/**
 * An account's tokens (without their secrets), newest first; `page` reads `limit` of them after
 * the token `before` (ids only grow, so the order is stable while tokens are added).
 */
export async function listApiTokens(
  db: Db,
  accountId: string,
  page?: { before: string | undefined; limit: number },
): Promise<ApiTokenListing[]> {
  let query = db
    .selectFrom('api_tokens')
    .select([
      'id',
      'name',
      'created_at',
      'revoked_at',
      'last_used_at',
      'scopes',
      'expires_at',
      'use_count',
    ])
    .where('account_id', '=', accountId)
    .orderBy('id', 'desc');
  if (page?.before !== undefined) query = query.where('id', '<', page.before);
  if (page) query = query.limit(page.limit);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
    scopes: r.scopes.split(' ').filter(Boolean),
    expiresAt: r.expires_at,
    useCount: Number(r.use_count),
  }));
}

/** Marks a token of this account revoked; false when there is no such live token. */
export async function revokeApiToken(
  db: Db,
  accountId: string,
  id: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Revokes every live token of an account (after a password change); returns how many. */
export async function revokeAllApiTokens(db: Db, accountId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Grants a role unless the account already holds it; true when it was new. */
export async function insertGrant(
  db: Db,
  row: {
    id: string;
    account_id: string;
    role: ScopedRole;
    scope_id: string;
    granted_by: string;
    created_at: string;
  },
): Promise<boolean> {
  const existing = await db
    .selectFrom('role_grants')
    .select('id')
    .where('account_id', '=', row.account_id)
    .where('role', '=', row.role)
    .where('scope_id', '=', row.scope_id)
    .executeTakeFirst();
  if (existing) return false;
  await db.insertInto('role_grants').values(row).execute();
  return true;
}

/** The accounts holding a role on a scope, whole (to write to them). */
export async function listAccountsHolding(
  db: Db,
  role: ScopedRole,
  scopeId: string,
): Promise<Account[]> {
  const rows = await db
    .selectFrom('role_grants')
    .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
    .selectAll('accounts')
    .where('role_grants.role', '=', role)
    .where('role_grants.scope_id', '=', scopeId)
    .orderBy('accounts.id')
    .execute();
  return rows.map(toAccount);
}

/** The accounts holding a role on a scope, with names and e-mails. */
export async function listHolders(
  db: Db,
  role: ScopedRole,
  scopeId: string,
): Promise<{ id: string; name: string; email: string }[]> {
  return db
    .selectFrom('role_grants')
    .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
    .select(['accounts.id', 'accounts.name', 'accounts.email'])
    .where('role_grants.role', '=', role)
    .where('role_grants.scope_id', '=', scopeId)
    .orderBy('accounts.name')
    .execute();
}

/** One recent use of an API token, as its owner sees it. */
export interface TokenUse {
  at: string;
  method: string;
  route: string;
  status: number;
}

/**
 * Writes a batch of token uses and trims each of their tokens back to its `keep` newest uses
 * (by time, then id), in the caller's transaction.
 */
export async function insertTokenUses(
  db: Db,
  uses: ApiTokenUseTable[],
  keep: number,
): Promise<void> {
  if (uses.length === 0) return;
  for (const chunk of shapedChunks(uses, 128))
    await db.insertInto('api_token_uses').values(chunk).execute();
  const tokenIds = [...new Set(uses.map((u) => u.token_id))];
  await db
    .deleteFrom('api_token_uses')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom(
          eb
            .selectFrom('api_token_uses')
            .select([
              'id',
              sql<number>`row_number() over (partition by token_id order by at desc, id desc)`.as(
                'newness',
              ),
            ])
            .where('token_id', 'in', shapedList(tokenIds))
            .as('ranked'),
        )
        .select('ranked.id')
        .where('ranked.newness', '>', keep),
    )
    .execute();
}

/**
 * The newest uses of each of these tokens of an account, at most `limit` each, newest first;
 * a token that is not the account's has none (its uses are its owner's to read).
 */
export async function listTokenUses(
  db: Db,
  accountId: string,
  tokenIds: string[],
  limit: number,
): Promise<Map<string, TokenUse[]>> {
  const found = new Map<string, TokenUse[]>();
  if (tokenIds.length === 0) return found;
  const rows = await db
    .selectFrom(
      db
        .selectFrom('api_token_uses')
        .innerJoin('api_tokens', 'api_tokens.id', 'api_token_uses.token_id')
        .select([
          'api_token_uses.id',
          'api_token_uses.token_id',
          'api_token_uses.at',
          'api_token_uses.method',
          'api_token_uses.route',
          'api_token_uses.status',
          sql<number>`row_number() over (partition by api_token_uses.token_id order by api_token_uses.at desc, api_token_uses.id desc)`.as(
            'newness',
          ),
        ])
        .where('api_tokens.account_id', '=', accountId)
        .where('api_token_uses.token_id', 'in', shapedList(tokenIds))
        .as('ranked'),
    )
    .selectAll('ranked')
    .where('ranked.newness', '<=', limit)
    .orderBy('ranked.token_id')
    .orderBy('ranked.newness')
    .execute();
  for (const r of rows) {
    const uses = found.get(r.token_id) ?? [];
    uses.push({ at: r.at, method: r.method, route: r.route, status: Number(r.status) });
    found.set(r.token_id, uses);
  }
  return found;
}

/** True when the token is one of this account's (revoked or not). */
export async function isAccountToken(db: Db, accountId: string, tokenId: string): Promise<boolean> {
  const row = await db
    .selectFrom('api_tokens')
    .select('id')
    .where('id', '=', tokenId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row !== undefined;
}
