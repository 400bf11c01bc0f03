import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppDeps } from './deps.js';
import { exportRoutes } from './exports/plugin.js';
import { type BackgroundWorker, startWorker } from './jobs/worker.js';
import { loggerOptions } from './logger.js';
import { devMailboxRoutes } from './mail/dev-mailbox.js';
import { metricsRoutes } from './metrics/plugin.js';
import { createContext } from './trpc/context.js';
import { type AppRouter, appRouter } from './trpc/router.js';
import { webhookRoutes } from './webhooks/plugin.js';
import { createWebhookProcessor, type WebhookProcessor } from './webhooks/processor.js';

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
}

/** Builds the HTTP app without listening: server.ts listens, tests use inject() or listen on port 0. */
export async function buildApp({ deps, logger }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? loggerOptions(deps.env),
    // Batched tRPC calls put every procedure name in the path; Fastify's default (100) 404s them.
    routerOptions: { maxParamLength: 5000 },
    bodyLimit: 1024 * 1024,
    trustProxy: trustProxyOption(deps.env.TRUST_PROXY),
  });

  await app.register(helmet, {
    // The API serves JSON only; the web app sets its own CSP.
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  });
  await app.register(cors, {
    origin: [deps.env.WEB_ORIGIN],
    credentials: false,
    methods: ['GET', 'POST', 'OPTIONS'],
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
      // CORS answers depend on Origin; tRPC sets its own Vary, so Origin is appended to it.
      responseMeta: () => ({ headers: new Headers([['vary', 'Origin']]) }),
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  // Stripe webhooks: an encapsulated plugin with its own raw-body parser and error handler.
  const webhookProcessor = createWebhookProcessor(deps, app.log.child({ component: 'webhooks' }));
  app.decorate('webhookProcessor', webhookProcessor);
  await app.register(webhookRoutes, { deps, processor: webhookProcessor });
  // CSV exports: a plain route plugin (Bearer token, streamed from keyset pages).
  await app.register(exportRoutes, { deps });
  await app.register(metricsRoutes, { metrics: deps.metrics, token: deps.env.METRICS_TOKEN });
  if (deps.env.NODE_ENV !== 'production') await app.register(devMailboxRoutes, { env: deps.env });

  // Background work (webhook retries, outbox emails, hourly reconciliation) when RUN_WORKER is on.
  let worker: BackgroundWorker | null = null;
  if (deps.env.RUN_WORKER) {
    app.addHook('onReady', async () => {
      worker = await startWorker(deps, app.log.child({ component: 'worker' }));
    });
  }
  app.addHook('onClose', async () => {
    await webhookProcessor.close();
    await worker?.stop();
    await deps.jobs.close();
    deps.mailer.close();
  });

  return app;
}

/** TRUST_PROXY as Fastify takes it: a hop count becomes "trust the first n hops". */
function trustProxyOption(
  value: boolean | number | string,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value === 'number') return (_address, hop) => hop < value;
  if (typeof value === 'string') return value.split(',').map((s) => s.trim());
  return value;
}
