import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type Stripe from 'stripe';
import type { AppDeps } from '../deps.js';
import { OVERLOAD_RETRY_AFTER_SECONDS } from '../overload.js';
import { handlerFor } from './handlers.js';
import type { WebhookProcessor } from './in-process-queue.js';
import { receiptBacklog, recordEvent } from './store.js';
import { type RejectReason, verifyStripeEvent } from './verify.js';

/**
 * What PostgreSQL says about a body JSON.parse took but its json type refuses: invalid text (22P02),
 * an untranslatable character (22P05, 22021), nesting deeper than its parser's stack (54001).
 */
const UNSTORABLE_JSON = new Set(['22P02', '22P05', '22021', '54001']);

function isUnstorableJson(error: unknown): error is Error {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    UNSTORABLE_JSON.has(error.code)
  );
}

export interface WebhookRoutesOptions {
  deps: AppDeps;
  processor: WebhookProcessor;
}

/**
 * A delivery's debug line (the route logs at warn, so normally none, and the request's lazy child
 * logger is never built). A module function, not a closure made per delivery.
 */
function logStored(request: FastifyRequest, event: Stripe.Event, message: string): void {
  request.log.debug({ stripeEventId: event.id, stripeEventType: event.type }, message);
}

/**
 * `POST /api/webhooks/stripe`: Stripe's deliveries. An encapsulated plugin (deliberately not wrapped
 * with fastify-plugin): its raw-body parser and error handler apply to this route only.
 *
 * 1. Verify the signature over the exact bytes (official SDK, 300 s tolerance, every configured secret).
 * 2. Durable receipt: insert the event by id (ON CONFLICT DO NOTHING) and commit.
 * 3. Answer 200 and wake the batch loop (in-process-queue.ts, batch.ts), which applies stored events
 *    many at a time — in this process, or in the processor process with WEBHOOK_PROCESSING=separate;
 *    a failure is recorded on the row and retried with backoff by graphile-worker.
 * Anything that fails before the commit answers 400 (our fault: 500), so Stripe retries.
 */
export const webhookRoutes: FastifyPluginAsync<WebhookRoutesOptions> = async (app, { deps, processor }) => {
  const bodyLimit = deps.env.WEBHOOK_BODY_LIMIT;
  const keepBuffer = (_req: unknown, body: Buffer, done: (err: Error | null, body?: Buffer) => void) =>
    done(null, body);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, keepBuffer);
  // Anything else is read raw too, so it fails verification with a 400 rather than a 415.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, keepBuffer);

  const reject = (reason: RejectReason, message: string) => {
    deps.metrics.webhookEvents.inc({ type: 'unverified', outcome: 'rejected' });
    return { statusCode: 400, body: { error: message, reason } };
  };

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      const { body } = reject('too_large', `Webhook body is larger than ${bodyLimit} bytes`);
      request.log.warn({ reason: 'too_large' }, 'stripe webhook rejected');
      return reply.code(400).send(body);
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      const { body } = reject('malformed', `Webhook request could not be read: ${error.message}`);
      return reply.code(400).send(body);
    }
    request.log.error({ err: error }, 'stripe webhook failed');
    return reply.code(500).send({ error: 'Something went wrong on our side; Stripe will retry' });
  });

  /**
   * One handler per endpoint: the platform's (`/api/webhooks/stripe`) and the Connect endpoint's
   * (`/api/webhooks/stripe-connect`: connected accounts' events, with `account`, signed with Stripe's
   * separate Connect secret — STRIPE_CONNECT_WEBHOOK_SECRET, or STRIPE_WEBHOOK_SECRET when unset).
   */
  const { OVERLOAD_POOL_QUEUE: queueLimit, OVERLOAD_POOL_WAIT_MS: waitBudgetMs } = deps.env;
  const receive = (secrets: readonly string[]) => async (request: FastifyRequest, reply: FastifyReply) => {
    // Deliveries wait for the receipt's INSERT in store.ts's queue, not the pool's, where the overload
    // guard looks: the same limits apply to it here, before any work (Stripe retries a 503).
    const backlog = receiptBacklog(deps.db);
    if (
      backlog.waiting > 0 &&
      (backlog.waiting >= queueLimit || (waitBudgetMs > 0 && backlog.oldestWaitMs >= waitBudgetMs))
    ) {
      const reason = backlog.waiting >= queueLimit ? 'poolQueue' : 'poolWait';
      deps.metrics.httpRefused.inc({ reason });
      return reply
        .code(503)
        .header('retry-after', OVERLOAD_RETRY_AFTER_SECONDS)
        .send({ error: 'Too many deliveries are waiting to be stored; retry shortly', reason });
    }
    // Decoded once: the SDK verifies the HMAC over this string (it decodes a Buffer the same way), and
    // the row stores it.
    const raw = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '';
    const verified = verifyStripeEvent(
      deps.stripe,
      raw,
      request.headers['stripe-signature'],
      secrets,
      deps.clock.now().getTime(),
    );
    if (!verified.ok) {
      request.log.warn({ reason: verified.reason }, 'stripe webhook rejected');
      const { statusCode, body } = reject(verified.reason, verified.message);
      return reply.code(statusCode).send(body);
    }

    const { event } = verified;
    const handled = handlerFor(event.type) !== null;
    let created: boolean;
    try {
      ({ created } = await recordEvent(deps, event, raw, handled ? 'RECEIVED' : 'IGNORED'));
    } catch (error) {
      if (!isUnstorableJson(error)) throw error;
      // Signed, and JSON to JSON.parse, but not to PostgreSQL's json type: nothing is stored.
      request.log.warn({ reason: 'malformed', err: error }, 'stripe webhook rejected');
      const { statusCode, body } = reject(
        'malformed',
        `Webhook body cannot be stored as JSON: ${error.message}`,
      );
      return reply.code(statusCode).send(body);
    }

    if (!created) {
      deps.metrics.webhookEvents.inc({ type: event.type, outcome: 'duplicate' });
      logStored(request, event, 'stripe webhook: duplicate delivery');
      return reply.code(200).send({ received: true, id: event.id, duplicate: true });
    }
    if (!handled) {
      deps.metrics.webhookEvents.inc({ type: event.type, outcome: 'ignored' });
      logStored(request, event, 'stripe webhook: stored, type not handled');
      return reply.code(200).send({ received: true, id: event.id, duplicate: false, status: 'IGNORED' });
    }
    deps.metrics.webhookEvents.inc({ type: event.type, outcome: 'stored' });
    // Stored and committed: Stripe gets its 2xx now, and the batch loop applies it right after.
    processor.enqueue(event.id);
    logStored(request, event, 'stripe webhook: stored');
    return reply.code(200).send({ received: true, id: event.id, duplicate: false });
  };

  // Stripe may send thousands of these: no per-request info lines (rejections still log at warn).
  const routeOptions = { bodyLimit, logLevel: 'warn' } as const;
  app.post('/api/webhooks/stripe', routeOptions, receive(deps.env.STRIPE_WEBHOOK_SECRET));
  const connectSecrets = deps.env.STRIPE_CONNECT_WEBHOOK_SECRET;
  app.post(
    '/api/webhooks/stripe-connect',
    routeOptions,
    receive(connectSecrets.length > 0 ? connectSecrets : deps.env.STRIPE_WEBHOOK_SECRET),
  );
};
