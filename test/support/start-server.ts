/** Test support: runs `plenum serve` as a real process on a free port and waits until it listens. */
import { spawn, type ChildProcess } from 'node:child_process';

/** A started server: the child process and its base URL once it listens. */
export interface StartedServer {
  child: ChildProcess;
  ready: Promise<string>;
}

/**
 * Starts `plenum serve --port 0` with the given extra arguments and environment, from the tree at
 * `cwd` (this one by default), waiting at most `timeoutMs` for it to listen (two minutes by
 * default: the demo seeds itself first, which took over 30 s on a busy two-core machine).
 */
export function startServer(
  args: string[],
  env: Record<string, string>,
  { cwd, timeoutMs = 120_000 }: { cwd?: string; timeoutMs?: number } = {},
): StartedServer {
  const child = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--port', '0', ...args], {
    ...(cwd === undefined ? {} : { cwd }),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no start within ${timeoutMs / 1000} s:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /serving on (http:\/\/[^/]+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  // A server stopped at the end of a test exits; that is not a failure to start.
  ready.catch(() => {});
  return { child, ready };
}
