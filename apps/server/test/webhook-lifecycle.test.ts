import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox } from '../src/jobs/outbox.js';
import { listCapturedMail } from '../src/mail/mailer.js';
import { reconcile } from '../src/reconcile/reconcile.js';
import { drainWebhookEvents } from '../src/webhooks/apply-event.js';
import { eventually, startTestStack, type TestStack, type TestUser } from './harness.js';
import { newLearner as learnerOf } from './pay.js';

// The whole lifecycle end to end: the emulator delivers real signed webhooks to the real server over
// HTTP; the server stores and applies them; the outbox sends mail through the file mailer.

let stack: TestStack;
let stripe: Stripe;

beforeAll(async () => {
  stack = await startTestStack();
  stripe = stack.deps.stripe;
});
afterAll(async () => {
  await stack?.close();
});

/** A fresh learner, so every scenario has its own (learner, offering) enrollment. */
const newLearner = () => learnerOf(stack, 'wh-learner');

function usdOffering() {
  const offering = stack.offerings.find((o) => o.active && o.currency === 'usd');
  if (!offering) throw new Error('no active usd offering in the seed');
  return offering;
}

/** createIntent through our API, then the card step straight at Stripe (as Stripe.js would). */
async function pay(card: string, learner?: TestUser) {
  const who = learner ?? (await newLearner());
  const offering = usdOffering();
  const { paymentId } = await stack.clientFor(who).payments.createIntent.mutate({
    offeringId: offering.id,
    idempotencyKey: `wh-${who.id}-${offering.id}`,
  });
  const { stripePaymentIntentId } = await stack.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
  if (!stripePaymentIntentId) throw new Error('payment has no PaymentIntent');
  let intent: Stripe.PaymentIntent | null = null;
  try {
    intent = await stripe.paymentIntents.confirm(stripePaymentIntentId, { payment_method: card });
  } catch (error) {
    if (!(error instanceof Error && 'type' in error && error.type === 'StripeCardError')) throw error;
  }
  return { paymentId, piId: stripePaymentIntentId, intent, learner: who, offering };
}

// One snapshot: Prisma reads an include with separate queries, so without a transaction a sync that
// commits between them shows a payment from before it next to a dispute from after it.
const paymentOf = (id: string) =>
  stack.db.$transaction(
    (tx) =>
      tx.payment.findUniqueOrThrow({
        where: { id },
        include: { enrollment: true, refunds: true, disputes: true },
      }),
    { isolationLevel: 'RepeatableRead' },
  );

async function until(id: string, ok: (p: Awaited<ReturnType<typeof paymentOf>>) => boolean) {
  return eventually(async () => {
    const p = await paymentOf(id);
    return ok(p) ? p : null;
  });
}

async function mailsFor(paymentId: string) {
  const rows = await stack.db.outboxMessage.findMany({
    where: { payload: { path: ['paymentId'], equals: paymentId } },
    select: { kind: true, recipient: true, dedupeKey: true },
  });
  return rows.map((r) => `${r.kind} → ${r.recipient}`).sort();
}

async function eventsFor(piId: string) {
  return stack.db.webhookEvent.findMany({
    where: { payload: { path: ['data', 'object', 'payment_intent'], equals: piId } },
  });
}

