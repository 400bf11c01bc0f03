import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import Stripe from 'stripe';
import { type Clock, EmulatorClock, Scheduler } from './clock.js';
import type { Ctx, Timings } from './context.js';
import { AUTOMATIC } from './context.js';
import { StripeApiError } from './errors.js';
import { challengePage, receiptPage } from './pages.js';
import { completeOnboarding, requireInformation } from './resources/accounts.js';
import { registerConnectPages } from './resources/connect-pages.js';
import { closeDispute, getDispute } from './resources/disputes.js';
import { authenticate } from './resources/payment-intents.js';
import { arrivePayout, createScheduledPayouts, failPayout, startPayoutClock } from './resources/payouts.js';
import { SCENARIOS, type ScenarioResult } from './scenarios.js';
import { type ApiControls, buildServer, standInScript } from './server.js';
import { type EmulatorEvent, Store } from './store.js';
import {
  type DeliveryAttempt,
  type DeliveryControls,
  WebhookDispatcher,
  type WebhookTarget,
} from './webhooks.js';

export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. Default 12111. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * Delivery targets besides registered webhook endpoints (e.g. from --webhook-url / env).
   * `connect: true` makes a Connect endpoint: it gets the events of connected accounts only.
   */
  webhooks?: { url: string; secret: string; enabledEvents?: string[]; connect?: boolean }[];
  /** Delays in ms before each webhook retry. Default: 5 s doubling, 8 retries. */
  retrySchedule?: number[];
  /** Timeout of one delivery attempt in ms. Default 10 000. */
  webhookTimeoutMs?: number;
  /** Base clock (the emulator adds its own advanceable offset). Default: the system clock. */
  clock?: Clock;
  /** Keep state in this JSON file across restarts. */
  snapshotFile?: string;
  /** Log requests and deliveries to stdout. */
  log?: boolean;
  /** Delay before a `pm_card_createDispute` payment is disputed. Default 2000 ms. */
  disputeDelayMs?: number;
  /** Delay before a `pm_card_refundFail` refund fails. Default 2000 ms. */
  refundFailDelayMs?: number;
  /** URL the emulator is reached at, if not http://host:port (used in receipt/3-D Secure links). */
  publicUrl?: string;
  /**
   * The token every `/_emulator/*` control except `/_emulator/health` requires, as
   * `Authorization: Bearer <token>`. Default: a random one (see `Emulator.controlToken`).
   */
  controlToken?: string;
  /**
   * Web origins whose browser pages may call the API (CORS), as a page calls api.stripe.com.
   * Default: the development web app, http://localhost:3000 and http://127.0.0.1:3000.
   */
  allowedOrigins?: string[];
}

export const DEFAULT_ALLOWED_ORIGINS = ['http://localhost:3000', 'http://127.0.0.1:3000'];

export const DEFAULT_PORT = 12111;
export const DEFAULT_RETRY_SCHEDULE = [5, 10, 20, 40, 80, 160, 320, 640].map((s) => s * 1000);

export interface Emulator {
  /** e.g. `http://127.0.0.1:12111` */
  url: string;
  port: number;
  host: string;
  /** Options for `new Stripe(key, emulator.stripeConfig)`. */
  stripeConfig: { host: string; port: number; protocol: 'http' };
  store: Store;
  webhooks: WebhookDispatcher;
  controls: EmulatorControlsApi;
  /** The token the `/_emulator/*` HTTP controls require (`new EmulatorControls(url, token)`). */
  controlToken: string;
  close(): Promise<void>;
}

