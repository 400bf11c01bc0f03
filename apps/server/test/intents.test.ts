import { TRPCClientError } from '@trpc/client';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../src/trpc/router.js';
import { startTestStack, type TestStack } from './harness.js';
import { codeOf, deliverSigned } from './pay.js';

let stack: TestStack;
let stripe: Stripe;

beforeAll(async () => {
  stack = await startTestStack();
  stripe = stack.deps.stripe;
});
afterAll(async () => {
  await stack?.close();
});

const offering = (currency: string) => {
  const found = stack.offerings.find(
    (o) => o.active && o.currency === currency && o.specialistId === stack.users.specialist.id,
  );
  if (!found) throw new Error(`no active ${currency} offering`);
  return found;
};

describe('payments.createIntent', () => {
  it('creates one PaymentIntent priced from our database, with metadata and a pending enrollment', async () => {
    const usd = offering('usd');
    const learner = stack.clientFor(stack.users.learner2);
    const result = await learner.payments.createIntent.mutate({
      offeringId: usd.id,
      idempotencyKey: 'checkout-usd-0001',
    });
    expect(result).toMatchObject({
      amount: usd.priceAmount,
      currency: 'usd',
      publishableKey: expect.stringMatching(/^pk_test_/),
    });
    expect(result.clientSecret).toMatch(/^pi_.+_secret_.+/);

    const payment = await stack.db.payment.findUniqueOrThrow({
      where: { id: result.paymentId },
      include: { enrollment: true },
    });
    expect(payment.status).toBe('PENDING');
    expect(payment.enrollment.status).toBe('PENDING_PAYMENT');
    const intent = await stripe.paymentIntents.retrieve(payment.stripePaymentIntentId!);
    expect(intent.amount).toBe(usd.priceAmount);
    expect(intent.metadata).toMatchObject({
      paymentId: payment.id,
      enrollmentId: payment.enrollmentId,
      learnerId: stack.users.learner2.id,
      offeringId: usd.id,
      specialistId: stack.users.specialist.id,
    });
    expect(intent.customer).toBeTruthy();
    expect(intent.receipt_email).toBe('learner2@demo.test');

    // A refresh (new key) while that payment is open returns the same payment, not a new PaymentIntent.
    const again = await learner.payments.createIntent.mutate({
      offeringId: usd.id,
      idempotencyKey: 'checkout-usd-0002',
    });
    expect(again.paymentId).toBe(result.paymentId);
    expect(again.clientSecret).toBe(result.clientSecret);
    const intents = await stripe.paymentIntents.list({ customer: intent.customer as string, limit: 100 });
    expect(intents.data.filter((pi) => pi.metadata.offeringId === usd.id)).toHaveLength(1);
  });

  it('zero-decimal currencies keep their whole-unit amounts', async () => {
    const jpy = offering('jpy');
    const result = await stack.clientFor(stack.users.learner2).payments.createIntent.mutate({
      offeringId: jpy.id,
      idempotencyKey: 'checkout-jpy-0001',
    });
    expect(result.currency).toBe('jpy');
    expect(result.amount).toBe(jpy.priceAmount);
  });

  it('replays a key with the same response, refuses it for a different offering', async () => {
    const [usd, jpy] = [offering('usd'), offering('jpy')];
    const learner = stack.clientFor(stack.users.learner);
    const first = await learner.payments.createIntent.mutate({
      offeringId: usd.id,
      idempotencyKey: 'same-key-000001',
    });
    const replay = await learner.payments.createIntent.mutate({
      offeringId: usd.id,
      idempotencyKey: 'same-key-000001',
    });
    expect(replay).toEqual(first);
    const error = await learner.payments.createIntent
      .mutate({ offeringId: jpy.id, idempotencyKey: 'same-key-000001' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<AppRouter>).data?.code).toBe('CONFLICT');
    expect((error as Error).message).toMatch(/different parameters/);
  });

  it('100 concurrent identical calls make exactly one PaymentIntent and one Payment row', async () => {
    const offer = stack.offerings.find((o) => o.active && o.specialistId === stack.users.specialist2.id)!;
    const learner = stack.clientFor(stack.users.learner);
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () =>
        learner.payments.createIntent.mutate({ offeringId: offer.id, idempotencyKey: 'concurrent-key-1' }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok.length).toBeGreaterThan(0);
    for (const r of refused) expect((r.reason as TRPCClientError<AppRouter>).data?.code).toBe('CONFLICT');
    expect(new Set(ok.map((r) => r.value.paymentId)).size).toBe(1);
    const rows = await stack.db.payment.count({
      where: { learnerId: stack.users.learner.id, offeringId: offer.id },
    });
    expect(rows).toBe(1);
    const intents = [...stack.emulator.store.paymentIntents.values()].filter(
      (pi) => pi.metadata?.offeringId === offer.id && pi.metadata?.learnerId === stack.users.learner.id,
    );
    expect(intents).toHaveLength(1);
  });

  it('concurrent calls with different keys (two tabs) converge on one payment and one PaymentIntent', async () => {
    for (let round = 0; round < 5; round++) {
      const offering = await stack.clientFor(stack.users.specialist).offerings.create.mutate({
        title: `Two tabs ${round}`,
        description: 'race test',
        kind: 'COURSE',
        amount: 1500,
        currency: 'usd',
      });
      const learner = stack.clientFor(stack.users.learner2);
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, () =>
          learner.payments.createIntent.mutate({
            offeringId: offering.id,
            idempotencyKey: crypto.randomUUID(),
          }),
        ),
      );
      const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const codes = results.flatMap((r) =>
        r.status === 'rejected' ? [(r.reason as TRPCClientError<AppRouter>).data?.code] : [],
      );
      // A call that meets another one mid-way may be told to retry (CONFLICT); nothing else goes wrong.
      expect(codes.filter((c) => c !== 'CONFLICT')).toEqual([]);
      expect(ok.length).toBeGreaterThan(0);
      expect(new Set(ok.map((r) => r.paymentId)).size).toBe(1);
      expect(new Set(ok.map((r) => r.clientSecret)).size).toBe(1);
      expect(await stack.db.payment.count({ where: { offeringId: offering.id } })).toBe(1);
      const intents = [...stack.emulator.store.paymentIntents.values()].filter(
        (pi) => pi.metadata?.offeringId === offering.id,
      );
      expect(intents).toHaveLength(1);
    }
  });

  it('refuses what a learner cannot buy, with a clear reason', async () => {
    const learner = stack.clientFor(stack.users.learner);
    const archived = stack.offerings.find((o) => !o.active)!;
    expect(
      await codeOf(
        learner.payments.createIntent.mutate({ offeringId: archived.id, idempotencyKey: 'archived-0001' }),
      ),
    ).toBe('BAD_REQUEST');
    expect(
      await codeOf(
        learner.payments.createIntent.mutate({
          offeringId: 'nope-does-not-exist',
          idempotencyKey: 'missing-00001',
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(
        stack
          .clientFor(stack.users.specialist)
          .payments.createIntent.mutate({ offeringId: archived.id, idempotencyKey: 'role-000001' }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(
        stack
          .clientFor(null)
          .payments.createIntent.mutate({ offeringId: archived.id, idempotencyKey: 'anon-000001' }),
      ),
    ).toBe('UNAUTHORIZED');
    const error = await learner.payments.createIntent
      .mutate({ offeringId: '', idempotencyKey: 'x' })
      .catch((e: unknown) => e);
    expect((error as TRPCClientError<AppRouter>).data?.code).toBe('BAD_REQUEST');
    expect((error as Error).message).toMatch(/offeringId/);
    expect((error as Error).message).toMatch(/idempotencyKey/);
  });
});

describe('when Stripe is unavailable', () => {
  it('answers SERVICE_UNAVAILABLE when Stripe refuses, keeps nothing half-done, and a retry completes', async () => {
    const offer = stack.offerings.find((o) => o.active && o.specialistId === stack.users.specialist2.id)!;
    const learner = stack.clientFor(stack.users.learner2);
    // The next Stripe request answers 429 (stripe-node does not retry rate limits).
    await fetch(`${stack.emulator.url}/_emulator/rate-limit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.emulator.controlToken}` },
      body: JSON.stringify({ count: 1 }),
    });
    const error = await learner.payments.createIntent
      .mutate({ offeringId: offer.id, idempotencyKey: 'stripe-down-0001' })
      .catch((e: unknown) => e);
    expect((error as TRPCClientError<AppRouter>).data?.code).toBe('SERVICE_UNAVAILABLE');
    expect((error as Error).message).toMatch(/payment provider is unavailable/);
    // The payment row waits for its PaymentIntent; nothing at Stripe yet; the key was released.
    const pending = await stack.db.payment.findMany({
      where: { learnerId: stack.users.learner2.id, offeringId: offer.id },
    });
    expect(pending.map((p) => p.stripePaymentIntentId)).toEqual([null]);

    const retried = await learner.payments.createIntent.mutate({
      offeringId: offer.id,
      idempotencyKey: 'stripe-down-0001',
    });
    expect(retried.paymentId).toBe(pending[0]?.id);
    const intents = [...stack.emulator.store.paymentIntents.values()].filter(
      (pi) => pi.metadata?.paymentId === retried.paymentId,
    );
    expect(intents).toHaveLength(1);
  });
});

describe('payments.confirm', () => {
  it('applies a succeeded payment: payment SUCCEEDED with card details, enrollment ACTIVE, then CONFLICT on re-buy', async () => {
    const gbp =
      stack.offerings.find((o) => o.active && o.currency !== 'usd' && o.currency !== 'jpy') ??
      offering('usd');
    const learner = stack.clientFor(stack.users.learner);
    const { paymentId, clientSecret } = await learner.payments.createIntent.mutate({
      offeringId: gbp.id,
      idempotencyKey: 'confirm-ok-0001',
    });
    const intentId = (clientSecret ?? '').split('_secret_')[0]!;
    await stripe.paymentIntents.confirm(intentId, { payment_method: 'pm_card_visa' });

    const confirmed = await learner.payments.confirm.mutate({ paymentId });
    expect(confirmed).toEqual({
      paymentId,
      status: 'SUCCEEDED',
      failureMessage: null,
      enrollmentStatus: 'ACTIVE',
    });
    const row = await stack.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    expect(row).toMatchObject({ amountReceived: gbp.priceAmount, cardBrand: 'visa', cardLast4: '4242' });
    expect(row.stripeChargeId).toMatch(/^ch_/);
    // Calling it again changes nothing.
    expect(await learner.payments.confirm.mutate({ paymentId })).toEqual(confirmed);
    expect(
      await codeOf(
        learner.payments.createIntent.mutate({ offeringId: gbp.id, idempotencyKey: 'confirm-ok-0002' }),
      ),
    ).toBe('CONFLICT');

    const receipts = await stack.db.outboxMessage.findMany({ where: { dedupeKey: { contains: paymentId } } });
    expect(receipts.map((m) => m.kind).sort()).toEqual(['enrollment.new', 'payment.receipt']);
  });

  it('reports a decline with the message a learner can act on; the enrollment stays pending', async () => {
    const offer =
      stack.offerings.find(
        (o) => o.active && o.specialistId === stack.users.specialist2.id && o.currency === 'usd',
      ) ?? offering('jpy');
    const learner = stack.clientFor(stack.users.learner2);
    const { paymentId, clientSecret } = await learner.payments.createIntent.mutate({
      offeringId: offer.id,
      idempotencyKey: 'decline-00001',
    });
    const intentId = (clientSecret ?? '').split('_secret_')[0]!;
    await expect(
      stripe.paymentIntents.confirm(intentId, {
        payment_method: 'pm_card_visa_chargeDeclinedInsufficientFunds',
      }),
    ).rejects.toThrow();
    const result = await learner.payments.confirm.mutate({ paymentId });
    expect(result.status).toBe('FAILED');
    expect(result.enrollmentStatus).toBe('PENDING_PAYMENT');
    expect(result.failureMessage).toMatch(/insufficient funds/i);
    const row = await stack.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    expect(row.declineCode).toBe('insufficient_funds');
  });

  it('is NOT_FOUND for another learner', async () => {
    const payment = await stack.db.payment.findFirstOrThrow({ where: { learnerId: stack.users.learner.id } });
    expect(
      await codeOf(stack.clientFor(stack.users.learner2).payments.confirm.mutate({ paymentId: payment.id })),
    ).toBe('NOT_FOUND');
  });
});

describe('a PaymentIntent that does not match its payment', () => {
  async function openPayment(title: string) {
    const specialist = stack.clientFor(stack.users.specialist);
    const offering = await specialist.offerings.create.mutate({
      title,
      description: 'mismatch test',
      kind: 'COURSE',
      amount: 4000,
      currency: 'usd',
    });
    const learner = stack.clientFor(stack.users.learner2);
    const opened = await learner.payments.createIntent.mutate({
      offeringId: offering.id,
      idempotencyKey: crypto.randomUUID(),
    });
    return { learner, opened, intentId: (opened.clientSecret ?? '').split('_secret_')[0] ?? '' };
  }

  const mismatches = async () =>
    (
      await stack.deps.metrics.registry.getSingleMetric('enrollpay_payment_intent_mismatches_total')?.get()
    )?.values.reduce((n, v) => n + v.value, 0) ?? 0;

  it('an amount changed at Stripe is refused: no success applied, an audit row and an alert metric', async () => {
    const { learner, opened, intentId } = await openPayment('Mismatch amount');
    const before = await mismatches();
    // Someone changed the amount at Stripe (dashboard, another integration) and it was paid.
    await stack.deps.stripe.paymentIntents.update(intentId, { amount: 100 });
    await stack.deps.stripe.paymentIntents.confirm(intentId, { payment_method: 'pm_card_visa' });
    const confirmed = await learner.payments.confirm.mutate({ paymentId: opened.paymentId });
    expect(confirmed.status).not.toBe('SUCCEEDED');
    expect(confirmed.enrollmentStatus).toBe('PENDING_PAYMENT');
    const row = await stack.db.payment.findUniqueOrThrow({ where: { id: opened.paymentId } });
    expect(row).toMatchObject({ amount: 4000, amountReceived: 0, succeededAt: null });
    const audit = await stack.db.auditLog.findMany({
      where: { paymentId: opened.paymentId, action: 'payment.intent_mismatch' },
    });
    // Each time the object is applied (confirm, and the webhook when it arrives) it is refused and counted.
    expect(audit.length).toBeGreaterThanOrEqual(1);
    for (const row of audit)
      expect(row.details).toMatchObject({ paymentIntentId: intentId, fields: ['amount'] });
    expect(await mismatches()).toBeGreaterThanOrEqual(before + audit.length);
    expect(
      await stack.db.outboxMessage.count({
        where: { kind: 'payment.receipt', payload: { path: ['paymentId'], equals: opened.paymentId } },
      }),
    ).toBe(0);
  });

  it('a livemode object for a test-mode payment is refused the same way', async () => {
    const { opened, intentId } = await openPayment('Mismatch livemode');
    const pi = await stack.deps.stripe.paymentIntents.retrieve(intentId);
    const event = {
      id: `evt_live_${crypto.randomUUID().slice(0, 8)}`,
      object: 'event',
      type: 'payment_intent.succeeded',
      created: Math.floor(Date.now() / 1000),
      livemode: true,
      api_version: pi.object ? '2024-06-20' : null,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: { ...pi, livemode: true, status: 'succeeded', amount_received: pi.amount } },
    };
    const res = await deliverSigned(stack, event);
    expect(res.statusCode).toBe(200);
    await stack.app.webhookProcessor.idle();
    const row = await stack.db.payment.findUniqueOrThrow({ where: { id: opened.paymentId } });
    expect(row.succeededAt).toBeNull();
    const audit = await stack.db.auditLog.findFirst({
      where: { paymentId: opened.paymentId, action: 'payment.intent_mismatch' },
    });
    expect(audit?.details).toMatchObject({ fields: ['livemode'] });
    const stored = await stack.db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(stored.lastError).toMatch(/livemode/);
  });
});

