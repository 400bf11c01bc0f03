import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPayout, reverseHeldTransfers } from '../src/payouts/service.js';
import { reconcile } from '../src/reconcile/reconcile.js';
import { rebuildDailyStats } from '../src/stats/rollup.js';
import { eventually, startTestStack, type TestStack, type TestUser } from './harness.js';
import { codeOf, newOffering, pay } from './pay.js';

/**
 * Specialists get paid (issue 14): Stripe Connect onboarding, destination charges with the platform fee
 * (PLATFORM_FEE_BPS, default 10 %), funds held for a specialist who has not onboarded, refunds that
 * reverse the transfer, balances and payouts kept by the Connect webhooks.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack(); // both endpoints: the platform's and the Connect one
});
afterAll(async () => {
  await stack?.close();
});

const DAY_MS = 86_400_000;

/** Starts onboarding through the API, then presses "Complete onboarding" (the emulator's control). */
async function onboard(specialist: TestUser, bankAccountNumber?: string): Promise<string> {
  const client = stack.clientFor(specialist);
  const { url } = await client.payouts.onboardingLink.mutate();
  expect(url).toContain('/setup/s/acct_');
  const { stripeAccountId } = await client.payouts.account.query();
  if (!stripeAccountId) throw new Error('no account after onboardingLink');
  stack.emulator.controls.completeOnboarding(stripeAccountId, bankAccountNumber);
  // account.updated arrives on the Connect endpoint, signed with the Connect secret.
  await eventually(async () => (await client.payouts.account.query()).status === 'ACTIVE');
  return stripeAccountId;
}

const paymentRow = (id: string) => stack.db.payment.findUniqueOrThrow({ where: { id } });

/** The specialist's usd figures for one offering, yesterday to tomorrow. */
async function offeringStats(offeringId: string) {
  const now = Date.now();
  const stats = await stack.clientFor(stack.users.specialist).stats.specialist.query({
    from: new Date(now - DAY_MS).toISOString(),
    to: new Date(now + DAY_MS).toISOString(),
    granularity: 'day',
    offeringId,
  });
  return stats.currencies.find((c) => c.currency === 'usd');
}

/** The rollup the sync and the transfers kept incrementally equals one rebuilt from the Payment rows. */
async function expectRollupMatchesRebuild() {
  const read = () =>
    stack.db.paymentDailyStat.findMany({
      orderBy: [{ specialistId: 'asc' }, { day: 'asc' }, { offeringId: 'asc' }],
    });
  const kept = (await read()).filter(
    (r) => r.succeededCount || r.failedCount || r.refundedCount || r.disputedCount,
  );
  await rebuildDailyStats(stack.db);
  expect(await read()).toEqual(kept);
}

describe('onboarding and funds held until then', () => {
  it('a sale before onboarding is held by the platform and transferred, less the fee, once onboarding completes', async () => {
    const specialist = stack.users.specialist;
    const client = stack.clientFor(specialist);
    expect(await client.payouts.account.query()).toMatchObject({
      status: 'NOT_STARTED',
      stripeAccountId: null,
      feeBps: 1000,
    });

    const offering = await newOffering(stack, specialist, { amount: 4_999, currency: 'usd' });
    const paymentId = await pay(stack, stack.users.learner, offering.id);
    const held = await paymentRow(paymentId);
    expect(held).toMatchObject({ status: 'SUCCEEDED', destinationAccountId: null, stripeTransferId: null });

    // The account is created once: a second link points at the same account.
    const first = await client.payouts.onboardingLink.mutate();
    const second = await client.payouts.onboardingLink.mutate();
    expect(first.url).not.toBe(second.url);
    const account = await client.payouts.account.query();
    expect(account).toMatchObject({ status: 'INCOMPLETE', chargesEnabled: false });
    expect(account.currentlyDue).toContain('external_account');
    expect(stack.emulator.store.connect.accounts.size).toBe(1);

    const accountId = await onboard(specialist);
    expect(accountId).toBe(account.stripeAccountId);
    // Held funds: 4 999 − round-half-up(499.9) = 4 999 − 500 = 4 499 transferred from the charge.
    const moved = await eventually(async () => {
      const row = await paymentRow(paymentId);
      return row.stripeTransferId ? row : null;
    });
    expect(moved.applicationFeeAmount).toBe(500);
    const transfer = await stack.deps.stripe.transfers.retrieve(moved.stripeTransferId!);
    expect(transfer).toMatchObject({
      amount: 4_499,
      destination: accountId,
      source_transaction: held.stripeChargeId,
    });
    // Stats: the fee set at the transfer reaches the rollup the statistics read (platform fees).
    expect(await offeringStats(offering.id)).toMatchObject({
      gross: 4_999,
      platformFees: 500,
      netToSpecialist: 4_499,
    });
    await expectRollupMatchesRebuild();
  });
});

