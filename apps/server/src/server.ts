import { createDb, resolveDatabase } from '@enrollpay/db';
import { buildApp } from './app.js';
import { createDeps } from './deps.js';
import { loadEnvOrExit } from './env.js';

/** Starts the API: parse env, connect, listen; on SIGINT/SIGTERM stop taking requests, finish, close. */
async function main() {
  const env = loadEnvOrExit();
  const database = await resolveDatabase({ databaseUrl: env.DATABASE_URL });
  const db = createDb({ url: database.url });
  const deps = createDeps(env, db, { databaseUrl: database.url });
  const app = await buildApp({ deps });

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
