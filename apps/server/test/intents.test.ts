import { TRPCClientError } from '@trpc/client';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../src/trpc/router.js';
import { startTestStack, type TestStack } from './harness.js';

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

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCClientError) return String(error.data?.code);
    throw error;
  }
}

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
    const intentId = clientSecret.split('_secret_')[0]!;
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
    const intentId = clientSecret.split('_secret_')[0]!;
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
