import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYMENT_STATUS_CHANNEL } from '../src/payments/status-notify.js';
import { eventually, startTestStack, type TestStack, type TestUser } from './harness.js';
import { codeOf, errorOf, newLearner as learnerOf, newOffering } from './pay.js';

// Issue 15: promotion codes through the real API, the emulator over HTTP and real PostgreSQL.
let stack: TestStack;

beforeAll(async () => {
  // Connect too: one test checks the platform fee of a destination charge is on the discounted amount.
  stack = await startTestStack({ connect: true });
});
afterAll(async () => {
  await stack?.close();
});

const intentIdOf = (clientSecret: string | null) => (clientSecret ?? '').split('_secret_')[0] ?? '';

/** A new learner account (the race needs 50 of them). */
const newLearner = () => learnerOf(stack, 'promo-learner');

async function newCode(fields: Record<string, unknown> = {}) {
  return stack.clientFor(stack.users.specialist).promotionCodes.create.mutate({
    code: `CODE${randomUUID().slice(0, 6)}`,
    kind: 'PERCENT',
    percentOff: 20,
    ...fields,
  } as Parameters<ReturnType<TestStack['clientFor']>['promotionCodes']['create']['mutate']>[0]);
}

/** Pays an open payment with a test card through the emulator and payments.confirm. */
async function payWithCard(learner: TestUser, paymentId: string, clientSecret: string | null) {
  await stack.deps.stripe.paymentIntents.confirm(intentIdOf(clientSecret), {
    payment_method: 'pm_card_visa',
  });
  return stack.clientFor(learner).payments.confirm.mutate({ paymentId });
}

