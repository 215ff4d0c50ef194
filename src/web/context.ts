/** What every request handler can reach: the database, the reader's language, who is signed in. */
import type { Kysely } from 'kysely';
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Database, Engine } from '../db/database.ts';
import type { SubmissionQueue } from '../submissions/submission-queue.ts';
import type { Followers } from '../events/followers.ts';
import type { Ui } from './i18n.ts';

/** Dependencies of the web app. */
export interface AppDeps {
  db: Kysely<Database>;
  engine: Engine;
  /** The server's clock; tests move it to open and close comment periods. */
  now?: () => Date;
  /** Group commit of submissions; createApp makes one when none is given. */
  submissions?: SubmissionQueue;
  /**
   * The followers of the event log (search, concepts, watches); createApp makes them when none
   * are given (kicked by each commit; `plenum serve` also starts their poll).
   */
  followers?: Followers;
  /** Webhooks may go to private and loopback addresses (PLENUM_WEBHOOK_PRIVATE_ADDRESSES=allow). */
  allowPrivateWebhooks?: boolean;
}

/** The app's dependencies with the submission queue and followers they share. */
export type CompleteDeps = AppDeps & Required<Pick<AppDeps, 'submissions' | 'followers'>>;

/** The largest body of any request but a submission form with attachments (bytes). */
export const apiBodyLimit = 1024 * 1024;

/** What a page needs besides its own content: language, viewer, address, form token. */
export interface PageContext {
  ui: Ui;
  viewer: Viewer | null;
  /** Path and query of the request, for the language switcher's way back. */
  path: string;
  /** The token every form must send back as `_csrf`. */
  csrf: string;
}

/** Hono's environment type for plenum's app. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    ui: Ui;
    viewer: Viewer | null;
    csrf: string;
    page: PageContext;
  };
}

/** The server's clock as the app sees it (tests may set their own). */
export function clockOf(deps: AppDeps): Date {
  return deps.now ? deps.now() : new Date();
}