describe('destination charges, balance, refunds', () => {
  it('charges the specialist’s account with the fee; the pending balance is amount − fee; a full refund reverses the transfer and refunds the fee', async () => {
    const specialist = stack.users.specialist; // onboarded by the test above
    const offering = await newOffering(stack, specialist, { amount: 10_000, currency: 'usd' });
    const client = stack.clientFor(specialist);
    const before = (await client.payouts.balance.query()).balances.find((b) => b.currency === 'usd');

    const paymentId = await pay(stack, stack.users.learner2, offering.id);
    const row = await paymentRow(paymentId);
    expect(row).toMatchObject({ status: 'SUCCEEDED', applicationFeeAmount: 1_000 });
    expect(row.destinationAccountId).toMatch(/^acct_/);
    const intent = await stack.deps.stripe.paymentIntents.retrieve(row.stripePaymentIntentId!);
    expect(intent.application_fee_amount).toBe(1_000);
    expect(intent.transfer_data?.destination).toBe(row.destinationAccountId);

    const after = (await client.payouts.balance.query()).balances.find((b) => b.currency === 'usd');
    expect((after?.pending ?? 0) - (before?.pending ?? 0)).toBe(9_000);
    const transferId = await eventually(async () => (await paymentRow(paymentId)).stripeTransferId);

    const refund = await stack.clientFor(stack.users.admin).payments.refund.mutate({
      paymentId,
      reason: 'REQUESTED_BY_CUSTOMER',
    });
    expect(refund.status).toBe('SUCCEEDED');
    const stripeRefunds = await stack.deps.stripe.refunds.list({
      payment_intent: row.stripePaymentIntentId!,
    });
    expect(stripeRefunds.data[0]?.transfer_reversal).toBeTruthy();
    const fee = (await stack.deps.stripe.applicationFees.list({ charge: row.stripeChargeId! })).data[0];
    expect(fee?.amount_refunded).toBe(1_000);
    // transfer.reversed keeps our row true; the specialist's balance drops by what they had received.
    await eventually(async () => (await paymentRow(paymentId)).transferReversedAmount === 10_000);
    expect((await paymentRow(paymentId)).stripeTransferId).toBe(transferId);
    const dropped = (await client.payouts.balance.query()).balances.find((b) => b.currency === 'usd');
    expect((dropped?.pending ?? 0) + (dropped?.available ?? 0)).toBe(
      (after?.pending ?? 0) + (after?.available ?? 0) - 9_000,
    );
    // A full refund returns the fee: the platform keeps nothing of this sale.
    expect(await offeringStats(offering.id)).toMatchObject({
      gross: 10_000,
      refunded: 10_000,
      platformFees: 0,
    });
    await expectRollupMatchesRebuild();
  });

  it('a partial refund reverses its share of the transfer and the platform keeps its fee', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 8_000, currency: 'usd' });
    const paymentId = await pay(stack, stack.users.learner, offering.id);
    const row = await paymentRow(paymentId);
    await stack.clientFor(stack.users.admin).payments.refund.mutate({
      paymentId,
      amount: 2_000,
      reason: 'REQUESTED_BY_CUSTOMER',
    });
    const fee = (await stack.deps.stripe.applicationFees.list({ charge: row.stripeChargeId! })).data[0];
    expect(fee).toMatchObject({ amount: 800, amount_refunded: 0 });
    await eventually(async () => (await paymentRow(paymentId)).transferReversedAmount === 2_000);

    // Stats: the fee is the platform's; the specialist's net is net − fee.
    const now = Date.now();
    const stats = await stack.clientFor(stack.users.specialist).stats.specialist.query({
      from: new Date(now - DAY_MS).toISOString(),
      to: new Date(now + DAY_MS).toISOString(),
      granularity: 'day',
      offeringId: offering.id,
    });
    expect(stats.currencies.find((c) => c.currency === 'usd')).toMatchObject({
      gross: 8_000,
      refunded: 2_000,
      net: 6_000,
      platformFees: 800,
      netToSpecialist: 5_200,
    });
  });

  it('an admin’s fee override applies to the next sale, rounded half up in the currency’s minor units (JPY: yen)', async () => {
    const admin = stack.clientFor(stack.users.admin);
    await admin.admin.setFeeOverride.mutate({ userId: stack.users.specialist.id, feeBps: 1250 });
    const listed = await admin.admin.connectedAccounts.query();
    expect(listed.items.find((a) => a.userId === stack.users.specialist.id)).toMatchObject({
      status: 'ACTIVE',
      feeBpsOverride: 1250,
    });
    const offering = await newOffering(stack, stack.users.specialist, { amount: 1_005, currency: 'jpy' });
    const paymentId = await pay(stack, stack.users.learner, offering.id);
    // 1 005 × 12.5 % = 125.625 yen → 126.
    expect((await paymentRow(paymentId)).applicationFeeAmount).toBe(126);
    expect(
      await codeOf(admin.admin.setFeeOverride.mutate({ userId: stack.users.specialist.id, feeBps: 10_001 })),
    ).toBe('BAD_REQUEST');
    await admin.admin.setFeeOverride.mutate({ userId: stack.users.specialist.id, feeBps: null });
    expect(await codeOf(stack.clientFor(stack.users.specialist).admin.connectedAccounts.query())).toBe(
      'FORBIDDEN',
    );
  });
});

