/** Row types of accounts, sessions, API tokens and role grants, as stored. */

/** A row of `accounts`: a person who signs in. */
export interface AccountTable {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  name: string;
  /** scrypt$N$r$p$salt$hash, all base64url. */
  password_hash: string;
  is_admin: number;
  created_at: string;
  password_changed_at: string;
  /** The interface language the account last chose: the language of its e-mail. */
  language: string;
  /** When the owner followed the verification link; null while the address is unverified. */
  email_verified_at: string | null;
}

/** A row of `account_links`: a one-time link sent by e-mail (verify the address, reset the password). */
export interface AccountLinkTable {
  /** SHA-256 of the link's secret. */
  token_hash: string;
  account_id: string;
  purpose: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A row of `sessions`: the SHA-256 of a session cookie, so a leaked table opens no session. */
export interface SessionTable {
  id: string;
  account_id: string;
  created_at: string;
  expires_at: string;
}

/** A row of `api_tokens`: the SHA-256 of a bearer token for the JSON API. */
export interface ApiTokenTable {
  id: string;
  account_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  /** Written at most once a minute per token: a time to the minute, not an audit trail. */
  last_used_at: string | null;
  /** Space-separated scope names (see tokenScopes). */
  scopes: string;
  /** When the token stops working; null: never (tokens made before scopes existed). */
  expires_at: string | null;
  /** Requests made with the token, added with each write of its last use (to the minute). */
  use_count: number;
}

/** A row of `api_token_uses`: one of a token's last 100 uses (see TokenUseLog). */
export interface ApiTokenUseTable {
  id: string;
  token_id: string;
  /** When the request arrived (ISO 8601). */
  at: string;
  method: string;
  /** The route's pattern (`/api/submissions/:id/moderate`), never the address with its values. */
  route: string;
  /** The HTTP status answered. */
  status: number;
}

/** A row of `role_grants`: a role an account holds on a process or an organisation. */
export interface RoleGrantTable {
  id: string;
  account_id: string;
  role: string;
  scope_id: string;
  granted_by: string;
  created_at: string;
}
