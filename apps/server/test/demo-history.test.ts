import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@enrollpay/db/testing';
import {
  applicationFeeFor,
  DEFAULT_PLATFORM_FEE_BPS,
  ListPromotionCodesInputSchema,
  SpecialistStatsInputSchema,
} from '@enrollpay/schemas';
import { type Emulator, startEmulator } from '@enrollpay/stripe-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { createDeps } from '../src/deps.js';
import { type Env, loadEnv } from '../src/env.js';
import { getBalance, getPayoutAccount } from '../src/payouts/service.js';
import { listPromotionCodes } from '../src/promotions/service.js';
import { reconcile } from '../src/reconcile/reconcile.js';
import { rebuildDailyStats } from '../src/stats/rollup.js';
import { specialistStats } from '../src/stats/service.js';

const DAY = 86_400_000;
const NOW = new Date();

function envFor(url: string, stripeApiUrl: string): Env {
  return loadEnv({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
    STRIPE_API_URL: stripeApiUrl,
    RUN_WORKER: 'false',
    MAIL_DIR: path.join(tmpdir(), `enrollpay-demo-mail-${process.pid}`),
  });
}

describe('demo data with a past (pnpm dev, pnpm db:seed)', () => {
  let database: TestDatabase;
  let dir: string;
  let snapshotFile: string;
  /** The emulator as `pnpm dev` starts it after the seed: a new process state, loaded from the snapshot. */
  let restarted: Emulator;
  let seedMs = 0;
  let summary = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'enrollpay-demo-'));
    snapshotFile = path.join(dir, 'stripe-emulator.json');
    const result = await seedDemo({
      db: database.db,
      env: envFor(database.url, 'http://127.0.0.1:12111'),
      databaseUrl: database.url,
      snapshotFile,
      now: NOW,
    });
    if (!result.created) throw new Error('expected the seed to create data');
    seedMs = result.historyMs;
    summary = JSON.stringify(result.history);
    restarted = await startEmulator({ port: 0, snapshotFile });
  }, 180_000);

  afterAll(async () => {
    await restarted?.close();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reconcile against the restarted emulator finds nothing to repair', async () => {
    console.log(`demo history seeded in ${seedMs} ms: ${summary}`);
    const deps = createDeps(envFor(database.url, restarted.url), database.db, { databaseUrl: database.url });
    try {
      const report = await reconcile(deps, { since: new Date(NOW.getTime() - 100 * DAY) });
      const intents = await database.db.payment.count({ where: { stripePaymentIntentId: { not: null } } });
      expect(report.errors).toEqual([]);
      expect(report.repaired).toEqual([]);
      expect(report.orphaned).toEqual([]);
      expect(report.checked.paymentIntents).toBe(intents);
      expect(report.checked.refunds).toBe(await database.db.refund.count());
      expect(report.checked.disputes).toBe(1);
      // Stripe Connect: nothing differs either.
      expect(report.connect.drift).toEqual([]);
    } finally {
      await deps.jobs.close();
      deps.mailer.close();
    }
  });

  it('Sofia is onboarded and paid weekly (one payout day returned by the bank); Sam has not finished onboarding and his sales are held', async () => {
    const { db } = database;
    const deps = createDeps(envFor(database.url, restarted.url), db, { databaseUrl: database.url });
    try {
      const sofia = await db.user.findUniqueOrThrow({ where: { email: 'specialist@demo.test' } });
      const sam = await db.user.findUniqueOrThrow({ where: { email: 'specialist2@demo.test' } });

      // What the Get paid page shows each of them (payouts.account).
      expect(await getPayoutAccount(deps, sofia.id)).toMatchObject({
        status: 'ACTIVE',
        chargesEnabled: true,
        payoutsEnabled: true,
        currentlyDue: [],
      });
      const samAccount = await getPayoutAccount(deps, sam.id);
      expect(samAccount).toMatchObject({
        status: 'INCOMPLETE',
        chargesEnabled: false,
        detailsSubmitted: false,
      });
      expect(samAccount.currentlyDue).toContain('external_account');
      expect(restarted.store.connect.accounts.get(samAccount.stripeAccountId ?? '')?.charges_enabled).toBe(
        false,
      );

      // Every paid sale of Sofia's is a destination charge with the 10 % fee and its transfer; Sam's are held.
      const sofiaPaid = await db.payment.findMany({
        where: { specialistId: sofia.id, succeededAt: { not: null } },
        select: {
          amountReceived: true,
          applicationFeeAmount: true,
          destinationAccountId: true,
          stripeTransferId: true,
        },
      });
      expect(sofiaPaid.length).toBeGreaterThan(30);
      for (const p of sofiaPaid) {
        expect(p.destinationAccountId).toMatch(/^acct_/);
        expect(p.stripeTransferId).toMatch(/^tr_/);
        expect(p.applicationFeeAmount).toBe(applicationFeeFor(p.amountReceived, DEFAULT_PLATFORM_FEE_BPS));
      }
      const samPaid = await db.payment.findMany({
        where: { specialistId: sam.id, succeededAt: { not: null } },
        select: { destinationAccountId: true, stripeTransferId: true, applicationFeeAmount: true },
      });
      expect(samPaid.length).toBeGreaterThan(10);
      expect(
        samPaid.every((p) => !p.destinationAccountId && !p.stripeTransferId && p.applicationFeeAmount === 0),
      ).toBe(true);

      // Payouts: our rows are exactly the emulator's (none lost, none extra, same status, amount, arrival).
      const sofiaAccountId = (await getPayoutAccount(deps, sofia.id)).stripeAccountId ?? '';
      const ours = await db.payout.findMany({
        where: { stripeAccountId: sofiaAccountId },
        orderBy: { arrivalDate: 'asc' },
      });
      const theirs = [...restarted.store.connect.payouts.values()].filter(
        (p) => restarted.store.connect.ownerOf(p.id) === sofiaAccountId,
      );
      expect(ours.map((p) => p.stripePayoutId).sort()).toEqual(theirs.map((p) => p.id).sort());
      for (const row of ours) {
        const payout = theirs.find((p) => p.id === row.stripePayoutId);
        expect(row.status).toBe(payout?.status.toUpperCase());
        expect(row.amount).toBe(payout?.amount);
        expect(row.currency).toBe(payout?.currency);
        expect(row.arrivalDate.getTime()).toBe((payout?.arrival_date ?? 0) * 1000);
      }
      const paid = ours.filter((p) => p.status === 'PAID');
      const failed = ours.filter((p) => p.status === 'FAILED');
      expect(paid.length).toBeGreaterThanOrEqual(10);
      expect(new Set(paid.map((p) => p.currency))).toEqual(new Set(['usd', 'jpy']));
      expect(failed.length).toBeGreaterThanOrEqual(1);
      expect(failed.every((p) => p.failureCode === 'account_closed')).toBe(true);
      expect(ours.every((p) => p.status === 'PAID' || p.status === 'FAILED')).toBe(true);
      // Spread over the history: weekly, from the first weeks to last week.
      expect(NOW.getTime() - (paid[0]?.arrivalDate.getTime() ?? NOW.getTime())).toBeGreaterThan(70 * DAY);
      expect(NOW.getTime() - (paid.at(-1)?.arrivalDate.getTime() ?? 0)).toBeLessThan(7 * DAY);
      // The failed payout's email went out back then (sent, not waiting).
      expect(await db.outboxMessage.count({ where: { kind: 'payout.failed', status: 'SENT' } })).toBe(
        failed.length,
      );

      // Her balance (payouts.balance, from the restarted emulator): funds available since the last payout
      // three days ago, and pending ones from the last two days.
      const { balances } = await getBalance(deps, sofia.id);
      expect(balances.some((b) => b.available > 0)).toBe(true);
      expect(balances.some((b) => b.pending > 0)).toBe(true);
      // Sam's account has received nothing: the platform holds his sales.
      const samBalance = await getBalance(deps, sam.id);
      expect(samBalance.balances.every((b) => b.available === 0 && b.pending === 0)).toBe(true);
    } finally {
      await deps.jobs.close();
      deps.mailer.close();
    }
  });

  it('has payments in USD, EUR and JPY, declines, refunds and one open dispute, spread over three months', async () => {
    const { db } = database;
    const paid = await db.payment.groupBy({
      by: ['currency'],
      where: { succeededAt: { not: null } },
      _count: true,
      _min: { succeededAt: true },
    });
    expect(paid.map((p) => p.currency).sort()).toEqual(['eur', 'jpy', 'usd']);
    for (const p of paid) expect(p._count).toBeGreaterThanOrEqual(10);

    const oldest = await db.payment.findFirstOrThrow({
      orderBy: { createdAt: 'asc' },
      select: { createdAt: true },
    });
    expect(NOW.getTime() - oldest.createdAt.getTime()).toBeGreaterThan(80 * DAY);
    expect(oldest.createdAt.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 90 * DAY);

    const declined = await db.payment.findMany({
      where: { status: 'FAILED' },
      select: { failureCode: true, declineCode: true, enrollment: { select: { status: true } } },
    });
    expect(declined.length).toBeGreaterThanOrEqual(2);
    for (const d of declined) {
      expect(d.failureCode).toBe('card_declined');
      expect(d.enrollment.status).toBe('PENDING_PAYMENT');
    }
    // A decline followed by a good card: the same payment, paid, with no failure left on it.
    const retried = await db.payment.findFirstOrThrow({
      where: { learner: { email: 'learner@demo.test' }, offering: { title: 'Career mentoring session' } },
      select: { status: true, failureCode: true, auditLogs: { select: { action: true } } },
    });
    expect(retried).toMatchObject({ status: 'SUCCEEDED', failureCode: null });

    const refunds = await db.refund.findMany({
      select: { status: true, amount: true, payment: { select: { amountReceived: true, status: true } } },
    });
    expect(refunds.length).toBeGreaterThanOrEqual(3);
    for (const r of refunds) expect(r.status).toBe('SUCCEEDED');
    expect(
      refunds.some((r) => r.amount < r.payment.amountReceived && r.payment.status === 'PARTIALLY_REFUNDED'),
    ).toBe(true);
    expect(
      refunds.some((r) => r.amount === r.payment.amountReceived && r.payment.status === 'REFUNDED'),
    ).toBe(true);

    const disputes = await db.dispute.findMany({
      select: { status: true, stripeDisputeId: true, paymentId: true },
    });
    expect(disputes).toHaveLength(1);
    const [dispute] = disputes;
    expect(dispute?.status).toBe('needs_response');
    const stripeDispute = restarted.store.disputes.get(dispute?.stripeDisputeId ?? '');
    expect(stripeDispute?.status).toBe('needs_response');
    expect((stripeDispute?.evidence_details.due_by ?? 0) * 1000).toBeGreaterThan(NOW.getTime());
    const disputed = await db.payment.findUniqueOrThrow({
      where: { id: dispute?.paymentId ?? '' },
      select: { status: true },
    });
    expect(disputed.status).toBe('DISPUTED');

    // Nothing of the past waits to be mailed, and no demo login is left with a payment in progress.
    expect(await db.outboxMessage.count({ where: { status: 'PENDING' } })).toBe(0);
    expect(
      await db.payment.count({
        where: { learner: { email: { in: ['learner@demo.test', 'learner2@demo.test'] } }, status: 'FAILED' },
      }),
    ).toBe(0);
  });

  it('has a promotion code per specialist on the codes page, each used by one past payment', async () => {
    const { db } = database;
    const seen = [];
    for (const email of ['specialist@demo.test', 'specialist2@demo.test']) {
      const specialist = await db.user.findUniqueOrThrow({ where: { email } });
      const { items } = await listPromotionCodes(
        { db },
        { userId: specialist.id, role: 'SPECIALIST' },
        ListPromotionCodesInputSchema.parse({}),
      );
      for (const c of items) {
        // Made at the start of the history, before the payments that used it.
        expect(Date.parse(c.createdAt)).toBeLessThan(NOW.getTime() - 80 * DAY);
        seen.push({ email, code: c.code, redeemed: c.redeemedCount, reserved: c.reservedCount });
      }
    }
    expect(seen).toEqual([
      { email: 'specialist@demo.test', code: 'WELCOME10', redeemed: 1, reserved: 0 },
      { email: 'specialist2@demo.test', code: 'SQL-5', redeemed: 1, reserved: 0 },
    ]);
    const discounted = await db.payment.findMany({
      where: { promotionCodeId: { not: null } },
      orderBy: { createdAt: 'asc' },
      select: {
        amount: true,
        discountAmount: true,
        currency: true,
        status: true,
        promotionCode: true,
        stripePaymentIntentId: true,
        learner: { select: { email: true } },
      },
    });
    expect(discounted.map(({ stripePaymentIntentId: _, ...p }) => p)).toEqual([
      {
        amount: 6750,
        discountAmount: 750,
        currency: 'usd',
        status: 'SUCCEEDED',
        promotionCode: 'WELCOME10',
        learner: { email: 'learner@demo.test' },
      },
      {
        amount: 3400,
        discountAmount: 500,
        currency: 'eur',
        status: 'SUCCEEDED',
        promotionCode: 'SQL-5',
        learner: { email: 'learner2@demo.test' },
      },
    ]);
    // Stripe charged the discounted amounts.
    for (const p of discounted) {
      expect(restarted.store.paymentIntents.get(p.stripePaymentIntentId ?? '')?.amount_received).toBe(
        p.amount,
      );
    }
  });

  it("fills the specialist's dashboard over the last 90 days, and the rollup matches the payments", async () => {
    const { db } = database;
    const specialist = await db.user.findUniqueOrThrow({ where: { email: 'specialist@demo.test' } });
    const stats = await specialistStats(
      db,
      { userId: specialist.id, role: 'SPECIALIST' },
      SpecialistStatsInputSchema.parse({
        from: new Date(NOW.getTime() - 90 * DAY).toISOString(),
        to: NOW.toISOString(),
        granularity: 'day',
      }),
    );
    const usd = stats.currencies.find((c) => c.currency === 'usd');
    const jpy = stats.currencies.find((c) => c.currency === 'jpy');
    for (const c of [usd, jpy]) {
      if (!c) throw new Error('expected usd and jpy figures');
      const days = c.series.filter((b) => b.count > 0).map((b) => Date.parse(b.bucketStart));
      expect(days.length).toBeGreaterThanOrEqual(15);
      // Spread over the period: sales in the first month and in the last two weeks.
      expect(Math.min(...days)).toBeLessThan(NOW.getTime() - 60 * DAY);
      expect(Math.max(...days)).toBeGreaterThan(NOW.getTime() - 14 * DAY);
      expect(c.gross).toBeGreaterThan(0);
      expect(c.successRate).toBeGreaterThan(0.5);
    }
    expect(usd?.refundedCount).toBeGreaterThanOrEqual(1);
    expect(usd?.disputedCount).toBe(1);

    // The incremental rollup the sync function kept equals one rebuilt from the payment rows. (A row
    // whose figures went back to zero — a decline before midnight paid after it — stays in the kept one;
    // it reads as no row.)
    const rollup = async () =>
      (
        await db.paymentDailyStat.findMany({
          orderBy: [{ day: 'asc' }, { offeringId: 'asc' }, { currency: 'asc' }],
        })
      )
        .map((r) => ({ ...r, grossAmount: Number(r.grossAmount), refundedAmount: Number(r.refundedAmount) }))
        .filter(
          (r) =>
            r.grossAmount ||
            r.refundedAmount ||
            r.succeededCount ||
            r.failedCount ||
            r.refundedCount ||
            r.disputedCount,
        );
    const kept = await rollup();
    expect(kept.length).toBeGreaterThan(50);
    await rebuildDailyStats(db);
    expect(await rollup()).toEqual(kept);
  });
});

