/** What every request handler can reach: the database, the reader's language, who is signed in. */
import type { Kysely } from 'kysely';
import type { Viewer } from './accounts/accounts.schema.ts';
import type { Database, Engine } from './db/database.ts';
import type { SubmissionQueue } from './submissions/submission-queue.ts';
import type { SearchIndexer } from './search/search-indexer.ts';
import type { Ui } from './web/i18n.ts';
import type { PageContext } from './web/page-context.ts';

/** Dependencies of the web app. */
export interface AppDeps {
  db: Kysely<Database>;
  engine: Engine;
  /** The server's clock; tests move it to open and close comment periods. */
  now?: () => Date;
  /** Group commit of submissions; createApp makes one when none is given. */
  submissions?: SubmissionQueue;
  /**
   * Indexes the submissions the group commit queued; createApp makes one when none is given
   * (kicked by each commit; `plenum serve` also starts its poll).
   */
  indexer?: SearchIndexer;
  /** Webhooks may go to private and loopback addresses (PLENUM_WEBHOOK_PRIVATE_ADDRESSES=allow). */
  allowPrivateWebhooks?: boolean;
}

/** The app's dependencies with the submission queue and search indexer they share. */
export type CompleteDeps = AppDeps & Required<Pick<AppDeps, 'submissions' | 'indexer'>>;

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
