import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import qs from 'qs';
import { brandOf, luhnValid } from './cards.js';
import type { Ctx, Route } from './context.js';
import { authenticationError, StripeApiError } from './errors.js';
import { expand } from './expand.js';
import { beginIdempotent, finishIdempotent } from './idempotency.js';
import { randomString } from './ids.js';
import { isParams, normalize, optStringArray, type Params } from './params.js';
import { accountRoutes } from './resources/accounts.js';
import { applicationFeeRoutes } from './resources/application-fees.js';
import { balanceRoutes } from './resources/balance.js';
import { chargeRoutes } from './resources/charges.js';
import { customerRoutes } from './resources/customers.js';
import { disputeRoutes } from './resources/disputes.js';
import { eventRoutes, webhookEndpointRoutes } from './resources/events.js';
import { paymentIntentRoutes } from './resources/payment-intents.js';
import { paymentMethodRoutes } from './resources/payment-methods.js';
import { payoutRoutes } from './resources/payouts.js';
import { refundRoutes } from './resources/refunds.js';
import { transferRoutes } from './resources/transfers.js';

/** Resources Stripe offers `GET /v1/<resource>/search` for. */
const SEARCHABLE_RESOURCES = [
  'charges',
  'customers',
  'invoices',
  'payment_intents',
  'prices',
  'products',
  'subscriptions',
] as const;

export const API_ROUTES: Route[] = [
  ...customerRoutes,
  ...paymentMethodRoutes,
  ...paymentIntentRoutes,
  ...chargeRoutes,
  ...refundRoutes,
  ...disputeRoutes,
  ...eventRoutes,
  ...webhookEndpointRoutes,
  // Connect
  ...accountRoutes,
  ...balanceRoutes,
  ...transferRoutes,
  ...applicationFeeRoutes,
  ...payoutRoutes,
];

/** Knobs of the API layer that tests turn through the controls. */
export interface ApiControls {
  /** Added before every API POST runs (after its idempotency key is taken) — for in-flight tests. */
  latencyMs: number;
  /** The next N API requests answer 429 `rate_limit`. */
  rateLimitNext: number;
}

const QS_OPTIONS = { depth: 10, arrayLimit: 1000, parameterLimit: 10000 } as const;

type Auth = { kind: 'secret' | 'publishable'; key: string };