describe('payments end to end through webhooks', () => {
  it('success: payment and enrollment complete, verified by the webhook, two emails queued', async () => {
    const { paymentId, piId, learner } = await pay('pm_card_visa');
    const p = await until(paymentId, (p) => p.webhookVerified);
    expect(p).toMatchObject({
      status: 'SUCCEEDED',
      stripeStatus: 'succeeded',
      amountReceived: p.amount,
      cardLast4: '4242',
      cardBrand: 'visa',
      stripeChargeId: expect.stringMatching(/^ch_/),
      receiptUrl: expect.stringMatching(/^http/),
      webhookVerified: true,
    });
    expect(p.enrollment).toMatchObject({
      status: 'ACTIVE',
      paymentStatus: 'SUCCEEDED',
      paymentId,
      webhookVerified: true,
    });
    expect(p.enrollment.paymentDate).not.toBeNull();
    expect(await mailsFor(paymentId)).toEqual([
      `enrollment.new → specialist@demo.test`,
      `payment.receipt → ${learner.email}`,
    ]);
    const event = await stack.db.webhookEvent.findFirstOrThrow({
      where: { type: 'payment_intent.succeeded', objectId: piId },
    });
    expect(event).toMatchObject({ status: 'PROCESSED', attempts: 1, lastError: null });
  });

  it('decline: failure recorded, enrollment stays pending, the learner gets a retry link', async () => {
    const { paymentId, learner } = await pay('pm_card_chargeDeclinedInsufficientFunds');
    const p = await until(paymentId, (p) => p.status === 'FAILED');
    expect(p).toMatchObject({
      failureCode: 'card_declined',
      declineCode: 'insufficient_funds',
      failureMessage: expect.any(String),
    });
    expect(p.enrollment.status).toBe('PENDING_PAYMENT');
    expect(await mailsFor(paymentId)).toEqual([`payment.failed → ${learner.email}`]);
  });

  it('3-D Secure approved, and 3-D Secure failed', async () => {
    const ok = await pay('pm_card_authenticationRequired');
    expect(ok.intent?.status).toBe('requires_action');
    await until(ok.paymentId, (p) => p.status === 'REQUIRES_ACTION');
    stack.emulator.controls.authenticate(ok.piId, 'complete');
    expect((await until(ok.paymentId, (p) => p.status === 'SUCCEEDED')).enrollment.status).toBe('ACTIVE');

    const failed = await pay('pm_card_authenticationRequired');
    stack.emulator.controls.authenticate(failed.piId, 'fail');
    const p = await until(failed.paymentId, (p) => p.status === 'FAILED');
    expect(p.enrollment.status).toBe('PENDING_PAYMENT');
    expect(await mailsFor(failed.paymentId)).toEqual([`payment.failed → ${failed.learner.email}`]);
  });

  it('refunds: partial keeps the enrollment, full ends it, a failed one is visible and mailed to the specialist', async () => {
    const partial = await pay('pm_card_visa');
    const p1 = await until(partial.paymentId, (p) => p.status === 'SUCCEEDED');
    await stripe.refunds.create({ payment_intent: partial.piId, amount: 500 });
    const afterPartial = await until(partial.paymentId, (p) => p.status === 'PARTIALLY_REFUNDED');
    expect(afterPartial).toMatchObject({ amountRefunded: 500 });
    expect(afterPartial.enrollment.status).toBe('ACTIVE');
    await stripe.refunds.create({ payment_intent: partial.piId, amount: p1.amount - 500 });
    const full = await until(partial.paymentId, (p) => p.status === 'REFUNDED');
    expect(full.amountRefunded).toBe(p1.amount);
    expect(full.refunds.map((r) => r.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(full.enrollment.status).toBe('REFUNDED');
    expect((await mailsFor(partial.paymentId)).filter((m) => m.startsWith('refund.processed'))).toHaveLength(
      2,
    );

    const failing = await pay('pm_card_refundFail');
    await until(failing.paymentId, (p) => p.status === 'SUCCEEDED');
    await stripe.refunds.create({ payment_intent: failing.piId });
    const p = await until(failing.paymentId, (p) => p.refunds[0]?.status === 'FAILED');
    expect(p.refunds[0]).toMatchObject({ failureReason: 'expired_or_canceled_card' });
    expect(p).toMatchObject({ status: 'SUCCEEDED', amountRefunded: 0 });
    expect(p.enrollment.status).toBe('ACTIVE');
    expect((await mailsFor(failing.paymentId)).filter((m) => m.startsWith('refund.failed'))).toEqual([
      'refund.failed → specialist@demo.test',
    ]);
  });

  it('disputes: opened suspends and tells specialist and admin; won restores, lost ends', async () => {
    for (const outcome of ['won', 'lost'] as const) {
      const { paymentId } = await pay('pm_card_createDispute');
      const disputed = await until(paymentId, (p) => p.status === 'DISPUTED' && p.disputes.length === 1);
      expect(disputed.enrollment.status).toBe('SUSPENDED');
      expect((await mailsFor(paymentId)).filter((m) => m.startsWith('dispute.opened'))).toEqual([
        'dispute.opened → admin@demo.test',
        'dispute.opened → specialist@demo.test',
      ]);
      const disputeId = disputed.disputes[0]?.stripeDisputeId ?? '';
      stack.emulator.controls.resolveDispute(disputeId, outcome);
      const closed = await until(paymentId, (p) => p.disputes[0]?.status === outcome);
      expect(closed.status).toBe(outcome === 'won' ? 'SUCCEEDED' : 'DISPUTED');
      expect(closed.enrollment.status).toBe(outcome === 'won' ? 'ACTIVE' : 'CANCELLED');
    }
  });
});

describe('order and duplicates do not matter', () => {
  it('every event delivered twice, in shuffled order, ends in the same rows and one email each', async () => {
    const controls = stack.emulator.controls;
    controls.pauseDelivery();
    const ok = await pay('pm_card_visa');
    const declined = await pay('pm_card_chargeDeclined');
    const declinedThenOk = await pay('pm_card_chargeDeclined');
    // The learner retries with a good card: a late payment_failed must not undo the success.
    await stripe.paymentIntents.confirm(declinedThenOk.piId, { payment_method: 'pm_card_visa' });
    const refunded = await pay('pm_card_visa');
    await stripe.refunds.create({ payment_intent: refunded.piId, amount: 700 });

    controls.duplicate(true);
    controls.shuffle(true);
    controls.resumeDelivery();
    await controls.idle();
    // And once more, every event again, in reverse order.
    const events = controls
      .events()
      .filter(
        (e) =>
          e.type.startsWith('payment_intent.') ||
          e.type.startsWith('charge.') ||
          e.type.startsWith('refund.'),
      );
    for (const e of [...events].reverse()) controls.resend(e.id);
    await controls.idle();
    controls.duplicate(false);
    controls.shuffle(false);
    await drainWebhookEvents(stack.deps);

    const a = await until(ok.paymentId, (p) => p.status === 'SUCCEEDED');
    expect(a.enrollment.status).toBe('ACTIVE');
    const b = await until(declined.paymentId, (p) => p.status === 'FAILED');
    expect(b.enrollment.status).toBe('PENDING_PAYMENT');
    const bb = await until(declinedThenOk.paymentId, (p) => p.status === 'SUCCEEDED');
    expect(bb.enrollment.status).toBe('ACTIVE');
    const c = await until(refunded.paymentId, (p) => p.status === 'PARTIALLY_REFUNDED');
    expect(c.amountRefunded).toBe(700);
    expect(c.refunds).toHaveLength(1);

    expect(await mailsFor(ok.paymentId)).toEqual([
      `enrollment.new → specialist@demo.test`,
      `payment.receipt → ${ok.learner.email}`,
    ]);
    expect(await mailsFor(declined.paymentId)).toEqual([`payment.failed → ${declined.learner.email}`]);
    // Whether the failure mail went out depends on whether it was learnt before the success (a failure
    // learnt afterwards is stale and mailed to nobody); the receipt goes out once either way.
    const retried = await mailsFor(declinedThenOk.paymentId);
    expect(retried.filter((m) => m !== `payment.failed → ${declinedThenOk.learner.email}`)).toEqual([
      'enrollment.new → specialist@demo.test',
      `payment.receipt → ${declinedThenOk.learner.email}`,
    ]);
    expect(retried.length).toBeLessThanOrEqual(3);
    expect(await mailsFor(refunded.paymentId)).toEqual([
      'enrollment.new → specialist@demo.test',
      `payment.receipt → ${refunded.learner.email}`,
      `refund.processed → ${refunded.learner.email}`,
    ]);
    // Each event is stored once however often it came.
    for (const e of events) expect(await stack.db.webhookEvent.count({ where: { id: e.id } })).toBe(1);
    expect(await eventsFor(refunded.piId)).not.toHaveLength(0);
  });
});

describe('reconciliation', () => {
  it('repairs what missed webhooks left behind, audits it, and stays quiet on a second run', async () => {
    const controls = stack.emulator.controls;
    const since = new Date(Date.now() - 60_000);
    controls.pauseDelivery();
    const lost = await pay('pm_card_visa');
    await stripe.refunds.create({ payment_intent: lost.piId, amount: 300 });
    const lostDispute = await pay('pm_card_createDispute');
    await new Promise((r) => setTimeout(r, 200)); // the emulator opens the dispute after 50 ms

    expect((await paymentOf(lost.paymentId)).status).toBe('PENDING');
    const report = await reconcile(stack.deps, { since });
    expect(report.errors).toEqual([]);
    const p = await paymentOf(lost.paymentId);
    expect(p).toMatchObject({ status: 'PARTIALLY_REFUNDED', amountRefunded: 300, webhookVerified: false });
    expect(p.enrollment.status).toBe('ACTIVE');
    const d = await paymentOf(lostDispute.paymentId);
    expect(d.status).toBe('DISPUTED');
    expect(d.enrollment.status).toBe('SUSPENDED');

    const repairedFields = report.repaired.filter((r) => r.paymentId === lost.paymentId).map((r) => r.field);
    expect(repairedFields).toEqual(expect.arrayContaining(['status', 'stripeStatus', 'amountReceived']));
    expect(report.repaired.some((r) => r.kind === 'REFUND' && r.paymentId === lost.paymentId)).toBe(true);
    expect(report.repaired.some((r) => r.kind === 'DISPUTE' && r.paymentId === lostDispute.paymentId)).toBe(
      true,
    );
    const audit = await stack.db.auditLog.findMany({
      where: { action: 'reconcile.repair', paymentId: lost.paymentId },
    });
    expect(audit.length).toBeGreaterThan(0);
    expect(await mailsFor(lost.paymentId)).toEqual([
      'enrollment.new → specialist@demo.test',
      `payment.receipt → ${lost.learner.email}`,
      `refund.processed → ${lost.learner.email}`,
    ]);

    expect((await reconcile(stack.deps, { since })).repaired).toEqual([]);

    // The late webhooks then change nothing and send nothing again.
    controls.resumeDelivery();
    await controls.idle();
    await drainWebhookEvents(stack.deps);
    const after = await paymentOf(lost.paymentId);
    expect(after).toMatchObject({ status: 'PARTIALLY_REFUNDED', amountRefunded: 300, webhookVerified: true });
    expect(await mailsFor(lost.paymentId)).toHaveLength(3);
  });
});

describe('emails', () => {
  it('the outbox sends every queued email once (captured as files without SMTP_URL)', async () => {
    const queued = await stack.db.outboxMessage.count({ where: { status: 'PENDING' } });
    expect(queued).toBeGreaterThan(10);
    const result = await drainOutbox(stack.deps);
    expect(result).toEqual({ sent: queued, retrying: 0, failed: 0 });
    const captured = await listCapturedMail(stack.deps.env.MAIL_DIR, 1000);
    expect(captured).toHaveLength(queued);
    expect(new Set(captured.map((m) => m.outboxId)).size).toBe(queued);
    const dev = await stack.app.inject({ method: 'GET', url: '/dev/mail' });
    expect(dev.json()).toMatchObject({ transport: 'files' });
    expect(dev.json().mails).toHaveLength(queued);
  });
});
