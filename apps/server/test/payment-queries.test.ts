import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './harness.js';
import { codeOf, errorOf, newOffering, pay } from './pay.js';

let stack: TestStack;
let succeeded: string;
let failed: string;
let otherOfferingPayment: string;
let offeringId: string;

beforeAll(async () => {
  stack = await startTestStack();
  const offering = await newOffering(stack, stack.users.specialist, { amount: 1234, currency: 'usd' });
  offeringId = offering.id;
  // Declined on its own offering: a retry on the same offering would reuse (and succeed) this payment.
  const declinedOffering = await newOffering(stack, stack.users.specialist, { amount: 990, currency: 'usd' });
  failed = await pay(stack, stack.users.learner, declinedOffering.id, 'pm_card_visa_chargeDeclined');
  succeeded = await pay(stack, stack.users.learner, offering.id);
  const jpy = await newOffering(stack, stack.users.specialist, { amount: 700, currency: 'jpy' });
  otherOfferingPayment = await pay(stack, stack.users.learner, jpy.id);
});
afterAll(async () => {
  await stack?.close();
});

describe('payments.get', () => {
  it('shows the learner, the owning specialist and an admin the same details', async () => {
    const views = await Promise.all(
      [stack.users.learner, stack.users.specialist, stack.users.admin].map((u) =>
        stack.clientFor(u).payments.get.query({ paymentId: succeeded }),
      ),
    );
    for (const view of views) expect(view).toEqual(views[0]);
    expect(views[0]).toMatchObject({
      id: succeeded,
      status: 'SUCCEEDED',
      amount: 1234,
      amountReceived: 1234,
      amountRefunded: 0,
      currency: 'usd',
      offering: { id: offeringId, kind: 'COURSE' },
      learner: { id: stack.users.learner.id, name: 'Lena Learner' },
      specialist: { id: stack.users.specialist.id },
      enrollment: { status: 'ACTIVE' },
      cardBrand: 'visa',
      cardLast4: '4242',
      refunds: [],
      failureMessage: null,
    });
    expect(views[0]!.stripePaymentIntentId).toMatch(/^pi_/);
    const declined = await stack.clientFor(stack.users.learner).payments.get.query({ paymentId: failed });
    expect(declined.status).toBe('FAILED');
    expect(declined.failureMessage).toBeTruthy();
  });

  it('is NOT_FOUND for another learner, another specialist, and ids that do not exist', async () => {
    for (const user of [stack.users.learner2, stack.users.specialist2]) {
      const error = await errorOf(stack.clientFor(user).payments.get.query({ paymentId: succeeded }));
      expect(error.data?.code).toBe('NOT_FOUND');
      expect(error.message).toBe('Payment not found');
    }
    expect(await codeOf(stack.clientFor(stack.users.admin).payments.get.query({ paymentId: 'nope' }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(stack.clientFor(null).payments.get.query({ paymentId: succeeded }))).toBe(
      'UNAUTHORIZED',
    );
  });
});

describe('payments.history', () => {
  it("pages through the learner's own payments newest first, with a status filter", async () => {
    const learner = stack.clientFor(stack.users.learner);
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await learner.payments.history.query({ limit: 1, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(1);
      ids.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(ids).toEqual([otherOfferingPayment, succeeded, failed]);

    const onlyFailed = await learner.payments.history.query({ status: 'FAILED' });
    expect(onlyFailed.items.map((p) => p.id)).toEqual([failed]);
    expect(onlyFailed.items[0]).toMatchObject({ amount: 990, currency: 'usd', learnerName: 'Lena Learner' });

    expect((await stack.clientFor(stack.users.learner2).payments.history.query({})).items).toEqual([]);
  });
});

describe('payments.forSpecialist', () => {
  it("lists the specialist's received payments, filtered by status and offering", async () => {
    const specialist = stack.clientFor(stack.users.specialist);
    const all = await specialist.payments.forSpecialist.query({});
    expect(all.items.map((p) => p.id)).toEqual([otherOfferingPayment, succeeded, failed]);
    const one = await specialist.payments.forSpecialist.query({ offeringId, status: 'SUCCEEDED' });
    expect(one.items.map((p) => p.id)).toEqual([succeeded]);
    const paged = await specialist.payments.forSpecialist.query({ limit: 2 });
    expect(paged.items).toHaveLength(2);
    const rest = await specialist.payments.forSpecialist.query({ limit: 2, cursor: paged.nextCursor! });
    expect(rest.items.map((p) => p.id)).toEqual([failed]);
    expect(rest.nextCursor).toBeNull();
    expect((await stack.clientFor(stack.users.specialist2).payments.forSpecialist.query({})).items).toEqual(
      [],
    );
  });
});
