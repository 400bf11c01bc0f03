import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The bench package's directory (tsx is resolved from here). */
export const benchDir = fileURLToPath(new URL('..', import.meta.url));

export interface Message {
  type: string;
  [key: string]: unknown;
}

export interface BenchChild {
  pid: number;
  send(message: Message): void;
  /** Resolves with the next message of `type` the child sends; rejects if the child exits first. */
  next(type: string, timeoutMs?: number): Promise<Message>;
  /** SIGTERM to the child's process group, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Runs a TypeScript entry of this package in its own process (and process group), so a server under
 * test and the load generator never share an event loop with each other or with the orchestrator.
 * They talk over Node's IPC channel.
 */
export function startChild(
  entry: string,
  {
    env = {},
    execArgv = [],
    stdout = 'inherit',
  }: { env?: Record<string, string>; execArgv?: string[]; stdout?: 'inherit' | 'ignore' } = {},
): BenchChild {
  const child: ChildProcess = spawn(
    process.execPath,
    [...execArgv, '--import', 'tsx', fileURLToPath(new URL(entry, import.meta.url))],
    {
      cwd: benchDir,
      detached: true,
      stdio: ['ignore', stdout, 'pipe', 'ipc'],
      env: { ...process.env, ...env },
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${entry}`);
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString('utf8'));
    if (stderr.length > 50) stderr.shift();
  });
  const queue: Message[] = [];
  const waiters: { type: string; resolve: (m: Message) => void }[] = [];
  child.on('message', (raw) => {
    if (typeof raw !== 'object' || raw === null || !('type' in raw) || typeof raw.type !== 'string') return;
    const message = raw as Message;
    const index = waiters.findIndex((w) => w.type === message.type);
    const waiter = index >= 0 ? waiters.splice(index, 1)[0] : undefined;
    if (waiter) waiter.resolve(message);
    else queue.push(message);
  });
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : 0);
      resolve();
    });
  });

  return {
    pid,
    send(message) {
      child.send(message);
    },
    next(type, timeoutMs = 600_000) {
      const queued = queue.findIndex((m) => m.type === type);
      if (queued >= 0) return Promise.resolve(queue.splice(queued, 1)[0] as Message);
      return new Promise<Message>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${entry}: no "${type}" within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          type,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
        void exited.then(() => {
          clearTimeout(timer);
          reject(
            new Error(
              `${entry} exited (code ${exitCode}) before "${type}":\n${stderr.join('').slice(-3000)}`,
            ),
          );
        });
      });
    },
    async stop(graceMs = 10_000) {
      if (exitCode !== undefined) return;
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Child side: send a message to the orchestrator. */
export function report(message: Message): void {
  process.send?.(message);
}

/** Child side: resolves with the next message of `type` from the orchestrator. */
export function receive(type: string): Promise<Message> {
  return new Promise((resolve) => {
    const onMessage = (raw: unknown) => {
      if (typeof raw === 'object' && raw !== null && 'type' in raw && raw.type === type) {
        process.off('message', onMessage);
        resolve(raw as Message);
      }
    };
    process.on('message', onMessage);
  });
}
