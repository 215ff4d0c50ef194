/** Configuration from the environment, validated at start-up with every problem listed at once. */
import { z } from 'zod';
import type { LimitSettings } from './limits/limits.ts';

/** The default place of the embedded database. */
export const defaultSqlitePath = './data/plenum.sqlite';

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('0 picks a free port'),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .min(1)
    .default(defaultSqlitePath)
    .describe('A SQLite file path, or a postgres:// URL'),
  PLENUM_DEMO: z
    .enum(['auto', 'on', 'off', '1', '0', 'true', 'false'])
    .default('auto')
    .describe('auto: fill a new, empty database with demo content'),
  PLENUM_PG_POOL: z.coerce.number().int().min(1).max(200).default(10),
  PLENUM_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL')
    .optional()
    .describe('the SMTP server as one URL (smtps://user:password@host:465); or the settings below'),
  PLENUM_SMTP_HOST: z.string().min(1).optional().describe('SMTP server; none: no e-mail is sent'),
  PLENUM_SMTP_PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .optional()
    .describe('587, or 465 when secure'),
  PLENUM_SMTP_SECURE: z
    .enum(['on', 'off'])
    .optional()
    .describe('on: TLS from the start (port 465); off: STARTTLS when the server offers it'),
  PLENUM_SMTP_USER: z.string().min(1).optional(),
  PLENUM_SMTP_PASSWORD: z.string().min(1).optional(),
  PLENUM_MAIL_FROM: z.string().min(3).default('plenum <plenum@localhost>'),
  PLENUM_MAIL_DEVELOPMENT: z
    .enum(['off', 'show'])
    .default('off')
    .describe(
      'show (development only, never on a public site): without SMTP, e-mail is shown on /dev/mail',
    ),
  PLENUM_PUBLIC_URL: z
    .string()
    .refine(isSiteOrigin, 'an http:// or https:// address of a site, without path, query or user')
    .optional()
    .describe(
      'the address readers use: links in feeds, calendars and e-mails; https: __Host- cookies',
    ),
  PLENUM_TRUST_PROXY: z
    .enum(['off', 'on'])
    .default('off')
    .describe('on: X-Forwarded-Proto, -Host and -For from the proxy in front are believed'),
  PLENUM_DIGEST_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 31)
    .default(24),
  PLENUM_WEBHOOK_PRIVATE_ADDRESSES: z
    .enum(['refuse', 'allow'])
    .default('refuse')
    .describe('allow: webhooks may go to this host and private networks (an intranet)'),
  PLENUM_SQLITE_WRITER: z
    .enum(['event-loop', 'thread'])
    .default('event-loop')
    .describe(
      'thread: on a SQLite file, submissions commit in a writer thread, off the event loop (of the one process; with --workers N, of the primary)',
    ),
  PLENUM_WORKERS: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(1)
    .describe('serve processes sharing the port; one per CPU core uses them all'),
  PLENUM_LIMIT_SIGN_IN: limitSetting(5).describe(
    'sign-in attempts per e-mail from one network in a minute (2x in 15 min, 4x in an hour)',
  ),
  PLENUM_LIMIT_SIGN_IN_ACCOUNT: limitSetting(50).describe(
    'sign-in attempts per e-mail from all networks in 15 minutes',
  ),
  PLENUM_LIMIT_SIGN_IN_ADDRESS: limitSetting(100).describe(
    'sign-in attempts from one network, whatever the e-mail, in 15 minutes',
  ),
  PLENUM_LIMIT_SUBMISSIONS: limitSetting(300).describe('submissions per account in a minute'),
  PLENUM_LIMIT_WRITES: limitSetting(120).describe(
    'other writes per account (signed out: per network) in a minute',
  ),
  PLENUM_LIMIT_SIGN_UPS: limitSetting(20).describe('new accounts per network in an hour'),
  PLENUM_LIMIT_MAIL_LINKS: limitSetting(5).describe(
    'password reset and verification e-mails per address in an hour (4x per network)',
  ),
  PLENUM_PASSWORD_THREADS: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(1)
    .describe('threads that hash passwords, per serve process'),
  PLENUM_PASSWORD_QUEUE: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000)
    .default(32)
    .describe('password checks that may wait for a thread; more are refused with 503'),
});

/** A limit setting: a count per window, 0 for none. */
function limitSetting(fallback: number) {
  return z.coerce.number().int().min(0).max(10_000_000).default(fallback);
}

/** True for an http(s) address naming only a site: the routes live at its root. */
function isSiteOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** The SMTP server: one URL, or its parts. */
export type SmtpSettings =
  | { url: string }
  | { host: string; port: number; secure: boolean; user?: string; password?: string };

