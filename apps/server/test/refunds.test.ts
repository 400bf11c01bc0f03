import type { Db } from '@enrollpay/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleStrandedRefunds } from '../src/payments/refunds.js';
import { eventually, startTestStack, type TestStack } from './harness.js';
import { codeOf, errorOf, newOffering, pay } from './pay.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.close();
});

const auditActions = async (db: Db, paymentId: string) =>
  (await db.auditLog.findMany({ where: { paymentId }, orderBy: { createdAt: 'asc' } })).map((a) => a.action);

describe('learner self-service refunds', () => {
  it('the refund window is the one in force at purchase: a later change to the offering does not move it', async () => {
    const offering = await newOffering(stack, stack.users.specialist, {
      amount: 1500,
      currency: 'usd',
      refundWindowDays: 14,
    });
    const paymentId = await pay(stack, stack.users.learner, offering.id);
    const learner = stack.clientFor(stack.users.learner);
    const promised = await learner.payments.refundability.query({ paymentId });
    expect(promised.refundable).toBe(true);

    // The specialist turns self-service refunds off after the sale.
    await stack
      .clientFor(stack.users.specialist)
      .offerings.update.mutate({ offeringId: offering.id, refundWindowDays: 0 });
    const later = await learner.payments.refundability.query({ paymentId });
    expect(later).toMatchObject({ refundable: true, reason: null, windowEndsAt: promised.windowEndsAt });
    const refund = await learner.payments.refund.mutate({ paymentId, reason: 'REQUESTED_BY_CUSTOMER' });
    expect(refund.status).toBe('SUCCEEDED');

    // A sale after the change gets the new terms.
    const second = await newOffering(stack, stack.users.specialist, { amount: 1500, refundWindowDays: 0 });
    const secondPayment = await pay(stack, stack.users.learner, second.id);
    expect(await learner.payments.refundability.query({ paymentId: secondPayment })).toMatchObject({
      refundable: false,
      reason: 'NOT_ALLOWED',
    });
  });

  it('a learner gets a full refund within the window; the enrollment ends; a second refund is refused', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 4200, currency: 'usd' });
    const paymentId = await pay(stack, stack.users.learner, offering.id);
    const learner = stack.clientFor(stack.users.learner);

    const before = await learner.payments.refundability.query({ paymentId });
    expect(before).toMatchObject({ refundable: true, reason: null, maxAmount: 4200, currency: 'usd' });
    expect(before.message).toContain('$42.00');
    expect(Date.parse(before.windowEndsAt!)).toBeGreaterThan(Date.now() + 13 * 86_400_000);

    const refund = await learner.payments.refund.mutate({ paymentId, reason: 'REQUESTED_BY_CUSTOMER' });
    expect(refund).toMatchObject({
      amount: 4200,
      currency: 'usd',
      status: 'SUCCEEDED',
      paymentStatus: 'REFUNDED',
    });

    const row = await stack.db.refund.findUniqueOrThrow({ where: { id: refund.refundId } });
    expect(row).toMatchObject({ status: 'SUCCEEDED', amount: 4200, requestedById: stack.users.learner.id });
    const stripeRefund = await stack.deps.stripe.refunds.retrieve(row.stripeRefundId!);
    expect(stripeRefund).toMatchObject({ amount: 4200, reason: 'requested_by_customer' });
    expect(stripeRefund.metadata).toEqual({ paymentId, refundId: row.id });
    const payment = await stack.db.payment.findUniqueOrThrow({
      where: { id: paymentId },
      include: { enrollment: true },
    });
    expect(payment.amountRefunded).toBe(4200);
    expect(payment.enrollment.status).toBe('REFUNDED');
    expect(await auditActions(stack.db, paymentId)).toEqual(
      expect.arrayContaining(['refund.requested', 'refund.created']),
    );

    expect(await learner.payments.refundability.query({ paymentId })).toMatchObject({
      refundable: false,
      reason: 'ALREADY_REFUNDED',
      maxAmount: 0,
    });
    const again = await errorOf(
      learner.payments.refund.mutate({ paymentId, reason: 'REQUESTED_BY_CUSTOMER' }),
    );
    expect(again.data?.code).toBe('BAD_REQUEST');
    expect(again.message).toMatch(/already been refunded/);
    expect(await stack.db.refund.count({ where: { paymentId } })).toBe(1);
  });

  it('learners may only refund in full, and not as "fraudulent"', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 3000, currency: 'usd' });
    const paymentId = await pay(stack, stack.users.learner2, offering.id);
    const learner = stack.clientFor(stack.users.learner2);
    const partial = await errorOf(
      learner.payments.refund.mutate({ paymentId, amount: 1000, reason: 'OTHER' }),
    );
    expect(partial.data?.code).toBe('BAD_REQUEST');
    expect(partial.message).toMatch(/only request a full refund/);
    expect(await codeOf(learner.payments.refund.mutate({ paymentId, reason: 'FRAUDULENT' }))).toBe(
      'BAD_REQUEST',
    );
    expect(await stack.db.refund.count({ where: { paymentId } })).toBe(0);
    // The exact full amount is fine.
    expect((await learner.payments.refund.mutate({ paymentId, amount: 3000, reason: 'OTHER' })).amount).toBe(
      3000,
    );
  });

  it('after the refund window only the specialist can refund; a 0-day window means no self-service', async () => {
    const offering = await newOffering(stack, stack.users.specialist2, {
      amount: 5000,
      currency: 'jpy',
      refundWindowDays: 7,
    });
    const paymentId = await pay(stack, stack.users.learner, offering.id);
    await stack.db.payment.update({
      where: { id: paymentId },
      data: { succeededAt: new Date(Date.now() - 8 * 86_400_000) },
    });
    const learner = stack.clientFor(stack.users.learner);
    const verdict = await learner.payments.refundability.query({ paymentId });
    expect(verdict).toMatchObject({
      refundable: false,
      reason: 'WINDOW_PASSED',
      maxAmount: 0,
      currency: 'jpy',
    });
    expect(verdict.message).toMatch(/7-day refund window ended/);
    expect(await codeOf(learner.payments.refund.mutate({ paymentId, reason: 'REQUESTED_BY_CUSTOMER' }))).toBe(
      'BAD_REQUEST',
    );
    const specialist = stack.clientFor(stack.users.specialist2);
    expect(await specialist.payments.refundability.query({ paymentId })).toMatchObject({
      refundable: true,
      maxAmount: 5000,
      windowEndsAt: null,
    });
    expect((await specialist.payments.refund.mutate({ paymentId, reason: 'OTHER' })).paymentStatus).toBe(
      'REFUNDED',
    );

    const noWindow = await newOffering(stack, stack.users.specialist2, { refundWindowDays: 0 });
    const other = await pay(stack, stack.users.learner, noWindow.id);
    expect(await learner.payments.refundability.query({ paymentId: other })).toMatchObject({
      refundable: false,
      reason: 'NOT_ALLOWED',
    });
  });

  it('a payment that did not succeed is not refundable', async () => {
    const offering = await newOffering(stack, stack.users.specialist);
    const paymentId = await pay(stack, stack.users.learner, offering.id, 'pm_card_visa_chargeDeclined');
    const learner = stack.clientFor(stack.users.learner);
    expect(await learner.payments.refundability.query({ paymentId })).toMatchObject({
      refundable: false,
      reason: 'NOT_SUCCEEDED',
    });
    expect(
      await codeOf(
        stack.clientFor(stack.users.specialist).payments.refund.mutate({ paymentId, reason: 'OTHER' }),
      ),
    ).toBe('BAD_REQUEST');
  });
});

