/**
 * The writer thread of a SQLite file (SqliteWriterThread): its own connection to the file; each
 * group it is sent is stored in one transaction and committed, one group after another, and
 * answered only after its COMMIT. Its first message says it is ready.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/database.ts';
import { GroupsInTurn, writerOnConnection, type WriterRequest } from './submission-writer.ts';

const { path } = workerData as { path: string };
const opened = await openDatabase(path);
const groups = new GroupsInTurn(writerOnConnection(opened.db, 'sqlite'));

parentPort!.on('message', (request: WriterRequest) => {
  if ('stop' in request) {
    // After the answers of the groups sent before it.
    void groups.drained().then(async () => {
      await opened.close();
      parentPort!.close();
    });
    return;
  }
  void groups.answer(request).then((answer) => parentPort!.postMessage(answer));
});
parentPort!.postMessage('ready');
