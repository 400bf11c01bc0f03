import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../test/harness.js';
import { drainWebhookEvents } from './apply-event.js';

// The route on the real app and a real database, with bodies signed by the official SDK helper. The
// emulator is not asked to deliver here (see test/webhook-lifecycle.test.ts for that).

const OLD_SECRET = 'whsec_route_test_old_secret';
const NEW_SECRET = 'whsec_route_test_new_secret';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({
    webhooks: false,
    env: {
      STRIPE_WEBHOOK_SECRET: `${NEW_SECRET}, ${OLD_SECRET}`,
      WEBHOOK_BODY_LIMIT: '4096',
      WEBHOOK_MAX_ATTEMPTS: '3',
    },
  });
});
afterAll(async () => {
  await stack?.close();
});

let seq = 0;
function stripeEvent(type: string, object: Record<string, unknown>, id = `evt_test_${Date.now()}_${++seq}`) {
  return {
    id,
    object: 'event',
    api_version: '2025-01-27',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

function sign(
  payload: string,
  { secret = NEW_SECRET, timestamp }: { secret?: string; timestamp?: number } = {},
) {
  return stack.deps.stripe.webhooks.generateTestHeaderString({
    payload,
    secret,
    ...(timestamp === undefined ? {} : { timestamp }),
  });
}

async function deliver(payload: string, headers: Record<string, string>) {
  return stack.app.inject({
    method: 'POST',
    url: '/api/webhooks/stripe',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    payload,
  });
}

const countEvents = () => stack.db.webhookEvent.count();

describe('POST /api/webhooks/stripe refuses what it cannot trust, storing nothing', () => {
  const body = JSON.stringify(
    stripeEvent('payment_intent.succeeded', { id: 'pi_refused', object: 'payment_intent' }),
  );

  it.each([
    ['a missing Stripe-Signature header', {}, 'missing_signature', /Missing Stripe-Signature/],
    ['a signature made with another secret', { 'stripe-signature': '' }, 'bad_signature', /does not match/],
    ['a garbled header', { 'stripe-signature': 'nonsense' }, 'bad_signature', /does not match/],
  ])('%s → 400', async (_name, headers, reason, message) => {
    const before = await countEvents();
    const h: Record<string, string> = { ...headers };
    if (h['stripe-signature'] === '') h['stripe-signature'] = sign(body, { secret: 'whsec_someone_else' });
    const res = await deliver(body, h);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ reason, error: expect.stringMatching(message) });
    expect(await countEvents()).toBe(before);
  });

  it('a timestamp older than 300 s → 400 (replay protection)', async () => {
    const res = await deliver(body, {
      'stripe-signature': sign(body, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      reason: 'stale_timestamp',
      error: expect.stringMatching(/300 seconds/),
    });
    expect(await stack.db.webhookEvent.count({ where: { objectId: 'pi_refused' } })).toBe(0);
  });

  it('a correctly signed body that is not JSON, or not an event → 400', async () => {
    const before = await countEvents();
    const notJson = '{"id": "evt_1", "type": ';
    const res = await deliver(notJson, { 'stripe-signature': sign(notJson) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ reason: 'malformed', error: 'Webhook body is not valid JSON' });

    const notEvent = JSON.stringify({ hello: 'world' });
    const res2 = await deliver(notEvent, { 'stripe-signature': sign(notEvent) });
    expect(res2.statusCode).toBe(400);
    expect(res2.json()).toMatchObject({ reason: 'malformed' });

    const empty = await deliver('', { 'stripe-signature': sign('') });
    expect(empty.statusCode).toBe(400);
    expect(await countEvents()).toBe(before);
  });

  it('a body over WEBHOOK_BODY_LIMIT → 400, not 413', async () => {
    const big = JSON.stringify(
      stripeEvent('payment_intent.succeeded', {
        id: 'pi_big',
        object: 'payment_intent',
        description: 'x'.repeat(5000),
      }),
    );
    const res = await deliver(big, { 'stripe-signature': sign(big) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      reason: 'too_large',
      error: 'Webhook body is larger than 4096 bytes',
    });
    expect(await stack.db.webhookEvent.count({ where: { objectId: 'pi_big' } })).toBe(0);
  });

  it('another content type is read raw and still verified (400 when unsigned, not 415)', async () => {
    const res = await stack.app.inject({
      method: 'POST',
      url: '/api/webhooks/stripe',
      headers: { 'content-type': 'text/plain' },
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ reason: 'missing_signature' });
  });
});

describe('durable receipt', () => {
  it('accepts either secret during a rotation', async () => {
    const event = stripeEvent('customer.created', { id: 'cus_rotation', object: 'customer' });
    const body = JSON.stringify(event);
    const res = await deliver(body, { 'stripe-signature': sign(body, { secret: OLD_SECRET }) });
    expect(res.statusCode).toBe(200);
    expect(await stack.db.webhookEvent.findUnique({ where: { id: event.id } })).not.toBeNull();
  });

  it('stores an event type we do not handle as IGNORED and answers 200', async () => {
    const event = stripeEvent('customer.subscription.created', { id: 'sub_123', object: 'subscription' });
    const body = JSON.stringify(event);
    const res = await deliver(body, { 'stripe-signature': sign(body) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ received: true, id: event.id, status: 'IGNORED' });
    const row = await stack.db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row).toMatchObject({
      type: 'customer.subscription.created',
      status: 'IGNORED',
      objectId: 'sub_123',
    });
    expect(row.payload).toEqual(event);
    expect(row.stripeCreatedAt.getTime()).toBe(event.created * 1000);
  });

  it('recognises a duplicate delivery by event id: one row, 200 both times', async () => {
    const event = stripeEvent('customer.updated', { id: 'cus_dup', object: 'customer' });
    const body = JSON.stringify(event);
    const first = await deliver(body, { 'stripe-signature': sign(body) });
    const again = await deliver(body, { 'stripe-signature': sign(body) });
    const concurrent = await Promise.all(
      [1, 2, 3].map(() => deliver(body, { 'stripe-signature': sign(body) })),
    );
    expect(first.json()).toMatchObject({ duplicate: false });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true });
    expect(concurrent.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(await stack.db.webhookEvent.count({ where: { id: event.id } })).toBe(1);
  });
});

