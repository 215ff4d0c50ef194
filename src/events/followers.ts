/**
 * Followers of the event log. A feature that changes state writes its rows and its event in one
 * transaction and knows nothing of who reacts; each follower (search indexing, concept tagging,
 * watch matching, …) reads the events past its own cursor, in batches, each batch in one write
 * transaction with the cursor moved in the same commit: an event is handled exactly once, and
 * what was not handled when a process stopped is handled after it starts again. With several
 * processes a follower's cursor is locked by the one working on it (FOR UPDATE SKIP LOCKED on
 * PostgreSQL, the one writer on SQLite); the others pass to the next follower.
 *
 * A batch that fails is rolled back and tried again one event at a time, to find the event it
 * fails on; that event is recorded with its error on the cursor and retried with a growing delay.
 * The follower waits on it (it never skips an event); the operator page and `plenum status` show it.
 *
 * A commit in this process kicks the followers; a timer also polls, for events of other
 * processes. While receipts are waiting for the write lock (`busy`), the followers let them go
 * first, but never wait more than `maxDeferMs` for a batch.
 */
import type { Kysely } from 'kysely';
import { inWriteTransaction, type Database, type Db, type Engine } from '../db/database.ts';
import {
  ensureCursor,
  isAtOrPast,
  listCursors,
  logEnd,
  mayHaveWork,
  moveCursor,
  readEventsAfter,
  recordFollowerFailure,
  takeCursor,
  type LoggedEvent,
} from './followers.store.ts';

/** One consumer of the event log. */
export interface Follower {
  /** Its name, the key of its cursor: never renamed once released. */
  readonly name: string;
  /** The events it reacts to; the others pass by (its cursor moves over them). */
  wants(event: LoggedEvent): boolean;
  /** Handles a batch of wanted events in the caller's write transaction; throwing rolls it back. */
  handle(db: Db, events: LoggedEvent[], now: Date): Promise<void>;
}

/** Options; tests and benchmarks change them. */
export interface FollowerOptions {
  /** Events read per transaction. */
  batchSize?: number;
  /** True while receipts are waiting on the write lock: the followers wait for them. */
  busy?: () => boolean;
  /** Longest wait for `busy` to end before a batch is handled anyway (ms). */
  maxDeferMs?: number;
  /** Delay before the n-th retry of a failing event (ms); doubles from 1 s up to 5 min by default. */
  retryDelayMs?: (attempts: number) => number;
}

/** A follower stuck on an event, as `drain` reports it. */
export class FollowerFailure extends Error {
  readonly follower: string;
  readonly seq: number;
  readonly reason: string;

  constructor(follower: string, seq: number, reason: string) {
    super(`follower ${follower} fails on event ${seq}: ${reason}`);
    this.follower = follower;
    this.seq = seq;
    this.reason = reason;
  }
}

type Step = { read: number; handled: number } | 'held' | 'waiting';

/** Runs the followers of one process. */
export class Followers {
  private readonly db: Kysely<Database>;
  private readonly engine: Engine;
  private readonly list: readonly Follower[];
  private readonly names: Set<string>;
  private readonly batchSize: number;
  private busy: () => boolean;
  private readonly maxDeferMs: number;
  private readonly retryDelayMs: (attempts: number) => number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private ensured = false;
  private idleWaiters: (() => void)[] = [];
  /** Events each follower handled in this process since it started (wanted ones only). */
  readonly handled = new Map<string, number>();

  constructor(
    db: Kysely<Database>,
    engine: Engine,
    followers: readonly Follower[],
    options: FollowerOptions = {},
  ) {
    this.db = db;
    this.engine = engine;
    this.list = followers;
    this.names = new Set(followers.map((f) => f.name));
    this.batchSize = options.batchSize ?? 200;
    this.busy = options.busy ?? (() => false);
    this.maxDeferMs = options.maxDeferMs ?? 1000;
    this.retryDelayMs =
      options.retryDelayMs ?? ((attempts) => Math.min(1000 * 2 ** (attempts - 1), 300_000));
    for (const f of followers) this.handled.set(f.name, 0);
  }

  /**
   * Adds a source of receipts to wait for (the submission queue is made with a kick to us): the
   * followers wait while any of them is busy. Added, not replaced: one Followers may serve several
   * apps in one process (the bench's second server did), and replacing the first app's queue had
   * the followers run a round after each of its commits instead of waiting, 3.5 to 12.8 ms of CPU
   * per one-at-a-time submission.
   */
  yieldTo(busy: () => boolean): void {
    const before = this.busy;
    this.busy = () => before() || busy();
  }

  /** Something was committed: read the log soon. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch((error: unknown) => {
        // Not an event's fault (the database is away): the next kick or poll tries again.
        console.error(`plenum: followers: ${String(error)}`);
      })
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        } else {
          for (const resolve of this.idleWaiters.splice(0)) resolve();
        }
      });
  }

  /** True once `start` was called: the server's followers, which every write request kicks. */
  get started(): boolean {
    return this.timer !== undefined && !this.stopped;
  }