let specialists = 0;
/** A specialist of their own (not onboarded), so a test's held funds are only its own. */
async function newSpecialist(): Promise<TestUser> {
  const n = ++specialists;
  const user = await stack.db.user.create({
    data: { email: `payouts-specialist-${n}@demo.test`, name: `Payouts Specialist ${n}`, role: 'SPECIALIST' },
  });
  const { token } = await stack.deps.tokens.issue({ userId: user.id, role: 'SPECIALIST' });
  return { id: user.id, email: user.email, role: 'SPECIALIST', token };
}

/** Available + pending of one currency, on the platform (no account) or a connected account. */
async function balanceOf(currency: string, stripeAccount?: string): Promise<number> {
  const b = await stack.deps.stripe.balance.retrieve({}, stripeAccount ? { stripeAccount } : {});
  return [...b.available, ...b.pending]
    .filter((x) => x.currency === currency)
    .reduce((sum, x) => sum + x.amount, 0);
}

describe('refunds of held funds transferred later', () => {
  it('a partial refund takes its amount back from the specialist (the platform keeps its fee); the one completing the refund takes the rest and gives up the fee', async () => {
    const specialist = await newSpecialist();
    const offering = await newOffering(stack, specialist, { amount: 10_000, currency: 'usd' });
    // 4000 0000 0000 0077: available at once, so the specialist's balance can cover a reversal today.
    const paymentId = await pay(stack, stack.users.learner, offering.id, 'pm_card_bypassPending');
    expect((await paymentRow(paymentId)).destinationAccountId).toBeNull();
    const accountId = await onboard(specialist);
    const transferId = await eventually(async () => (await paymentRow(paymentId)).stripeTransferId);
    expect((await stack.deps.stripe.transfers.retrieve(transferId)).amount).toBe(9_000);

    const admin = stack.clientFor(stack.users.admin);
    const platform0 = await balanceOf('usd');
    const specialist0 = await balanceOf('usd', accountId);
    expect(specialist0).toBe(9_000);

    const partial = await admin.payments.refund.mutate({ paymentId, amount: 4_000, reason: 'OTHER' });
    expect(partial.status).toBe('SUCCEEDED');
    expect(await stack.db.refund.findUniqueOrThrow({ where: { id: partial.refundId } })).toMatchObject({
      heldReversalAmount: 4_000,
      heldReversalId: expect.stringMatching(/^trr_/),
      heldReversalError: null,
    });
    expect(await balanceOf('usd', accountId)).toBe(specialist0 - 4_000);
    expect(await balanceOf('usd')).toBe(platform0); // −4 000 to the learner, +4 000 reversed: fee kept

    const rest = await admin.payments.refund.mutate({ paymentId, reason: 'OTHER' });
    expect(rest).toMatchObject({ amount: 6_000, status: 'SUCCEEDED', paymentStatus: 'REFUNDED' });
    expect(await stack.db.refund.findUniqueOrThrow({ where: { id: rest.refundId } })).toMatchObject({
      heldReversalAmount: 5_000,
      heldReversalId: expect.stringMatching(/^trr_/),
    });
    expect(await balanceOf('usd', accountId)).toBe(0);
    expect(await balanceOf('usd')).toBe(platform0 - 1_000); // the fee, given up on the full refund

    const transfer = await stack.deps.stripe.transfers.retrieve(transferId);
    expect({ reversed: transfer.amount_reversed, fully: transfer.reversed }).toEqual({
      reversed: 9_000,
      fully: true,
    });
    const reversals = await stack.deps.stripe.transfers.listReversals(transferId);
    expect(reversals.data.map((r) => r.amount).sort()).toEqual([4_000, 5_000]);
    // transfer.reversed keeps the payment row true; running it again reverses nothing more.
    await eventually(async () => (await paymentRow(paymentId)).transferReversedAmount === 9_000);
    expect(await reverseHeldTransfers(stack.deps, paymentId)).toBe(0);
    expect((await stack.deps.stripe.transfers.listReversals(transferId)).data).toHaveLength(2);
  });

  it('a reversal the specialist’s balance cannot cover yet is kept as owed and made once the funds are available', async () => {
    const specialist = await newSpecialist();
    const offering = await newOffering(stack, specialist, { amount: 5_000, currency: 'usd' });
    const paymentId = await pay(stack, stack.users.learner2, offering.id); // pending for the delay days
    const accountId = await onboard(specialist);
    await eventually(async () => (await paymentRow(paymentId)).stripeTransferId);
    // Manual payouts, so the funds stay on the balance once available (a daily payout would take them).
    await stack.deps.stripe.accounts.update(accountId, {
      settings: { payouts: { schedule: { interval: 'manual' } } },
    });

    const refund = await stack
      .clientFor(stack.users.admin)
      .payments.refund.mutate({ paymentId, amount: 1_000, reason: 'OTHER' });
    expect(refund.status).toBe('SUCCEEDED');
    const owed = await stack.db.refund.findUniqueOrThrow({ where: { id: refund.refundId } });
    expect(owed).toMatchObject({ heldReversalAmount: 1_000, heldReversalId: null });
    expect(owed.heldReversalError).toMatch(/balance/i);
    expect(await balanceOf('usd', accountId)).toBe(4_500);

    stack.emulator.controls.advanceClock(8 * DAY_MS);
    // Made by this call, or already by a refund event's handler that ran after the clock moved (onRefund
    // calls reverseHeldTransfers too; refund events are applied one at a time); either way exactly once:
    // the reversal's id is recorded and the balance below moved by the refund's 1,000 only.
    expect([0, 1]).toContain(await reverseHeldTransfers(stack.deps, paymentId));
    expect(await stack.db.refund.findUniqueOrThrow({ where: { id: refund.refundId } })).toMatchObject({
      heldReversalId: expect.stringMatching(/^trr_/),
      heldReversalError: null,
    });
    expect(await balanceOf('usd', accountId)).toBe(3_500);
  });
});