describe('processing failures are recorded and bounded', () => {
  it('an event for a PaymentIntent we have no payment for: 200, retried, then ORPHANED (no 5xx loop)', async () => {
    const event = stripeEvent('payment_intent.succeeded', {
      id: 'pi_nobody_knows',
      object: 'payment_intent',
      status: 'succeeded',
      amount: 1000,
      amount_received: 1000,
      currency: 'usd',
      metadata: {},
      latest_charge: null,
      last_payment_error: null,
    });
    const body = JSON.stringify(event);
    const res = await deliver(body, { 'stripe-signature': sign(body) });
    expect(res.statusCode).toBe(200);
    await stack.app.webhookProcessor.idle();
    let row = await stack.db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row).toMatchObject({
      status: 'RECEIVED',
      attempts: 1,
      lastError: expect.stringMatching(/No payment matches/),
    });

    // Stripe retrying the delivery does not re-run it or fail.
    expect((await deliver(body, { 'stripe-signature': sign(body) })).statusCode).toBe(200);

    await drainWebhookEvents(stack.deps);
    await drainWebhookEvents(stack.deps);
    row = await stack.db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row).toMatchObject({
      status: 'ORPHANED',
      attempts: 3,
      lastError: expect.stringMatching(/^Orphaned/),
    });
    expect(row.processedAt).not.toBeNull();
    // Final: further drains leave it alone.
    expect((await drainWebhookEvents(stack.deps)).outcomes).not.toHaveProperty('orphaned');
    expect(await stack.db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      attempts: 3,
    });

    const metrics = (await stack.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(
      /enrollpay_webhook_events_total\{type="payment_intent.succeeded",outcome="orphaned"\} 1/,
    );
    expect(metrics).toMatch(/enrollpay_webhook_events_stored\{status="ORPHANED"\} [1-9]/);
  });

  it('a handler error is recorded on the row (attempts, lastError) and stops after WEBHOOK_MAX_ATTEMPTS', async () => {
    // A payment_intent event whose object is a charge: the handler refuses it.
    const event = stripeEvent('payment_intent.succeeded', { id: 'ch_wrong_kind', object: 'charge' });
    const body = JSON.stringify(event);
    const res = await deliver(body, { 'stripe-signature': sign(body) });
    expect(res.statusCode).toBe(200);
    await stack.app.webhookProcessor.idle();
    let row = await stack.db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      lastError: expect.stringMatching(/UnexpectedEventObjectError: .*expected "payment_intent"/),
    });
    await drainWebhookEvents(stack.deps);
    await drainWebhookEvents(stack.deps);
    await drainWebhookEvents(stack.deps);
    row = await stack.db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row).toMatchObject({ status: 'FAILED', attempts: 3 });
  });
});

describe('GET /metrics', () => {
  it('serves this app’s registry in Prometheus format with the database gauges', async () => {
    const res = await stack.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    for (const series of [
      'enrollpay_payments{status="SUCCEEDED"}',
      'enrollpay_refunds{status="FAILED"}',
      'enrollpay_outbox_messages{status="PENDING"}',
      'enrollpay_job_queue_depth',
      'enrollpay_webhook_oldest_unprocessed_age_seconds',
      'enrollpay_webhook_events_total{type="unverified",outcome="rejected"}',
      'enrollpay_webhook_processing_seconds_bucket',
    ]) {
      expect(res.body).toContain(series);
    }
  });
});