describe('specialist and admin refunds', () => {
  it('partial refunds add up to at most the amount paid', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 10_000, currency: 'eur' });
    const paymentId = await pay(stack, stack.users.learner2, offering.id);
    const specialist = stack.clientFor(stack.users.specialist);
    const admin = stack.clientFor(stack.users.admin);

    const first = await specialist.payments.refund.mutate({ paymentId, amount: 2500, reason: 'OTHER' });
    expect(first).toMatchObject({ amount: 2500, status: 'SUCCEEDED', paymentStatus: 'PARTIALLY_REFUNDED' });
    expect((await admin.payments.refundability.query({ paymentId })).maxAmount).toBe(7500);
    // The learner cannot take the rest themselves once part was refunded.
    expect(
      await stack.clientFor(stack.users.learner2).payments.refundability.query({ paymentId }),
    ).toMatchObject({ refundable: false, reason: 'ALREADY_REFUNDED' });

    const tooMuch = await errorOf(
      specialist.payments.refund.mutate({ paymentId, amount: 7501, reason: 'OTHER' }),
    );
    expect(tooMuch.data?.code).toBe('BAD_REQUEST');
    expect(tooMuch.message).toContain('€75.00');

    await admin.payments.refund.mutate({ paymentId, amount: 5000, reason: 'DUPLICATE' });
    const last = await specialist.payments.refund.mutate({ paymentId, reason: 'OTHER' });
    expect(last).toMatchObject({ amount: 2500, paymentStatus: 'REFUNDED' });

    const payment = await stack.db.payment.findUniqueOrThrow({
      where: { id: paymentId },
      include: { enrollment: true },
    });
    expect(payment).toMatchObject({ amountRefunded: 10_000, status: 'REFUNDED' });
    expect(payment.enrollment.status).toBe('REFUNDED');
    const stripeRefunds = await stack.deps.stripe.refunds.list({
      payment_intent: payment.stripePaymentIntentId!,
    });
    expect(stripeRefunds.data.map((r) => r.amount).sort()).toEqual([2500, 2500, 5000]);
  });

  it('concurrent refunds never exceed the amount paid', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 10_000, currency: 'usd' });
    const paymentIds = [
      await pay(stack, stack.users.learner, offering.id),
      await pay(stack, stack.users.learner2, offering.id),
    ];
    const specialist = stack.clientFor(stack.users.specialist);
    const results = await Promise.allSettled(
      paymentIds.flatMap((paymentId) =>
        Array.from({ length: 12 }, () =>
          specialist.payments.refund.mutate({ paymentId, amount: 3000, reason: 'OTHER' }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(6);
    for (const r of results) {
      if (r.status === 'rejected')
        expect(String(r.reason.message)).toMatch(/can still be refunded|in full\.$/);
    }
    for (const paymentId of paymentIds) {
      // Our own check refused the extra ones: no refund row was written for them, none reached Stripe.
      const rows = await stack.db.refund.findMany({ where: { paymentId }, select: { status: true } });
      expect(rows.map((r) => r.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
      const payment = await stack.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
      expect(payment).toMatchObject({ amountRefunded: 9000, status: 'PARTIALLY_REFUNDED' });
      const charge = await stack.deps.stripe.charges.retrieve(payment.stripeChargeId!);
      expect(charge.amount_refunded).toBe(9000);
    }
  });

  it('when Stripe refuses, the refund row is FAILED and the caller gets a clear BAD_REQUEST', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 2000, currency: 'usd' });
    const paymentId = await pay(stack, stack.users.learner2, offering.id);
    const payment = await stack.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    // Someone refunds in Stripe's dashboard while we do not hear about it yet.
    stack.emulator.controls.pauseDelivery();
    try {
      await stack.deps.stripe.refunds.create({ payment_intent: payment.stripePaymentIntentId! });
      const error = await errorOf(
        stack.clientFor(stack.users.specialist).payments.refund.mutate({ paymentId, reason: 'OTHER' }),
      );
      expect(error.data?.code).toBe('BAD_REQUEST');
      expect(error.message).toBe('This payment has already been refunded in full');
      const rows = await stack.db.refund.findMany({ where: { paymentId, requestedById: { not: null } } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'FAILED', stripeRefundId: null });
      expect(rows[0]!.failureReason).toMatch(/refunded/);
      expect(await auditActions(stack.db, paymentId)).toContain('refund.failed');
    } finally {
      stack.emulator.controls.resumeDelivery();
    }
  });

  it('a refund the bank fails later frees its amount again', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 1500, currency: 'usd' });
    const paymentId = await pay(stack, stack.users.learner, offering.id, 'pm_card_refundFail');
    const specialist = stack.clientFor(stack.users.specialist);
    const refund = await specialist.payments.refund.mutate({ paymentId, reason: 'OTHER' });
    expect(refund.amount).toBe(1500);
    await eventually(async () => {
      const row = await stack.db.refund.findUniqueOrThrow({ where: { id: refund.refundId } });
      return row.status === 'FAILED';
    });
    expect(await specialist.payments.refundability.query({ paymentId })).toMatchObject({
      refundable: true,
      maxAmount: 1500,
    });
  });

  it('a disputed payment cannot be refunded by anyone', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 6000, currency: 'usd' });
    const paymentId = await pay(stack, stack.users.learner, offering.id, 'pm_card_createDispute');
    await eventually(
      async () => (await stack.db.payment.findUniqueOrThrow({ where: { id: paymentId } })).disputedAt,
    );
    for (const user of [stack.users.learner, stack.users.specialist, stack.users.admin]) {
      expect(await stack.clientFor(user).payments.refundability.query({ paymentId })).toMatchObject({
        refundable: false,
        reason: 'DISPUTED',
      });
    }
    expect(
      await codeOf(stack.clientFor(stack.users.admin).payments.refund.mutate({ paymentId, reason: 'OTHER' })),
    ).toBe('BAD_REQUEST');
  });

  it("someone else's payment is NOT_FOUND, for refunds and refundability alike", async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 1000 });
    const paymentId = await pay(stack, stack.users.learner, offering.id);
    for (const user of [stack.users.learner2, stack.users.specialist2]) {
      const client = stack.clientFor(user);
      expect(await codeOf(client.payments.refundability.query({ paymentId }))).toBe('NOT_FOUND');
      expect(await codeOf(client.payments.refund.mutate({ paymentId, reason: 'OTHER' }))).toBe('NOT_FOUND');
    }
    expect(await stack.db.refund.count({ where: { paymentId } })).toBe(0);
  });
});