describe('an open payment after its offering changes', () => {
  async function offeringAt(amount: number, title: string) {
    return stack.clientFor(stack.users.specialist).offerings.create.mutate({
      title,
      description: 'repricing test',
      kind: 'COURSE',
      amount,
      currency: 'usd',
    });
  }
  const open = (offeringId: string) =>
    stack
      .clientFor(stack.users.learner2)
      .payments.createIntent.mutate({ offeringId, idempotencyKey: crypto.randomUUID() });
  const intentOf = (clientSecret: string | null) => (clientSecret ?? '').split('_secret_')[0] ?? '';

  it('repriced: the old PaymentIntent is canceled and a new one is opened at the new price', async () => {
    const offering = await offeringAt(2500, 'Repriced course');
    const first = await open(offering.id);
    expect(first.amount).toBe(2500);
    await stack
      .clientFor(stack.users.specialist)
      .offerings.update.mutate({ offeringId: offering.id, amount: 3000 });

    const second = await open(offering.id);
    expect(second).toMatchObject({ amount: 3000, currency: 'usd' });
    expect(second.clientSecret).not.toBe(first.clientSecret);
    const fresh = await stack.deps.stripe.paymentIntents.retrieve(intentOf(second.clientSecret));
    expect(fresh).toMatchObject({ amount: 3000, status: 'requires_payment_method' });
    const old = await stack.deps.stripe.paymentIntents.retrieve(intentOf(first.clientSecret));
    expect(old.status).toBe('canceled');
    // The old client secret can no longer pay the old price.
    await expect(
      stack.deps.stripe.paymentIntents.confirm(old.id, { payment_method: 'pm_card_visa' }),
    ).rejects.toThrow();
    expect(await stack.db.payment.findUniqueOrThrow({ where: { id: first.paymentId } })).toMatchObject({
      status: 'CANCELED',
    });
    // Asking again keeps the new one.
    expect((await open(offering.id)).clientSecret).toBe(second.clientSecret);
  });

  it('archived: its open PaymentIntents are canceled, so a held client secret cannot pay', async () => {
    const offering = await offeringAt(2000, 'Archived course');
    const opened = await open(offering.id);
    await stack.clientFor(stack.users.specialist).offerings.archive.mutate({ offeringId: offering.id });
    const pi = await stack.deps.stripe.paymentIntents.retrieve(intentOf(opened.clientSecret));
    expect(pi.status).toBe('canceled');
    await expect(
      stack.deps.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' }),
    ).rejects.toThrow();
    const payment = await stack.db.payment.findUniqueOrThrow({
      where: { id: opened.paymentId },
      include: { enrollment: true },
    });
    expect(payment.status).toBe('CANCELED');
    expect(payment.enrollment.status).toBe('CANCELLED');
  });
});
