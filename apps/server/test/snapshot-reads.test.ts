import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestStack, type TestStack } from './harness.js';
import { newOffering, pay } from './pay.js';

/**
 * A read of a payment with its refunds must be one snapshot. Prisma reads the relations of a `select`
 * with statements of their own; under READ COMMITTED each sees what was committed when it started, so a
 * sync committing between them gave a payment from before it next to children from after it. That torn
 * read is what made webhook-lifecycle's dispute-won case see a won dispute beside a DISPUTED payment
 * (issue 14; it happened as often without the Connect endpoint as with it).
 *
 * Deterministic interleaving: a writer holds an ACCESS EXCLUSIVE lock on "Refund" (readers of Payment are
 * not blocked, readers of Refund wait), writes a refund and the payment's new totals, and commits only
 * once payments.get is waiting on the Refund read — i.e. after it has read the payment.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('payments.get reads one snapshot', () => {
  it('a refund committed while the payment is being read never shows beside the old totals', async () => {
    const { specialist, learner } = stack.users;
    const offering = await newOffering(stack, specialist, { amount: 4000 });
    const paymentId = await pay(stack, learner, offering.id);
    const payment = await stack.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    expect(payment.status).toBe('SUCCEEDED');

    const writer = new pg.Client({ connectionString: stack.database.url });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query('LOCK TABLE "Refund" IN ACCESS EXCLUSIVE MODE');
      await writer.query(
        `INSERT INTO "Refund" ("id", "paymentId", "stripeRefundId", "amount", "currency", "status", "reason", "createdAt", "updatedAt")
         VALUES ('rf-snapshot-test', $1, 're_snapshot_test', 1000, 'usd', 'SUCCEEDED', 'OTHER', now(), now())`,
        [paymentId],
      );
      await writer.query(
        `UPDATE "Payment" SET "amountRefunded" = 1000, "status" = 'PARTIALLY_REFUNDED' WHERE "id" = $1`,
        [paymentId],
      );

      const read = stack.clientFor(learner).payments.get.query({ paymentId });
      // The reader has read the payment and now waits for the lock on "Refund".
      await eventually(async () => {
        const [row] = await stack.db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%"Refund"%'`;
        return (row?.n ?? 0) > 0;
      });
      await writer.query('COMMIT');

      const details = await read;
      const succeeded = details.refunds.filter((r) => r.status === 'SUCCEEDED');
      // One moment's truth: the totals and the refund list agree (here: before the refund).
      expect(details.amountRefunded).toBe(succeeded.reduce((sum, r) => sum + r.amount, 0));
      expect({ status: details.status, refunds: details.refunds.length }).toEqual({
        status: 'SUCCEEDED',
        refunds: 0,
      });
      // A read after the commit sees both.
      const after = await stack.clientFor(learner).payments.get.query({ paymentId });
      expect({
        status: after.status,
        amountRefunded: after.amountRefunded,
        refunds: after.refunds.length,
      }).toEqual({
        status: 'PARTIALLY_REFUNDED',
        amountRefunded: 1000,
        refunds: 1,
      });
    } finally {
      await writer.query('ROLLBACK').catch(() => undefined);
      await writer.end();
    }
  });
});