describe('promotionCodes.create / list / deactivate', () => {
  it('creates codes case-insensitively unique per specialist, lists them with use counts, deactivates', async () => {
    const specialist = stack.clientFor(stack.users.specialist);
    const created = await specialist.promotionCodes.create.mutate({
      code: 'Launch-Week',
      kind: 'PERCENT',
      percentOff: 25,
      maxRedemptions: 10,
      oncePerLearner: true,
    });
    expect(created).toMatchObject({
      code: 'Launch-Week',
      percentOff: 25,
      active: true,
      redeemedCount: 0,
      reservedCount: 0,
      remaining: 10,
      offeringIds: [],
    });
    const clash = await errorOf(
      specialist.promotionCodes.create.mutate({ code: 'LAUNCH-week', kind: 'PERCENT', percentOff: 5 }),
    );
    expect(clash.data?.code).toBe('CONFLICT');
    expect(clash.message).toMatch(/already have a code "LAUNCH-week"/);
    // Another specialist may use the same code for their own offerings.
    const other = await stack.clientFor(stack.users.specialist2).promotionCodes.create.mutate({
      code: 'launch-week',
      kind: 'PERCENT',
      percentOff: 5,
    });
    expect(other.specialistId).toBe(stack.users.specialist2.id);

    const mine = await specialist.promotionCodes.list.query();
    expect(mine.items.map((c) => c.id)).toContain(created.id);
    expect(mine.items.every((c) => c.specialistId === stack.users.specialist.id)).toBe(true);
    const all = await stack.clientFor(stack.users.admin).promotionCodes.list.query();
    expect(all.items.map((c) => c.id)).toEqual(expect.arrayContaining([created.id, other.id]));

    // Another specialist cannot deactivate it; its owner can.
    expect(
      await codeOf(
        stack
          .clientFor(stack.users.specialist2)
          .promotionCodes.deactivate.mutate({ promotionCodeId: created.id }),
      ),
    ).toBe('NOT_FOUND');
    const off = await specialist.promotionCodes.deactivate.mutate({ promotionCodeId: created.id });
    expect(off.active).toBe(false);
    const active = await specialist.promotionCodes.list.query({ includeInactive: false });
    expect(active.items.map((c) => c.id)).not.toContain(created.id);
    expect(await codeOf(stack.clientFor(stack.users.learner).promotionCodes.list.query())).toBe('FORBIDDEN');
  });

  it('refuses bad input naming the field, other specialists’ offerings, and fixed codes in another currency', async () => {
    const specialist = stack.clientFor(stack.users.specialist);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ code: 'ab', kind: 'PERCENT', percentOff: 10 }, /code must be at least 3 characters/],
      [{ code: 'bad code!', kind: 'PERCENT', percentOff: 10 }, /code may contain only letters/],
      [{ code: 'PCT', kind: 'PERCENT' }, /percentOff is required for a PERCENT code/],
      [{ code: 'PCT', kind: 'PERCENT', percentOff: 101 }, /percentOff must be at most 100/],
      [{ code: 'FIX', kind: 'FIXED', amountOff: 500 }, /currency is required for a FIXED code/],
      [
        { code: 'FIX', kind: 'FIXED', amountOff: 0, currency: 'usd' },
        /amountOff must be a positive whole number/,
      ],
      [
        {
          code: 'DATES',
          kind: 'PERCENT',
          percentOff: 10,
          startsAt: '2027-01-02T00:00:00Z',
          endsAt: '2027-01-01T00:00:00Z',
        },
        /endsAt must be after startsAt/,
      ],
      [
        { code: 'MAX', kind: 'PERCENT', percentOff: 10, maxRedemptions: 0 },
        /maxRedemptions must be at least 1/,
      ],
    ];
    for (const [input, message] of cases) {
      const error = await errorOf(
        specialist.promotionCodes.create.mutate(
          input as Parameters<typeof specialist.promotionCodes.create.mutate>[0],
        ),
      );
      expect(error.data?.code).toBe('BAD_REQUEST');
      expect(error.message).toMatch(message);
    }
    const theirs = await newOffering(stack, stack.users.specialist2);
    expect(
      await codeOf(
        specialist.promotionCodes.create.mutate({
          code: 'THEIRS',
          kind: 'PERCENT',
          percentOff: 10,
          offeringIds: [theirs.id],
        }),
      ),
    ).toBe('NOT_FOUND');
    const jpy = await newOffering(stack, stack.users.specialist, { currency: 'jpy', amount: 5000 });
    const mixed = await errorOf(
      specialist.promotionCodes.create.mutate({
        code: 'USD5',
        kind: 'FIXED',
        amountOff: 500,
        currency: 'usd',
        offeringIds: [jpy.id],
      }),
    );
    expect(mixed.data?.code).toBe('BAD_REQUEST');
    expect(mixed.message).toMatch(/priced in JPY, and a fixed code in USD applies only to offerings in USD/);
    expect(
      await stack.db.promotionCode.count({ where: { code: { in: ['USD5', 'THEIRS', 'PCT', 'FIX'] } } }),
    ).toBe(0);
  });
});