/** The same operations the `/_emulator/*` HTTP controls expose, for in-process use. */
export interface EmulatorControlsApi {
  pauseDelivery(): void;
  resumeDelivery(): void;
  dropNext(count: number): void;
  duplicate(enabled: boolean): void;
  shuffle(enabled: boolean): void;
  resend(eventId: string, endpointId?: string): number;
  advanceClock(ms: number): number;
  reset(): void;
  resolveDispute(disputeId: string, outcome: 'won' | 'lost'): Stripe.Dispute;
  authenticate(paymentIntentId: string, outcome: 'complete' | 'fail'): Stripe.PaymentIntent;
  trigger(event: string): Promise<ScenarioResult>;
  deliveries(filter?: { eventId?: string; endpointId?: string }): DeliveryAttempt[];
  events(type?: string): EmulatorEvent[];
  addWebhookTarget(url: string, secret: string, enabledEvents?: string[], connect?: boolean): WebhookTarget;
  /** What the onboarding page's "Complete onboarding" button does (optionally with a test bank account number). */
  completeOnboarding(accountId: string, bankAccountNumber?: string): Stripe.Account;
  /** Stripe asks the account for more information; with a `disabledReason` charges and payouts stop. */
  requireInformation(
    accountId: string,
    currentlyDue: string[],
    disabledReason?: string | null,
  ): Stripe.Account;
  /** The bank rejects a pending payout: `payout.failed`, the money returns to the balance. */
  failPayout(payoutId: string, failureCode?: string): Stripe.Payout;
  /** A pending payout arrives now: paid, or failed if its bank account is a failing test account. */
  arrivePayout(payoutId: string): Stripe.Payout;
  /** Runs today's scheduled payouts now (as the 00:00 UTC run would), e.g. to seed a payout history. */
  runPayouts(): Stripe.Payout[];
  /** Resolves when no webhook delivery is queued or in flight. */
  idle(): Promise<void>;
  deliveryControls(): DeliveryControls;
}

function bodyOf(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? Object.fromEntries(Object.entries(body))
    : {};
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const logEnabled = options.log ?? false;
  const log = (msg: string) => {
    if (logEnabled) console.log(`[stripe-emulator] ${msg}`);
  };
  const clock = new EmulatorClock(options.clock);
  const scheduler = new Scheduler(clock);
  const store = new Store();
  if (options.snapshotFile && store.loadFrom(options.snapshotFile))
    log(`state loaded from ${options.snapshotFile}`);
  let staticCounter = 0;
  const staticTargets: WebhookTarget[] = (options.webhooks ?? []).map((w) => ({
    id: `cli_${++staticCounter}`,
    url: w.url,
    secret: w.secret,
    enabledEvents: w.enabledEvents ?? ['*'],
    connect: w.connect ?? false,
  }));
  const initialTargets = staticTargets.length;
  const webhooks = new WebhookDispatcher(store, scheduler, staticTargets, {
    retrySchedule: options.retrySchedule ?? DEFAULT_RETRY_SCHEDULE,
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
    log,
  });
  let baseUrl = options.publicUrl ?? '';
  let saveTimer: NodeJS.Timeout | undefined;
  const timings: Timings = {
    disputeDelayMs: options.disputeDelayMs ?? 2000,
    refundFailDelayMs: options.refundFailDelayMs ?? 2000,
  };
  const ctx: Ctx = {
    store,
    scheduler,
    webhooks,
    timings,
    apiVersion: Stripe.API_VERSION,
    baseUrl: () => baseUrl,
    changed: () => {
      const file = options.snapshotFile;
      if (!file || saveTimer) return;
      saveTimer = setTimeout(() => {
        saveTimer = undefined;
        store.saveTo(file);
      }, 200);
    },
  };
  const apiControls: ApiControls = { latencyMs: 0, rateLimitNext: 0 };

  const controls: EmulatorControlsApi = {
    pauseDelivery: () => webhooks.pause(),
    resumeDelivery: () => webhooks.resume(),
    dropNext: (count) => {
      webhooks.controls.dropNext = count;
    },
    duplicate: (enabled) => {
      webhooks.controls.duplicate = enabled;
    },
    shuffle: (enabled) => {
      webhooks.controls.shuffle = enabled;
    },
    resend: (eventId, endpointId) => {
      const event = store.events.get(eventId);
      if (!event)
        throw new StripeApiError(404, {
          type: 'invalid_request_error',
          code: 'resource_missing',
          message: `No such event: '${eventId}'`,
        });
      return webhooks.enqueue(event, endpointId);
    },
    advanceClock: (ms) => {
      scheduler.advance(ms);
      return clock.now();
    },
    reset: () => {
      // Targets added at run time go; those given at start-up stay.
      staticTargets.length = initialTargets;
      scheduler.clear();
      webhooks.reset();
      store.clear();
      clock.offsetMs = 0;
      apiControls.latencyMs = 0;
      apiControls.rateLimitNext = 0;
      startPayoutClock(ctx);
      ctx.changed();
    },
    resolveDispute: (id, outcome) => closeDispute(ctx, getDispute(ctx, id), outcome, AUTOMATIC),
    authenticate: (id, outcome) => authenticate(ctx, id, outcome),
    trigger: async (event) => {
      const run = SCENARIOS[event];
      if (!run) {
        throw new StripeApiError(400, {
          type: 'invalid_request_error',
          message: `Unknown scenario '${event}'. Known: ${Object.keys(SCENARIOS).join(', ')}`,
        });
      }
      return { scenario: event, objects: await run(ctx) };
    },
    deliveries: (filter = {}) =>
      webhooks.log.filter(
        (d) =>
          (!filter.eventId || d.eventId === filter.eventId) &&
          (!filter.endpointId || d.endpointId === filter.endpointId),
      ),
    events: (type) => [...store.events.values()].filter((e) => !type || e.type === type),
    addWebhookTarget: (url, secret, enabledEvents = ['*'], connect = false) => {
      const target: WebhookTarget = { id: `cli_${++staticCounter}`, url, secret, enabledEvents, connect };
      staticTargets.push(target);
      return target;
    },
    completeOnboarding: (accountId, bankAccountNumber) =>
      completeOnboarding(ctx, accountId, bankAccountNumber),
    requireInformation: (accountId, currentlyDue, disabledReason = null) =>
      requireInformation(ctx, accountId, currentlyDue, disabledReason),
    failPayout: (payoutId, failureCode = 'account_closed') => failPayout(ctx, payoutId, failureCode),
    arrivePayout: (payoutId) => arrivePayout(ctx, payoutId),
    runPayouts: () => createScheduledPayouts(ctx, scheduler.nowSeconds()),
    idle: () => webhooks.idle(),
    deliveryControls: () => ({ ...webhooks.controls }),
  };

  const controlToken = options.controlToken ?? randomBytes(24).toString('hex');
  const app = buildServer(ctx, apiControls, log, options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS);
  guardControlRoutes(app, ctx, controlToken);
  registerControlRoutes(app, controls, apiControls);
  registerBrowserRoutes(app, ctx, controls);
  registerConnectPages(app, ctx);
  startPayoutClock(ctx);

  await app.listen({ port: options.port ?? DEFAULT_PORT, host });
  const address = app.server.address() as AddressInfo;
  const port = address.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!baseUrl) baseUrl = url;
  log(`listening on ${url}`);

  return {
    url,
    port,
    host,
    stripeConfig: { host, port, protocol: 'http' },
    store,
    webhooks,
    controls,
    controlToken,
    close: async () => {
      scheduler.close();
      webhooks.reset();
      if (saveTimer) clearTimeout(saveTimer);
      if (options.snapshotFile) store.saveTo(options.snapshotFile);
      await app.close();
    },
  };
}