describe('two endpoints', () => {
  it('a dispute on a destination charge is won and the payment is SUCCEEDED again; every event reaches exactly one endpoint', async () => {
    const specialist = stack.users.specialist; // onboarded above
    const offering = await newOffering(stack, specialist, { amount: 2_500, currency: 'usd' });
    const paymentId = await pay(stack, stack.users.learner2, offering.id, 'pm_card_createDispute');
    expect((await paymentRow(paymentId)).destinationAccountId).toMatch(/^acct_/);
    const dispute = await eventually(() => stack.db.dispute.findFirst({ where: { paymentId } }));
    stack.emulator.controls.resolveDispute(dispute.stripeDisputeId, 'won');
    const won = await eventually(async () => {
      const [payment, closed] = await stack.db.$transaction(
        [
          stack.db.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { enrollment: true } }),
          stack.db.dispute.findUniqueOrThrow({ where: { id: dispute.id } }),
        ],
        { isolationLevel: 'RepeatableRead' },
      );
      return closed.status === 'won' ? payment : null;
    });
    expect({ payment: won.status, enrollment: won.enrollment.status }).toEqual({
      payment: 'SUCCEEDED',
      enrollment: 'ACTIVE',
    });

    await stack.emulator.controls.idle();
    const deliveries = stack.emulator.controls.deliveries().filter((d) => d.outcome === 'succeeded');
    const endpointsOf = new Map<string, Set<string>>();
    for (const d of deliveries) {
      const event = stack.emulator.store.events.get(d.eventId);
      // The Connect endpoint gets connected accounts' events (with `account`), the platform's the rest.
      expect({ type: d.eventType, connect: d.url.endsWith('/stripe-connect') }).toEqual({
        type: d.eventType,
        connect: event?.account !== undefined,
      });
      endpointsOf.set(d.eventId, (endpointsOf.get(d.eventId) ?? new Set()).add(d.url));
    }
    expect([...endpointsOf.values()].filter((urls) => urls.size > 1)).toEqual([]);
    const types = (connect: boolean) =>
      new Set(
        deliveries.filter((d) => d.url.endsWith('/stripe-connect') === connect).map((d) => d.eventType),
      );
    expect(types(true)).toContain('account.updated');
    expect(types(false)).toContain('charge.dispute.closed');
    expect(types(true).has('charge.dispute.closed')).toBe(false);
    // Both endpoints' events were stored once each, and none failed.
    expect(
      await stack.db.webhookEvent.findMany({
        where: { status: { in: ['FAILED', 'ORPHANED'] } },
        select: { type: true, status: true, lastError: true },
      }),
    ).toEqual([]);
  });
});

