import { randomUUID } from 'node:crypto';
import { parseCrontab } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASKS } from '../src/jobs/queue.js';
import { crontab } from '../src/jobs/worker.js';
import { releaseStaleHolds } from '../src/promotions/expire-holds.js';
import { startTestStack, type TestStack, type TestUser } from './harness.js';
import { errorOf, newLearner as learnerOf, newOffering } from './pay.js';

// Abandoned checkouts give their promotion code use back (src/promotions/expire-holds.ts): the job
// against the emulator over HTTP and real PostgreSQL, with the app's clock moved forward.
let stack: TestStack;
let offsetMs = 0;
const minutes = 60_000;

beforeAll(async () => {
  // No webhooks: a payment that succeeds at Stripe stays PENDING in our database until something syncs
  // it, which is exactly the race with the job that the second test needs.
  stack = await startTestStack({
    webhooks: false,
    clock: { now: () => new Date(Date.now() + offsetMs) },
    env: { PROMOTION_HOLD_MINUTES: '60' },
  });
});
afterAll(async () => {
  await stack?.close();
});

const intentIdOf = (clientSecret: string | null) => (clientSecret ?? '').split('_secret_')[0] ?? '';

const newLearner = () => learnerOf(stack, 'holds-learner');

async function oneUseCode(offeringId: string) {
  return stack.clientFor(stack.users.specialist).promotionCodes.create.mutate({
    code: `ONCE${randomUUID().slice(0, 6)}`,
    kind: 'PERCENT',
    percentOff: 20,
    maxRedemptions: 1,
    offeringIds: [offeringId],
  });
}

function checkout(learner: TestUser, offeringId: string, promotionCode: string) {
  return stack.clientFor(learner).payments.createIntent.mutate({
    offeringId,
    idempotencyKey: randomUUID(),
    promotionCode,
  });
}

/** enrollpay_promotion_holds_released_total as GET /metrics shows it. */
async function releasedOnMetrics(): Promise<number> {
  const res = await fetch(`${stack.url}/metrics`, {
    headers: { authorization: `Bearer ${stack.deps.env.METRICS_TOKEN}` },
  });
  expect(res.status).toBe(200);
  const line = (await res.text())
    .split('\n')
    .find((l) => l.startsWith('enrollpay_promotion_holds_released_total '));
  const value = Number(line?.split(' ')[1]);
  if (!Number.isInteger(value)) throw new Error(`no enrollpay_promotion_holds_released_total on /metrics`);
  return value;
}

/** Runs the job as if `ahead` ms had passed on the app's clock. */
async function runJobAfter(ahead: number) {
  offsetMs = ahead;
  try {
    return await releaseStaleHolds(stack.deps);
  } finally {
    offsetMs = 0;
  }
}

