import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack, type TestUser } from '../../test/harness.js';
import { deliverSigned, newOffering } from '../../test/pay.js';
import { rebuildDailyStats } from '../stats/rollup.js';
import { processWebhookBatch } from './batch.js';

// The batch path (batch.ts) on the real app and database: events are delivered through the real route
// with the app's own batch loop closed, so each test decides when a batch runs and what is in it.

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ webhooks: false });
  await stack.app.webhookProcessor.close();
});
afterAll(async () => {
  await stack?.close();
});

interface Opened {
  paymentId: string;
  intentId: string;
}

async function openPayment(learner: TestUser, offeringId: string): Promise<Opened> {
  const { paymentId, clientSecret } = await stack.clientFor(learner).payments.createIntent.mutate({
    offeringId,
    idempotencyKey: randomUUID(),
  });
  return { paymentId, intentId: (clientSecret ?? '').split('_secret_')[0] ?? '' };
}

async function openPayments(count: number): Promise<Opened[]> {
  const opened: Opened[] = [];
  const learners = [stack.users.learner, stack.users.learner2];
  for (let i = 0; i < Math.ceil(count / learners.length); i++) {
    const offering = await newOffering(stack, stack.users.specialist);
    for (const learner of learners) {
      if (opened.length < count) opened.push(await openPayment(learner, offering.id));
    }
  }
  return opened;
}