describe('refunds whose Stripe call had an unknown outcome', () => {
  const rateLimitNext = (count: number) =>
    fetch(`${stack.emulator.url}/_emulator/rate-limit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.emulator.controlToken}` },
      body: JSON.stringify({ count }),
    });

  it('stay PENDING holding their amount, then are settled with the same idempotency key, once', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 3000, currency: 'usd' });
    const paymentId = await pay(stack, stack.users.learner2, offering.id);
    const specialist = stack.clientFor(stack.users.specialist);

    await rateLimitNext(1);
    expect(
      await codeOf(specialist.payments.refund.mutate({ paymentId, amount: 1000, reason: 'OTHER' })),
    ).toBe('SERVICE_UNAVAILABLE');
    const pending = await stack.db.refund.findFirstOrThrow({ where: { paymentId } });
    expect(pending).toMatchObject({ status: 'PENDING', stripeRefundId: null, amount: 1000 });
    // The unknown refund keeps its amount: only 2000 is left to refund.
    expect((await specialist.payments.refundability.query({ paymentId })).maxAmount).toBe(2000);

    // Nothing is settled while the row is young; then the settle run finishes it.
    expect(await settleStrandedRefunds(stack.deps)).toBe(0);
    expect(await settleStrandedRefunds(stack.deps, { olderThanMs: 0 })).toBe(1);
    const settled = await stack.db.refund.findUniqueOrThrow({ where: { id: pending.id } });
    expect(settled.status).toBe('SUCCEEDED');
    expect(settled.stripeRefundId).toMatch(/^re_/);
    const payment = await stack.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    expect(payment).toMatchObject({ status: 'PARTIALLY_REFUNDED', amountRefunded: 1000 });

    expect(await settleStrandedRefunds(stack.deps, { olderThanMs: 0 })).toBe(0);
    const atStripe = await stack.deps.stripe.refunds.list({ payment_intent: payment.stripePaymentIntentId! });
    expect(atStripe.data.map((r) => r.amount)).toEqual([1000]);
  });

  it('a refund Stripe did make, though we never heard back, is linked, not made twice', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 2500, currency: 'usd' });
    const paymentId = await pay(stack, stack.users.learner2, offering.id);
    await rateLimitNext(1);
    await codeOf(
      stack.clientFor(stack.users.specialist).payments.refund.mutate({ paymentId, reason: 'DUPLICATE' }),
    );
    const pending = await stack.db.refund.findFirstOrThrow({ where: { paymentId } });
    const payment = await stack.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    // Stripe receives the request after all (as if our side timed out): same parameters, same key.
    const madeAnyway = await stack.deps.stripe.refunds.create(
      {
        payment_intent: payment.stripePaymentIntentId!,
        amount: 2500,
        reason: 'duplicate',
        metadata: { paymentId, refundId: pending.id },
      },
      { idempotencyKey: `refund:${pending.id}` },
    );

    expect(await settleStrandedRefunds(stack.deps, { olderThanMs: 0 })).toBe(1);
    const settled = await stack.db.refund.findUniqueOrThrow({ where: { id: pending.id } });
    expect(settled).toMatchObject({ status: 'SUCCEEDED', stripeRefundId: madeAnyway.id });
    const atStripe = await stack.deps.stripe.refunds.list({ payment_intent: payment.stripePaymentIntentId! });
    expect(atStripe.data).toHaveLength(1);
  });
});