describe('payments.createIntent with a promotionCode', () => {
  it('charges the discounted amount (case-insensitive code), counts the use only when the payment succeeds', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 4900 });
    const code = await newCode({
      code: `Save20${randomUUID().slice(0, 4)}`,
      percentOff: 20,
      maxRedemptions: 3,
    });
    const learner = await newLearner();
    const discountsGiven = async () => {
      const now = Date.now();
      const stats = await stack.clientFor(stack.users.specialist).stats.specialist.query({
        from: new Date(now - 2 * 86_400_000).toISOString(),
        to: new Date(now + 2 * 86_400_000).toISOString(),
        granularity: 'day',
      });
      return stats.currencies.find((c) => c.currency === 'usd')?.discountsGiven ?? 0;
    };
    const discountsBefore = await discountsGiven();
    const opened = await stack.clientFor(learner).payments.createIntent.mutate({
      offeringId: offering.id,
      idempotencyKey: randomUUID(),
      promotionCode: code.code.toLowerCase(),
    });
    expect(opened).toMatchObject({
      amount: 3920,
      listAmount: 4900,
      discountAmount: 980,
      promotionCode: code.code,
      percentOff: 20,
      free: false,
    });
    const intent = await stack.deps.stripe.paymentIntents.retrieve(intentIdOf(opened.clientSecret));
    expect(intent.amount).toBe(3920);
    expect(intent.metadata).toMatchObject({ promotionCode: code.code, discountAmount: '980' });
    // Reserved, not redeemed.
    let row = await stack.db.promotionCode.findUniqueOrThrow({ where: { id: code.id } });
    expect(row).toMatchObject({ heldCount: 1, redeemedCount: 0 });

    const confirmed = await payWithCard(learner, opened.paymentId, opened.clientSecret);
    expect(confirmed.status).toBe('SUCCEEDED');
    row = await stack.db.promotionCode.findUniqueOrThrow({ where: { id: code.id } });
    expect(row).toMatchObject({ heldCount: 1, redeemedCount: 1 });
    const redemption = await stack.db.promotionRedemption.findUniqueOrThrow({
      where: { paymentId: opened.paymentId },
    });
    expect(redemption).toMatchObject({ status: 'REDEEMED', discountAmount: 980, learnerId: learner.id });
    // The webhooks arrive too; the use still counts once.
    await eventually(async () =>
      (await stack.db.payment.findUniqueOrThrow({ where: { id: opened.paymentId } })).webhookVerified
        ? true
        : null,
    );
    expect((await stack.db.promotionCode.findUniqueOrThrow({ where: { id: code.id } })).redeemedCount).toBe(
      1,
    );
    // Stats: the discount given, once.
    expect((await discountsGiven()) - discountsBefore).toBe(980);

    // What the learner and the specialist see.
    const details = await stack
      .clientFor(stack.users.specialist)
      .payments.get.query({ paymentId: opened.paymentId });
    expect(details).toMatchObject({
      amount: 3920,
      discountAmount: 980,
      promotionCode: code.code,
      free: false,
    });
    const list = await stack.clientFor(learner).payments.history.query();
    expect(list.items[0]).toMatchObject({ discountAmount: 980, promotionCode: code.code });
    const listed = await stack.clientFor(stack.users.specialist).promotionCodes.list.query();
    expect(listed.items.find((c) => c.id === code.id)).toMatchObject({
      redeemedCount: 1,
      reservedCount: 0,
      remaining: 2,
    });
    // The receipt names the code and the discount.
    const receipt = await eventually(() =>
      stack.db.outboxMessage.findFirst({ where: { dedupeKey: `payment.receipt:${opened.paymentId}` } }),
    );
    expect(receipt.payload).toMatchObject({ discountAmount: 980, promotionCode: code.code });
    // The specialist's CSV export shows the code and the discount next to the amount.
    const response = await fetch(`${stack.url}/api/exports/payments.csv`, {
      headers: { authorization: `Bearer ${stack.users.specialist.token}` },
    });
    const rows: Record<string, string>[] = parse(await response.text(), { columns: true, bom: true });
    expect(rows.find((r) => r.payment_id === opened.paymentId)).toMatchObject({
      amount: '39.20',
      amount_minor: '3920',
      promotion_code: code.code,
      discount: '9.80',
      discount_minor: '980',
    });
  });

  it('refuses unknown, inactive, not started, expired, other-offering, other-currency and below-minimum codes before anything is written', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 4900 });
    const other = await newOffering(stack, stack.users.specialist, { amount: 4900 });
    const inactive = await newCode();
    await stack
      .clientFor(stack.users.specialist)
      .promotionCodes.deactivate.mutate({ promotionCodeId: inactive.id });
    const cases: [string, RegExp][] = [
      ['NOSUCHCODE', /promotionCode "NOSUCHCODE" does not exist/],
      [inactive.code, /is no longer active/],
      [
        (await newCode({ startsAt: '2099-01-01T00:00:00Z' })).code,
        /is not valid yet: it starts at 2099-01-01T00:00:00Z/,
      ],
      [(await newCode({ endsAt: '2020-01-01T00:00:00Z' })).code, /expired at 2020-01-01T00:00:00Z/],
      [(await newCode({ offeringIds: [other.id] })).code, /does not apply to this offering/],
      [
        (await newCode({ kind: 'FIXED', percentOff: undefined, amountOff: 500, currency: 'eur' })).code,
        /applies only to offerings priced in EUR/,
      ],
      [
        (await newCode({ kind: 'FIXED', percentOff: undefined, amountOff: 4870, currency: 'usd' })).code,
        /would leave \$0\.30 to pay, below Stripe's minimum charge of \$0\.50/,
      ],
      // The other specialist's code of the same name does not apply to this specialist's offering.
      [
        (
          await stack.clientFor(stack.users.specialist2).promotionCodes.create.mutate({
            code: `THEIRS${randomUUID().slice(0, 4)}`,
            kind: 'PERCENT',
            percentOff: 10,
          })
        ).code,
        /does not exist/,
      ],
    ];
    const learner = await newLearner();
    for (const [promotionCode, message] of cases) {
      const error = await errorOf(
        stack.clientFor(learner).payments.createIntent.mutate({
          offeringId: offering.id,
          idempotencyKey: randomUUID(),
          promotionCode,
        }),
      );
      expect(error.data?.code).toBe('BAD_REQUEST');
      expect(error.message).toMatch(message);
      expect(error.message).toContain('promotionCode');
    }
    expect(await stack.db.payment.count({ where: { learnerId: learner.id } })).toBe(0);
    expect(await stack.db.enrollment.count({ where: { learnerId: learner.id } })).toBe(0);
  });

  it('applying, changing and removing a code on an open payment updates its PaymentIntent, never makes a second', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 10_000 });
    const ten = await newCode({ percentOff: 10 });
    const fixed = await newCode({ kind: 'FIXED', percentOff: undefined, amountOff: 2500, currency: 'usd' });
    const learner = await newLearner();
    const api = stack.clientFor(learner).payments;
    const open = (promotionCode?: string) =>
      api.createIntent.mutate({
        offeringId: offering.id,
        idempotencyKey: randomUUID(),
        ...(promotionCode ? { promotionCode } : {}),
      });

    const plain = await open();
    const intentId = intentIdOf(plain.clientSecret);
    const steps: [string | undefined, number, string | null][] = [
      [ten.code, 9000, ten.code],
      [fixed.code, 7500, fixed.code],
      [undefined, 10_000, null],
      [ten.code, 9000, ten.code], // again: a new change, not a replay of the first
    ];
    for (const [code, amount, applied] of steps) {
      const answer = await open(code);
      expect(answer).toMatchObject({ paymentId: plain.paymentId, amount, promotionCode: applied });
      expect(intentIdOf(answer.clientSecret)).toBe(intentId);
      expect((await stack.deps.stripe.paymentIntents.retrieve(intentId)).amount).toBe(amount);
      const payment = await stack.db.payment.findUniqueOrThrow({ where: { id: plain.paymentId } });
      expect(payment).toMatchObject({ amount, promotionCode: applied });
    }
    // One PaymentIntent for this learner and offering; the codes no longer applied hold no use.
    const intents = await stack.deps.stripe.paymentIntents.list({ limit: 100 });
    expect(intents.data.filter((pi) => pi.metadata.offeringId === offering.id)).toHaveLength(1);
    expect((await stack.db.promotionCode.findUniqueOrThrow({ where: { id: fixed.id } })).heldCount).toBe(0);
    expect((await stack.db.promotionCode.findUniqueOrThrow({ where: { id: ten.id } })).heldCount).toBe(1);

    // Paid at the last amount; the sync function accepts the PaymentIntent's amount.
    const paid = await payWithCard(learner, plain.paymentId, plain.clientSecret);
    expect(paid.status).toBe('SUCCEEDED');
    expect(await stack.db.payment.findUniqueOrThrow({ where: { id: plain.paymentId } })).toMatchObject({
      amountReceived: 9000,
      discountAmount: 1000,
    });
    expect((await stack.db.promotionCode.findUniqueOrThrow({ where: { id: ten.id } })).redeemedCount).toBe(1);
  });

  it('a 100 % code enrolls without a PaymentIntent or any Stripe call, and records that it was free', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 4900 });
    const code = await newCode({ percentOff: 100 });
    const learner = await newLearner();
    const before = (await stack.deps.stripe.paymentIntents.list({ limit: 100 })).data.length;
    const answer = await stack.clientFor(learner).payments.createIntent.mutate({
      offeringId: offering.id,
      idempotencyKey: randomUUID(),
      promotionCode: code.code,
    });
    expect(answer).toMatchObject({
      clientSecret: null,
      amount: 0,
      listAmount: 4900,
      discountAmount: 4900,
      free: true,
      status: 'SUCCEEDED',
    });
    const payment = await stack.db.payment.findUniqueOrThrow({
      where: { id: answer.paymentId },
      include: { enrollment: true },
    });
    expect(payment).toMatchObject({
      free: true,
      amount: 0,
      status: 'SUCCEEDED',
      stripePaymentIntentId: null,
      promotionCode: code.code,
    });
    expect(payment.enrollment).toMatchObject({ status: 'ACTIVE', paymentId: payment.id });
    expect(
      (await stack.db.user.findUniqueOrThrow({ where: { id: learner.id } })).stripeCustomerId,
    ).toBeNull();
    expect((await stack.deps.stripe.paymentIntents.list({ limit: 100 })).data.length).toBe(before);
    expect(await stack.db.promotionCode.findUniqueOrThrow({ where: { id: code.id } })).toMatchObject({
      heldCount: 1,
      redeemedCount: 1,
    });
    // Already enrolled: a second checkout is a CONFLICT.
    expect(
      await codeOf(
        stack
          .clientFor(learner)
          .payments.createIntent.mutate({ offeringId: offering.id, idempotencyKey: randomUUID() }),
      ),
    ).toBe('CONFLICT');
  });

  it('a free enrollment gets every effect of a success: redemption, rollup, receipt, audit, status notify', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 3100 });
    const code = await newCode({ percentOff: 100 });
    const learner = await newLearner();
    // Result pages on every instance hear of a change through NOTIFY on commit (status-notify.ts).
    const listener = new pg.Client({ connectionString: stack.deps.env.DATABASE_URL });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => {
      if (n.payload) heard.push(n.payload);
    });
    await listener.query(`LISTEN ${PAYMENT_STATUS_CHANNEL}`);
    try {
      const answer = await stack.clientFor(learner).payments.createIntent.mutate({
        offeringId: offering.id,
        idempotencyKey: randomUUID(),
        promotionCode: code.code,
      });
      expect(answer).toMatchObject({ free: true, status: 'SUCCEEDED' });
      const payment = await stack.db.payment.findUniqueOrThrow({ where: { id: answer.paymentId } });

      expect((await stack.db.promotionCode.findUniqueOrThrow({ where: { id: code.id } })).redeemedCount).toBe(
        1,
      );
      const day = new Date(`${payment.succeededAt?.toISOString().slice(0, 10)}T00:00:00Z`);
      const stat = await stack.db.paymentDailyStat.findFirstOrThrow({
        where: { offeringId: offering.id, currency: payment.currency, day },
      });
      expect(stat).toMatchObject({ succeededCount: 1, grossAmount: 0n, discountAmount: 3100n });
      const mails = await stack.db.outboxMessage.findMany({
        where: { dedupeKey: { endsWith: `:${payment.id}` } },
        orderBy: { kind: 'asc' },
      });
      expect(mails.map((m) => [m.kind, m.recipient])).toEqual([
        ['enrollment.new', stack.users.specialist.email],
        ['payment.receipt', learner.email],
      ]);
      expect(mails[1]?.payload).toMatchObject({ free: true, amount: 0, discountAmount: 3100 });
      const audits = await stack.db.auditLog.findMany({
        where: { paymentId: payment.id, action: 'payment.status_changed' },
      });
      expect(audits.map((a) => a.details)).toEqual([{ from: 'PENDING', to: 'SUCCEEDED', source: 'api' }]);
      await eventually(async () => heard.includes(payment.id));
    } finally {
      await listener.end();
    }
  });

  it('a 100 % code applied to an open payment cancels its PaymentIntent and enrolls for free', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 4900 });
    const code = await newCode({ percentOff: 100 });
    const learner = await newLearner();
    const api = stack.clientFor(learner).payments;
    const plain = await api.createIntent.mutate({ offeringId: offering.id, idempotencyKey: randomUUID() });
    const free = await api.createIntent.mutate({
      offeringId: offering.id,
      idempotencyKey: randomUUID(),
      promotionCode: code.code,
    });
    expect(free).toMatchObject({ free: true, clientSecret: null, amount: 0, status: 'SUCCEEDED' });
    expect((await stack.deps.stripe.paymentIntents.retrieve(intentIdOf(plain.clientSecret))).status).toBe(
      'canceled',
    );
    const payments = await stack.db.payment.findMany({
      where: { learnerId: learner.id, offeringId: offering.id },
      include: { enrollment: true },
      orderBy: { createdAt: 'asc' },
    });
    expect(payments.map((p) => [p.status, p.free])).toEqual([
      ['CANCELED', false],
      ['SUCCEEDED', true],
    ]);
    expect(payments[1]?.enrollment.status).toBe('ACTIVE');
  });

  it('once per learner: a second purchase with the code is refused; canceling an open payment frees its use', async () => {
    const first = await newOffering(stack, stack.users.specialist, { amount: 3000 });
    const second = await newOffering(stack, stack.users.specialist, { amount: 3000 });
    const code = await newCode({ oncePerLearner: true, maxRedemptions: 5 });
    const learner = await newLearner();
    const api = stack.clientFor(learner).payments;
    await api.createIntent.mutate({
      offeringId: first.id,
      idempotencyKey: randomUUID(),
      promotionCode: code.code,
    });
    const again = await errorOf(
      api.createIntent.mutate({
        offeringId: second.id,
        idempotencyKey: randomUUID(),
        promotionCode: code.code,
      }),
    );
    expect(again.message).toMatch(/can be used once per learner, and you have already used it/);
    // Archiving the first offering cancels its open payment: the use is released.
    await stack.clientFor(stack.users.specialist).offerings.archive.mutate({ offeringId: first.id });
    expect((await stack.db.promotionCode.findUniqueOrThrow({ where: { id: code.id } })).heldCount).toBe(0);
    const now = await api.createIntent.mutate({
      offeringId: second.id,
      idempotencyKey: randomUUID(),
      promotionCode: code.code,
    });
    expect(now.discountAmount).toBe(600);
  });
});

