import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDb, resolveDatabase } from '@enrollpay/db';
import { buildApp } from './app.js';
import { createDeps } from './deps.js';
import { loadEnvOrExit } from './env.js';
import { expectedMigrations, pendingMigrations, pendingMigrationsMessage } from './migrations-check.js';

/** Starts the API: parse env, connect, listen; on SIGINT/SIGTERM stop taking requests, finish, close. */
async function main() {
  const env = loadEnvOrExit();
  const database = await resolveDatabase({ databaseUrl: env.DATABASE_URL });
  // The app's logger exists only after buildApp; an idle connection closed before then is still noted.
  let log: (error: Error) => void = (error) =>
    console.warn('database: idle connection closed:', error.message);
  const db = createDb({
    url: database.url,
    maxConnections: env.DATABASE_POOL_MAX,
    connectionTimeoutMillis: env.DATABASE_POOL_TIMEOUT_MS,
    onIdleConnectionError: (error) => log(error),
  });
  // Migrations are a release step (`pnpm db:migrate`), never run by the server: refuse a database without them.
  const pending = await pendingMigrations(db, expectedMigrations());
  if (pending.length > 0) {
    console.error(pendingMigrationsMessage(pending));
    await db.$disconnect();
    await database.stop();
    process.exit(1);
  }
  const deps = createDeps(env, db, { databaseUrl: database.url });
  // A build (dist/server.js) serves the web app it was packaged with (dist/web) unless WEB_DIST_DIR says otherwise.
  const builtWeb = join(import.meta.dirname, 'web');
  const webDistDir = env.WEB_DIST_DIR || (existsSync(join(builtWeb, 'index.html')) ? builtWeb : undefined);
  const app = await buildApp({ deps, webDistDir });
  log = (error) => app.log.warn({ err: error }, 'database: an idle pool connection was closed by the server');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await db.$disconnect();
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: env.PORT, host: env.HOST });
}

void main();
