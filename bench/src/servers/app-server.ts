// The real enrollpay API in its own process, for the load generator to hit over loopback. Configured
// by environment variables like the real server (loadEnv). With BENCH_REQUEST_ACCOUNTING=true (the
// createIntent benchmark), one bench-only addition: every response carries `x-bench-stripe-ms` /
// `x-bench-stripe-calls`, the time this request spent waiting for Stripe, so callers can subtract it;
// `x-bench-stripe-ms-sdk`, the same from the SDK's own `response` event `elapsed` (whole milliseconds:
// kept for comparison with earlier runs); and `x-bench-sql-statements`, the SQL statements it
// sent (counted on the pg connections; exact while the pool has a free connection, as in the low-rate
// runs the bench takes this figure from). Where stored webhook events are applied is the server's own
// WEBHOOK_PROCESSING: `inline` (its batch loop) or `separate` (nothing here applies them: the webhook
// benchmark's production topology runs `processor-server.ts` beside it, and its receipt-alone phase
// runs none).
import { AsyncLocalStorage } from 'node:async_hooks';
import { createDb } from '@enrollpay/db';
import { buildApp, createDeps, createStripeClient, loadEnv } from '@enrollpay/server';
import type { FastifyRequest } from 'fastify';
import Stripe from 'stripe';
import { report } from '../child.js';

interface StripeTime {
  /** Waiting for Stripe, timed by `timedHttpClient` (sub-millisecond). */
  ms: number;
  /** The same, as the SDK's `response` events report it (`elapsed`, whole milliseconds each). */
  sdkMs: number;
  calls: number;
  /** SQL statements this request sent to PostgreSQL (counted on the pg connections). */
  statements: number;
}

/**
 * The SDK's own Node HTTP client, timed: from the moment the SDK has handed it the request to the moment
 * Stripe's response headers are in, the same stretch as the SDK's `elapsed` (RequestSender starts its
 * clock right after `makeRequest` and stops it when the response arrives, before reading the body), but
 * with performance.now() instead of Date.now(), whose whole milliseconds are as large as one call to the
 * emulator. Reading and parsing the body stay our share, as they are the SDK's work in our process.
 */
function timedHttpClient(stripeTime: AsyncLocalStorage<StripeTime>): Stripe.HttpClient {
  const inner = Stripe.createNodeHttpClient();
  return {
    getClientName: () => inner.getClientName(),
    makeRequest: (host, port, path, method, headers, body, protocol, timeout) => {
      const request = inner.makeRequest(host, port, path, method, headers, body, protocol, timeout);
      const started = performance.now();
      const store = stripeTime.getStore();
      return request.then((response) => {
        if (store) store.ms += performance.now() - started;
        return response;
      });
    },
  };
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
  const deps = createDeps(
    env,
    db,
    accounting ? { stripe: createStripeClient(env, { httpClient: timedHttpClient(stripeTime) }) } : {},
  );
  const app = await buildApp({ deps });

  if (accounting) {
    const perRequest = new WeakMap<FastifyRequest, StripeTime>();
    deps.stripe.on('response', (event: Stripe.ResponseEvent) => {
      const store = stripeTime.getStore();
      if (store) {
        store.sdkMs += event.elapsed;
        store.calls += 1;
      }
    });
    app.addHook('onRequest', (request, _reply, done) => {
      const store = { ms: 0, sdkMs: 0, calls: 0, statements: 0 };
      perRequest.set(request, store);
      stripeTime.run(store, done);
    });
    app.addHook('onSend', async (request, reply) => {
      const store = perRequest.get(request);
      if (store) {
        reply.header('x-bench-stripe-ms', store.ms.toFixed(3));
        reply.header('x-bench-stripe-ms-sdk', String(store.sdkMs));
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
