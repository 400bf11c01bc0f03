import { createDb, resolveDatabase } from '@enrollpay/db';
import { createDeps } from './deps.js';
import { loadEnvOrExit } from './env.js';
import { expectedMigrations, pendingMigrations, pendingMigrationsMessage } from './migrations-check.js';
import { startProcessorProcess } from './webhooks/processor-process.js';

/**
 * The webhook processor (`pnpm --filter @enrollpay/server start:processor`, `node dist/processor.js`):
 * applies the webhook events that API instances with WEBHOOK_PROCESSING=separate store. Same environment
 * as the API. On SIGINT/SIGTERM it stops claiming, lets the running batch commit, and exits 0; a batch
 * still running after 20 s is abandoned (exit 1: its transaction rolls back, another processor claims
 * the events again). See src/webhooks/README.md "Two topologies".
 */
async function main() {
  const env = loadEnvOrExit();
  const database = await resolveDatabase({ databaseUrl: env.DATABASE_URL });
  let warn: (error: Error) => void = (error) =>
    console.warn('database: idle connection closed:', error.message);
  const db = createDb({
    url: database.url,
    maxConnections: env.DATABASE_POOL_MAX,
    connectionTimeoutMillis: env.DATABASE_POOL_TIMEOUT_MS,
    onIdleConnectionError: (error) => warn(error),
  });
  const pending = await pendingMigrations(db, expectedMigrations());
  if (pending.length > 0) {
    console.error(pendingMigrationsMessage(pending));
    await db.$disconnect();
    await database.stop();
    process.exit(1);
  }
  const deps = createDeps(env, db, { databaseUrl: database.url });
  const processor = await startProcessorProcess(deps);
  warn = (error) =>
    processor.log.warn({ err: error }, 'database: an idle pool connection was closed by the server');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    processor.log.info({ signal }, 'webhook processor shutting down');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    await processor.close();
    await db.$disconnect();
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
