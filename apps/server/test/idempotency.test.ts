import { Prisma } from '@enrollpay/db';
import type { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../src/trpc/router.js';
import { startTestStack, type TestStack } from './harness.js';

// payments.createIntent's idempotency keys (payments/idempotency.ts) past the happy path: the key's
// claim travels with the checkout's read, and a fresh PaymentIntent's answer with its last write, so
// these check what a learner (and the database) sees when the key is held, abandoned, expired or freed.
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ webhooks: false });
});
afterAll(async () => {
  await stack?.close();
});

const codeOf = (error: unknown) => (error as TRPCClientError<AppRouter>).data?.code;

function offeringOf(specialistId: string, index: number) {
  const found = stack.offerings.filter((o) => o.active && o.specialistId === specialistId)[index];
  if (!found) throw new Error(`no active offering ${index} of ${specialistId}`);
  return found;
}

const recordOf = (userId: string, key: string) =>
  stack.db.idempotencyRecord.findUnique({ where: { userId_key: { userId, key } } });

describe('payments.createIntent idempotency keys', () => {
  it('stores the answer with the PaymentIntent and frees the key: the record holds what the learner got', async () => {
    const learner = stack.users.learner;
    const offering = offeringOf(stack.users.specialist.id, 0);
    const answer = await stack
      .clientFor(learner)
      .payments.createIntent.mutate({ offeringId: offering.id, idempotencyKey: 'idem-stored-0001' });
    const record = await recordOf(learner.id, 'idem-stored-0001');
    expect(record).toMatchObject({ responseStatus: 200, lockedAt: null, procedure: 'payments.createIntent' });
    expect(record?.responseBody).toEqual(answer);
  });

  it('a key held by a call still running is refused with a retry hint; one abandoned for over a minute is taken over', async () => {
    const learner = stack.users.learner2;
    const client = stack.clientFor(learner);
    const offering = offeringOf(stack.users.specialist.id, 1);
    const key = 'idem-taken-0001';
    const first = await client.payments.createIntent.mutate({ offeringId: offering.id, idempotencyKey: key });

    // As if the call had died after its PaymentIntent but before its answer: the key held, no answer.
    await stack.db.idempotencyRecord.update({
      where: { userId_key: { userId: learner.id, key } },
      data: { lockedAt: new Date(), responseBody: Prisma.DbNull, responseStatus: null },
    });
    const busy = await client.payments.createIntent
      .mutate({ offeringId: offering.id, idempotencyKey: key })
      .catch((error: unknown) => error);
    expect(codeOf(busy)).toBe('CONFLICT');
    expect((busy as Error).message).toMatch(/still in progress/);

    // Held for two minutes: its holder is gone. The next call takes the key over, reads the checkout
    // again and answers the same payment (one Payment row, one PaymentIntent), and stores the answer.
    await stack.db.idempotencyRecord.update({
      where: { userId_key: { userId: learner.id, key } },
      data: { lockedAt: new Date(Date.now() - 2 * 60_000) },
    });
    const taken = await client.payments.createIntent.mutate({ offeringId: offering.id, idempotencyKey: key });
    expect(taken.paymentId).toBe(first.paymentId);
    expect(taken.clientSecret).toBe(first.clientSecret);
    expect(taken.status).toBe('PENDING');
    const payments = await stack.db.payment.count({
      where: { learnerId: learner.id, offeringId: offering.id },
    });
    expect(payments).toBe(1);
    const record = await recordOf(learner.id, key);
    expect(record).toMatchObject({ responseStatus: 200, lockedAt: null });
    expect(record?.responseBody).toEqual(taken);
  });

  it('an expired key is a new key: another offering under it is a new checkout, not a conflict', async () => {
    const learner = stack.users.learner2;
    const client = stack.clientFor(learner);
    const [a, b] = [offeringOf(stack.users.specialist2.id, 0), offeringOf(stack.users.specialist2.id, 1)];
    const key = 'idem-expired-0001';
    const first = await client.payments.createIntent.mutate({ offeringId: a.id, idempotencyKey: key });
    await stack.db.idempotencyRecord.update({
      where: { userId_key: { userId: learner.id, key } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const second = await client.payments.createIntent.mutate({ offeringId: b.id, idempotencyKey: key });
    expect(second.paymentId).not.toBe(first.paymentId);
    const payment = await stack.db.payment.findUniqueOrThrow({ where: { id: second.paymentId } });
    expect(payment.offeringId).toBe(b.id);
    expect((await recordOf(learner.id, key))?.responseBody).toEqual(second);
  });

  it('a refused call frees its key: nothing is kept, and the same key then works for what exists', async () => {
    const learner = stack.users.learner;
    const client = stack.clientFor(learner);
    const key = 'idem-freed-0001';
    const missing = await client.payments.createIntent
      .mutate({ offeringId: 'no-such-offering', idempotencyKey: key })
      .catch((error: unknown) => error);
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(await recordOf(learner.id, key)).toBeNull();
    const payments = await stack.db.payment.count({
      where: { learnerId: learner.id, offeringId: 'no-such-offering' },
    });
    expect(payments).toBe(0);
  });
});
