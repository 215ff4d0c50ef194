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
 * With `plenum serve --workers N` on a SQLite file, the writer is the cluster's primary
 * (cluster-writer.ts), which answers each process over the cluster's channel the same way.
 *
 * Either way a receipt exists only once the commit has returned: the writer answers after COMMIT.
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
  /**
   * How many groups a queue should have checked or committing at once (1 when absent): two let
   * the next group be checked while one commits elsewhere.
   */
  readonly groupsAtOnce?: number;
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

/** A group sent to a writer in another thread or process, with the number its answer carries. */
export interface GroupRequest {
  id: number;
  items: ToStore[];
}

/** What the writer thread is sent: a group to store, or the word to stop. */
export type WriterRequest = GroupRequest | { stop: true };

/** What a writer elsewhere answers for a group: each one's outcome, or why none was stored. */
export type WriterAnswer =
  | {
      id: number;
      outcomes: (
        | { ok: true; receipt: Extract<StoreOutcome, { ok: true }>['receipt'] }
        | { ok: false; error: SentError }
      )[];
    }
  | { id: number; failed: SentError };

/**
 * The groups sent to a writer in another thread or process, each waiting for its answer: the
 * sending end shared by the writer thread and the HTTP workers of `plenum serve --workers N`.
 */
export class GroupsAwaitingAnswer {
  private readonly waiting = new Map<
    number,
    { resolve: (o: StoreOutcome[]) => void; reject: (e: unknown) => void }
  >();
  private nextId = 0;
  private idle: (() => void)[] = [];
  /** Why the writer takes no more groups, once it is gone. */
  ended: Error | undefined;

  /**
   * Sends a group with `post` (which may throw, or reject, when the channel is closed); resolves
   * with the outcomes its answer carries, only once the writer has committed it.
   */
  send(
    items: ToStore[],
    post: (request: GroupRequest) => void | Promise<void>,
  ): Promise<StoreOutcome[]> {
    if (this.ended) return Promise.reject(this.ended);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const failed = (error: unknown): void => {
        if (this.waiting.delete(id)) reject(error);
        this.settled();
      };
      try {
        void Promise.resolve(post({ id, items })).catch(failed);
      } catch (error) {
        failed(error);
      }
    });
  }

  /** Settles the group an answer is for. */
  settle(answer: WriterAnswer): void {
    const waiting = this.waiting.get(answer.id);
    if (!waiting) return;
    this.waiting.delete(answer.id);
    if ('failed' in answer) waiting.reject(receivedError(answer.failed));
    else
      waiting.resolve(
        answer.outcomes.map((o) =>
          o.ok ? o : { ok: false, error: receivedError(o.error) },
        ) as StoreOutcome[],
      );
    this.settled();
  }

  /**
   * Every group still waiting fails, and every later one: the writer is gone, so none of them
   * was answered (some may have committed; their senders retry with their idempotency keys).
   */
  fail(error: Error): void {
    this.ended ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
    this.settled();
  }

  /** Resolves once no group waits for its answer. */
  async answered(): Promise<void> {
    if (this.waiting.size === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private settled(): void {
    if (this.waiting.size > 0) return;
    for (const resolve of this.idle.splice(0)) resolve();
  }
}

/** Attachments' bytes may arrive as Uint8Array: the database driver binds only Buffers as blobs. */
function withBuffers(items: ToStore[]): ToStore[] {
  for (const { prepared } of items)
    if (!prepared.replay)
      for (const a of prepared.row.attachments)
        a.content = Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength);
  return items;
}

/**
 * The answering end of a writer in another thread or process: the groups it receives are stored
 * one after another, in the order received, each answered only after its COMMIT. The writer
 * thread and the primary of `plenum serve --workers N` both answer through it.
 */
export class GroupsInTurn {
  private readonly writer: SubmissionWriter;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(writer: SubmissionWriter) {
    this.writer = writer;
  }

  /** The group's answer, once it and every group received before it are committed or refused. */
  answer(request: GroupRequest): Promise<WriterAnswer> {
    const answered = this.turn.then(() => this.store(request));
    this.turn = answered;
    return answered;
  }

  /** Resolves once every group received so far is answered. */
  async drained(): Promise<void> {
    await this.turn;
  }

  private async store(request: GroupRequest): Promise<WriterAnswer> {
    try {
      const outcomes = await this.writer.store(withBuffers(request.items));
      return {
        id: request.id,
        outcomes: outcomes.map((o) => (o.ok ? o : { ok: false, error: sendableError(o.error) })),
      };
    } catch (error) {
      return { id: request.id, failed: sendableError(error) };
    }
  }
}

/** The writer thread of a SQLite file. */
export class SqliteWriterThread implements SubmissionWriter {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private readonly groups = new GroupsAwaitingAnswer();
  readonly groupsAtOnce = 2;

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
      if (answer !== 'ready') this.groups.settle(answer);
    });
    this.worker.on('error', (error) => this.groups.fail(error));
    this.worker.on('exit', (code) =>
      this.groups.fail(new Error(`the submission writer ended (${code})`)),
    );
  }

  async store(items: ToStore[]): Promise<StoreOutcome[]> {
    await this.ready;
    return this.groups.send(items, (request) => this.worker.postMessage(request));
  }

  async close(): Promise<void> {
    if (this.groups.ended) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    // The thread answers the groups it was sent, in order, before it reads this.
    this.worker.postMessage({ stop: true } satisfies WriterRequest);
    await exited;
  }
}
