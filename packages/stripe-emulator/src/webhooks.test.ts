import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EmulatorControls } from './client.js';
import { type Receiver, startReceiver, startTestEmulator, type TestEmulator } from './test-support.js';

let t: TestEmulator;
let stripe: Stripe;
let receiver: Receiver;
let controls: EmulatorControls;

beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestEmulator({ webhooks: [{ url: receiver.url, secret: receiver.secret }] });
  stripe = t.stripe;
  controls = new EmulatorControls(t.emu.url, t.emu.controlToken);
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});
beforeEach(async () => {
  await controls.reset();
  receiver.received.length = 0;
  receiver.respondWith.length = 0;
});

function types(): string[] {
  return receiver.received.map((r) => r.event.type);
}

async function succeed() {
  return stripe.paymentIntents.create({
    amount: 3000,
    currency: 'usd',
    payment_method: 'pm_card_visa',
    confirm: true,
  });
}

describe('signed delivery', () => {
  it('delivers every event, verified by stripe.webhooks.constructEvent', async () => {
    const pi = await succeed();
    await receiver.waitFor(3);
    expect(types()).toEqual(['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded']);
    expect(receiver.rejected).toBe(0);
    const succeeded = receiver.received[2]!.event;
    expect(succeeded.type === 'payment_intent.succeeded' && succeeded.data.object.id).toBe(pi.id);
    const log = await controls.deliveries();
    expect(log.map((d) => [d.outcome, d.statusCode, d.attempt])).toEqual([
      ['succeeded', 200, 1],
      ['succeeded', 200, 1],
      ['succeeded', 200, 1],
    ]);
    // pending_webhooks counts down as endpoints acknowledge.
    expect((await stripe.events.retrieve(succeeded.id)).pending_webhooks).toBe(0);
  });

  it('a receiver with the wrong secret rejects the signature', async () => {
    const wrong = await startReceiver('whsec_someone_else');
    try {
      await controls.addWebhookTarget(wrong.url, 'whsec_not_theirs');
      await stripe.customers.create({ email: 'x@example.com' });
      await receiver.waitFor(1);
      await controls.idle();
      expect(wrong.rejected).toBeGreaterThan(0);
      expect(wrong.received).toHaveLength(0);
    } finally {
      await wrong.close();
    }
  });

  it('registered webhook endpoints get deliveries signed with their own secret, filtered by enabled_events', async () => {
    const we = await stripe.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/not-yet',
      enabled_events: ['payment_intent.succeeded'],
    });
    const own = await startReceiver(String(we.secret));
    try {
      await stripe.webhookEndpoints.update(we.id, { url: own.url });
      await succeed();
      await own.waitFor(1);
      await controls.idle();
      expect(own.received.map((r) => r.event.type)).toEqual(['payment_intent.succeeded']);
      expect(own.rejected).toBe(0);
    } finally {
      await own.close();
    }
  });

  it('browser-confirmed payments (publishable key + client_secret) are delivered too', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1500, currency: 'usd' });
    const res = await fetch(`${t.emu.url}/v1/payment_intents/${pi.id}/confirm`, {
      method: 'POST',
      headers: { authorization: 'Bearer pk_test_web', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_secret: String(pi.client_secret),
        'payment_method_data[type]': 'card',
        'payment_method_data[card][number]': '4242424242424242',
        'payment_method_data[card][exp_month]': '12',
        'payment_method_data[card][exp_year]': '2031',
        'payment_method_data[card][cvc]': '123',
      }),
    });
    expect(res.status).toBe(200);
    await receiver.waitFor(3);
    expect(types()).toContain('payment_intent.succeeded');
    const wrongSecret = await fetch(`${t.emu.url}/v1/payment_intents/${pi.id}?client_secret=nope`, {
      headers: { authorization: 'Bearer pk_test_web' },
    });
    expect(wrongSecret.status).toBe(400);
  });
});

