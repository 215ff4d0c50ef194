/**
 * A thread of the password pool: derives scrypt keys synchronously, on its own thread, so that
 * password hashing never takes the threads libuv lends to gzip, files and DNS.
 */
import { scryptSync } from 'node:crypto';
import { parentPort } from 'node:worker_threads';

/** One derivation asked of this thread. */
export interface DeriveTask {
  id: number;
  password: string;
  salt: Uint8Array;
  options: { N: number; r: number; p: number; maxmem: number };
}

parentPort?.on('message', (task: DeriveTask) => {
  try {
    const key = scryptSync(task.password, task.salt, 32, task.options);
    parentPort!.postMessage({ id: task.id, key });
  } catch (error) {
    parentPort!.postMessage({ id: task.id, error: String(error) });
  }
});