/** How many threads hash passwords and how many checks may wait for one. */
export interface PasswordPoolSettings {
  threads: number;
  queueLimit: number;
}

/** The validated configuration. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  demo: 'auto' | 'on' | 'off';
  pgPoolSize: number;
  workers: number;
  /** Where a SQLite file's submissions commit: on the event loop, or in a writer thread. */
  sqliteWriter: 'event-loop' | 'thread';
  /** The SMTP server; undefined: no e-mail is sent (messages wait in the outbox). */
  smtp: SmtpSettings | undefined;
  mailFrom: string;
  /** Development without SMTP: messages are shown on /dev/mail instead of sent. */
  mailDevelopment: boolean;
  /** The site's origin ("https://plenum.example.org"), without a trailing slash. */
  publicUrl: string | undefined;
  /** Believe the X-Forwarded-* headers (plenum listens only behind a proxy that sets them). */
  trustProxy: boolean;
  digestHours: number;
  allowPrivateWebhooks: boolean;
  limits: LimitSettings;
  passwordPool: PasswordPoolSettings;
}

/** Reads the configuration; throws one error listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape).flatMap((k) =>
      env[k] === undefined || env[k] === '' ? [] : [[k, env[k]]],
    ),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `  ${i.path.join('.')}: ${i.message}`)
      .join('\n');
    throw new ConfigError(`The configuration is not valid:\n${problems}`);
  }
  const c = parsed.data;
  if (c.PLENUM_MAIL_DEVELOPMENT === 'show' && (c.PLENUM_SMTP_URL || c.PLENUM_SMTP_HOST))
    throw new ConfigError(
      'The configuration is not valid:\n  PLENUM_MAIL_DEVELOPMENT: show is for development without SMTP; an SMTP server is configured',
    );
  const demo =
    c.PLENUM_DEMO === '1' || c.PLENUM_DEMO === 'true'
      ? 'on'
      : c.PLENUM_DEMO === '0' || c.PLENUM_DEMO === 'false'
        ? 'off'
        : c.PLENUM_DEMO;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    demo,
    pgPoolSize: c.PLENUM_PG_POOL,
    workers: c.PLENUM_WORKERS,
    sqliteWriter: c.PLENUM_SQLITE_WRITER,
    smtp: smtpOf(c),
    mailFrom: c.PLENUM_MAIL_FROM,
    mailDevelopment: c.PLENUM_MAIL_DEVELOPMENT === 'show',
    publicUrl: c.PLENUM_PUBLIC_URL === undefined ? undefined : new URL(c.PLENUM_PUBLIC_URL).origin,
    trustProxy: c.PLENUM_TRUST_PROXY === 'on',
    digestHours: c.PLENUM_DIGEST_HOURS,
    allowPrivateWebhooks: c.PLENUM_WEBHOOK_PRIVATE_ADDRESSES === 'allow',
    limits: {
      signInAttempts: c.PLENUM_LIMIT_SIGN_IN,
      signInAccountAttempts: c.PLENUM_LIMIT_SIGN_IN_ACCOUNT,
      signInAddressAttempts: c.PLENUM_LIMIT_SIGN_IN_ADDRESS,
      submissionsPerMinute: c.PLENUM_LIMIT_SUBMISSIONS,
      writesPerMinute: c.PLENUM_LIMIT_WRITES,
      signUpsPerHour: c.PLENUM_LIMIT_SIGN_UPS,
      mailLinksPerHour: c.PLENUM_LIMIT_MAIL_LINKS,
    },
    passwordPool: { threads: c.PLENUM_PASSWORD_THREADS, queueLimit: c.PLENUM_PASSWORD_QUEUE },
  };
}

/** The SMTP settings from the URL or the separate settings (the URL wins). */
function smtpOf(c: z.infer<typeof configSchema>): SmtpSettings | undefined {
  if (c.PLENUM_SMTP_URL) return { url: c.PLENUM_SMTP_URL };
  if (!c.PLENUM_SMTP_HOST) return undefined;
  const secure = c.PLENUM_SMTP_SECURE === 'on';
  return {
    host: c.PLENUM_SMTP_HOST,
    port: c.PLENUM_SMTP_PORT ?? (secure ? 465 : 587),
    secure,
    ...(c.PLENUM_SMTP_USER ? { user: c.PLENUM_SMTP_USER } : {}),
    ...(c.PLENUM_SMTP_PASSWORD ? { password: c.PLENUM_SMTP_PASSWORD } : {}),
  };
}

/** A configuration problem: the process prints it and stops. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
