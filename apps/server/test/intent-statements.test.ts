import { createDb, type Db } from '@enrollpay/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps } from '../src/deps.js';
import { createPaymentIntent } from '../src/payments/intents.js';
import { startTestStack, type TestStack } from './harness.js';

// issue 13: the SQL statements one payments.createIntent sends, counted on the pg connections (BEGIN
// and COMMIT included), for a learner's first purchase and for a returning learner (who already has a
// Stripe customer). Nothing else uses this client, so every statement counted is the call's.
let stack: TestStack;
let counted: Db;
let statements: string[] = [];
/** The returning learner's count, measured by the first test. */
let returningCount = 0;

beforeAll(async () => {
  stack = await startTestStack({ webhooks: false });
  counted = createDb({ url: stack.database.url, onStatement: (sql) => statements.push(sql) });
});
afterAll(async () => {
  await counted?.$disconnect();
  await stack?.close();
});

async function countCreateIntent(learnerId: string, offeringId: string, key: string, promotionCode?: string) {
  const deps = { ...createDeps(stack.deps.env, counted), stripe: stack.deps.stripe };
  statements = [];
  const result = await createPaymentIntent(
    deps,
    { userId: learnerId, role: 'LEARNER' },
    { offeringId, idempotencyKey: key, ...(promotionCode ? { promotionCode } : {}) },
    { ip: '192.0.2.10' },
  );
  return { result, statements: [...statements] };
}

describe('payments.createIntent SQL statements', () => {
  it('first purchase ≤ 10, returning learner ≤ 8, a replay of the key only reads', async () => {
    const learner = stack.users.learner2;
    const [first, second] = stack.offerings.filter(
      (o) => o.active && o.specialistId === stack.users.specialist.id,
    );
    if (!first || !second) throw new Error('two active offerings are needed');
    await stack.db.user.update({ where: { id: learner.id }, data: { stripeCustomerId: null } });
    await stack.db.enrollment.deleteMany({
      where: { learnerId: learner.id, offeringId: { in: [first.id, second.id] } },
    });

    const firstPurchase = await countCreateIntent(learner.id, first.id, 'stmt-first-0001');
    const returning = await countCreateIntent(learner.id, second.id, 'stmt-again-0001');
    const replay = await countCreateIntent(learner.id, second.id, 'stmt-again-0001');
    console.info(
      `createIntent statements: first purchase ${firstPurchase.statements.length}, returning ${returning.statements.length}, replay ${replay.statements.length}`,
    );
    if (process.env.SHOW_STATEMENTS)
      for (const s of returning.statements) console.info(s.slice(0, 160).replace(/\s+/g, ' '));
    expect(replay.result).toEqual(returning.result);
    // createIntent says where the payment stands, so the checkout needs no payments.confirm first.
    expect(returning.result).toMatchObject({ status: 'PENDING', failureMessage: null });

    // What a user would see as wrong in the database otherwise: one pending payment per purchase,
    // with its PaymentIntent, and the customer cached on the user.
    const payments = await stack.db.payment.findMany({
      where: { learnerId: learner.id, offeringId: { in: [first.id, second.id] } },
      include: { enrollment: true },
    });
    expect(payments).toHaveLength(2);
    for (const p of payments) {
      expect(p.status).toBe('PENDING');
      expect(p.stripePaymentIntentId).toMatch(/^pi_/);
      expect(p.enrollment.status).toBe('PENDING_PAYMENT');
    }
    const user = await stack.db.user.findUniqueOrThrow({ where: { id: learner.id } });
    expect(user.stripeCustomerId).toMatch(/^cus_/);

    expect(firstPurchase.statements.length).toBeLessThanOrEqual(10);
    expect(returning.statements.length).toBeLessThanOrEqual(8);
    // What the design gives (payments/intents.ts openPayment): the money rate limit, the key's claim
    // and the checkout's read in one; the payment insert; the PaymentIntent's write with the key's answer.
    expect(firstPurchase.statements.length).toBe(3);
    expect(returning.statements.length).toBe(3);
    returningCount = returning.statements.length;
    // A replay: the key's claim, its stored answer, and where the payment stands now.
    expect(replay.statements.length).toBeLessThanOrEqual(3);
  });

  it('a promotion code adds no statement: it is read with the checkout and reserved by the payment insert', async () => {
    const learner = stack.users.learner2;
    const offering = await stack.db.offering.create({
      data: {
        specialistId: stack.users.specialist.id,
        title: 'Counted with a code',
        kind: 'COURSE',
        priceAmount: 4900,
        currency: 'usd',
      },
    });
    await stack.db.promotionCode.create({
      data: {
        specialistId: stack.users.specialist.id,
        code: 'Count20',
        normalizedCode: 'COUNT20',
        kind: 'PERCENT',
        percentOff: 20,
        maxRedemptions: 5,
      },
    });
    const withCode = await countCreateIntent(learner.id, offering.id, 'stmt-code-0001', 'count20');
    console.info(`createIntent statements with a code: ${withCode.statements.length}`);
    expect(withCode.result).toMatchObject({ amount: 3920, discountAmount: 980, promotionCode: 'Count20' });
    expect(returningCount).toBeGreaterThan(0);
    expect(withCode.statements.length).toBeLessThanOrEqual(returningCount);
    const code = await stack.db.promotionCode.findFirstOrThrow({ where: { normalizedCode: 'COUNT20' } });
    expect(code.heldCount).toBe(1);
  });
});
