import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';

const SERVER_DIR = resolve(import.meta.dirname, '..');

/**
 * The real entry (`src/server.ts`) as a child process leading its own process group (stop it with
 * `process.kill(-pid, …)`), with an environment of only PATH, HOME, HOST=127.0.0.1 and `env`.
 */
export function spawnServerEntry(env: Record<string, string>): ChildProcessByStdio<null, Readable, Readable> {
  return spawnEntry('src/server.ts', env);
}

/** The webhook processor's entry (`src/processor.ts`) the same way: its own process group, only `env`. */
export function spawnProcessorEntry(
  env: Record<string, string>,
): ChildProcessByStdio<null, Readable, Readable> {
  return spawnEntry('src/processor.ts', env);
}

function spawnEntry(
  entry: string,
  env: Record<string, string>,
): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: SERVER_DIR,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', HOST: '127.0.0.1', ...env },
  });
}
