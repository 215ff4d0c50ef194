/** Accounts, roles and the viewer: who is asking, and what they may do. */
import { z } from 'zod';
import { PlenumError } from '../errors.ts';
import { tokenScopes, type TokenScope } from '../api/token-scopes.ts';

/** The roles an account can hold; admin is a flag on the account, the others are scoped. */
export const scopedRoles = ['secretariat', 'moderator', 'representative'] as const;

/** A role held on a process (secretariat, moderator) or an organisation (representative). */
export type ScopedRole = (typeof scopedRoles)[number];

/** One role an account holds, with the id of what it is held on. */
export interface RoleGrant {
  role: ScopedRole;
  scopeId: string;
}

/** A signed-in person, as requests see them. */
export interface Viewer {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  grants: RoleGrant[];
  /** How they proved who they are. */
  via: 'session' | 'token';
  /** True while the account's e-mail address is not verified (absent: verified). */
  unverified?: boolean;
  /** What an API token may do (absent: a session, or the operator, limited by roles alone). */
  scopes?: readonly TokenScope[];
  /** The id of the API token the request came with (its uses are recorded for its owner). */
  tokenId?: string;
}

export { tokenScopes, requireScope, type TokenScope } from '../api/token-scopes.ts';

/** The scopes a new token gets when its owner names none: reading and commenting. */
export const defaultTokenScopes: readonly TokenScope[] = ['read', 'submit'];

/** How long a new token lives when its owner does not say, and the longest it may (days). */
export const tokenLifetimeDays = { default: 90, max: 366 } as const;

/** A new token as its owner asks for it (account page or JSON). */
export const newTokenSchema = z.strictObject({
  name: z.string().trim().max(100).default(''),
  scopes: z
    .array(z.enum(tokenScopes))
    .min(1)
    .max(tokenScopes.length)
    .default([...defaultTokenScopes])
    .describe('What the token may do; read and submit unless given.'),
  expiresInDays: z.coerce
    .number()
    .int()
    .min(1)
    .max(tokenLifetimeDays.max)
    .default(tokenLifetimeDays.default)
    .describe('Days until the token stops working (1 to 366; 90 unless given).'),
});

/**
 * Refuses an account whose e-mail address is not verified yet (EMAIL_UNVERIFIED): it may read,
 * follow and watch, but not speak (submit, co-sign) until its owner has followed the link.
 */
export function requireVerified(viewer: Viewer | null): void {
  if (viewer?.unverified) throw new PlenumError('EMAIL_UNVERIFIED');
}

/** True when the viewer holds the role on the scope (admins hold every role). */
export function holds(viewer: Viewer | null, role: ScopedRole, scopeId: string): boolean {
  if (!viewer) return false;
  return viewer.isAdmin || viewer.grants.some((g) => g.role === role && g.scopeId === scopeId);
}

/**
 * Refuses anyone who is not signed in (SIGN_IN_REQUIRED) or does not hold the role on the
 * scope (FORBIDDEN, saying why): the one check every policy is made of.
 */
export function requireRole(
  viewer: Viewer | null,
  role: ScopedRole,
  scopeId: string,
  why: string,
): asserts viewer is Viewer {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  if (!holds(viewer, role, scopeId)) throw new PlenumError('FORBIDDEN', why);
}

/** True when the viewer is on a process's staff: its secretariat or a moderator (or an admin). */
export function isProcessStaff(viewer: Viewer | null, processId: string): boolean {
  return holds(viewer, 'secretariat', processId) || holds(viewer, 'moderator', processId);
}

/** The viewer the command line acts as: the operator of the installation, with every right. */
export const operatorViewer: Viewer = {
  id: 'cli',
  email: 'operator@localhost',
  name: 'plenum operator',
  isAdmin: true,
  grants: [],
  via: 'token',
};

/** E-mail addresses as accounts store them: trimmed and lower-cased. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid e-mail address.' }));

/** A password plenum accepts: 10 to 200 characters. */
export const passwordSchema = z
  .string()
  .min(10, 'The password must have at least 10 characters.')
  .max(200, 'The password must have at most 200 characters.');

/** The sign-up form. */
export const signUpSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'Enter your name.').max(200),
  password: passwordSchema,
});

/** The sign-in form. */
export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(200),
});

/** The form that asks for a password reset link. */
export const resetRequestSchema = z.object({ email: emailSchema });

/** The form that sets a new password from a reset link. */
export const passwordResetSchema = z.object({
  token: z.string().min(20).max(100),
  password: passwordSchema,
});

/** The password change form. */
export const passwordChangeSchema = z.object({
  current: z.string().min(1, 'Enter your current password.').max(200),
  password: passwordSchema,
});
