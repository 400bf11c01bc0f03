import { IncomingMessage, type OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import cors from '@fastify/cors';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { Gauge } from 'prom-client';
import type { AppDeps } from './deps.js';
import { RateLimitedError } from './errors.js';
import { exportRoutes } from './exports/plugin.js';
import { type BackgroundWorker, startWorker } from './jobs/worker.js';
import { lazyChildLoggerFactory, loggerOptions } from './logger.js';
import { devMailboxRoutes } from './mail/dev-mailbox.js';
import { metricsRoutes } from './metrics/plugin.js';
import { OVERLOAD_RETRY_AFTER_SECONDS, overloadGuard } from './overload.js';
import { createContext } from './trpc/context.js';
import { MAX_BATCH_SIZE } from './trpc/init.js';
import { type AppRouter, appRouter } from './trpc/router.js';
import { webAppRoutes } from './web-app.js';
import {
  createWebhookProcessor,
  storeOnlyProcessor,
  type WebhookProcessor,
} from './webhooks/in-process-queue.js';
import { webhookRoutes } from './webhooks/plugin.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Applies stored webhook events in this process; `idle()` resolves when it has nothing left. */
    webhookProcessor: WebhookProcessor;
  }
}

export interface BuildAppOptions {
  deps: AppDeps;
  /** Override Fastify's logger (tests pass false or a capturing stream). */
  logger?: boolean | Record<string, unknown>;
  /** Serve the built web app from this directory on the same origin (production). */
  webDistDir?: string | undefined;
  /**
   * What applies stored webhook events; default: the in-process batch loop. The bench passes one that
   * applies nothing, to measure the durable receipt alone.
   */
  webhookProcessor?: WebhookProcessor;
}