function authenticate(header: string | undefined, params: Params): Auth {
  let key: string | undefined;
  if (header) {
    const [scheme, value = ''] = header.split(' ', 2);
    if (scheme?.toLowerCase() === 'bearer') key = value.trim();
    else if (scheme?.toLowerCase() === 'basic')
      key = Buffer.from(value, 'base64').toString('utf8').split(':')[0];
  } else if (typeof params.key === 'string') {
    key = params.key; // Stripe.js sends its publishable key as a form field
  }
  if (!key) {
    throw authenticationError(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (/^(sk|rk)_test_\w+/.test(key)) return { kind: 'secret', key };
  if (/^pk_test_\w+/.test(key)) return { kind: 'publishable', key };
  const masked =
    key.length > 8 ? `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}` : key;
  throw authenticationError(`Invalid API Key provided: ${masked}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Builds the Fastify app: the Stripe REST API under /v1 (controls and browser routes are added by the caller). */
export function buildServer(
  ctx: Ctx,
  controls: ApiControls,
  log: (msg: string) => void,
  allowedOrigins: readonly string[],
): FastifyInstance {
  const app = Fastify({
    logger: false,
    routerOptions: { querystringParser: (s: string) => qs.parse(s, QS_OPTIONS), maxParamLength: 500 },
  });

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, qs.parse(typeof body === 'string' ? body : body.toString('utf8'), QS_OPTIONS));
    } catch (e) {
      done(e instanceof Error ? e : new Error(String(e)), undefined);
    }
  });

  // CORS: the web app's pages talk to the emulator directly, as they do to api.stripe.com; no other
  // origin may (a page elsewhere must not drive the emulator), and never with credentials.
  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin;
    if (origin && allowedOrigins.includes(origin)) {
      reply.header('access-control-allow-origin', origin);
      reply.header('vary', 'Origin');
      reply.header('access-control-expose-headers', 'Request-Id, Stripe-Version, Idempotent-Replayed');
    } else if (origin) {
      reply.header('vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      reply.header('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS');
      reply.header(
        'access-control-allow-headers',
        req.headers['access-control-request-headers'] ??
          'Authorization, Content-Type, Stripe-Version, Idempotency-Key, Stripe-Account',
      );
      reply.header('access-control-max-age', '600');
      await reply.code(204).send();
    }
  });

  for (const route of API_ROUTES) {
    app.route({
      method: route.method,
      url: route.path,
      handler: (req, reply) => handle(ctx, controls, route, req, reply, log),
    });
  }

  const unrecognized = (req: FastifyRequest, reply: FastifyReply) => {
    const err = new StripeApiError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${req.method}: ${req.url.split('?')[0]}). The Stripe emulator implements only part of the API; see packages/stripe-emulator/README.md.`,
    });
    reply.header('request-id', `req_${randomString(14)}`);
    return reply.code(404).send(err.toJSON());
  };
  // Stripe's search API is not emulated: without these routes `/v1/payment_intents/search` would be
  // taken for a retrieve of an object with the id "search".
  for (const resource of SEARCHABLE_RESOURCES) {
    app.get(`/v1/${resource}/search`, unrecognized);
  }
  app.setNotFoundHandler(unrecognized);

  app.setErrorHandler((error, _req, reply) => {
    const status =
      typeof error === 'object' && error && 'statusCode' in error && typeof error.statusCode === 'number'
        ? error.statusCode
        : 500;
    const message = error instanceof Error ? error.message : String(error);
    const type = status >= 500 ? 'api_error' : 'invalid_request_error';
    if (status >= 500) log(`500: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return reply
      .code(status)
      .send({ error: { type, message: status >= 500 ? 'An unknown error occurred' : message } });
  });

  return app;
}

async function handle(
  ctx: Ctx,
  controls: ApiControls,
  route: Route,
  req: FastifyRequest,
  reply: FastifyReply,
  log: (msg: string) => void,
): Promise<unknown> {
  const requestId = `req_${randomString(14)}`;
  const stripeVersion = req.headers['stripe-version'];
  reply.header('request-id', requestId);
  reply.header('stripe-version', typeof stripeVersion === 'string' ? stripeVersion : ctx.apiVersion);
  const raw = normalize(route.method === 'POST' ? req.body : req.query);
  const params: Params = isParams(raw) ? raw : {};
  const idemHeader = req.headers['idempotency-key'];
  const idemKey = route.method === 'POST' && typeof idemHeader === 'string' && idemHeader ? idemHeader : null;
  let record: Parameters<typeof finishIdempotent>[1] | undefined;
  const send = (status: number, body: unknown) => {
    log(`${req.method} ${req.url.split('?')[0]} → ${status}`);
    return reply
      .code(status)
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify(body, null, 2));
  };
  try {
    if (controls.rateLimitNext > 0) {
      controls.rateLimitNext--;
      throw new StripeApiError(429, {
        type: 'invalid_request_error',
        code: 'rate_limit',
        message:
          'Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.',
      });
    }
    const auth = authenticate(
      typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined,
      params,
    );
    delete params.key;
    if (auth.kind === 'publishable' && !route.publishable) {
      throw authenticationError(
        'This API call cannot be made with a publishable API key. Please use a secret API key.',
      );
    }
    const account = connectedAccount(ctx, route, req, auth.key);
    const expandPaths = optStringArray(params, 'expand') ?? [];
    if (idemKey) {
      const decision = beginIdempotent(
        ctx.store,
        ctx.scheduler.clock,
        account ? `${auth.key}/${account}` : auth.key,
        idemKey,
        `${route.method} ${req.url.split('?')[0]}`,
        params,
      );
      if (decision.kind === 'replay') {
        reply.header('idempotent-replayed', 'true');
        return send(decision.record.response.statusCode, decision.record.response.body);
      }
      record = decision.record;
    }
    if (route.method === 'POST' && controls.latencyMs > 0) await sleep(controls.latencyMs);
    const result = await route.handler(ctx, {
      params,
      path: isParams(req.params)
        ? Object.fromEntries(Object.entries(req.params).map(([k, v]) => [k, String(v)]))
        : {},
      auth: auth.kind,
      request: { id: requestId, idempotency_key: idemKey },
      account,
    });
    const body = expand(ctx.store, result, expandPaths);
    if (record) finishIdempotent(ctx.store, record, 200, body, true);
    if (route.method !== 'GET') ctx.changed();
    return send(200, body);
  } catch (e) {
    if (e instanceof StripeApiError) {
      const body = JSON.parse(JSON.stringify(e.toJSON()));
      if (record) {
        const validation = e.statusCode === 400 && (e.body.code?.startsWith('parameter_') ?? false);
        finishIdempotent(ctx.store, record, e.statusCode, body, !validation && e.statusCode !== 429);
      }
      if (e.statusCode === 409) reply.header('stripe-should-retry', 'false');
      return send(e.statusCode, body);
    }
    if (record) finishIdempotent(ctx.store, record, 500, null, false);
    log(`${req.method} ${req.url} → 500 ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return send(500, {
      error: { type: 'api_error', message: 'An unknown error occurred in the Stripe emulator.' },
    });
  }
}

/**
 * The `Stripe-Account` header: the connected account the request acts on, or null for the platform.
 * An unknown account is Stripe's 403 `account_invalid`; a route the emulator has not made
 * account-aware refuses the header rather than silently acting on the platform.
 */
function connectedAccount(ctx: Ctx, route: Route, req: FastifyRequest, key: string): string | null {
  const header = req.headers['stripe-account'];
  const account = typeof header === 'string' && header ? header : null;
  if (!account) return null;
  if (!ctx.store.connect.accounts.has(account)) {
    const masked = `${key.slice(0, 8)}********${key.slice(-4)}`;
    throw new StripeApiError(403, {
      type: 'invalid_request_error',
      code: 'account_invalid',
      message: `The provided key '${masked}' does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`,
    });
  }
  if (!route.connect) {
    throw new StripeApiError(400, {
      type: 'invalid_request_error',
      message: `The Stripe emulator does not support the Stripe-Account header on ${route.method} ${route.path} (see packages/stripe-emulator/README.md, Connect).`,
    });
  }
  return account;
}

/**
 * The card rules the stand-in validates with in the browser are the emulator's own (cards.ts): the
 * typed functions are emitted into the served script, so the page and the API can never disagree on
 * what a valid number or its brand is. They are self-contained (no imports, no closures) for this.
 */
const BROWSER_CARD_RULES = `window.__STRIPE_EMULATOR_CARDS__ = { luhnValid: ${luhnValid.toString()}, brandOf: ${brandOf.toString()} };`;

/** The Stripe.js stand-in source, with the emulator's URL and the shared card rules baked in. */
export function standInScript(baseUrl: string): string {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'browser', 'stripe.js');
  const source = readFileSync(file, 'utf8');
  return `window.__STRIPE_EMULATOR_URL__ = window.__STRIPE_EMULATOR_URL__ || ${JSON.stringify(baseUrl)};\n${BROWSER_CARD_RULES}\n${source}`;
}
