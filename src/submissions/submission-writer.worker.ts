/**
 * The writer thread of a SQLite file (SqliteWriterThread): its own connection to the file; each
 * group it is sent is stored in one transaction and committed, one group after another, and
 * answered only after its COMMIT. Its first message says it is ready.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/database.ts';
import {
  sendableError,
  writerOnConnection,
  type WriterAnswer,
  type WriterRequest,
} from './submission-writer.ts';

const { path } = workerData as { path: string };
const opened = await openDatabase(path);
const writer = writerOnConnection(opened.db, 'sqlite');

/** Attachments' bytes arrive as Uint8Array: the database driver binds only Buffers as blobs. */
function withBuffers(request: Extract<WriterRequest, { id: number }>): typeof request.items {
  for (const { prepared } of request.items)
    if (!prepared.replay)
      for (const a of prepared.row.attachments)
        a.content = Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength);
  return request.items;
}

async function answer(request: Extract<WriterRequest, { id: number }>): Promise<WriterAnswer> {
  try {
    const outcomes = await writer.store(withBuffers(request));
    return {
      id: request.id,
      outcomes: outcomes.map((o) => (o.ok ? o : { ok: false, error: sendableError(o.error) })),
    };
  } catch (error) {
    return { id: request.id, failed: sendableError(error) };
  }
}

// One group at a time, in the order sent.
let turn = Promise.resolve();
parentPort!.on('message', (request: WriterRequest) => {
  turn = turn.then(async () => {
    if ('stop' in request) {
      await opened.close();
      parentPort!.close();
      return;
    }
    parentPort!.postMessage(await answer(request));
  });
});
parentPort!.postMessage('ready');
