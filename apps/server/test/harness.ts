import { createDb, DEMO_ACCOUNTS, type DemoAccountKey, seedDemoData } from '@enrollpay/db';
import { createTestDatabase, type TestDatabase } from '@enrollpay/db/testing';
import { type Emulator, startEmulator } from '@enrollpay/stripe-emulator';
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { hashPassword } from '../src/auth/passwords.js';
import { type AppDeps, createDeps } from '../src/deps.js';
import { type EnvInput, loadEnv } from '../src/env.js';
import type { Clock } from '../src/lib/clock.js';
import type { AppRouter } from '../src/trpc/router.js';

export type Client = TRPCClient<AppRouter>;

export interface TestUser {
  id: string;
  email: string;
  role: 'LEARNER' | 'SPECIALIST' | 'ADMIN';
  token: string;
}

export interface TestStack {
  /** The API's base URL, e.g. http://127.0.0.1:43123 */
  url: string;
  app: FastifyInstance;
  deps: AppDeps;
  db: TestDatabase['db'];
  database: TestDatabase;
  emulator: Emulator;
  users: Record<DemoAccountKey, TestUser>;
  /** Seeded offerings by title. */
  offerings: {
    id: string;
    title: string;
    specialistId: string;
    priceAmount: number;
    currency: string;
    active: boolean;
  }[];
  /** A typed tRPC client over real HTTP, signed in as `user` (or anonymous). */
  clientFor(user?: TestUser | null, options?: { batch?: boolean; headers?: Record<string, string> }): Client;
  close(): Promise<void>;
}

export interface TestStackOptions {
  /** Register the server's webhook endpoint with the emulator (default true). */
  webhooks?: boolean;
  /**
   * Also register the Connect endpoint (/api/webhooks/stripe-connect) for connected accounts' events, as
   * `pnpm dev` does (default true; `false` only for a test of a platform without it).
   */
  connect?: boolean;
  clock?: Clock;
  env?: EnvInput;
  /** Emulator webhook retry delays in ms (fast by default). */
  retrySchedule?: number[];
  /** Give the app its own connection pool of this size and wait limit (overload tests). */
  pool?: { max: number; timeoutMs: number };
}

/**
 * The whole backend for a test: its own migrated database (with demo data), the Stripe emulator on a
 * random port delivering signed webhooks, and the real app listening on a random port.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const database = await createTestDatabase();
  const emulator = await startEmulator({
    port: 0,
    // CORS for the web app's origin only (the browser tests serve it on a port of their own).
    allowedOrigins: [options.env?.WEB_ORIGIN ?? 'http://localhost:3000'],
    retrySchedule: options.retrySchedule ?? [100, 200, 400, 800, 1600],
    webhookTimeoutMs: 5000,
    disputeDelayMs: 50,
    refundFailDelayMs: 50,
  });
  const env = loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    STRIPE_API_URL: emulator.url,
    RUN_WORKER: 'false',
    RATE_LIMIT_PER_MINUTE: '10000',
    SIGN_IN_LIMIT_PER_EMAIL: '10000',
    SIGN_IN_LIMIT_PER_IP: '10000',
    CONFIRM_LIMIT_PER_MINUTE: '10000',
    // Tests share two busy cores: no early 503s unless a test asks for them (test/security/overload.test.ts).
    // (A second in which a test blocks the loop, e.g. building rows, would otherwise refuse the next request.)
    OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0',
    OVERLOAD_POOL_QUEUE: '100000',
    OVERLOAD_POOL_WAIT_MS: '0',
    MAIL_DIR: `.data/test-mail/${process.pid}-${Date.now()}`,
    STRIPE_CONNECT_WEBHOOK_SECRET: 'whsec_enrollpay_test_connect_secret',
    ...options.env,
  });
  const appDb = options.pool
    ? createDb({
        url: database.url,
        maxConnections: options.pool.max,
        connectionTimeoutMillis: options.pool.timeoutMs,
      })
    : database.db;
  const deps = createDeps(env, appDb, options.clock ? { clock: options.clock } : {});
  const app = await buildApp({ deps, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const url = `http://127.0.0.1:${address.port}`;
  const secret = env.STRIPE_WEBHOOK_SECRET[0];
  if (options.webhooks !== false && secret) {
    emulator.controls.addWebhookTarget(`${url}/api/webhooks/stripe`, secret);
    if (options.connect !== false) {
      // The Connect endpoint, signed with its own secret: connected accounts' events (account, payouts).
      const connectSecret = env.STRIPE_CONNECT_WEBHOOK_SECRET[0] ?? secret;
      emulator.controls.addWebhookTarget(`${url}/api/webhooks/stripe-connect`, connectSecret, ['*'], true);
    }
  }

  const seeded = await seedDemoData(database.db, { hashPassword, nodeEnv: 'test' });
  const users = {} as Record<DemoAccountKey, TestUser>;
  for (const account of DEMO_ACCOUNTS) {
    const user = await database.db.user.findUniqueOrThrow({ where: { email: account.email } });
    const { token } = await deps.tokens.issue({ userId: user.id, role: user.role });
    users[account.key] = { id: user.id, email: user.email, role: user.role, token };
  }

  return {
    url,
    app,
    deps,
    db: database.db,
    database,
    emulator,
    users,
    offerings: seeded.created ? seeded.offerings : [],
    clientFor(user, clientOptions = {}) {
      const linkOptions = {
        url: `${url}/api/trpc`,
        headers: () => ({
          ...(user ? { authorization: `Bearer ${user.token}` } : {}),
          ...clientOptions.headers,
        }),
      };
      return createTRPCClient<AppRouter>({
        links: [
          splitLink({
            condition: (op) => op.type === 'subscription',
            // Subscriptions over Server-Sent Events, the token in the Authorization header as the web app
            // sends it (an EventSource on fetch: the `eventsource` package).
            true: httpSubscriptionLink({
              url: linkOptions.url,
              EventSource,
              eventSourceOptions: () => ({
                fetch: (input, init) =>
                  fetch(input, { ...init, headers: { ...init.headers, ...linkOptions.headers() } }),
              }),
            }),
            false: clientOptions.batch ? httpBatchLink(linkOptions) : httpLink(linkOptions),
          }),
        ],
      });
    },
    async close() {
      await app.close();
      await emulator.close();
      if (appDb !== database.db) await appDb.$disconnect();
      await database.drop();
    },
  };
}

/** Polls `check` until it returns a truthy value (webhooks arrive asynchronously). */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}