/**
 * `/_emulator/*` controls can post signed events into the API the emulator delivers to, so they need
 * the control token. Two exceptions: `/_emulator/health`, and the 3-D Secure answer the Stripe.js
 * stand-in posts from the browser, which (like Stripe's own page) is authorised by the intent's
 * client_secret.
 */
function guardControlRoutes(app: FastifyInstance, ctx: Ctx, token: string): void {
  const expected = Buffer.from(token);
  app.addHook('preHandler', async (req, reply) => {
    const path = req.url.split('?', 1)[0] ?? '';
    if (!path.startsWith('/_emulator/') || path === '/_emulator/health') return;
    const given = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (
      given &&
      Buffer.from(given).length === expected.length &&
      timingSafeEqual(Buffer.from(given), expected)
    )
      return;
    const authenticate = /^\/_emulator\/payment_intents\/([^/]+)\/authenticate$/.exec(path);
    if (authenticate) {
      const body = req.body as { client_secret?: unknown } | undefined;
      const intent = ctx.store.paymentIntents.get(decodeURIComponent(authenticate[1] ?? ''));
      if (intent && typeof body?.client_secret === 'string' && body.client_secret === intent.client_secret)
        return;
    }
    return reply.code(401).send({
      error: {
        type: 'invalid_request_error',
        message:
          'The /_emulator controls need the emulator control token: send "Authorization: Bearer <token>" (pnpm dev prints it; startEmulator() returns it as controlToken).',
      },
    });
  });
}