  /** Polls the log every `intervalMs` (events of other processes, retries of a failing event). */
  start(intervalMs = 1000): void {
    this.kick();
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  /** Stops polling and waits for the batch under way; what is left is read after a restart. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /**
   * Resolves once every follower has read the log at least as far as it went when called, and
   * what they logged in turn (tests and the demo wait on it before reading what the followers
   * write); throws a FollowerFailure when one is stuck on an event. On PostgreSQL it also waits
   * for the write transactions running meanwhile, which may still log events before that end.
   */
  async drain(): Promise<void> {
    for (let round = 0; !this.stopped; round++) {
      const end = await logEnd(this.db);
      await this.readOnce();
      const cursors = (await listCursors(this.db)).filter((c) => this.names.has(c.follower));
      const failing = cursors.find((c) => c.failing);
      if (failing?.failing)
        throw new FollowerFailure(failing.follower, failing.failing.seq, failing.failing.error);
      if (
        cursors.every((c) => isAtOrPast(c.position, end)) &&
        isAtOrPast(end, await logEnd(this.db))
      )
        return;
      // Another process holds a cursor, or a transaction older than the events is still open.
      await new Promise((resolve) => setTimeout(resolve, Math.min(5 * 2 ** round, 100)));
    }
  }

  /** Reads the log once with every follower, as far as each may now read; resolves when done. */
  async readOnce(): Promise<void> {
    this.kick();
    if (this.running) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /** Reads the log with every follower in turn, until a round finds nothing new for any. */
  private async pass(): Promise<void> {
    // Let the requests already read commit first (their commit kicks us again anyway).
    await new Promise((resolve) => setImmediate(resolve));
    if (!this.ensured) {
      for (const f of this.list) await ensureCursor(this.db, f.name, new Date().toISOString());
      this.ensured = true;
    }
    for (;;) {
      let read = 0;
      // In list order: a follower that reads what an earlier one wrote sees it in the same round.
      for (const follower of this.list) {
        if (this.stopped) return;
        read += await this.follow(follower);
      }
      if (read === 0 || this.stopped) return;
    }
  }

  /** Reads one follower's part of the log to its end (or its failing event); returns events read. */
  private async follow(follower: Follower): Promise<number> {
    let read = 0;
    for (;;) {
      await this.yieldToReceipts();
      let step: Step;
      try {
        step = await this.step(follower, this.batchSize);
      } catch {
        try {
          // The batch was rolled back: find the event it fails on, one at a time.
          step = await this.narrow(follower);
        } catch (error) {
          // Not an event's fault (the database is away): the next kick or poll tries again.
          console.error(`plenum: follower ${follower.name}: ${String(error)}`);
          return read;
        }
      }
      if (typeof step === 'string') return read;
      read += step.read;
      if (step.read < this.batchSize) return read;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Takes the events of a failed batch one at a time, up to the one that fails, and records it. */
  private async narrow(follower: Follower): Promise<Step> {
    const total = { read: 0, handled: 0 };
    for (let i = 0; i < this.batchSize; i++) {
      let attempted: number | undefined;
      try {
        const step = await this.step(follower, 1, (seq) => (attempted = seq));
        if (typeof step === 'string') return total.read > 0 ? total : step;
        if (step.read === 0) return total;
        total.read += step.read;
        total.handled += step.handled;
      } catch (error) {
        if (attempted === undefined) throw error;
        await this.recordFailure(follower, attempted, error);
        return total.read > 0 ? total : 'waiting';
      }
    }
    return total;
  }

  /** One batch of one follower, in one write transaction. */
  private async step(
    follower: Follower,
    limit: number,
    attempting: (seq: number) => void = () => {},
  ): Promise<Step> {
    if (!(await mayHaveWork(this.db, follower.name))) return { read: 0, handled: 0 };
    const now = new Date();
    // What a batch writes is made again from the log if a power loss takes it: no fsync of its own.
    const step = await inWriteTransaction(
      this.db,
      this.engine,
      async (trx): Promise<Step> => {
        const cursor = await takeCursor(trx, follower.name);
        if (!cursor) return 'held';
        if (cursor.failing && Date.parse(cursor.failing.retryAt) > now.getTime()) return 'waiting';
        const events = await readEventsAfter(trx, cursor.position, limit);
        if (events.length === 0) return { read: 0, handled: 0 };
        attempting(events[0]!.seq);
        const wanted = events.filter((e) => follower.wants(e));
        if (wanted.length > 0) await follower.handle(trx, wanted, now);
        const last = events.at(-1)!;
        await moveCursor(trx, follower.name, { txid: last.txid, seq: last.seq }, now.toISOString());
        return { read: events.length, handled: wanted.length };
      },
      { durable: false },
    );
    if (typeof step !== 'string')
      this.handled.set(follower.name, this.handled.get(follower.name)! + step.handled);
    return step;
  }

  private async recordFailure(follower: Follower, seq: number, error: unknown): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    const { attempts, retryAt } = await inWriteTransaction(this.db, this.engine, (trx) =>
      recordFollowerFailure(trx, follower.name, {
        seq,
        error: reason,
        at: new Date(),
        retryDelayMs: this.retryDelayMs,
      }),
    );
    console.error(
      `plenum: follower ${follower.name} fails on event ${seq} (attempt ${attempts}, next at ${retryAt}): ${reason}`,
    );
  }

  /** Receipts before followers: waits while submissions are pending, up to maxDeferMs. */
  private async yieldToReceipts(): Promise<void> {
    const since = Date.now();
    while (this.busy() && Date.now() - since < this.maxDeferMs && !this.stopped) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