describe('the stale promotion hold job', () => {
  it("is in the worker's schedule every 5 minutes, as one job across instances", () => {
    const items = parseCrontab(crontab(stack.deps));
    const item = items.find((i) => i.task === TASKS.releaseStaleHolds);
    const at = (min: number) => item?.match({ min, hour: 3, date: 1, month: 1, dow: 1 });
    expect([0, 5, 55].map(at)).toEqual([true, true, true]);
    expect([1, 7, 59].map(at)).toEqual([false, false, false]);
    expect(item?.options.jobKey).toBe('promotion-release-stale');
  });

  it('cancels an abandoned checkout after PROMOTION_HOLD_MINUTES, so the next learner can use the code', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 5000 });
    const code = await oneUseCode(offering.id);
    const abandoner = await newLearner();
    const next = await newLearner();

    const abandoned = await checkout(abandoner, offering.id, code.code);
    expect(abandoned.amount).toBe(4000);
    const refused = await errorOf(checkout(next, offering.id, code.code));
    expect(refused.message).toMatch(/this code has been used up/);

    // 59 minutes of silence: still held.
    const releasedBefore = await releasedOnMetrics();
    const early = await runJobAfter(59 * minutes);
    expect(early).toMatchObject({ found: 0, released: 0 });
    expect((await stack.db.promotionCode.findUniqueOrThrow({ where: { id: code.id } })).heldCount).toBe(1);

    // 61 minutes: the PaymentIntent is canceled at Stripe and the use is free again.
    const late = await runJobAfter(61 * minutes);
    expect(late.released).toBeGreaterThanOrEqual(1);
    expect(late.failed).toEqual([]);
    // Operators see every release on /metrics (one per payment canceled; none for the early run).
    expect(await releasedOnMetrics()).toBe(releasedBefore + late.released);
    const intent = await stack.deps.stripe.paymentIntents.retrieve(intentIdOf(abandoned.clientSecret));
    expect(intent).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    const payment = await stack.db.payment.findUniqueOrThrow({
      where: { id: abandoned.paymentId },
      include: { enrollment: true, redemption: true },
    });
    expect(payment).toMatchObject({ status: 'CANCELED', redemption: null });
    expect(payment.enrollment.status).toBe('CANCELLED');
    expect(await stack.db.promotionCode.findUniqueOrThrow({ where: { id: code.id } })).toMatchObject({
      heldCount: 0,
      redeemedCount: 0,
    });
    const logged = await stack.db.auditLog.findFirst({
      where: { paymentId: abandoned.paymentId, action: 'payment.intent_canceled' },
    });
    expect(logged?.details).toMatchObject({ reason: 'abandoned' });
    // What the abandoning learner sees: the payment is canceled; the old PaymentIntent cannot be paid.
    const seen = await stack.clientFor(abandoner).payments.get.query({ paymentId: abandoned.paymentId });
    expect(seen.status).toBe('CANCELED');
    await expect(
      stack.deps.stripe.paymentIntents.confirm(intentIdOf(abandoned.clientSecret), {
        payment_method: 'pm_card_visa',
      }),
    ).rejects.toThrow();

    // The next learner gets the code now and pays with it; it is used up again.
    const theirs = await checkout(next, offering.id, code.code);
    expect(theirs).toMatchObject({ amount: 4000, discountAmount: 1000 });
    await stack.deps.stripe.paymentIntents.confirm(intentIdOf(theirs.clientSecret), {
      payment_method: 'pm_card_visa',
    });
    const paid = await stack.clientFor(next).payments.confirm.mutate({ paymentId: theirs.paymentId });
    expect(paid.status).toBe('SUCCEEDED');
    expect(await stack.db.promotionCode.findUniqueOrThrow({ where: { id: code.id } })).toMatchObject({
      heldCount: 1,
      redeemedCount: 1,
    });

    // Another run long after: the succeeded payment is not touched, nothing is found.
    const again = await runJobAfter(600 * minutes);
    expect(again.found).toBe(0);
    expect((await stack.db.payment.findUniqueOrThrow({ where: { id: theirs.paymentId } })).status).toBe(
      'SUCCEEDED',
    );
  });

  it('a payment that succeeded at Stripe meanwhile is synced, not canceled, and its use counts once', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 3000 });
    const code = await oneUseCode(offering.id);
    const learner = await newLearner();
    const opened = await checkout(learner, offering.id, code.code);
    // The learner pays at Stripe; our database has not heard of it yet (no webhook, no confirm).
    await stack.deps.stripe.paymentIntents.confirm(intentIdOf(opened.clientSecret), {
      payment_method: 'pm_card_visa',
    });
    expect((await stack.db.payment.findUniqueOrThrow({ where: { id: opened.paymentId } })).status).toBe(
      'PENDING',
    );

    const result = await runJobAfter(61 * minutes);
    expect(result.synced).toBeGreaterThanOrEqual(1);
    expect(result.failed).toEqual([]);
    const intent = await stack.deps.stripe.paymentIntents.retrieve(intentIdOf(opened.clientSecret));
    expect(intent.status).toBe('succeeded');
    const payment = await stack.db.payment.findUniqueOrThrow({
      where: { id: opened.paymentId },
      include: { enrollment: true, redemption: true },
    });
    expect(payment.status).toBe('SUCCEEDED');
    expect(payment.enrollment.status).toBe('ACTIVE');
    expect(payment.redemption?.status).toBe('REDEEMED');
    expect(
      await stack.db.auditLog.count({
        where: { paymentId: opened.paymentId, action: 'payment.intent_canceled' },
      }),
    ).toBe(0);

    // The learner's own confirm and another job run later change nothing: the use counts once.
    const confirmed = await stack.clientFor(learner).payments.confirm.mutate({ paymentId: opened.paymentId });
    expect(confirmed.status).toBe('SUCCEEDED');
    expect((await runJobAfter(61 * minutes)).found).toBe(0);
    expect(await stack.db.promotionCode.findUniqueOrThrow({ where: { id: code.id } })).toMatchObject({
      heldCount: 1,
      redeemedCount: 1,
    });
    const other = await errorOf(checkout(await newLearner(), offering.id, code.code));
    expect(other.message).toMatch(/this code has been used up/);
  });
});
