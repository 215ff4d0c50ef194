/** What every request handler can reach: the database, the reader's language, who is signed in. */
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { networkOf, type LimitSettings, type Limits } from './limits/limits.ts';
import { clientAddress } from './site-base.ts';
import type { Viewer } from './accounts/accounts.schema.ts';
import type { TokenUseLog } from './accounts/accounts.service.ts';
import type { Database, Engine } from './db/database.ts';
import type { SubmissionQueue } from './submissions/submission-queue.ts';
import type { SubmissionWriter } from './submissions/submission-writer.ts';
import type { Followers } from './events/followers.ts';
import type { Ui } from './web/i18n.ts';
import type { PageContext } from './web/page-context.ts';
import type { FormBody } from './form-body.ts';

/** Dependencies of the web app. */
export interface AppDeps {
  db: Kysely<Database>;
  engine: Engine;
  /** The server's clock; tests move it to open and close comment periods. */
  now?: () => Date;
  /** Group commit of submissions; createApp makes one when none is given. */
  submissions?: SubmissionQueue;
  /**
   * Where the group commit createApp makes writes (a SQLite file's writer thread, which its
   * owner closes); on `db` itself when none is given.
   */
  submissionWriter?: SubmissionWriter;
  /**
   * The followers of the event log (search, concepts, watches); createApp makes them when none
   * are given (kicked by each commit; `plenum serve` also starts their poll).
   */
  followers?: Followers;
  /** Webhooks may go to private and loopback addresses (PLENUM_WEBHOOK_PRIVATE_ADDRESSES=allow). */
  allowPrivateWebhooks?: boolean;
  /**
   * The site's origin readers use (PLENUM_PUBLIC_URL), for absolute links and cookie names; when
   * absent, the origin the request was made to.
   */
  publicUrl?: string;
  /** Believe X-Forwarded-Proto, -Host and -For (PLENUM_TRUST_PROXY=on); ignored otherwise. */
  trustProxy?: boolean;
  /** How much each account and network may do (PLENUM_LIMIT_*); the defaults when absent. */
  limitSettings?: LimitSettings;
  /** The limits the app and the submission intake share; createApp makes them when none are given. */
  limits?: Limits;
  /** How e-mail leaves: over SMTP, shown on /dev/mail (development), or not at all (waits). */
  mail?: 'smtp' | 'development' | 'none';
  /** The recent uses of API tokens, buffered; createApp makes it when none is given. */
  tokenUses?: TokenUseLog;
}

/** The app's dependencies with the submission queue, followers and limits they share. */
export type CompleteDeps = AppDeps &
  Required<Pick<AppDeps, 'submissions' | 'followers' | 'limits' | 'tokenUses'>>;

/** The largest body of any request whose route declares no limit of its own (bytes). */
export const apiBodyLimit = 1024 * 1024;

/** A route's own body limit, declared by the feature that mounts the route. */
export interface RouteBodyLimit {
  method: string;
  /** The route's path as mounted (`/consultations/:id/submissions`). */
  path: string;
  maxSize: number;
  /** What a client that sent too much is told. */
  message: string;
}

/** Hono's environment type for plenum's app. */
export interface AppEnv {
  Variables: {
    deps: CompleteDeps;
    ui: Ui;
    viewer: Viewer | null;
    csrf: string;
    page: PageContext;
    /** The posted form, once read (a refused form is drawn again with it). */
    formBody: FormBody | undefined;
  };
}

/** The server's clock as the app sees it (tests may set their own). */
export function clockOf(deps: AppDeps): Date {
  return deps.now ? deps.now() : new Date();
}

/**
 * The network the request comes from (see networkOf): the client's address as site-base.ts
 * believes it (X-Forwarded-For only behind a trusted proxy); undefined when there is none
 * (requests made in-process by tests).
 */
export function clientNetwork(c: Context<AppEnv>): string | undefined {
  return networkOf(clientAddress(c));
}

/** Sends Retry-After with an answer to a refusal that lasts a while. */
export function retryAfter(c: Context, error: { retryAfterSeconds?: number | undefined }): void {
  if (error.retryAfterSeconds !== undefined)
    c.header('retry-after', String(error.retryAfterSeconds));
}