describe('the redemption race', () => {
  it('50 learners racing for the last 5 uses: exactly 5 PaymentIntents, 45 clear "used up" errors, 5 redemptions once paid', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 5000 });
    const code = await newCode({ percentOff: 10, maxRedemptions: 7 });
    // Two uses already gone: 5 are left.
    for (let i = 0; i < 2; i++) {
      const learner = await newLearner();
      const opened = await stack.clientFor(learner).payments.createIntent.mutate({
        offeringId: offering.id,
        idempotencyKey: randomUUID(),
        promotionCode: code.code,
      });
      await payWithCard(learner, opened.paymentId, opened.clientSecret);
    }
    const learners = await Promise.all(Array.from({ length: 50 }, () => newLearner()));
    const results = await Promise.allSettled(
      learners.map((learner) =>
        stack.clientFor(learner).payments.createIntent.mutate({
          offeringId: offering.id,
          idempotencyKey: randomUUID(),
          promotionCode: code.code,
        }),
      ),
    );
    const won = results.flatMap((r, i) =>
      r.status === 'fulfilled' ? [{ learner: learners[i]!, answer: r.value }] : [],
    );
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
    expect(won).toHaveLength(5);
    expect(lost).toHaveLength(45);
    for (const error of lost) expect(error.message).toMatch(/this code has been used up/);
    for (const { answer } of won) expect(answer).toMatchObject({ amount: 4500, discountAmount: 500 });
    // Exactly 5 PaymentIntents at Stripe and 5 payments, and nothing half-written for the 45.
    const intents = await stack.deps.stripe.paymentIntents.list({ limit: 100 });
    expect(
      intents.data.filter((pi) => pi.metadata.offeringId === offering.id && pi.status !== 'succeeded'),
    ).toHaveLength(5);
    expect(
      await stack.db.payment.count({
        where: { offeringId: offering.id, learnerId: { in: learners.map((l) => l.id) } },
      }),
    ).toBe(5);
    expect(
      await stack.db.enrollment.count({
        where: { offeringId: offering.id, learnerId: { in: learners.map((l) => l.id) } },
      }),
    ).toBe(5);

    await Promise.all(
      won.map(({ learner, answer }) => payWithCard(learner, answer.paymentId, answer.clientSecret)),
    );
    const row = await stack.db.promotionCode.findUniqueOrThrow({ where: { id: code.id } });
    expect(row).toMatchObject({ heldCount: 7, redeemedCount: 7 });
    expect(
      await stack.db.promotionRedemption.count({
        where: { promotionCodeId: code.id, status: 'REDEEMED', learnerId: { in: learners.map((l) => l.id) } },
      }),
    ).toBe(5);
    const late = await errorOf(
      stack.clientFor(await newLearner()).payments.createIntent.mutate({
        offeringId: offering.id,
        idempotencyKey: randomUUID(),
        promotionCode: code.code,
      }),
    );
    expect(late.message).toMatch(/this code has been used up/);
  });
});

