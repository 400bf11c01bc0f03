import { createDb, type Db, resolveDatabase } from '@enrollpay/db';
import type { FastifyBaseLogger } from 'fastify';
import { type AppDeps, createDeps } from './deps.js';
import { type Env, loadEnvOrExit } from './env.js';
import { expectedMigrations, pendingMigrations, pendingMigrationsMessage } from './migrations-check.js';

export interface OpenedProcess {
  env: Env;
  deps: AppDeps;
  /** From now on, an idle pool connection closed by the server is logged here (before: on the console). */
  logIdleConnectionErrorsTo(log: FastifyBaseLogger): void;
  /** Disconnects the pool and stops the embedded PostgreSQL, if this process started one. */
  closeDatabase(): Promise<void>;
}

/**
 * What every long-running process (the API, `server.ts`; the webhook processor, `processor.ts`) does
 * first: parse the environment (exit naming the variable when it is unsafe), resolve the database
 * (DATABASE_URL or the embedded one), open the pool, and refuse a database with pending migrations —
 * migrations are a release step (`pnpm db:migrate`), never run by a process.
 */
export async function openProcess(): Promise<OpenedProcess> {
  const env = loadEnvOrExit();
  const database = await resolveDatabase({ databaseUrl: env.DATABASE_URL });
  // The process's logger exists only later; an idle connection closed before then is still noted.
  let logIdleError: (error: Error) => void = (error) =>
    console.warn('database: idle connection closed:', error.message);
  const db: Db = createDb({
    url: database.url,
    maxConnections: env.DATABASE_POOL_MAX,
    connectionTimeoutMillis: env.DATABASE_POOL_TIMEOUT_MS,
    onIdleConnectionError: (error) => logIdleError(error),
  });
  const closeDatabase = async () => {
    await db.$disconnect();
    await database.stop();
  };
  const pending = await pendingMigrations(db, expectedMigrations());
  if (pending.length > 0) {
    console.error(pendingMigrationsMessage(pending));
    await closeDatabase();
    process.exit(1);
  }
  return {
    env,
    deps: createDeps(env, db, { databaseUrl: database.url }),
    logIdleConnectionErrorsTo(log) {
      logIdleError = (error) =>
        log.warn({ err: error }, 'database: an idle pool connection was closed by the server');
    },
    closeDatabase,
  };
}

/**
 * On SIGINT/SIGTERM: `close` (stop taking work, finish what runs), then the database, then exit 0; if
 * that takes longer than `graceMs`, exit 1 (open transactions roll back with the connection).
 */
export function stopOnSignals(
  log: FastifyBaseLogger,
  what: string,
  graceMs: number,
  close: () => Promise<void>,
  closeDatabase: () => Promise<void>,
): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, `${what} shutting down`);
    const force = setTimeout(() => process.exit(1), graceMs);
    force.unref();
    await close();
    await closeDatabase();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