function registerControlRoutes(app: FastifyInstance, c: EmulatorControlsApi, api: ApiControls): void {
  const num = (v: unknown, name: string): number => {
    const n = typeof v === 'string' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isFinite(n)) {
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        message: `Expected a number in '${name}'`,
        param: name,
      });
    }
    return n;
  };
  const wrap =
    (
      fn: (
        body: Record<string, unknown>,
        params: Record<string, string>,
        query: Record<string, unknown>,
      ) => unknown,
    ) =>
    async (
      req: { body: unknown; params: unknown; query: unknown },
      reply: { code(n: number): { send(b: unknown): unknown } },
    ) => {
      try {
        const params = bodyOf(req.params);
        const result = await fn(
          bodyOf(req.body),
          Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
          bodyOf(req.query),
        );
        return reply.code(200).send(result ?? { ok: true });
      } catch (e) {
        if (e instanceof StripeApiError) return reply.code(e.statusCode).send(e.toJSON());
        throw e;
      }
    };
  app.get(
    '/_emulator/health',
    wrap(() => ({ ok: true })),
  );
  app.post(
    '/_emulator/webhooks/pause',
    wrap(() => c.pauseDelivery()),
  );
  app.post(
    '/_emulator/webhooks/resume',
    wrap(() => c.resumeDelivery()),
  );
  app.post(
    '/_emulator/webhooks/drop',
    wrap((b) => c.dropNext(num(b.count ?? 1, 'count'))),
  );
  app.post(
    '/_emulator/webhooks/duplicate',
    wrap((b) => c.duplicate(b.enabled !== false)),
  );
  app.post(
    '/_emulator/webhooks/shuffle',
    wrap((b) => c.shuffle(b.enabled !== false)),
  );
  app.get(
    '/_emulator/webhooks/controls',
    wrap(() => c.deliveryControls()),
  );
  app.post(
    '/_emulator/webhooks/idle',
    wrap(async () => c.idle()),
  );
  app.post(
    '/_emulator/webhooks/targets',
    wrap((b) => {
      if (typeof b.url !== 'string' || typeof b.secret !== 'string') {
        throw new StripeApiError(400, {
          type: 'invalid_request_error',
          message: 'url and secret are required',
        });
      }
      const events = Array.isArray(b.enabled_events)
        ? b.enabled_events.filter((e): e is string => typeof e === 'string')
        : undefined;
      return c.addWebhookTarget(b.url, b.secret, events, b.connect === true);
    }),
  );
  app.get(
    '/_emulator/deliveries',
    wrap((_b, _p, q) => ({
      data: c.deliveries({
        ...(typeof q.event === 'string' ? { eventId: q.event } : {}),
        ...(typeof q.endpoint === 'string' ? { endpointId: q.endpoint } : {}),
      }),
    })),
  );
  app.get(
    '/_emulator/events',
    wrap((_b, _p, q) => ({ data: c.events(typeof q.type === 'string' ? q.type : undefined) })),
  );
  app.post(
    '/_emulator/events/:id/resend',
    wrap((b, p) => ({
      queued: c.resend(p.id ?? '', typeof b.endpoint === 'string' ? b.endpoint : undefined),
    })),
  );
  app.post(
    '/_emulator/clock/advance',
    wrap((b) => {
      const ms = b.ms !== undefined ? num(b.ms, 'ms') : num(b.seconds ?? 0, 'seconds') * 1000;
      return { now: c.advanceClock(ms) };
    }),
  );
  app.post(
    '/_emulator/reset',
    wrap(() => c.reset()),
  );
  app.post(
    '/_emulator/disputes/:id/resolve',
    wrap((b, p) => {
      if (b.outcome !== 'won' && b.outcome !== 'lost') {
        throw new StripeApiError(400, {
          type: 'invalid_request_error',
          message: "outcome must be 'won' or 'lost'",
          param: 'outcome',
        });
      }
      return c.resolveDispute(p.id ?? '', b.outcome);
    }),
  );
  app.post(
    '/_emulator/payment_intents/:id/authenticate',
    wrap((b, p) => {
      if (b.outcome !== 'complete' && b.outcome !== 'fail') {
        throw new StripeApiError(400, {
          type: 'invalid_request_error',
          message: "outcome must be 'complete' or 'fail'",
          param: 'outcome',
        });
      }
      return c.authenticate(p.id ?? '', b.outcome);
    }),
  );
  app.post(
    '/_emulator/accounts/:id/complete-onboarding',
    wrap((b, p) =>
      c.completeOnboarding(p.id ?? '', typeof b.account_number === 'string' ? b.account_number : undefined),
    ),
  );
  app.post(
    '/_emulator/accounts/:id/require-information',
    wrap((b, p) => {
      const due = Array.isArray(b.currently_due)
        ? b.currently_due.filter((f): f is string => typeof f === 'string')
        : [];
      const reason = typeof b.disabled_reason === 'string' ? b.disabled_reason : null;
      return c.requireInformation(p.id ?? '', due, reason);
    }),
  );
  app.post(
    '/_emulator/payouts/:id/fail',
    wrap((b, p) => c.failPayout(p.id ?? '', typeof b.failure_code === 'string' ? b.failure_code : undefined)),
  );
  app.post(
    '/_emulator/payouts/:id/arrive',
    wrap((_b, p) => c.arrivePayout(p.id ?? '')),
  );
  app.post(
    '/_emulator/payouts/run',
    wrap(() => ({ data: c.runPayouts() })),
  );
  app.post(
    '/_emulator/trigger',
    wrap(async (b) => c.trigger(typeof b.event === 'string' ? b.event : '')),
  );
  app.post(
    '/_emulator/latency',
    wrap((b) => {
      api.latencyMs = num(b.ms ?? 0, 'ms');
    }),
  );
  app.post(
    '/_emulator/rate-limit',
    wrap((b) => {
      api.rateLimitNext = num(b.count ?? 1, 'count');
    }),
  );
}