describe('payouts', () => {
  it('a payout runs on the schedule, is paid on its arrival date, and lists the payment it contains', async () => {
    const specialist = stack.users.specialist;
    const client = stack.clientFor(specialist);
    const offering = await newOffering(stack, specialist, { amount: 3_000, currency: 'eur' });
    // 4000 0000 0000 0077: the funds skip the pending balance, so they can be paid out today.
    const paymentId = await pay(stack, stack.users.learner, offering.id, 'pm_card_bypassPending');
    stack.emulator.controls.runPayouts();
    const pending = await eventually(async () => {
      const { items } = await client.payouts.list.query({});
      return items.find((p) => p.currency === 'eur' && p.status === 'PENDING');
    });
    expect(pending.amount).toBe(2_700);
    stack.emulator.controls.advanceClock(DAY_MS);
    await eventually(async () => {
      const { items } = await client.payouts.list.query({});
      return items.find((p) => p.id === pending.id && p.status === 'PAID');
    });
    const { items } = await client.payouts.payments.query({ payoutId: pending.id });
    expect(items).toContainEqual(expect.objectContaining({ paymentId, amount: 3_000, fee: 300, net: 2_700 }));
    // Someone else's payout is not found.
    expect(
      await codeOf(stack.clientFor(stack.users.specialist2).payouts.payments.query({ payoutId: pending.id })),
    ).toBe('NOT_FOUND');
  });

  it('a failed payout is recorded and emails the specialist once', async () => {
    const specialist = stack.users.specialist2;
    await onboard(specialist, '000111111116'); // Stripe's test account: no_account
    const offering = await newOffering(stack, specialist, { amount: 2_000, currency: 'gbp' });
    await pay(stack, stack.users.learner, offering.id, 'pm_card_bypassPending');
    stack.emulator.controls.runPayouts();
    const client = stack.clientFor(specialist);
    const pending = await eventually(async () => {
      const { items } = await client.payouts.list.query({});
      return items.find((p) => p.currency === 'gbp');
    });
    stack.emulator.controls.advanceClock(DAY_MS);
    const failed = await eventually(async () => {
      const { items } = await client.payouts.list.query({});
      return items.find((p) => p.id === pending.id && p.status === 'FAILED');
    });
    expect(failed.failureMessage).toBeTruthy();
    const mails = await eventually(async () => {
      const rows = await stack.db.outboxMessage.findMany({ where: { kind: 'payout.failed' } });
      return rows.length > 0 ? rows : null;
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      recipient: specialist.email,
      dedupeKey: `payout.failed:${failed.stripePayoutId}`,
    });
  });

  it('two events of one payout we have no row for, applied at once, end in the newer one', async () => {
    // Two batch loops (or instances) may each take one event of the same new payout: both read "no row".
    const { stripeAccountId } = await stack.clientFor(stack.users.specialist).payouts.account.query();
    if (!stripeAccountId) throw new Error('the specialist has no connected account');
    const [sample] = (await stack.deps.stripe.payouts.list({ limit: 1 }, { stripeAccount: stripeAccountId }))
      .data;
    if (!sample) throw new Error('the specialist has no payout at Stripe');
    const t0 = new Date('2026-06-01T00:00:00Z');
    const later = new Date(t0.getTime() + 1000);
    for (let i = 0; i < 20; i++) {
      const id = `po_race_${i}`;
      const created = applyPayout(stack.deps, { ...sample, id, status: 'pending' }, stripeAccountId, t0);
      const paid = applyPayout(stack.deps, { ...sample, id, status: 'paid' }, stripeAccountId, later);
      await Promise.all(i % 2 ? [paid, created] : [created, paid]);
      const row = await stack.db.payout.findUniqueOrThrow({ where: { stripePayoutId: id } });
      expect(row.status).toBe('PAID');
    }
  });

  it('only specialists reach payouts.*, and a learner is refused', async () => {
    expect(await codeOf(stack.clientFor(stack.users.learner).payouts.account.query())).toBe('FORBIDDEN');
    expect(await codeOf(stack.clientFor(null).payouts.balance.query())).toBe('UNAUTHORIZED');
  });
});

