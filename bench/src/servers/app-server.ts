// The real enrollpay API in its own process, for the load generator to hit over loopback. Configured
// by environment variables like the real server (loadEnv). With BENCH_REQUEST_ACCOUNTING=true (the
// createIntent benchmark), one bench-only addition: every response carries `x-bench-stripe-ms` /
// `x-bench-stripe-calls`, the time this request spent waiting for Stripe (the SDK's own `response`
// event `elapsed`), so callers can subtract it; and `x-bench-sql-statements`, the SQL statements it
// sent (counted on the pg connections; exact while the pool has a free connection, as in the low-rate
// runs the bench takes this figure from). Where stored webhook events are applied is the server's own
// WEBHOOK_PROCESSING: `inline` (its batch loop) or `separate` (nothing here applies them: the webhook
// benchmark's production topology runs `processor-server.ts` beside it, and its receipt-alone phase
// runs none).
import { AsyncLocalStorage } from 'node:async_hooks';
import { createDb } from '@enrollpay/db';
import { buildApp, createDeps, loadEnv } from '@enrollpay/server';
import type { FastifyRequest } from 'fastify';
import type Stripe from 'stripe';
import { report } from '../child.js';

interface StripeTime {
  ms: number;
  calls: number;
  /** SQL statements this request sent to PostgreSQL (counted on the pg connections). */
  statements: number;
}

async function main() {
  // tsx (which runs this file) turns on source-mapped stack traces; production (`node dist/server.js`)
  // runs without them. With them on, every `new Error().stack` is mapped through the source maps: the
  // Stripe SDK captures one per request (0.3 ms each here), so the bench would charge us for a cost
  // production does not have. BENCH_SOURCE_MAPS=true keeps them on.
  if (process.env.BENCH_SOURCE_MAPS !== 'true') process.setSourceMapsEnabled(false);
  const env = loadEnv(process.env);
  // The per-request accounting (AsyncLocalStorage, a hook on every pg statement, two hooks per request)
  // costs CPU on every request: only the benchmarks that read the x-bench-* headers turn it on.
  const accounting = process.env.BENCH_REQUEST_ACCOUNTING === 'true';
  const stripeTime = new AsyncLocalStorage<StripeTime>();
  const db = createDb({
    url: env.DATABASE_URL ?? '',
    maxConnections: Number(process.env.BENCH_DB_POOL ?? 10),
    connectionTimeoutMillis: env.DATABASE_POOL_TIMEOUT_MS,
    ...(accounting
      ? {
          onStatement: () => {
            const store = stripeTime.getStore();
            if (store) store.statements += 1;
          },
        }
      : {}),
  });
  const deps = createDeps(env, db);
  const app = await buildApp({ deps });

  if (accounting) {
    const perRequest = new WeakMap<FastifyRequest, StripeTime>();
    deps.stripe.on('response', (event: Stripe.ResponseEvent) => {
      const store = stripeTime.getStore();
      if (store) {
        store.ms += event.elapsed;
        store.calls += 1;
      }
    });
    app.addHook('onRequest', (request, _reply, done) => {
      const store = { ms: 0, calls: 0, statements: 0 };
      perRequest.set(request, store);
      stripeTime.run(store, done);
    });
    app.addHook('onSend', async (request, reply) => {
      const store = perRequest.get(request);
      if (store) {
        reply.header('x-bench-stripe-ms', store.ms.toFixed(3));
        reply.header('x-bench-stripe-calls', String(store.calls));
        reply.header('x-bench-sql-statements', String(store.statements));
      }
    });
  }

  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');

  const shutdown = async () => {
    await app.close();
    await db.$disconnect();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  report({ type: 'ready', url: `http://127.0.0.1:${address.port}` });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