describe('a destination charge with a code (Stripe Connect)', () => {
  it('takes the platform fee on the discounted amount, also when the code changes on the open payment', async () => {
    const specialist = stack.users.specialist2;
    const client = stack.clientFor(specialist);
    await client.payouts.onboardingLink.mutate();
    const { stripeAccountId } = await client.payouts.account.query();
    if (!stripeAccountId) throw new Error('no account after onboardingLink');
    stack.emulator.controls.completeOnboarding(stripeAccountId);
    await eventually(async () => (await client.payouts.account.query()).status === 'ACTIVE');

    const offering = await newOffering(stack, specialist, { amount: 10_000 });
    const twenty = await client.promotionCodes.create.mutate({
      code: `FEE20${randomUUID().slice(0, 4)}`,
      kind: 'PERCENT',
      percentOff: 20,
    });
    const ten = await client.promotionCodes.create.mutate({
      code: `FEE10${randomUUID().slice(0, 4)}`,
      kind: 'PERCENT',
      percentOff: 10,
    });
    const learner = await newLearner();
    const api = stack.clientFor(learner).payments;
    const opened = await api.createIntent.mutate({
      offeringId: offering.id,
      idempotencyKey: randomUUID(),
      promotionCode: twenty.code,
    });
    let intent = await stack.deps.stripe.paymentIntents.retrieve(intentIdOf(opened.clientSecret));
    // PLATFORM_FEE_BPS defaults to 10 %: of $80.00, not of $100.00.
    expect(intent).toMatchObject({ amount: 8000, application_fee_amount: 800 });
    expect(intent.transfer_data?.destination).toBe(stripeAccountId);

    await api.createIntent.mutate({
      offeringId: offering.id,
      idempotencyKey: randomUUID(),
      promotionCode: ten.code,
    });
    intent = await stack.deps.stripe.paymentIntents.retrieve(intent.id);
    expect(intent).toMatchObject({ amount: 9000, application_fee_amount: 900 });
    const paid = await payWithCard(learner, opened.paymentId, opened.clientSecret);
    expect(paid.status).toBe('SUCCEEDED');
    expect(await stack.db.payment.findUniqueOrThrow({ where: { id: opened.paymentId } })).toMatchObject({
      amountReceived: 9000,
      applicationFeeAmount: 900,
      discountAmount: 1000,
    });
  });
});
