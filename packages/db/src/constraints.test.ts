import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './client.js';
import { Prisma } from './generated.js';
import { createTestDatabase, type TestDatabase } from './testing/index.js';

let testDb: TestDatabase;
let db: Db;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
});
afterAll(async () => {
  await testDb?.drop();
});

let counter = 0;
async function learnerAndOffering() {
  counter += 1;
  const specialist = await db.user.create({
    data: { email: `specialist${counter}@example.com`, name: 'Sam Specialist', role: 'SPECIALIST' },
  });
  const learner = await db.user.create({
    data: { email: `learner${counter}@example.com`, name: 'Lee Learner', role: 'LEARNER' },
  });
  const offering = await db.offering.create({
    data: {
      specialistId: specialist.id,
      title: 'Intro to pottery',
      kind: 'COURSE',
      priceAmount: 4900,
      currency: 'usd',
    },
  });
  return { specialist, learner, offering };
}

/** The Postgres error behind a failed Prisma call (code and constraint name), as text. */
function failure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

describe('the database enforces the invariants of the data model', () => {
  it('refuses a second live enrollment of a learner in the same offering', async () => {
    const { learner, offering } = await learnerAndOffering();
    await db.enrollment.create({ data: { learnerId: learner.id, offeringId: offering.id } });

    const second = db.enrollment.create({
      data: { learnerId: learner.id, offeringId: offering.id, status: 'ACTIVE' },
    });
    await expect(second).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    await expect(second).rejects.toMatchObject({ code: 'P2002' });
    expect(await db.enrollment.count({ where: { learnerId: learner.id, offeringId: offering.id } })).toBe(1);
  });

  it('allows a new enrollment once the previous one is no longer live', async () => {
    const { learner, offering } = await learnerAndOffering();
    const first = await db.enrollment.create({
      data: { learnerId: learner.id, offeringId: offering.id, status: 'ACTIVE' },
    });
    await db.enrollment.update({ where: { id: first.id }, data: { status: 'REFUNDED' } });
    const again = await db.enrollment.create({ data: { learnerId: learner.id, offeringId: offering.id } });
    await db.enrollment.update({ where: { id: again.id }, data: { status: 'CANCELLED' } });
    await db.enrollment.create({ data: { learnerId: learner.id, offeringId: offering.id } });

    const statuses = await db.enrollment.findMany({
      where: { learnerId: learner.id, offeringId: offering.id },
      select: { status: true },
      orderBy: { createdAt: 'asc' },
    });
    expect(statuses.map((e) => e.status)).toEqual(['REFUNDED', 'CANCELLED', 'PENDING_PAYMENT']);
  });

  it('refuses negative prices, malformed currencies and refunds above the payment', async () => {
    const { specialist, learner, offering } = await learnerAndOffering();
    await expect(
      db.offering.create({
        data: {
          specialistId: specialist.id,
          title: 'Free money',
          kind: 'SERVICE',
          priceAmount: -1,
          currency: 'usd',
        },
      }),
    ).rejects.toSatisfy((e) => failure(e).includes('Offering_priceAmount_nonnegative'));
    await expect(
      db.offering.create({
        data: {
          specialistId: specialist.id,
          title: 'Shouting',
          kind: 'SERVICE',
          priceAmount: 100,
          currency: 'USD',
        },
      }),
    ).rejects.toSatisfy((e) => failure(e).includes('Offering_currency_iso4217'));

    const enrollment = await db.enrollment.create({
      data: { learnerId: learner.id, offeringId: offering.id },
    });
    const payment = await db.payment.create({
      data: {
        learnerId: learner.id,
        specialistId: specialist.id,
        offeringId: offering.id,
        enrollmentId: enrollment.id,
        amount: 4900,
        currency: 'usd',
        refundWindowDays: 14,
      },
    });
    await expect(
      db.payment.update({ where: { id: payment.id }, data: { amountRefunded: 5000 } }),
    ).rejects.toSatisfy((e) => failure(e).includes('Payment_amountRefunded_within_amount'));
    await expect(
      db.refund.create({ data: { paymentId: payment.id, amount: 0, currency: 'usd' } }),
    ).rejects.toSatisfy((e) => failure(e).includes('Refund_amount_positive'));

    const unchanged = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(unchanged.amountRefunded).toBe(0);
  });

  it('keeps Stripe ids and emails unique', async () => {
    const { learner } = await learnerAndOffering();
    await expect(
      db.user.create({ data: { email: learner.email, name: 'Twin', role: 'LEARNER' } }),
    ).rejects.toMatchObject({ code: 'P2002' });
  });

  it('refuses rows that point at nothing', async () => {
    await expect(
      db.enrollment.create({ data: { learnerId: 'no-such-user', offeringId: 'no-such-offering' } }),
    ).rejects.toMatchObject({ code: 'P2003' });
  });
});