describe('retries and controls', () => {
  it('retries non-2xx answers with backoff and logs every attempt', async () => {
    receiver.respondWith.push(500, 503);
    await stripe.customers.create({ email: 'retry@example.com' });
    await receiver.waitFor(1, 3000);
    const log = await controls.deliveries();
    expect(log.map((d) => [d.attempt, d.statusCode, d.outcome])).toEqual([
      [1, 500, 'failed'],
      [2, 503, 'failed'],
      [3, 200, 'succeeded'],
    ]);
    // Schedule is [50, 100, 200] ms: the gaps grow.
    const gap1 = log[1]!.at - log[0]!.at;
    const gap2 = log[2]!.at - log[1]!.at;
    expect(gap1).toBeGreaterThanOrEqual(45);
    expect(gap2).toBeGreaterThanOrEqual(95);
    expect(log[0]!.nextRetryAt).not.toBeNull();
    expect(log[2]!.nextRetryAt).toBeNull();
  });

  it('gives up after the schedule is exhausted; advancing the clock runs retries early', async () => {
    const slow = await startTestEmulator({
      webhooks: [{ url: receiver.url, secret: receiver.secret }],
      retrySchedule: [60_000, 120_000],
    });
    try {
      receiver.respondWith.push(500, 500, 500);
      await slow.stripe.customers.create({ email: 'x@example.com' });
      await slow.emu.controls.idle();
      slow.emu.controls.advanceClock(60_000);
      await slow.emu.controls.idle();
      slow.emu.controls.advanceClock(120_000);
      await slow.emu.controls.idle();
      const log = slow.emu.controls.deliveries();
      expect(log.map((d) => d.statusCode)).toEqual([500, 500, 500]);
      expect(log[2]!.nextRetryAt).toBeNull();
      expect(receiver.received).toHaveLength(0);
    } finally {
      await slow.close();
    }
  });

  it('times out receivers that do not answer, and retries', async () => {
    const hanging = http.createServer(() => {
      // never answers
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const { port } = hanging.address() as AddressInfo;
    const quick = await startTestEmulator({
      webhooks: [{ url: `http://127.0.0.1:${port}/`, secret: 'whsec_x' }],
      retrySchedule: [20],
      webhookTimeoutMs: 150,
    });
    try {
      await quick.stripe.customers.create({});
      await vi.waitFor(() => expect(quick.emu.controls.deliveries()).toHaveLength(2), { timeout: 5000 });
      const log = quick.emu.controls.deliveries();
      expect(log.map((d) => [d.attempt, d.outcome, d.error])).toEqual([
        [1, 'failed', 'timed out'],
        [2, 'failed', 'timed out'],
      ]);
    } finally {
      await quick.close();
      hanging.closeAllConnections();
      hanging.close();
    }
  });

  it('pause holds deliveries, resume sends them', async () => {
    await controls.pauseDelivery();
    await succeed();
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.received).toHaveLength(0);
    await controls.resumeDelivery();
    await receiver.waitFor(3);
    expect(types()).toEqual(['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded']);
  });

  it('drops the next N deliveries for good', async () => {
    await controls.dropNext(2);
    await succeed();
    await receiver.waitFor(1);
    await controls.idle();
    expect(types()).toEqual(['payment_intent.succeeded']);
    const log = await controls.deliveries();
    expect(log.filter((d) => d.outcome === 'dropped')).toHaveLength(2);
    expect((await controls.deliveryControls()).dropNext).toBe(0);
  });

  it('duplicates each delivery', async () => {
    await controls.duplicate(true);
    await stripe.customers.create({ email: 'dup@example.com' });
    await receiver.waitFor(2);
    expect(receiver.received[0]!.event.id).toBe(receiver.received[1]!.event.id);
  });

  it('shuffles delivery order', async () => {
    await controls.pauseDelivery();
    for (let i = 0; i < 12; i++) await stripe.customers.create({ name: `c${i}` });
    const created = (await controls.events('customer.created')).map((e) => e.id);
    await controls.shuffle(true);
    await controls.resumeDelivery();
    await receiver.waitFor(12);
    const delivered = receiver.received.map((r) => r.event.id);
    expect([...delivered].sort()).toEqual([...created].sort());
    expect(delivered).not.toEqual(created); // 1 / 12! chance of a false failure
  });

  it('resends an event', async () => {
    const c = await stripe.customers.create({ email: 'again@example.com' });
    await receiver.waitFor(1);
    const [event] = await controls.events('customer.created');
    expect((event!.data.object as Stripe.Customer).id).toBe(c.id);
    expect((await controls.resend(event!.id)).queued).toBe(1);
    await receiver.waitFor(2);
    expect(receiver.received[1]!.event.id).toBe(event!.id);
  });
});

describe('scenarios, disputes and reset over HTTP', () => {
  it('trigger creates the objects and events like `stripe trigger`', async () => {
    const result = await controls.trigger('charge.refunded');
    expect(result.objects.refund).toMatch(/^re_/);
    await receiver.waitFor(5);
    expect(types()).toEqual(
      expect.arrayContaining(['payment_intent.succeeded', 'refund.created', 'charge.refunded']),
    );
    const failed = await controls.trigger('payment_intent.payment_failed');
    expect((await stripe.paymentIntents.retrieve(String(failed.objects.payment_intent))).status).toBe(
      'requires_payment_method',
    );
    await expect(controls.trigger('nope.nothing')).rejects.toThrow(/Unknown scenario/);
  });

  it('dispute lifecycle delivers created and closed events', async () => {
    await stripe.paymentIntents.create({
      amount: 5000,
      currency: 'usd',
      payment_method: 'pm_card_createDispute',
      confirm: true,
    });
    await controls.advanceClock(10_000);
    await receiver.waitFor(4);
    const created = receiver.received.find((r) => r.event.type === 'charge.dispute.created')!.event;
    const dispute = created.data.object as Stripe.Dispute;
    await controls.resolveDispute(dispute.id, 'lost');
    await receiver.waitFor(5);
    const closed = receiver.received[4]!.event;
    expect(closed.type).toBe('charge.dispute.closed');
    expect((closed.data.object as Stripe.Dispute).status).toBe('lost');
  });

  it('reset clears all state', async () => {
    await succeed();
    await controls.reset();
    expect((await stripe.paymentIntents.list()).data).toHaveLength(0);
    expect(await controls.events()).toHaveLength(0);
  });
});

describe('snapshot file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'stripe-emu-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps state across a restart', async () => {
    const file = path.join(dir, 'state.json');
    const first = await startTestEmulator({ snapshotFile: file });
    const pi = await first.stripe.paymentIntents.create({
      amount: 700,
      currency: 'usd',
      metadata: { paymentId: 'p9' },
    });
    await first.close();
    const second = await startTestEmulator({ snapshotFile: file });
    try {
      const again = await second.stripe.paymentIntents.retrieve(pi.id);
      expect(again.metadata).toEqual({ paymentId: 'p9' });
      expect((await second.stripe.events.list()).data).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