const execFileAsync = promisify(execFile);
const serverDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

describe('pnpm db:seed', () => {
  let database: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'enrollpay-seed-'));
  });
  afterAll(async () => {
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const seed = async (...args: string[]) => {
    const { stdout } = await execFileAsync(
      'pnpm',
      ['exec', 'tsx', 'scripts/seed.ts', '--snapshot', path.join(dir, 'stripe.json'), ...args],
      {
        cwd: serverDir,
        env: {
          ...process.env,
          NODE_ENV: 'development',
          DATABASE_URL: database.url,
          // Nothing listens here: the seed runs its own emulator and only checks this one is not running.
          STRIPE_API_URL: 'http://127.0.0.1:9',
        },
        timeout: 120_000,
      },
    );
    return stdout;
  };
  const counts = async () => {
    const { db } = database;
    return {
      users: await db.user.count(),
      offerings: await db.offering.count(),
      payments: await db.payment.count(),
      refunds: await db.refund.count(),
      disputes: await db.dispute.count(),
      rollup: await db.paymentDailyStat.count(),
    };
  };

  it('creates the data once, does nothing the second time, and --fresh rebuilds it without duplicates', async () => {
    expect(await seed('--days', '7')).toMatch(/Created the demo accounts and \d+ checkouts over 7 days/);
    const first = await counts();
    expect(first.payments).toBeGreaterThan(5);
    expect(first.disputes).toBe(1);

    // Seeding again (what every later `pnpm dev` does) leaves a database with users alone.
    const again = await seedDemo({
      db: database.db,
      env: envFor(database.url, 'http://127.0.0.1:9'),
      databaseUrl: database.url,
      snapshotFile: path.join(dir, 'stripe.json'),
      days: 7,
    });
    expect(again.created).toBe(false);
    expect(await counts()).toEqual(first);

    // A row of some other kind is gone after --fresh: the database is rebuilt, not added to.
    await database.db.auditLog.create({ data: { action: 'test.marker' } });
    expect(await seed('--days', '7', '--fresh')).toMatch(
      /Emptied \d+ tables[\s\S]*Created the demo accounts/,
    );
    const rebuilt = await counts();
    expect(rebuilt.users).toBe(first.users);
    expect(rebuilt.offerings).toBe(first.offerings);
    expect(rebuilt.disputes).toBe(1);
    // The same (deterministic) plan again: as many payments and refunds as the first time, not twice as many.
    expect(rebuilt.payments).toBe(first.payments);
    expect(rebuilt.refunds).toBe(first.refunds);
    expect(await database.db.auditLog.count({ where: { action: 'test.marker' } })).toBe(0);
  }, 300_000);

  it('--fresh refuses while an emulator runs at STRIPE_API_URL (pnpm dev), and changes nothing', async () => {
    const running = await startEmulator({ port: 0 });
    try {
      const before = await counts();
      const failure = await execFileAsync(
        'pnpm',
        ['exec', 'tsx', 'scripts/seed.ts', '--fresh', '--snapshot', path.join(dir, 'stripe.json')],
        {
          cwd: serverDir,
          env: {
            ...process.env,
            NODE_ENV: 'development',
            DATABASE_URL: database.url,
            STRIPE_API_URL: running.url,
          },
          timeout: 60_000,
        },
      ).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/is running \(pnpm dev\?\)\. Stop it first/),
      });
      expect(await counts()).toEqual(before);
    } finally {
      await running.close();
    }
  });
});
