/**
 * Indexes queued submissions off the path of their receipts. A submission published at once is
 * queued (index_queue) in the transaction that stores it; this indexer takes the queue in
 * batches, each in one write transaction: search passages and postings, concept tags and watch
 * matches for the whole batch, and the queue rows deleted in the same commit. A batch that fails
 * is rolled back with its queue rows, to be tried again.
 *
 * A commit of submissions in this process kicks it; a timer also polls, for rows queued by other
 * processes and for any left when a process stopped. While the submission queue has work
 * waiting, the indexer lets it go first (receipts before search), but never waits more than
 * `maxDeferMs` for a batch, so the index falls behind a deadline-night surge by a bounded rate
 * and catches up after it.
 */
import type { Kysely } from 'kysely';
import { inWriteTransaction, type Database, type Engine } from '../db/database.ts';
import { indexQueuedSubmissions } from './search.service.ts';

/** Options; tests and benchmarks change them. */
export interface IndexerOptions {
  /** Submissions indexed per transaction. */
  batchSize?: number;
  /** True while receipts are waiting on the write lock: the indexer waits for them. */
  busy?: () => boolean;
  /** Longest wait for `busy` to end before a batch is indexed anyway (ms). */
  maxDeferMs?: number;
}

/** Drains the indexing queue of one process. */
export class SearchIndexer {
  private readonly db: Kysely<Database>;
  private readonly engine: Engine;
  private readonly batchSize: number;
  private busy: () => boolean;
  private readonly maxDeferMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];
  /** Submissions this indexer has taken from the queue since it started. */
  indexed = 0;

  constructor(db: Kysely<Database>, engine: Engine, options: IndexerOptions = {}) {
    this.db = db;
    this.engine = engine;
    this.batchSize = options.batchSize ?? 100;
    this.busy = options.busy ?? (() => false);
    this.maxDeferMs = options.maxDeferMs ?? 1000;
  }

  /** Lets `busy` be set after construction (the submission queue is made with a kick to us). */
  yieldTo(busy: () => boolean): void {
    this.busy = busy;
  }

  /** Something was queued: drain soon. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick();
      } else {
        for (const resolve of this.idleWaiters.splice(0)) resolve();
      }
    });
  }

  /** Polls the queue every `intervalMs` (rows from other processes, rows left by a stop). */
  start(intervalMs = 1000): void {
    this.kick();
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  /** Stops polling and waits for the batch under way; what is left stays queued. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /**
   * Resolves once this indexer has emptied the queue of what was there when called (what this
   * process queued is indexed; tests wait on it before searching).
   */
  async idle(): Promise<void> {
    this.kick();
    if (!this.running) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    // Let the requests already read queue their submissions (and their commit run) first.
    await new Promise((resolve) => setImmediate(resolve));
    for (;;) {
      const deferredSince = Date.now();
      while (this.busy() && Date.now() - deferredSince < this.maxDeferMs && !this.stopped) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      let taken: number;
      try {
        taken = await inWriteTransaction(this.db, this.engine, (trx) =>
          indexQueuedSubmissions(trx, this.batchSize),
        );
      } catch (error) {
        // Rolled back: the batch stays queued for the next kick or poll.
        console.error(`plenum: indexing queued submissions: ${String(error)}`);
        return;
      }
      this.indexed += taken;
      if (taken < this.batchSize || this.stopped) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