/** Builds the HTTP app without listening: server.ts listens, tests use inject() or listen on port 0. */
export async function buildApp({
  deps,
  logger,
  webDistDir,
  webhookProcessor: givenProcessor,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? loggerOptions(deps.env),
    // Each request's child logger (with its reqId) is built only when the request logs a line.
    childLoggerFactory: lazyChildLoggerFactory,
    // Batched tRPC calls put every procedure name in the path; Fastify's default (100) 404s them.
    routerOptions: { maxParamLength: 5000 },
    bodyLimit: 1024 * 1024,
    trustProxy: trustProxyOption(deps.env.TRUST_PROXY),
  });

  // Security headers on every response. helmet sets the same headers on every response (no nonces), so
  // they are computed once here, from helmet itself, and each reply gets the same object: no helmet
  // middleware chain and no per-header validation per request (Node validates them once, when the
  // reply writes its head). @fastify/helmet rebuilt helmet per request, at about the cost of
  // verifying a webhook signature. Measured: webhooks/README.md.
  const securityHeaders = headersSetBy(
    helmet({
      // API only: JSON, nothing to run. With the web app on this origin: its policy, which allows Stripe.js.
      contentSecurityPolicy: {
        directives: webDistDir
          ? webAppCsp(deps.env.STRIPE_API_URL)
          : { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      },
      // Stripe.js's 3-D Secure frames must be able to open; same-origin-only for everything else.
      crossOriginEmbedderPolicy: false,
    }),
  );
  // Callback-style hooks: an async hook costs every request a promise and a microtask.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  app.addHook('onResponse', (_request, reply, done) => {
    deps.metrics.httpResponses.inc({ status_class: `${Math.floor(reply.statusCode / 100)}xx` });
    done();
  });
  await app.register(cors, {
    origin: [deps.env.WEB_ORIGIN],
    credentials: false,
    methods: ['GET', 'POST', 'OPTIONS'],
  });

  // Overload: refuse early (503 + Retry-After) rather than fail late; after CORS, so a
  // browser can read the refusal.
  await app.register(overloadGuard, {
    db: deps.db,
    env: deps.env,
    onRefused: (reason) => deps.metrics.httpRefused.inc({ reason }),
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await deps.db.$queryRaw`SELECT 1`;
      return { status: 'ready' };
    } catch (error) {
      app.log.warn({ err: error }, 'readiness check failed: database unreachable');
      return reply.code(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: '/api/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: (opts) => createContext(deps, opts),
      // Every call of a batch is a procedure call (each counts against the rate limits); a batch is capped.
      maxBatchSize: MAX_BATCH_SIZE,
      // CORS answers depend on Origin; tRPC sets its own Vary, so Origin is appended to it. Refusals
      // that a retry can cure say when to retry.
      responseMeta: ({ errors }) => {
        const headers = new Headers([['vary', 'Origin']]);
        const retryAfter = Math.max(
          0,
          ...errors.map((e) =>
            e.cause instanceof RateLimitedError
              ? e.cause.retryAfterSeconds
              : e.code === 'SERVICE_UNAVAILABLE'
                ? OVERLOAD_RETRY_AFTER_SECONDS
                : 0,
          ),
        );
        if (retryAfter > 0) headers.set('retry-after', String(retryAfter));
        return { headers };
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  // Stripe webhooks: an encapsulated plugin with its own raw-body parser and error handler.
  // WEBHOOK_PROCESSING=separate: this process only stores and answers; src/processor.ts applies.
  const webhookProcessor =
    givenProcessor ??
    (deps.env.WEBHOOK_PROCESSING === 'separate'
      ? storeOnlyProcessor()
      : createWebhookProcessor(deps, app.log.child({ component: 'webhooks' })));
  app.decorate('webhookProcessor', webhookProcessor);
  await app.register(webhookRoutes, { deps, processor: webhookProcessor });
  // CSV exports: a plain route plugin (Bearer token, streamed from keyset pages).
  await app.register(exportRoutes, { deps });
  await app.register(metricsRoutes, { metrics: deps.metrics, token: deps.env.METRICS_TOKEN });
  if (deps.env.devFeatures) await app.register(devMailboxRoutes, { env: deps.env });
  if (webDistDir) await app.register(webAppRoutes, { root: webDistDir });

  // Background work (webhook retries, outbox emails, hourly reconciliation) when RUN_WORKER is on.
  let worker: BackgroundWorker | null = null;
  if (deps.env.RUN_WORKER) {
    app.addHook('onReady', async () => {
      worker = await startWorker(deps, app.log.child({ component: 'worker' }));
    });
  }
  deps.paymentStatus.useLog(app.log.child({ component: 'payment-status' }));
  const streamsGauge = 'enrollpay_status_streams_open';
  if (!deps.metrics.registry.getSingleMetric(streamsGauge)) {
    new Gauge({
      name: streamsGauge,
      help: 'Open payments.onStatus streams (Server-Sent Events) on this instance; STATUS_STREAMS_MAX caps it',
      registers: [deps.metrics.registry],
      collect() {
        this.set(deps.paymentStatus.size);
      },
    });
  }
  // Before the server waits for open connections: end the status streams (their clients reconnect to
  // another instance), or closing would wait for them.
  app.addHook('preClose', async () => {
    await deps.paymentStatus.close();
  });
  app.addHook('onClose', async () => {
    await webhookProcessor.close();
    await worker?.stop();
    await deps.jobs.close();
    deps.mailer.close();
  });

  return app;
}

/**
 * The web app's Content-Security-Policy: our own scripts only, plus Stripe.js (js.stripe.com, its
 * frames and API), or the emulator's stand-in when STRIPE_API_URL is set (allowed in production only
 * with ALLOW_STRIPE_EMULATOR). Styles allow 'unsafe-inline' for React's style attributes.
 */
export function webAppCsp(stripeApiUrl: string | undefined): Record<string, string[]> {
  const emulator = stripeApiUrl ? [new URL(stripeApiUrl).origin] : [];
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", 'https://js.stripe.com', ...emulator],
    frameSrc: ['https://js.stripe.com', 'https://hooks.stripe.com', ...emulator],
    connectSrc: ["'self'", 'https://api.stripe.com', ...emulator],
    imgSrc: ["'self'", 'data:', 'https://*.stripe.com'],
    styleSrc: ["'self'", "'unsafe-inline'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

/**
 * The headers a Node-style middleware (helmet) sets on a response, read from one throwaway response: it
 * must set the same headers on every response and answer synchronously (helmet without nonces does).
 */
function headersSetBy(
  middleware: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void,
): OutgoingHttpHeaders {
  const req = new IncomingMessage(new Socket());
  const res = new ServerResponse(req);
  let called = false;
  middleware(req, res, (error) => {
    if (error) throw error;
    called = true;
  });
  if (!called) throw new Error('the security-headers middleware did not answer synchronously');
  return res.getHeaders();
}

/** TRUST_PROXY as Fastify takes it: a hop count becomes "trust the first n hops". */
function trustProxyOption(
  value: boolean | number | string,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value === 'number') return (_address, hop) => hop < value;
  if (typeof value === 'string') return value.split(',').map((s) => s.trim());
  return value;
}
