/**
 * Group commit for submissions. On deadline night thousands of submissions arrive at once; each
 * needs a durable commit (an fsync) before its receipt. The queue stores the submissions waiting
 * at that moment in one transaction and commits once: one fsync for the whole group. A refused
 * submission is refused before it writes anything, so it costs the others nothing. No receipt is
 * given before the commit returns; if the commit fails, every submission of the group fails.
 *
 * The queue lives in one process (each `plenum serve` has its own); the database stays the only
 * shared state, so several processes on one PostgreSQL each group their own submissions.
 */
import type { Kysely } from 'kysely';
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Database, Engine } from '../db/database.ts';
import { isPlenumError } from '../errors.ts';
import type { CheckedAttachment } from './attachments.ts';
import type { Receipt } from './submissions.schema.ts';
import { submitComment } from './submissions.service.ts';

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
  /** SQLite has one writer: one group at a time; PostgreSQL can commit a few groups in parallel. */
  private readonly parallel: number;

  constructor(db: Kysely<Database>, engine: Engine) {
    this.db = db;
    this.parallel = engine === 'sqlite' ? 1 : 4;
  }

  /** Stores a submission; resolves with its receipt once the group it joined has committed. */
  submit(
    viewer: Viewer | null,
    periodId: string,
    input: unknown,
    attachments: CheckedAttachment[],
    now: Date,
  ): Promise<Receipt> {
    return new Promise<Receipt>((resolve, reject) => {
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
    const outcomes: ({ ok: true; receipt: Receipt } | { ok: false; error: unknown })[] = [];
    let trx;
    // Lookups every submission of the group needs (the period, its version): made once.
    const shared = new Map<string, Promise<unknown>>();
    try {
      trx = await this.db.startTransaction().execute();
      for (const item of group) {
        try {
          // submitComment refuses (a PlenumError) only before its first write, so a refused
          // submission leaves nothing behind and needs no savepoint of its own.
          const receipt = await submitComment(
            trx,
            item.viewer,
            item.periodId,
            item.input,
            item.attachments,
            item.now,
            shared,
          );
          outcomes.push({ ok: true, receipt });
        } catch (error) {
          // Anything else may have left half a submission: the whole group is undone below.
          if (!isPlenumError(error)) throw error;
          outcomes.push({ ok: false, error });
        }
      }
      await trx.commit().execute();
    } catch (error) {
      await trx
        ?.rollback()
        .execute()
        .catch(() => {});
      // Nothing of the group is stored: every submission in it fails, none is acknowledged.
      for (const item of group) item.reject(error);
      return;
    }
    group.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.receipt);
      else item.reject(outcome.error);
    });
  }
}