function registerBrowserRoutes(app: FastifyInstance, ctx: Ctx, c: EmulatorControlsApi): void {
  app.get('/js/stripe.js', async (req, reply) => {
    const base = `http://${req.headers.host ?? new URL(ctx.baseUrl()).host}`;
    return reply
      .header('content-type', 'application/javascript; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(standInScript(base));
  });
  app.get('/3ds/:id', async (req, reply) => {
    const params = bodyOf(req.params);
    const query = bodyOf(req.query);
    const pi = ctx.store.paymentIntents.get(String(params.id));
    const ok = pi && typeof query.client_secret === 'string' && query.client_secret === pi.client_secret;
    if (!pi || !ok) return reply.code(404).type('text/html').send('<h1>Unknown payment</h1>');
    return reply
      .type('text/html; charset=utf-8')
      .send(challengePage(pi, typeof query.return_url === 'string' ? query.return_url : null));
  });
  app.post('/3ds/:id', async (req, reply) => {
    const params = bodyOf(req.params);
    const body = bodyOf(req.body);
    const pi = ctx.store.paymentIntents.get(String(params.id));
    if (!pi || body.client_secret !== pi.client_secret)
      return reply.code(404).type('text/html').send('<h1>Unknown payment</h1>');
    try {
      c.authenticate(pi.id, body.outcome === 'complete' ? 'complete' : 'fail');
    } catch (e) {
      if (!(e instanceof StripeApiError)) throw e;
    }
    const returnUrl = typeof body.return_url === 'string' ? body.return_url : '';
    if (!returnUrl)
      return reply.type('text/html; charset=utf-8').send(`<p>Authentication finished: ${pi.status}</p>`);
    const target = new URL(returnUrl);
    target.searchParams.set('payment_intent', pi.id);
    target.searchParams.set('payment_intent_client_secret', pi.client_secret ?? '');
    target.searchParams.set(
      'redirect_status',
      pi.status === 'succeeded' || pi.status === 'requires_capture' ? 'succeeded' : 'failed',
    );
    return reply.redirect(target.toString(), 303);
  });
  app.get('/receipts/:id', async (req, reply) => {
    const ch = ctx.store.charges.get(String(bodyOf(req.params).id));
    if (!ch) return reply.code(404).type('text/html').send('<h1>No such receipt</h1>');
    return reply.type('text/html; charset=utf-8').send(receiptPage(ch));
  });
}