describe('reconciliation of Connect', () => {
  it('repairs a dropped payout row, a payout status behind Stripe and a missing transfer id; reports a fee that differs; then stays quiet', async () => {
    const since = new Date(Date.now() - DAY_MS);
    const payouts = await stack.db.payout.findMany({ orderBy: { createdAt: 'asc' } });
    expect(payouts.length).toBeGreaterThanOrEqual(2);
    const [dropped, behind] = payouts as [(typeof payouts)[number], (typeof payouts)[number]];
    await stack.db.payout.delete({ where: { id: dropped.id } });
    await stack.db.payout.update({ where: { id: behind.id }, data: { status: 'PENDING' } });

    const destination = await stack.db.payment.findFirstOrThrow({
      where: { destinationAccountId: { not: null }, stripeTransferId: { not: null }, status: 'SUCCEEDED' },
      orderBy: { createdAt: 'asc' },
    });
    await stack.db.payment.update({ where: { id: destination.id }, data: { stripeTransferId: null } });
    await stack.db.payment.update({
      where: { id: destination.id },
      data: { applicationFeeAmount: destination.applicationFeeAmount + 1 },
    });

    const report = await reconcile(stack.deps, { since });
    expect(report.errors).toEqual([]);
    const drift = report.connect.drift.map(
      (d) => `${d.kind} ${d.field} ${d.repaired ? 'repaired' : 'reported'}`,
    );
    expect(drift.sort()).toEqual(
      [
        'APPLICATION_FEE applicationFeeAmount reported',
        'PAYOUT payout repaired',
        'PAYOUT status repaired',
        'TRANSFER stripeTransferId repaired',
      ].sort(),
    );
    expect(report.connect.checked.payouts).toBeGreaterThanOrEqual(2);
    expect(report.connect.checked.accounts).toBeGreaterThanOrEqual(3);

    // The rows agree with Stripe again.
    const restored = await stack.db.payout.findUniqueOrThrow({
      where: { stripePayoutId: dropped.stripePayoutId },
    });
    expect({ status: restored.status, amount: restored.amount }).toEqual({
      status: dropped.status,
      amount: dropped.amount,
    });
    expect((await stack.db.payout.findUniqueOrThrow({ where: { id: behind.id } })).status).toBe(
      behind.status,
    );
    expect((await paymentRow(destination.id)).stripeTransferId).toBe(destination.stripeTransferId);
    const audits = await stack.db.auditLog.count({ where: { action: 'reconcile.repair' } });
    expect(audits).toBeGreaterThanOrEqual(3);

    // What needs a person stays reported until it is settled; then a run finds nothing.
    const again = await reconcile(stack.deps, { since });
    expect(again.connect.drift.map((d) => d.field)).toEqual(['applicationFeeAmount']);
    await stack.db.payment.update({
      where: { id: destination.id },
      data: { applicationFeeAmount: destination.applicationFeeAmount },
    });
    const quiet = await reconcile(stack.deps, { since });
    expect({ drift: quiet.connect.drift, errors: quiet.errors, repaired: quiet.repaired }).toEqual({
      drift: [],
      errors: [],
      repaired: [],
    });
  });
});
