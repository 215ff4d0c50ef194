/**
 * Where the group commit writes a group of prepared submissions: the one transaction that stores
 * them and commits (see submission-queue.ts). On a SQLite file it is a thread of its own with its
 * own connection to the file: better-sqlite3 runs every statement, and the COMMIT's fsync, in the
 * calling thread, so a commit on the server's thread stops its event loop for the whole of it (no
 * request read, no receipt sent, no next group checked). The writer thread commits one group while
 * the server's thread answers requests and checks the next group. Elsewhere (PostgreSQL, whose
 * driver does not block; SQLite in memory, which a second connection cannot see) the group is
 * written on the caller's connection.
 *
 * Either way a receipt exists only once the commit has returned: the thread answers after COMMIT.
 */
import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import { inWriteTransaction, type Database, type Engine } from '../db/database.ts';
import { isPlenumError, PlenumError } from '../errors.ts';
import {
  storeSubmissions,
  type PreparedSubmission,
  type StoreOutcome,
} from './submissions.service.ts';

/** A prepared submission and the instant it arrived: what storeSubmissions takes. */
export interface ToStore {
  prepared: PreparedSubmission;
  now: Date;
}

/**
 * Writes a group in one transaction and commits it; rejects, with nothing stored, when the
 * database refuses the transaction.
 */
export interface SubmissionWriter {
  store(items: ToStore[]): Promise<StoreOutcome[]>;
  /** Waits for the groups sent and lets the writer go. */
  close(): Promise<void>;
}

/** Writes on the caller's connection. */
export function writerOnConnection(db: Kysely<Database>, engine: Engine): SubmissionWriter {
  return {
    store: (items) => inWriteTransaction(db, engine, (trx) => storeSubmissions(trx, { items })),
    close: async () => {},
  };
}

/** A PlenumError as it crosses between threads (an Error's class does not). */
export interface SentError {
  code?: PlenumError['code'];
  detail?: string;
  retryAfterSeconds?: number;
  fields?: PlenumError['fields'];
  message: string;
}

/** The error as it can be sent to another thread. */
export function sendableError(error: unknown): SentError {
  if (isPlenumError(error))
    return {
      code: error.code,
      ...(error.detail === undefined ? {} : { detail: error.detail }),
      ...(error.retryAfterSeconds === undefined
        ? {}
        : { retryAfterSeconds: error.retryAfterSeconds }),
      ...(error.fields === undefined ? {} : { fields: error.fields }),
      message: error.message,
    };
  return { message: error instanceof Error ? error.message : String(error) };
}

/** The error as the other thread sent it: the same PlenumError, or a plain Error. */
export function receivedError(sent: SentError): Error {
  if (sent.code === undefined) return new Error(sent.message);
  return new PlenumError(sent.code, sent.detail, {
    ...(sent.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: sent.retryAfterSeconds }),
    ...(sent.fields === undefined ? {} : { fields: sent.fields }),
  });
}

/** What the writer thread is sent: a group to store, or the word to stop. */
export type WriterRequest = { id: number; items: ToStore[] } | { stop: true };

/** What the writer thread answers for a group: each one's outcome, or why none was stored. */
export type WriterAnswer =
  | {
      id: number;
      outcomes: (
        | { ok: true; receipt: Extract<StoreOutcome, { ok: true }>['receipt'] }
        | { ok: false; error: SentError }
      )[];
    }
  | { id: number; failed: SentError };

/** The writer thread of a SQLite file. */
export class SqliteWriterThread implements SubmissionWriter {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private readonly pending = new Map<
    number,
    { resolve: (o: StoreOutcome[]) => void; reject: (e: unknown) => void }
  >();
  private nextId = 0;
  private ended: Error | undefined;

  /** Starts the thread; it opens its own connection to the file at `path`. */
  constructor(path: string) {
    this.worker = new Worker(new URL('./submission-writer.worker.ts', import.meta.url), {
      workerData: { path },
    });
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.worker.once('error', reject);
    });
    // Not a wait on the first message: errors before it reject `ready` instead.
    this.ready.catch(() => {});
    this.worker.on('message', (answer: WriterAnswer | 'ready') => {
      if (answer === 'ready') return;
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if ('failed' in answer) waiting.reject(receivedError(answer.failed));
      else
        waiting.resolve(
          answer.outcomes.map((o) =>
            o.ok ? o : { ok: false, error: receivedError(o.error) },
          ) as StoreOutcome[],
        );
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the submission writer ended (${code})`)));
  }

  /** Every group still waiting fails: the thread is gone, so none of them was answered. */
  private fail(error: Error): void {
    this.ended ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  async store(items: ToStore[]): Promise<StoreOutcome[]> {
    await this.ready;
    if (this.ended) throw this.ended;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, items } satisfies WriterRequest);
    });
  }

  async close(): Promise<void> {
    if (this.ended) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    // The thread answers the groups it was sent, in order, before it reads this.
    this.worker.postMessage({ stop: true } satisfies WriterRequest);
    await exited;
  }
}
