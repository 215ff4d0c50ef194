/**
 * One writer for the processes of `plenum serve --workers N` on a SQLite file. SQLite has one
 * write lock per file: N processes each committing their own groups take turns at it (BEGIN
 * IMMEDIATE waits and retries), and each commit empties the others' page caches. Instead the
 * cluster's primary keeps the one connection that writes submissions: each HTTP worker checks
 * its groups as before (reads on its own connection) and sends them to the primary over the
 * cluster's channel (WriterInPrimary); the primary stores them one after another, in the order
 * they arrive, with the same storeSubmissions in one transaction each, and answers each worker
 * only after the group's COMMIT (answerWorkersGroups). Every other write stays on each worker's
 * own connection.
 *
 * The channel must carry Dates and Buffers: the primary forks with `serialization: 'advanced'`.
 */
import cluster, { type Worker } from 'node:cluster';
import {
  GroupsAwaitingAnswer,
  GroupsInTurn,
  type GroupRequest,
  type SubmissionWriter,
  type ToStore,
  type WriterAnswer,
} from './submission-writer.ts';
import type { StoreOutcome } from './submissions.service.ts';

/** A group or its answer on the cluster's channel, named so as not to be taken for another message. */
interface WriterMessage {
  submissionWriter: GroupRequest | WriterAnswer;
}

function isWriterMessage(message: unknown): message is WriterMessage {
  return typeof message === 'object' && message !== null && 'submissionWriter' in message;
}

/**
 * In an HTTP worker of the cluster: the primary writes each group; a group resolves with the
 * primary's answer, sent after its COMMIT. If the channel to the primary closes, every group
 * waiting fails (and every later one): none hangs.
 */
export class WriterInPrimary implements SubmissionWriter {
  private readonly groups = new GroupsAwaitingAnswer();
  /**
   * One group of this process at a time: the other processes' groups keep the one writer busy,
   * and a second group in flight only split this one's into smaller commits (measured: README).
   */
  readonly groupsAtOnce = 1;
  private readonly onMessage = (message: unknown): void => {
    if (isWriterMessage(message) && !('items' in message.submissionWriter))
      this.groups.settle(message.submissionWriter);
  };
  private readonly onDisconnect = (): void =>
    this.groups.fail(new Error('the submission writer of the primary process is gone'));

  constructor() {
    if (!process.send) throw new Error('WriterInPrimary runs only in a cluster worker');
    process.on('message', this.onMessage);
    process.once('disconnect', this.onDisconnect);
  }

  store(items: ToStore[]): Promise<StoreOutcome[]> {
    return this.groups.send(
      items,
      (request) =>
        new Promise<void>((resolve, reject) => {
          if (!process.connected) throw new Error('the channel to the primary process is closed');
          process.send!(
            { submissionWriter: request } satisfies WriterMessage,
            undefined,
            {},
            (e) => (e ? reject(e) : resolve()),
          );
        }),
    );
  }

  /** Waits for the answers of the groups sent. */
  async close(): Promise<void> {
    await this.groups.answered();
    process.off('message', this.onMessage);
    process.off('disconnect', this.onDisconnect);
  }
}

/**
 * In the primary: stores with `writer` every group its workers send, one after another in the
 * order they arrive, and answers each to its worker after the COMMIT. Returns a function that
 * waits for the groups received so far to be answered.
 */
export function answerWorkersGroups(writer: SubmissionWriter): () => Promise<void> {
  const groups = new GroupsInTurn(writer);
  cluster.on('message', (worker: Worker, message: unknown) => {
    if (!isWriterMessage(message) || !('items' in message.submissionWriter)) return;
    void groups.answer(message.submissionWriter).then((answer) => {
      // A worker that died meanwhile gets no answer: its group stays committed, and a client
      // left without its receipt sends again with its idempotency key and gets the same one.
      if (!worker.isConnected()) return;
      worker.send({ submissionWriter: answer } satisfies WriterMessage, undefined, () => {});
    });
  });
  return () => groups.drained();
}
