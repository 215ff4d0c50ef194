/**
 * A bounded pool of threads for password hashing. scrypt takes about 0.1 s of a core and 64 MiB
 * per check; run in libuv's four shared threads, a burst of sign-ins made every gzip and file read
 * wait behind it (pages went from 31 ms to 10.9 s). Here it has threads of its own, a queue of
 * bounded length, and a refusal (PASSWORD_CHECKS_BUSY, 503) beyond it.
 */
import { Worker } from 'node:worker_threads';
import { PlenumError } from '../errors.ts';
import type { DeriveTask } from './password-worker.ts';
import type { PasswordPoolSettings } from '../config.ts';

/** One thread of the pool and the task it is running, if any. */
interface PoolThread {
  worker: Worker;
  task: Waiting | undefined;
}

interface Waiting {
  task: DeriveTask;
  resolve: (key: Buffer) => void;
  reject: (error: unknown) => void;
}

const workerUrl = new URL('./password-worker.ts', import.meta.url);

/** Derives scrypt keys on a fixed number of threads, with at most `queueLimit` waiting. */
export class PasswordPool {
  readonly settings: PasswordPoolSettings;
  private readonly threads: PoolThread[] = [];
  private readonly queue: Waiting[] = [];
  private nextId = 1;

  constructor(settings: PasswordPoolSettings) {
    this.settings = settings;
  }

  /** How many derivations are running and waiting. */
  get load(): { running: number; waiting: number } {
    return { running: this.threads.filter((t) => t.task).length, waiting: this.queue.length };
  }

  /**
   * The 32-byte scrypt key of the password; throws PASSWORD_CHECKS_BUSY at once when every
   * thread is busy and the queue is full.
   */
  derive(password: string, salt: Buffer, options: DeriveTask['options']): Promise<Buffer> {
    const idle = this.threads.find((t) => !t.task);
    if (
      !idle &&
      this.threads.length >= this.settings.threads &&
      this.queue.length >= this.settings.queueLimit
    ) {
      return Promise.reject(
        new PlenumError('PASSWORD_CHECKS_BUSY', undefined, { retryAfterSeconds: 1 }),
      );
    }
    return new Promise((resolve, reject) => {
      const waiting = { task: { id: this.nextId++, password, salt, options }, resolve, reject };
      if (idle) this.run(idle, waiting);
      else if (this.threads.length < this.settings.threads) this.run(this.startThread(), waiting);
      else this.queue.push(waiting);
    });
  }

  /** Stops the threads; checks still waiting are refused. */
  async close(): Promise<void> {
    for (const w of this.queue.splice(0)) w.reject(new PlenumError('PASSWORD_CHECKS_BUSY'));
    await Promise.all(this.threads.splice(0).map((t) => t.worker.terminate()));
  }

  private startThread(): PoolThread {
    const thread: PoolThread = { worker: new Worker(workerUrl), task: undefined };
    thread.worker.on('message', (message: { id: number; key?: Uint8Array; error?: string }) => {
      const done = thread.task;
      thread.task = undefined;
      if (done && done.task.id === message.id) {
        if (message.key) done.resolve(Buffer.from(message.key));
        else done.reject(new Error(`scrypt failed: ${message.error}`));
      }
      this.next(thread);
    });
    const lost = (error: unknown): void => {
      const index = this.threads.indexOf(thread);
      if (index >= 0) this.threads.splice(index, 1);
      thread.task?.reject(error);
      thread.task = undefined;
      // The checks waiting for it go to a new thread.
      const waiting = this.queue.shift();
      if (waiting) this.run(this.startThread(), waiting);
    };
    thread.worker.on('error', lost);
    thread.worker.on('exit', (code) => {
      if (this.threads.includes(thread)) lost(new Error(`password thread ended (${code})`));
    });
    this.threads.push(thread);
    return thread;
  }

  private run(thread: PoolThread, waiting: Waiting): void {
    thread.task = waiting;
    // A busy thread keeps the process alive until its answer comes; an idle one does not.
    thread.worker.ref();
    thread.worker.postMessage(waiting.task);
  }

  private next(thread: PoolThread): void {
    const waiting = this.queue.shift();
    if (waiting) this.run(thread, waiting);
    else thread.worker.unref();
  }
}
