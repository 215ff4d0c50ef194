/**
 * Group commit for submissions. On deadline night thousands of submissions arrive at once; each
 * needs a durable commit (an fsync) before its receipt. The queue takes the submissions waiting
 * at that moment, checks them all first (reads only, no lock held), then writes them in one
 * transaction and commits once: one fsync for the whole group. A refused submission is refused
 * before it writes anything, so it costs the others nothing. No receipt is given before the
 * commit returns. If the database refuses the group's transaction, the group is written again
 * in halves until the submission it refuses is alone: that one fails, the others are stored.
 *
 * The queue lives in one process (each `plenum serve` process has its own); the database stays
 * the only shared state, so several processes on one PostgreSQL each group and commit their own
 * submissions, and the write lock is held only for the writes. Several processes on one SQLite
 * file (`--workers`) each group and check their own, and hand them to the one writer in the
 * cluster's primary (cluster-writer.ts).
 */
import type { Kysely } from 'kysely';
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Database, Engine } from '../db/database.ts';
import { isPlenumError, PlenumError } from '../errors.ts';
import type { CheckedAttachment } from './attachments.ts';
import type { Receipt } from './submissions.schema.ts';
import {
  GroupLookups,
  KnownBlocks,
  prepareSubmission,
  type PreparedSubmission,
  type StoreOutcome,
} from './submissions.service.ts';
import { writerOnConnection, type SubmissionWriter } from './submission-writer.ts';

interface Pending {
  viewer: Viewer | null;
  periodId: string;
  input: unknown;
  attachments: CheckedAttachment[];
  now: Date;
  resolve: (receipt: Receipt) => void;
  reject: (error: unknown) => void;
}

/** The largest group committed at once. */
const maxGroup = 256;

/** Submissions waiting to be stored, committed in groups. */
export class SubmissionQueue {
  private readonly db: Kysely<Database>;
  private readonly waiting: Pending[] = [];
  private running = 0;
  /**
   * Groups checked or committed at once. SQLite has one writer: on the caller's connection one
   * group at a time; with a writer thread two, so that the next group is checked while one
   * commits; with the primary's writer of `--workers N` one again (the writer's own choice,
   * `groupsAtOnce`). PostgreSQL can commit a few groups in parallel.
   */
  private readonly parallel: number;

  /** Where each group is written and committed (submission-writer.ts). */
  private readonly writer: SubmissionWriter;

  /** Called after each group's commit (the followers are kicked: the group logged events). */
  private readonly afterCommit: () => void;

  constructor(
    db: Kysely<Database>,
    engine: Engine,
    afterCommit: () => void = () => {},
    writer?: SubmissionWriter,
  ) {
    this.db = db;
    this.writer = writer ?? writerOnConnection(db, engine);
    this.parallel = engine === 'postgres' ? 4 : (writer?.groupsAtOnce ?? 1);
    this.afterCommit = afterCommit;
  }

  /** Paragraphs already read: a surge comments on the same few again and again. */
  private readonly knownBlocks = new KnownBlocks();

  /** When the last submission arrived (performance.now()). */
  private lastArrival = -Infinity;

  /**
   * True while submissions wait for, or are in, a commit, or while they keep arriving: between
   * two groups the queue is empty for a moment, and a surge is not over until none has come for
   * `quietMs`. The followers wait while this is true (receipts before search).
   */
  get busy(): boolean {
    return (
      this.waiting.length > 0 ||
      this.running > 0 ||
      performance.now() - this.lastArrival < SubmissionQueue.quietMs
    );
  }

  /** How long without a new submission ends a surge (ms). */
  static readonly quietMs = 100;

  /** Stores a submission; resolves with its receipt once the group it joined has committed. */
  submit(
    viewer: Viewer | null,
    periodId: string,
    input: unknown,
    attachments: CheckedAttachment[],
    now: Date,
  ): Promise<Receipt> {
    return new Promise<Receipt>((resolve, reject) => {
      this.lastArrival = performance.now();
      this.waiting.push({ viewer, periodId, input, attachments, now, resolve, reject });
      this.schedule();
    });
  }

  private scheduled = false;

  /**
   * Starts a group after the requests already read from the network have queued theirs. With
   * SQLite every query completes synchronously, so a group started at once would run to its
   * commit before the next request is even parsed: a group of one, an fsync each.
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.running < this.parallel && this.waiting.length > 0) {
      const group = this.waiting.splice(0, maxGroup);
      this.running += 1;
      void this.commitGroup(group).finally(() => {
        this.running -= 1;
        this.schedule();
      });
    }
  }

  private async commitGroup(group: Pending[]): Promise<void> {
    // 1. Check every submission and build its rows, reading only: no lock is held, so other
    //    processes on the same database keep writing meanwhile. A refusal fails that one alone.
    const prepared: (PreparedSubmission | { error: unknown })[] = [];
    const lookups = new GroupLookups();
    for (const item of group) {
      try {
        prepared.push(await prepareSubmission(this.db, item, { lookups, known: this.knownBlocks }));
      } catch (error) {
        prepared.push({ error });
      }
    }
    // A group refused whole (bad input, a closed period) writes nothing: no transaction at all.
    if (prepared.every((p) => 'error' in p)) {
      group.forEach((item, i) => item.reject((prepared[i] as { error: unknown }).error));
      return;
    }
    // 2. Write them all in one transaction, holding the write lock only for the writes.
    const toStore = group.flatMap((item, i) => {
      const ready = prepared[i]!;
      if ('error' in ready) {
        item.reject(ready.error);
        return [];
      }
      return [{ item, prepared: ready }];
    });
    await this.storeIsolated(toStore);
    this.afterCommit();
  }

  /**
   * Writes prepared submissions in one transaction; if the database refuses it, none of them is
   * stored, and the group is halved and each half written again, down to the one submission the
   * database refuses, which alone gets an error. One bad submission among n costs about
   * 2·log2(n) more transactions, and every other submission still gets its receipt.
   */
  private async storeIsolated(
    items: { item: Pending; prepared: PreparedSubmission }[],
  ): Promise<void> {
    let stored: StoreOutcome[];
    try {
      stored = await this.writer.store(
        items.map(({ item, prepared }) => ({ prepared, now: item.now })),
      );
    } catch (error) {
      if (items.length > 1) {
        const half = Math.ceil(items.length / 2);
        await this.storeIsolated(items.slice(0, half));
        await this.storeIsolated(items.slice(half));
        return;
      }
      // The transaction was rolled back: nothing of this submission is stored.
      console.error('[plenum] a submission the database refused:', error);
      items[0]!.item.reject(
        isPlenumError(error) ? error : new PlenumError('SUBMISSION_NOT_STORED'),
      );
      return;
    }
    items.forEach(({ item }, i) => {
      const outcome = stored[i]!;
      if (outcome.ok) item.resolve(outcome.receipt);
      else item.reject(outcome.error);
    });
  }
}