let seq = 0;
function eventOf(type: string, object: object, created = Math.floor(Date.now() / 1000)) {
  return {
    id: `evt_batch_${Date.now()}_${++seq}`,
    object: 'event',
    api_version: '2025-01-27',
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

async function deliverAll(events: Record<string, unknown>[]) {
  for (const event of events) expect((await deliverSigned(stack, event)).statusCode).toBe(200);
}

const retrieve = (id: string): Promise<Stripe.PaymentIntent> => stack.deps.stripe.paymentIntents.retrieve(id);

async function rollupRows() {
  const rows = await stack.db.paymentDailyStat.findMany({
    orderBy: [{ specialistId: 'asc' }, { offeringId: 'asc' }, { currency: 'asc' }, { day: 'asc' }],
  });
  // Rows a change moved to zero stay (the rebuild does not write them): compare what they count.
  return rows.filter(
    (r) =>
      r.grossAmount !== 0n ||
      r.refundedAmount !== 0n ||
      r.succeededCount ||
      r.failedCount ||
      r.refundedCount ||
      r.disputedCount ||
      r.disputeLostAmount !== 0n,
  );
}

describe('a webhook batch', () => {
  it('applies many payments in one transaction: statuses, enrollments, each email once, audit, rollup', async () => {
    const [a, b, c, d, declined, canceled] = await openPayments(6);
    if (!a || !b || !c || !d || !declined || !canceled) throw new Error('not enough payments');
    const succeeded = [a, b, c, d];
    for (const p of succeeded)
      await stack.deps.stripe.paymentIntents.confirm(p.intentId, { payment_method: 'pm_card_visa' });
    await stack.deps.stripe.paymentIntents
      .confirm(declined.intentId, { payment_method: 'pm_card_chargeDeclined' })
      .catch(() => undefined);
    await stack.deps.stripe.paymentIntents.cancel(canceled.intentId);

    const now = Math.floor(Date.now() / 1000);
    const events: Record<string, unknown>[] = [];
    for (const p of succeeded)
      events.push(eventOf('payment_intent.succeeded', await retrieve(p.intentId), now));
    // Two events about one payment in the same batch, delivered newest first: an older "processing"
    // snapshot must not undo the success.
    const aIntent = await retrieve(a.intentId);
    events.push(eventOf('payment_intent.processing', { ...aIntent, status: 'processing' }, now - 5));
    // The charge of b (card details, receipt) and a second event with the same news as an earlier one.
    const bCharge = await stack.deps.stripe.charges.retrieve(
      String((await retrieve(b.intentId)).latest_charge),
    );
    events.push(eventOf('charge.succeeded', bCharge, now));
    events.push(eventOf('payment_intent.succeeded', await retrieve(c.intentId), now));
    events.push(eventOf('payment_intent.payment_failed', await retrieve(declined.intentId), now));
    events.push(eventOf('payment_intent.canceled', await retrieve(canceled.intentId), now));
    await deliverAll(events);

    const batch = await processWebhookBatch(stack.deps);
    expect(batch.error).toBeUndefined();
    expect(batch).toMatchObject({ claimed: events.length, isolated: false });
    // (c's second event only moves lastStripeEventId: still "processed", but no second status change.)
    expect(batch.outcomes.processed).toBe(events.length);
    // Nothing is left for the next batch.
    expect((await processWebhookBatch(stack.deps)).claimed).toBe(0);

    const rows = await stack.db.webhookEvent.findMany({
      where: { id: { in: events.map((e) => String(e.id)) } },
    });
    expect(rows.map((r) => [r.status, r.attempts, r.lastError, r.claimedUntil])).toEqual(
      events.map(() => ['PROCESSED', 1, null, null]),
    );
    // The receipt (plain pg) and the batch's marks (JSON) write UTC, as Prisma reads it, in any TZ.
    for (const row of rows) {
      const event = events.find((e) => e.id === row.id);
      expect(row.stripeCreatedAt.getTime()).toBe(Number(event?.created) * 1000);
      expect(Math.abs(row.receivedAt.getTime() - Date.now())).toBeLessThan(120_000);
      expect(Math.abs((row.processedAt?.getTime() ?? 0) - Date.now())).toBeLessThan(120_000);
    }

    const byId = async (p: Opened) => {
      const payment = await stack.db.payment.findUniqueOrThrow({
        where: { id: p.paymentId },
        include: { enrollment: true },
      });
      return {
        status: payment.status,
        enrollment: payment.enrollment.status,
        verified: payment.webhookVerified,
        card: payment.cardLast4,
      };
    };
    for (const p of succeeded) {
      expect(await byId(p)).toMatchObject({ status: 'SUCCEEDED', enrollment: 'ACTIVE', verified: true });
    }
    expect((await byId(b)).card).toBe(bCharge.payment_method_details?.card?.last4);
    expect(await byId(declined)).toMatchObject({ status: 'FAILED', enrollment: 'PENDING_PAYMENT' });
    expect(await byId(canceled)).toMatchObject({ status: 'CANCELED', enrollment: 'CANCELLED' });

    // Each email exactly once, however many events carried the news.
    for (const p of succeeded) {
      const kinds = await stack.db.outboxMessage.findMany({
        where: { dedupeKey: { in: [`payment.receipt:${p.paymentId}`, `enrollment.new:${p.paymentId}`] } },
        select: { kind: true, recipient: true },
      });
      expect(kinds.map((k) => k.kind).sort()).toEqual(['enrollment.new', 'payment.receipt']);
    }
    const failedMail = await stack.db.outboxMessage.findMany({
      where: { kind: 'payment.failed', payload: { path: ['paymentId'], equals: declined.paymentId } },
    });
    expect(failedMail).toHaveLength(1);
    // openPayments alternates learners: the fifth payment is the first learner's.
    expect(failedMail[0]?.recipient).toBe(stack.users.learner.email);

    // One audit row per status change; a's went PENDING → PROCESSING → SUCCEEDED in this batch.
    const audits = await stack.db.auditLog.findMany({
      where: { action: 'payment.status_changed', paymentId: { in: [a.paymentId, c.paymentId] } },
      orderBy: { createdAt: 'asc' },
    });
    const trail = (id: string) =>
      audits
        .filter((r) => r.paymentId === id)
        .map((r) => (r.details as { to?: string }).to)
        .sort();
    expect(trail(a.paymentId)).toEqual(['PROCESSING', 'SUCCEEDED']);
    expect(trail(c.paymentId)).toEqual(['SUCCEEDED']);

    // The rollup the batch kept equals a rebuild from the payments.
    const kept = await rollupRows();
    await rebuildDailyStats(stack.db);
    expect(kept).toEqual(await rollupRows());
    expect(kept.reduce((n, r) => n + r.succeededCount, 0)).toBeGreaterThanOrEqual(4);
  });

  it('a poison event rolls its batch back; then each event is applied alone and only the poison fails', async () => {
    const opened = await openPayments(3);
    for (const p of opened)
      await stack.deps.stripe.paymentIntents.confirm(p.intentId, { payment_method: 'pm_card_visa' });
    const good = await Promise.all(
      opened.map(async (p) => eventOf('payment_intent.succeeded', await retrieve(p.intentId))),
    );
    const target = opened[0];
    if (!target) throw new Error('no payment');
    // A PaymentIntent event that claims more money received than a column can hold: it passes the route
    // (signed, a Stripe event, its amount matches the payment) and throws when the payment is written,
    // inside the batch's transaction.
    const poison = eventOf('payment_intent.succeeded', {
      ...(await retrieve(target.intentId)),
      amount_received: 10 ** 12,
    });
    await deliverAll([...good, poison]);

    const batch = await processWebhookBatch(stack.deps);
    expect(batch).toMatchObject({
      claimed: 4,
      isolated: true,
      error: expect.stringMatching(/out of range/i),
    });
    const failed = await stack.db.webhookEvent.findMany({
      where: { id: { in: good.map((e) => e.id) } },
      select: { lastError: true },
    });
    expect(failed.map((f) => f.lastError)).toEqual([null, null, null]);
    expect(batch.outcomes).toMatchObject({ processed: 3, retrying: 1 });

    for (const p of opened) {
      expect(await stack.db.payment.findUniqueOrThrow({ where: { id: p.paymentId } })).toMatchObject({
        status: 'SUCCEEDED',
      });
    }
    const row = await stack.db.webhookEvent.findUniqueOrThrow({ where: { id: poison.id } });
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1, lastError: expect.stringMatching(/range/i) });
    const paid = await stack.db.payment.findUniqueOrThrow({ where: { id: target.paymentId } });
    expect(paid.amountReceived).toBeLessThan(10 ** 12);
    // Its retry is graphile-worker's (backoff, then FAILED for an admin), not the next batch's.
    const jobs = await stack.db.$queryRaw<{ key: string }[]>`
      SELECT key FROM graphile_worker.jobs WHERE key = ${`webhook:${poison.id}`}`;
    expect(jobs).toHaveLength(1);
    expect((await processWebhookBatch(stack.deps)).claimed).toBe(0);
    // Each receipt once, although the good events were tried twice (the batch's try rolled back).
    for (const p of opened) {
      expect(
        await stack.db.outboxMessage.count({ where: { dedupeKey: `payment.receipt:${p.paymentId}` } }),
      ).toBe(1);
      expect(
        await stack.db.auditLog.count({
          where: { action: 'payment.status_changed', paymentId: p.paymentId },
        }),
      ).toBe(1);
    }
  });

  it('two batches at once take disjoint events (SKIP LOCKED) and apply each exactly once', async () => {
    const opened = await openPayments(8);
    for (const p of opened)
      await stack.deps.stripe.paymentIntents.confirm(p.intentId, { payment_method: 'pm_card_visa' });
    const events = await Promise.all(
      opened.map(async (p) => eventOf('payment_intent.succeeded', await retrieve(p.intentId))),
    );
    await deliverAll(events);
    const [one, two] = await Promise.all([
      processWebhookBatch(stack.deps, { limit: 5 }),
      processWebhookBatch(stack.deps, { limit: 5 }),
    ]);
    const third = await processWebhookBatch(stack.deps, { limit: 5 });
    expect((one?.claimed ?? 0) + (two?.claimed ?? 0) + third.claimed).toBe(events.length);
    const statuses = await stack.db.webhookEvent.findMany({
      where: { id: { in: events.map((e) => e.id) } },
      select: { status: true, attempts: true },
    });
    expect(statuses.every((s) => s.status === 'PROCESSED' && s.attempts === 1)).toBe(true);
    for (const p of opened) {
      expect(
        await stack.db.auditLog.count({
          where: { action: 'payment.status_changed', paymentId: p.paymentId },
        }),
      ).toBe(1);
    }
  });

  it('two events of one payment in the same second apply in the order they arrived, whatever their ids', async () => {
    // 3-D Secure failed: "requires_action" then "payment_failed", both stamped with the same second.
    // Stripe's seconds cannot order them and event ids are random, so arrival is the tie-break (as one
    // event at a time would apply them). The ids here sort the wrong way round on purpose.
    const [p] = await openPayments(1);
    if (!p) throw new Error('no payment');
    const action = await stack.deps.stripe.paymentIntents.confirm(p.intentId, {
      payment_method: 'pm_card_authenticationRequired',
    });
    expect(action.status).toBe('requires_action');
    stack.emulator.controls.authenticate(p.intentId, 'fail');
    const failed = await retrieve(p.intentId);
    expect(failed.last_payment_error).toBeTruthy();

    const now = Math.floor(Date.now() / 1000);
    const tag = `${Date.now()}`;
    await deliverAll([
      { ...eventOf('payment_intent.requires_action', action, now), id: `evt_tie_${tag}_z` },
      { ...eventOf('payment_intent.payment_failed', failed, now), id: `evt_tie_${tag}_a` },
    ]);
    expect(await processWebhookBatch(stack.deps)).toMatchObject({ claimed: 2, isolated: false });

    const payment = await stack.db.payment.findUniqueOrThrow({
      where: { id: p.paymentId },
      include: { enrollment: true },
    });
    expect({ status: payment.status, enrollment: payment.enrollment.status }).toEqual({
      status: 'FAILED',
      enrollment: 'PENDING_PAYMENT',
    });
  });
});
