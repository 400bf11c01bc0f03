import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestStack, type TestStack } from '../../test/harness.js';
import { deliverSigned, errorOf } from '../../test/pay.js';

// The admin operations views, and the background worker started by buildApp (RUN_WORKER=true):
// graphile-worker retries a webhook event whose payment appears later, and the outbox timer sends mail.

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ webhooks: false, env: { RUN_WORKER: 'true', OUTBOX_POLL_MS: '100' } });
});
afterAll(async () => {
  await stack?.close();
});

const signedDelivery = (event: Record<string, unknown>) => deliverSigned(stack, event);

describe('background worker (RUN_WORKER=true)', () => {
  it('retries an orphaned event through graphile-worker until its payment exists, then sends the mail', async () => {
    const offering = stack.offerings.find((o) => o.active && o.currency === 'usd');
    if (!offering) throw new Error('no usd offering');
    // A PaymentIntent whose Payment row is not there yet (it raced createIntent).
    const intent = await stack.deps.stripe.paymentIntents.create({
      amount: offering.priceAmount,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const event = {
      id: `evt_race_${Date.now()}`,
      object: 'event',
      created: Math.floor(Date.now() / 1000),
      type: 'payment_intent.succeeded',
      data: { object: intent },
    };
    const res = await signedDelivery(event);
    expect(res.statusCode).toBe(200);
    await stack.app.webhookProcessor.idle();
    const job = await stack.db.$queryRaw<{ run_at: Date }[]>`
      SELECT run_at FROM graphile_worker.jobs WHERE key = ${`webhook:${event.id}`}`;
    expect(job).toHaveLength(1);

    // The payment row now appears (createIntent finished); make the retry due instead of waiting 30 s.
    const enrollment = await stack.db.enrollment.create({
      data: { learnerId: stack.users.learner2.id, offeringId: offering.id },
    });
    const payment = await stack.db.payment.create({
      data: {
        learnerId: stack.users.learner2.id,
        specialistId: offering.specialistId,
        offeringId: offering.id,
        enrollmentId: enrollment.id,
        stripePaymentIntentId: intent.id,
        amount: offering.priceAmount,
        currency: 'usd',
        refundWindowDays: 14,
      },
    });
    await stack.db.$executeRaw`SELECT graphile_worker.reschedule_jobs(
      ARRAY(SELECT id FROM graphile_worker.jobs WHERE key = ${`webhook:${event.id}`}), run_at := now())`;

    const row = await eventually(async () => {
      const r = await stack.db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
      return r.status === 'PROCESSED' ? r : null;
    }, 15_000);
    expect(row.attempts).toBe(2);
    expect((await stack.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe(
      'SUCCEEDED',
    );
    // The outbox timer sends the receipt and the specialist's mail.
    await eventually(async () => {
      const sent = await stack.db.outboxMessage.count({
        where: { status: 'SENT', payload: { path: ['paymentId'], equals: payment.id } },
      });
      return sent === 2;
    }, 10_000);
  });
});

describe('admin operations procedures', () => {
  it('are for admins only', async () => {
    const error = await stack
      .clientFor(stack.users.learner)
      .admin.metricsSummary.query()
      .catch((e: unknown) => e);
    if (!(error instanceof TRPCClientError)) throw new Error('expected a tRPC error');
    expect(error.message).toBe('Only admin accounts can do this');
  });

  it('list stored events with their status and errors, page by page', async () => {
    for (let i = 0; i < 3; i++) {
      await signedDelivery({
        id: `evt_admin_${i}_${Date.now()}`,
        object: 'event',
        created: 1,
        type: 'customer.created',
        data: { object: { id: `cus_${i}`, object: 'customer' } },
      });
    }
    const admin = stack.clientFor(stack.users.admin);
    const first = await admin.admin.webhookEvents.query({ status: 'IGNORED', limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.items[0]).toMatchObject({ type: 'customer.created', status: 'IGNORED', attempts: 0 });
    expect(first.nextCursor).not.toBeNull();
    const second = await admin.admin.webhookEvents.query({
      status: 'IGNORED',
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const outbox = await admin.admin.outbox.query({ status: 'SENT', limit: 10 });
    expect(outbox.items.map((m) => m.kind).sort()).toEqual(['enrollment.new', 'payment.receipt']);
  });

  it('summarise the figures and run a reconciliation', async () => {
    const admin = stack.clientFor(stack.users.admin);
    const summary = await admin.admin.metricsSummary.query();
    expect(summary.paymentsByStatus.SUCCEEDED).toBe(1);
    expect(summary.webhookEventsByStatus).toMatchObject({ PROCESSED: 1, IGNORED: 3, ORPHANED: 0 });
    expect(summary.outbox).toEqual({ pending: 0, failed: 0 });
    const report = await admin.admin.reconcile.mutate({ sinceHours: 1 });
    expect(report.checked.paymentIntents).toBeGreaterThanOrEqual(1);
    expect(report.errors).toEqual([]);
    expect(
      await stack.db.auditLog.count({ where: { action: 'reconcile.run', actorId: stack.users.admin.id } }),
    ).toBe(1);
  });

  it('caps an explicit since date the way sinceHours is capped (90 days), naming the field', async () => {
    const admin = stack.clientFor(stack.users.admin);
    const runs = () => stack.db.auditLog.count({ where: { action: 'reconcile.run' } });
    const before = await runs();
    const tooOld = new Date(stack.deps.clock.now().getTime() - 91 * 86_400_000).toISOString();
    const error = await errorOf(admin.admin.reconcile.mutate({ since: tooOld }));
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^since: .*90 days/);
    expect(await runs()).toBe(before);
    const recent = new Date(stack.deps.clock.now().getTime() - 89 * 86_400_000).toISOString();
    const report = await admin.admin.reconcile.mutate({ since: recent });
    expect(report.since).toBe(recent);
  });
});
