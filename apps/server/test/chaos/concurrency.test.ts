import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../src/jobs/outbox.js';
import { drainWebhookEvents } from '../../src/webhooks/apply-event.js';
import { eventually, startTestStack, type TestStack } from '../harness.js';
import { clientAt, makeLearners, pool, printFigures, SIZES } from './support.js';
import { compareWithStripe } from './truth.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
});
afterAll(async () => {
  await stack?.close();
});

const webhookUrl = () => `${stack.url}/api/webhooks/stripe`;

/** Delivers one emulator event to the server ourselves, signed with the official SDK helper. */
async function deliver(eventId: string): Promise<number> {
  const event = stack.emulator.store.events.get(eventId);
  if (!event) throw new Error(`no event ${eventId}`);
  const payload = JSON.stringify(event);
  const secret = stack.deps.env.STRIPE_WEBHOOK_SECRET[0] ?? '';
  const signature = stack.deps.stripe.webhooks.generateTestHeaderString({ payload, secret });
  const res = await fetch(webhookUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body: payload,
  });
  await res.arrayBuffer();
  return res.status;
}

describe('concurrency', () => {
  it(`${SIZES.concurrentCreateIntent} concurrent identical createIntent calls → one PaymentIntent, one Payment row`, async () => {
    const started = performance.now();
    const [learner] = await makeLearners(stack.db, stack.deps.tokens, 1, 'create');
    const offer = stack.offerings.find((o) => o.active);
    if (!learner || !offer) throw new Error('no learner or offering');
    const api = clientAt(stack.url, learner.token);
    const results = await Promise.allSettled(
      Array.from({ length: SIZES.concurrentCreateIntent }, () =>
        api.payments.createIntent.mutate({ offeringId: offer.id, idempotencyKey: 'chaos-same-key-0001' }),
      ),
    );
    const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const codes = results.flatMap((r) =>
      r.status === 'rejected'
        ? [r.reason instanceof TRPCClientError ? String(r.reason.data?.code) : String(r.reason)]
        : [],
    );
    const rows = await stack.db.payment.count({ where: { learnerId: learner.id } });
    const intents = [...stack.emulator.store.paymentIntents.values()].filter(
      (pi) => pi.metadata?.learnerId === learner.id,
    );
    printFigures('concurrent identical createIntent', {
      'requests sent': results.length,
      'answered with the payment': ok.length,
      'answered CONFLICT (key in flight)': codes.filter((c) => c === 'CONFLICT').length,
      'other errors': codes.filter((c) => c !== 'CONFLICT').length,
      'Payment rows': rows,
      'PaymentIntents at Stripe': intents.length,
      'seconds taken': Math.round((performance.now() - started) / 100) / 10,
    });
    // A request that meets the key while another holds it is told so (CONFLICT, retry); nothing else.
    expect(codes.filter((c) => c !== 'CONFLICT')).toEqual([]);
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok.map((r) => r.paymentId)).size).toBe(1);
    expect(new Set(ok.map((r) => r.clientSecret)).size).toBe(1);
    expect(rows).toBe(1);
    expect(intents).toHaveLength(1);
  });

  it(`${SIZES.concurrentConfirm} concurrent payments.confirm calls and webhook deliveries → one enrollment, one receipt`, async () => {
    const started = performance.now();
    const [learner] = await makeLearners(stack.db, stack.deps.tokens, 1, 'confirm');
    const offer = stack.offerings.find((o) => o.active && o.currency === 'usd');
    if (!learner || !offer) throw new Error('no learner or offering');
    const api = clientAt(stack.url, learner.token);
    stack.emulator.controls.pauseDelivery();
    const { paymentId, clientSecret } = await api.payments.createIntent.mutate({
      offeringId: offer.id,
      idempotencyKey: 'chaos-confirm-0001',
    });
    const intentId = (clientSecret ?? '').split('_secret_')[0] ?? '';
    await stack.deps.stripe.paymentIntents.confirm(intentId, { payment_method: 'pm_card_visa' });
    const events = stack.emulator.controls
      .events()
      .filter(
        (e) =>
          (e.data.object as { id?: string; payment_intent?: string }).id === intentId ||
          (e.data.object as { payment_intent?: string }).payment_intent === intentId,
      )
      .map((e) => e.id);
    expect(events.length).toBeGreaterThan(1);

    const half = Math.floor(SIZES.concurrentConfirm / 2);
    const calls: (() => Promise<string>)[] = [
      ...Array.from({ length: half }, () => async () => {
        const r = await api.payments.confirm.mutate({ paymentId });
        return `confirm:${r.status}`;
      }),
      ...Array.from({ length: SIZES.concurrentConfirm - half }, (_, i) => async () => {
        const status = await deliver(events[i % events.length] ?? '');
        return `webhook:${status}`;
      }),
    ].sort(() => Math.random() - 0.5);
    const outcomes = await pool(calls, 64, (call) => call().catch((e: unknown) => `error:${String(e)}`));
    // And the emulator's own deliveries on top.
    stack.emulator.controls.resumeDelivery();
    await stack.emulator.controls.idle();
    await drainWebhookEvents(stack.deps);

    const enrollments = await stack.db.enrollment.findMany({
      where: { learnerId: learner.id, offeringId: offer.id },
      select: { status: true },
    });
    const mails = await stack.db.outboxMessage.findMany({
      where: { dedupeKey: { contains: paymentId } },
      select: { kind: true },
    });
    const payment = await stack.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    const tally = new Map<string, number>();
    for (const o of outcomes) {
      const key = o.startsWith('error') ? 'errors' : `answered ${o}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    printFigures('concurrent confirm + webhook deliveries for one payment', {
      'requests sent': outcomes.length,
      ...Object.fromEntries(tally),
      enrollments: enrollments.length,
      'receipt emails': mails.filter((m) => m.kind === 'payment.receipt').length,
      'seconds taken': Math.round((performance.now() - started) / 100) / 10,
    });
    expect(outcomes.filter((o) => o.startsWith('error') || o === 'webhook:500')).toEqual([]);
    expect(outcomes.filter((o) => o.startsWith('confirm:') && o !== 'confirm:SUCCEEDED')).toEqual([]);
    expect(enrollments).toEqual([{ status: 'ACTIVE' }]);
    expect(payment).toMatchObject({ status: 'SUCCEEDED', amountReceived: offer.priceAmount });
    expect(mails.map((m) => m.kind).sort()).toEqual(['enrollment.new', 'payment.receipt']);
  });

  it('webhook delivery paused for a stretch, then reconciliation → drift repaired to zero', async () => {
    const started = performance.now();
    const since = new Date(Date.now() - 60_000);
    const learners = await makeLearners(stack.db, stack.deps.tokens, SIZES.reconcilePayments, 'recon');
    const offers = stack.offerings.filter((o) => o.active);
    stack.emulator.controls.pauseDelivery();
    await pool(learners, 6, async (learner, i) => {
      const offer = offers[i % offers.length];
      if (!offer) return;
      const api = clientAt(stack.url, learner.token);
      const { clientSecret } = await api.payments.createIntent.mutate({
        offeringId: offer.id,
        idempotencyKey: `chaos-recon-${i}`,
      });
      const intentId = (clientSecret ?? '').split('_secret_')[0] ?? '';
      const card = ['pm_card_visa', 'pm_card_chargeDeclined', 'pm_card_visa', 'pm_card_createDispute'][i % 4];
      await stack.deps.stripe.paymentIntents
        .confirm(intentId, { payment_method: card ?? 'pm_card_visa' })
        .catch(() => undefined);
      if (i % 4 === 2) await stack.deps.stripe.refunds.create({ payment_intent: intentId, amount: 100 });
    });
    await eventually(
      async () => [...stack.emulator.store.disputes.values()].length >= Math.floor(learners.length / 4),
    );
    const before = await compareWithStripe(stack.db, stack.emulator);

    const admin = stack.clientFor(stack.users.admin);
    const report = await admin.admin.reconcile.mutate({ since: since.toISOString() });
    await drainOutbox(stack.deps);
    const after = await compareWithStripe(stack.db, stack.emulator);

    // The late deliveries arrive after the repair: nothing changes, nothing is sent twice.
    stack.emulator.controls.resumeDelivery();
    await stack.emulator.controls.idle();
    await drainWebhookEvents(stack.deps);
    const late = await compareWithStripe(stack.db, stack.emulator);
    printFigures('paused delivery, then reconciliation', {
      payments: learners.length,
      'PaymentIntents compared': after.checked,
      'drift before (mismatched fields)': before.mismatches.length,
      'repairs reported': report.repaired.length,
      'reconcile errors': report.errors.length,
      'drift after reconcile': after.mismatches.length,
      'drift after the late deliveries': late.mismatches.length,
      'duplicate emails': late.duplicateEmails,
      'duplicate enrollments': late.duplicateEnrollments,
      'seconds taken': Math.round((performance.now() - started) / 100) / 10,
    });
    expect(before.mismatches.length).toBeGreaterThan(0);
    expect(report.errors).toEqual([]);
    expect(after.mismatches).toEqual([]);
    expect(late.mismatches).toEqual([]);
    expect(late.duplicateEmails).toBe(0);
    expect(late.duplicateEnrollments).toBe(0);
  });
});
