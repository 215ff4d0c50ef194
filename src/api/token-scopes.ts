/**
 * The scopes of API tokens and the check every API route makes: below the features, so that the
 * route registry can check a token's scope before any feature's handler runs.
 */
import { PlenumError } from '../errors.ts';

/**
 * What an API token may be used for; it never does more than its account's roles allow.
 * `read`: GET with the account's rights (drafts its staff may see); `submit`: comments, co-signing,
 * stances, watches, measures; `moderate`: moderation; `secretariat`: a process's staff actions
 * (periods, documents, meetings, organisations' verification, rounds); `admin`: administrators'
 * actions (registry terms, concepts).
 */
export const tokenScopes = ['read', 'submit', 'moderate', 'secretariat', 'admin'] as const;
export type TokenScope = (typeof tokenScopes)[number];

/** The part of a viewer the scope check reads. */
interface ScopedViewer {
  via: 'session' | 'token';
  scopes?: readonly TokenScope[];
}

/**
 * Refuses an API token that lacks the scope a request needs (TOKEN_SCOPE_MISSING, naming the scope);
 * sessions and the operator are limited by their roles alone.
 */
export function requireScope(viewer: ScopedViewer | null, scope: TokenScope): void {
  if (viewer?.via !== 'token' || !viewer.scopes || viewer.scopes.includes(scope)) return;
  throw new PlenumError(
    'TOKEN_SCOPE_MISSING',
    `It needs the scope “${scope}”: make a token with it on your account page.`,
  );
}
