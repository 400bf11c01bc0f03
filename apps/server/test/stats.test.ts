import type { PaymentStatus } from '@enrollpay/db';
import type { Granularity, PlatformFeesBucket, SpecialistStatsOutput } from '@enrollpay/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildDailyStats } from '../src/stats/rollup.js';
import { eventually, startTestStack, type TestStack } from './harness.js';
import { codeOf, errorOf, newOffering, pay } from './pay.js';

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 6); // a Monday; generated payments span ~130 days from here

interface GenPayment {
  specialistId: string;
  offeringId: string;
  currency: string;
  status: PaymentStatus;
  amount: number;
  amountReceived: number;
  amountRefunded: number;
  /** The Connect platform fee (some succeeded payments carry one, some were held: 0). */
  applicationFeeAmount: number;
  /** What a promotion code took off (some sales had one). */
  discountAmount: number;
  createdAt: Date;
  succeededAt: Date | null;
  failedAt: Date | null;
  refundedAt: Date | null;
  disputedAt: Date | null;
}

/** A small deterministic PRNG (mulberry32), so a failure can be reproduced. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let stack: TestStack;
const generated: GenPayment[] = [];
const titles = new Map<string, string>();

beforeAll(async () => {
  stack = await startTestStack();
  const rand = random(42);
  const offerings = await stack.db.offering.findMany({
    select: { id: true, specialistId: true, currency: true, priceAmount: true, title: true },
  });
  for (const o of offerings) titles.set(o.id, o.title);
  const learners = [stack.users.learner.id, stack.users.learner2.id];
  const enrollments = await Promise.all(
    offerings.flatMap((o) =>
      learners.map((learnerId) =>
        stack.db.enrollment.create({
          data: { learnerId, offeringId: o.id, status: 'CANCELLED' },
          select: { id: true, learnerId: true, offeringId: true },
        }),
      ),
    ),
  );
  const rows = [];
  for (let i = 0; i < 4000; i++) {
    const enrollment = enrollments[Math.floor(rand() * enrollments.length)]!;
    const o = offerings.find((x) => x.id === enrollment.offeringId)!;
    const createdAt = new Date(START + Math.floor(rand() * 130 * DAY));
    const later = (maxDays: number) => new Date(createdAt.getTime() + Math.floor(rand() * maxDays * DAY));
    const roll = rand();
    const amount = o.priceAmount;
    let p: GenPayment = {
      specialistId: o.specialistId,
      offeringId: o.id,
      currency: o.currency,
      status: 'PENDING',
      amount,
      amountReceived: 0,
      amountRefunded: 0,
      applicationFeeAmount: 0,
      discountAmount: 0,
      createdAt,
      succeededAt: null,
      failedAt: null,
      refundedAt: null,
      disputedAt: null,
    };
    if (roll < 0.15) p = { ...p, status: 'FAILED', failedAt: later(0.1) };
    else if (roll < 0.2) p = { ...p, status: 'PENDING' };
    else {
      // Two in three sales are destination charges with a 10 % fee; the rest were held (no fee yet).
      const fee = rand() < 0.67 ? Math.floor(amount / 10) : 0;
      // One in five with a 20 % promotion code: charged the rest.
      const discount = rand() < 0.2 ? Math.floor(amount / 5) : 0;
      p = {
        ...p,
        status: 'SUCCEEDED',
        amount: amount - discount,
        amountReceived: amount - discount,
        applicationFeeAmount: fee,
        discountAmount: discount,
        succeededAt: later(0.05),
      };
      const after = rand();
      if (after < 0.08) p = { ...p, status: 'REFUNDED', amountRefunded: p.amount, refundedAt: later(20) };
      else if (after < 0.14) {
        p = {
          ...p,
          status: 'PARTIALLY_REFUNDED',
          amountRefunded: Math.max(1, Math.floor(p.amount / 3)),
          refundedAt: later(20),
        };
      } else if (after < 0.17) p = { ...p, status: 'DISPUTED', disputedAt: later(40) };
    }
    // A refund or dispute is never before the success it undoes.
    for (const k of ['refundedAt', 'disputedAt'] as const) {
      const at = p[k];
      if (at && p.succeededAt && at < p.succeededAt) p[k] = p.succeededAt;
    }
    generated.push(p);
    rows.push({ ...p, learnerId: enrollment.learnerId, enrollmentId: enrollment.id, refundWindowDays: 14 });
  }
  await stack.db.payment.createMany({ data: rows });
  await rebuildDailyStats(stack.db);
});
afterAll(async () => {
  await stack?.close();
});

// ---- The independent computation: straight from the generated payments, in JavaScript. ----

const dayKey = (d: Date) => d.toISOString().slice(0, 10);
function bucketOf(day: string, g: Granularity): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (g === 'month') return `${day.slice(0, 7)}-01`;
  if (g === 'week') return dayKey(new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY));
  return day;
}
function nextBucket(bucket: string, g: Granularity): string {
  const d = new Date(`${bucket}T00:00:00Z`);
  if (g === 'month') return dayKey(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)));
  return dayKey(new Date(d.getTime() + (g === 'week' ? 7 : 1) * DAY));
}

function expected(specialistId: string, from: Date, to: Date, g: Granularity, offeringId?: string) {
  const firstDay = dayKey(from);
  const toMidnight = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  const lastDay = dayKey(new Date(to.getTime() === toMidnight ? toMidnight - DAY : toMidnight));
  const inRange = (d: Date | null) => d !== null && dayKey(d) >= firstDay && dayKey(d) <= lastDay;
  const mine = generated.filter(
    (p) => p.specialistId === specialistId && (!offeringId || p.offeringId === offeringId),
  );
  // The specialist's selling currencies appear even without figures (as zeros).
  const currencies = new Set(
    stack.offerings
      .filter((o) => o.specialistId === specialistId && (!offeringId || o.id === offeringId))
      .map((o) => o.currency),
  );
  for (const p of mine) {
    if (
      inRange(p.succeededAt) ||
      inRange(p.refundedAt) ||
      (p.status === 'FAILED' && inRange(p.failedAt)) ||
      inRange(p.disputedAt)
    ) {
      currencies.add(p.currency);
    }
  }
  return [...currencies].sort().map((currency) => {
    const ps = mine.filter((p) => p.currency === currency);
    const succeeded = ps.filter((p) => inRange(p.succeededAt));
    const refunded = ps.filter((p) => p.amountRefunded > 0 && inRange(p.refundedAt));
    const gross = succeeded.reduce((s, p) => s + p.amountReceived, 0);
    const refundedAmount = refunded.reduce((s, p) => s + p.amountRefunded, 0);
    const failedCount = ps.filter((p) => p.status === 'FAILED' && inRange(p.failedAt)).length;
    const byOffering = new Map<string, { gross: number; refunded: number; count: number }>();
    const touch = (id: string) => {
      const e = byOffering.get(id) ?? { gross: 0, refunded: 0, count: 0 };
      byOffering.set(id, e);
      return e;
    };
    for (const p of succeeded) {
      const e = touch(p.offeringId);
      e.gross += p.amountReceived;
      e.count += 1;
    }
    for (const p of refunded) touch(p.offeringId).refunded += p.amountRefunded;
    for (const p of ps)
      if ((p.status === 'FAILED' && inRange(p.failedAt)) || inRange(p.disputedAt)) touch(p.offeringId);
    const series = [];
    for (let b = bucketOf(firstDay, g); b <= lastDay; b = nextBucket(b, g)) {
      const end = nextBucket(b, g);
      const within = (d: Date | null) => inRange(d) && dayKey(d!) >= b && dayKey(d!) < end;
      const sGross = ps.filter((p) => within(p.succeededAt)).reduce((s, p) => s + p.amountReceived, 0);
      const sRef = ps
        .filter((p) => p.amountRefunded > 0 && within(p.refundedAt))
        .reduce((s, p) => s + p.amountRefunded, 0);
      series.push({
        bucketStart: `${b}T00:00:00.000Z`,
        gross: sGross,
        refunded: sRef,
        net: sGross - sRef,
        count: ps.filter((p) => within(p.succeededAt)).length,
      });
    }
    // Connect fees: on payments that succeeded in range and were not fully refunded (0 without Connect).
    const platformFees = succeeded
      .filter((p) => p.status !== 'REFUNDED')
      .reduce((s, p) => s + p.applicationFeeAmount, 0);
    return {
      currency,
      gross,
      refunded: refundedAmount,
      net: gross - refundedAmount,
      platformFees,
      netToSpecialist: gross - refundedAmount - platformFees,
      succeededCount: succeeded.length,
      failedCount,
      refundedCount: refunded.length,
      disputedCount: ps.filter((p) => inRange(p.disputedAt)).length,
      successRate: succeeded.length + failedCount ? succeeded.length / (succeeded.length + failedCount) : 0,
      refundRate: succeeded.length ? Math.min(1, refunded.length / succeeded.length) : 0,
      averageTransactionValue: succeeded.length ? Math.round(gross / succeeded.length) : 0,
      discountsGiven: succeeded.reduce((s, p) => s + p.discountAmount, 0),
      byOffering: [...byOffering.entries()]
        .map(([id, e]) => ({
          offeringId: id,
          title: titles.get(id)!,
          gross: e.gross,
          net: e.gross - e.refunded,
          count: e.count,
        }))
        .sort((a, b) => b.gross - a.gross || a.title.localeCompare(b.title)),
      series,
    };
  });
}

function check(actual: SpecialistStatsOutput, want: ReturnType<typeof expected>) {
  expect(actual.currencies.map((c) => c.currency)).toEqual(want.map((c) => c.currency));
  for (const [i, c] of actual.currencies.entries()) {
    const w = want[i]!;
    const { successRate, refundRate, ...rest } = c;
    const { successRate: ws, refundRate: wr, ...wrest } = w;
    expect(rest).toEqual(wrest);
    expect(successRate).toBeCloseTo(ws, 12);
    expect(refundRate).toBeCloseTo(wr, 12);
  }
}

describe('stats.specialist against an independent computation over raw payments', () => {
  const cases: { name: string; from: string; to: string; g: Granularity; offering?: boolean }[] = [
    { name: 'daily, whole span', from: '2025-01-01T00:00:00Z', to: '2025-07-01T00:00:00Z', g: 'day' },
    { name: 'weekly, mid-week edges', from: '2025-01-15T00:00:00Z', to: '2025-03-20T00:00:00Z', g: 'week' },
    {
      name: 'monthly, a partial day at the end',
      from: '2025-02-01T00:00:00Z',
      to: '2025-05-10T13:30:00Z',
      g: 'month',
    },
    {
      name: 'one offering, weekly',
      from: '2025-01-01T00:00:00Z',
      to: '2025-06-01T00:00:00Z',
      g: 'week',
      offering: true,
    },
    {
      name: 'a quiet range before any sale',
      from: '2024-11-01T00:00:00Z',
      to: '2024-11-08T00:00:00Z',
      g: 'day',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const specialist = stack.users.specialist;
      const offeringId = c.offering
        ? stack.offerings.find((o) => o.specialistId === specialist.id && o.currency === 'jpy')!.id
        : undefined;
      const actual = await stack.clientFor(specialist).stats.specialist.query({
        from: c.from,
        to: c.to,
        granularity: c.g,
        ...(offeringId ? { offeringId } : {}),
      });
      const want = expected(specialist.id, new Date(c.from), new Date(c.to), c.g, offeringId);
      check(actual, want);
      // Never summed across currencies; at least two currencies present for the specialist.
      expect(actual.currencies.length).toBeGreaterThanOrEqual(c.offering ? 1 : 2);
    });
  }

  it("admins read any specialist's figures by id; specialists only their own", async () => {
    const range = { from: '2025-01-01T00:00:00Z', to: '2025-07-01T00:00:00Z', granularity: 'month' as const };
    const asAdmin = await stack
      .clientFor(stack.users.admin)
      .stats.specialist.query({ ...range, specialistId: stack.users.specialist2.id });
    check(asAdmin, expected(stack.users.specialist2.id, new Date(range.from), new Date(range.to), 'month'));
    // A specialist's specialistId is ignored: they get their own figures.
    const own = await stack
      .clientFor(stack.users.specialist)
      .stats.specialist.query({ ...range, specialistId: stack.users.specialist2.id });
    check(own, expected(stack.users.specialist.id, new Date(range.from), new Date(range.to), 'month'));

    const missing = await errorOf(stack.clientFor(stack.users.admin).stats.specialist.query(range));
    expect(missing.data?.code).toBe('BAD_REQUEST');
    expect(missing.message).toMatch(/specialistId/);
    const otherOffering = stack.offerings.find((o) => o.specialistId === stack.users.specialist2.id)!;
    expect(
      await codeOf(
        stack
          .clientFor(stack.users.specialist)
          .stats.specialist.query({ ...range, offeringId: otherOffering.id }),
      ),
    ).toBe('NOT_FOUND');
    expect(await codeOf(stack.clientFor(stack.users.learner).stats.specialist.query(range))).toBe(
      'FORBIDDEN',
    );
    expect(
      await codeOf(
        stack
          .clientFor(stack.users.specialist)
          .stats.specialist.query({ ...range, timezone: 'Europe/Berlin' }),
      ),
    ).toBe('BAD_REQUEST');
  });
});

describe('net revenue', () => {
  it('is gross minus refunds minus lost disputes and their fees; a won dispute costs nothing', async () => {
    const spec = stack.users.specialist2;
    const lost = await newOffering(stack, spec, { amount: 4000, currency: 'usd' });
    const won = await newOffering(stack, spec, { amount: 3000, currency: 'usd' });
    const lostPayment = await pay(stack, stack.users.learner, lost.id, 'pm_card_createDispute');
    const wonPayment = await pay(stack, stack.users.learner2, won.id, 'pm_card_createDispute');
    for (const [paymentId, outcome] of [
      [lostPayment, 'lost'],
      [wonPayment, 'won'],
    ] as const) {
      const dispute = await eventually(() => stack.db.dispute.findFirst({ where: { paymentId } }));
      stack.emulator.controls.resolveDispute(dispute.stripeDisputeId, outcome);
      await eventually(
        async () => (await stack.db.dispute.findFirst({ where: { paymentId } }))?.status === outcome,
      );
    }
    const now = Date.now();
    const range = {
      from: new Date(now - 86_400_000).toISOString(),
      to: new Date(now + 86_400_000).toISOString(),
      granularity: 'day' as const,
    };
    const staff = stack.clientFor(spec);
    const forOffering = async (offeringId: string) => {
      const stats = await staff.stats.specialist.query({ ...range, offeringId });
      const usd = stats.currencies.find((c) => c.currency === 'usd');
      if (!usd) throw new Error('no usd figures');
      return {
        gross: usd.gross,
        net: usd.net,
        offeringNet: usd.byOffering.find((o) => o.offeringId === offeringId)?.net,
        seriesNet: usd.series.reduce((sum, b) => sum + b.net, 0),
      };
    };
    // The learner's money went back through the card network, and Stripe kept its $15.00 dispute fee.
    const lostNet = 4000 - 4000 - 1500;
    expect(await forOffering(lost.id)).toEqual({
      gross: 4000,
      net: lostNet,
      offeringNet: lostNet,
      seriesNet: lostNet,
    });
    expect(await forOffering(won.id)).toEqual({ gross: 3000, net: 3000, offeringNet: 3000, seriesNet: 3000 });
  });
});

describe('rollup', () => {
  it('rebuilding from Payment rows gives the same rollup the sync function kept incrementally', async () => {
    // Real payments through the API and the emulator: successes, a decline, full and partial refunds,
    // a failed refund and a dispute — each step maintained the rollup as it happened.
    const spec = stack.users.specialist2;
    const a = await newOffering(stack, spec, { amount: 5000, currency: 'usd' });
    const b = await newOffering(stack, spec, { amount: 3000, currency: 'jpy' });
    const c = await newOffering(stack, spec, { amount: 2000, currency: 'usd' });
    const d = await newOffering(stack, spec, { amount: 2500, currency: 'usd' });
    const p1 = await pay(stack, stack.users.learner, a.id);
    await pay(stack, stack.users.learner2, a.id, 'pm_card_visa_chargeDeclined');
    const p3 = await pay(stack, stack.users.learner, b.id);
    const p4 = await pay(stack, stack.users.learner2, c.id, 'pm_card_refundFail');
    const p5 = await pay(stack, stack.users.learner, d.id, 'pm_card_createDispute');
    const staff = stack.clientFor(spec);
    await staff.payments.refund.mutate({ paymentId: p1, amount: 1000, reason: 'OTHER' });
    await stack
      .clientFor(stack.users.learner)
      .payments.refund.mutate({ paymentId: p3, reason: 'REQUESTED_BY_CUSTOMER' });
    const failing = await staff.payments.refund.mutate({ paymentId: p4, reason: 'OTHER' });
    await eventually(
      async () =>
        (await stack.db.refund.findUnique({ where: { id: failing.refundId } }))?.status === 'FAILED',
    );
    await eventually(async () => (await stack.db.payment.findUnique({ where: { id: p5 } }))?.disputedAt);
    await stack.emulator.controls.idle();

    const snapshot = async () =>
      (
        await stack.db.paymentDailyStat.findMany({
          where: { specialistId: spec.id, offeringId: { in: [a.id, b.id, c.id, d.id] } },
          orderBy: [{ day: 'asc' }, { offeringId: 'asc' }, { currency: 'asc' }],
        })
      ).filter(
        (r) =>
          r.grossAmount ||
          r.refundedAmount ||
          r.succeededCount ||
          r.failedCount ||
          r.refundedCount ||
          r.disputedCount,
      );
    const incremental = await snapshot();
    expect(incremental.length).toBeGreaterThan(0);
    const totals = incremental.reduce(
      (t, r) => ({ gross: t.gross + Number(r.grossAmount), refunded: t.refunded + Number(r.refundedAmount) }),
      { gross: 0, refunded: 0 },
    );
    expect(totals).toEqual({ gross: 5000 + 3000 + 2000 + 2500, refunded: 1000 + 3000 });
    await rebuildDailyStats(stack.db);
    expect(await snapshot()).toEqual(incremental);
  });
});

describe('stats.platformFees (admins)', () => {
  // The generated payments span 2025-01-06 + ~130 days; nothing else in this file is that old.
  const from = new Date(Date.UTC(2025, 0, 1));
  const to = new Date(Date.UTC(2025, 6, 1));

  /** The same figures straight from the generated rows: fees on the success day, given back on a full refund. */
  function expectedFees(g: Granularity) {
    const firstDay = dayKey(from);
    const lastDay = dayKey(new Date(to.getTime() - DAY));
    const currencies = [
      ...new Set(
        generated
          .filter((p) => p.succeededAt || (p.status === 'REFUNDED' && p.refundedAt))
          .map((p) => p.currency),
      ),
    ].sort();
    return currencies.map((currency) => {
      const ps = generated.filter((p) => p.currency === currency);
      const series: PlatformFeesBucket[] = [];
      for (let b = bucketOf(firstDay, g); b <= lastDay; b = nextBucket(b, g)) {
        const end = nextBucket(b, g);
        const within = (d: Date | null) => d !== null && dayKey(d) >= b && dayKey(d) < end;
        const sold = ps.filter((p) => within(p.succeededAt));
        const fees = sold.reduce((s, p) => s + p.applicationFeeAmount, 0);
        const feeRefunds = ps
          .filter((p) => p.status === 'REFUNDED' && within(p.refundedAt))
          .reduce((s, p) => s + p.applicationFeeAmount, 0);
        series.push({
          bucketStart: `${b}T00:00:00.000Z`,
          gross: sold.reduce((s, p) => s + p.amountReceived, 0),
          fees,
          feeRefunds,
          net: fees - feeRefunds,
          payments: sold.length,
        });
      }
      const sum = (k: 'gross' | 'fees' | 'feeRefunds' | 'payments') => series.reduce((s, b) => s + b[k], 0);
      return {
        currency,
        gross: sum('gross'),
        fees: sum('fees'),
        feeRefunds: sum('feeRefunds'),
        net: sum('fees') - sum('feeRefunds'),
        payments: sum('payments'),
        series,
      };
    });
  }

  it('per currency and per month or day: gross, fees, fee refunds and net fee revenue, as the database holds them', async () => {
    const admin = stack.clientFor(stack.users.admin);
    for (const granularity of ['month', 'day'] as const) {
      const report = await admin.stats.platformFees.query({
        from: from.toISOString(),
        to: to.toISOString(),
        granularity,
      });
      expect(report.currencies).toEqual(expectedFees(granularity));
      expect(report.currencies.length).toBeGreaterThan(1); // never summed across currencies
    }
    const months = await admin.stats.platformFees.query({
      from: from.toISOString(),
      to: to.toISOString(),
      granularity: 'month',
    });
    const usd = months.currencies.find((c) => c.currency === 'usd');
    expect(usd?.series.map((b) => b.bucketStart.slice(0, 7))).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
    // There are fees and fee refunds to see, and net is what the platform keeps.
    expect(usd?.fees).toBeGreaterThan(0);
    expect(usd?.feeRefunds).toBeGreaterThan(0);
    expect(usd?.net).toBe((usd?.fees ?? 0) - (usd?.feeRefunds ?? 0));
  });

  it('only admins; a bad range is a BAD_REQUEST naming the field', async () => {
    const input = { from: from.toISOString(), to: to.toISOString(), granularity: 'month' as const };
    expect(await codeOf(stack.clientFor(stack.users.specialist).stats.platformFees.query(input))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(stack.clientFor(stack.users.learner).stats.platformFees.query(input))).toBe(
      'FORBIDDEN',
    );
    const error = await errorOf(
      stack.clientFor(stack.users.admin).stats.platformFees.query({ ...input, to: input.from }),
    );
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('to');
  });
});
