import type { Prisma } from '@enrollpay/db';
import {
  applicationFeeFor,
  type ConnectedAccountsOutput,
  CurrencySchema,
  type OnboardingLinkOutput,
  type PayoutAccountOutput,
  type PayoutAccountStatus,
  type PayoutBalanceOutput,
  type PayoutListInput,
  type PayoutListOutput,
  type PayoutPaymentsOutput,
  type PayoutStatus,
} from '@enrollpay/schemas';
import type Stripe from 'stripe';
import { audit } from '../audit.js';
import type { Principal } from '../auth/tokens.js';
import type { AppDeps } from '../deps.js';
import { BadRequestError, NotFoundError } from '../errors.js';
import { keyset } from '../lib/cursor.js';
import type { OutboxPayload } from '../mail/templates.js';
import { callStripe, classifyStripeError } from '../payments/stripe-errors.js';
import { setApplicationFee } from '../stats/rollup.js';

/**
 * Stripe Connect for specialists: their Express account, the platform fee on their sales, the funds held
 * for them until they finish onboarding, their balance and their payouts. See README.md beside this file.
 */

interface AccountRow {
  stripeAccountId: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  currentlyDue: string[];
  disabledReason: string | null;
  feeBpsOverride: number | null;
}

export function accountStatus(row: AccountRow | null): PayoutAccountStatus {
  if (!row) return 'NOT_STARTED';
  if (row.chargesEnabled && row.payoutsEnabled) return 'ACTIVE';
  return row.detailsSubmitted ? 'RESTRICTED' : 'INCOMPLETE';
}

/** Whether a destination charge may go to this account now (Stripe refuses one without `transfers`). */
export function canReceiveCharges(row: Pick<AccountRow, 'chargesEnabled'> | null): boolean {
  return row?.chargesEnabled === true;
}

export function feeBpsOf(deps: Pick<AppDeps, 'env'>, row: Pick<AccountRow, 'feeBpsOverride'> | null): number {
  return row?.feeBpsOverride ?? deps.env.PLATFORM_FEE_BPS;
}

const ACCOUNT_SELECT = {
  stripeAccountId: true,
  chargesEnabled: true,
  payoutsEnabled: true,
  detailsSubmitted: true,
  currentlyDue: true,
  disabledReason: true,
  feeBpsOverride: true,
} as const;

/** The parameters of a specialist's sale: a destination charge with the platform fee, or funds held. */
export async function destinationFor(
  deps: Pick<AppDeps, 'db' | 'env'>,
  specialistId: string,
  amount: number,
): Promise<{ destination: string; applicationFeeAmount: number } | null> {
  const row = await deps.db.connectedAccount.findUnique({
    where: { userId: specialistId },
    select: ACCOUNT_SELECT,
  });
  return destinationOf(deps, row, amount);
}

/** destinationFor from an account row already read (createIntent reads it with the checkout). */
export function destinationOf(
  deps: Pick<AppDeps, 'env'>,
  row: Pick<AccountRow, 'stripeAccountId' | 'chargesEnabled' | 'feeBpsOverride'> | null,
  amount: number,
): { destination: string; applicationFeeAmount: number } | null {
  if (!row || !canReceiveCharges(row)) return null;
  return {
    destination: row.stripeAccountId,
    applicationFeeAmount: applicationFeeFor(amount, feeBpsOf(deps, row)),
  };
}

export async function getPayoutAccount(deps: AppDeps, userId: string): Promise<PayoutAccountOutput> {
  const row = await deps.db.connectedAccount.findUnique({ where: { userId }, select: ACCOUNT_SELECT });
  return {
    status: accountStatus(row),
    stripeAccountId: row?.stripeAccountId ?? null,
    chargesEnabled: row?.chargesEnabled ?? false,
    payoutsEnabled: row?.payoutsEnabled ?? false,
    detailsSubmitted: row?.detailsSubmitted ?? false,
    currentlyDue: row?.currentlyDue ?? [],
    disabledReason: row?.disabledReason ?? null,
    feeBps: feeBpsOf(deps, row),
    feeOverridden: row?.feeBpsOverride != null,
  };
}

function accountFields(account: Stripe.Account) {
  return {
    chargesEnabled: account.charges_enabled ?? false,
    payoutsEnabled: account.payouts_enabled ?? false,
    detailsSubmitted: account.details_submitted ?? false,
    currentlyDue: account.requirements?.currently_due ?? [],
    disabledReason: account.requirements?.disabled_reason ?? null,
  };
}

/**
 * payouts.onboardingLink: creates the specialist's Express account once (idempotency key from the user
 * id, and a unique row per user), then a fresh single-use onboarding link to it.
 */
export async function createOnboardingLink(
  deps: AppDeps,
  specialist: Principal,
): Promise<OnboardingLinkOutput> {
  const user = await deps.db.user.findUniqueOrThrow({
    where: { id: specialist.userId },
    select: { id: true, email: true, connectedAccount: { select: { stripeAccountId: true } } },
  });
  let accountId = user.connectedAccount?.stripeAccountId;
  if (!accountId) {
    const account = await callStripe(() =>
      deps.stripe.accounts.create(
        { type: 'express', email: user.email, metadata: { userId: user.id } },
        { idempotencyKey: `connect-account:${user.id}` },
      ),
    );
    // The same key returns the same account, so a race between two requests writes the same row.
    await deps.db.connectedAccount.upsert({
      where: { userId: user.id },
      create: { userId: user.id, stripeAccountId: account.id, ...accountFields(account) },
      update: {},
    });
    accountId = account.id;
    await audit(deps.db, {
      actorId: specialist.userId,
      actorRole: specialist.role,
      action: 'connect.account_created',
      details: { stripeAccountId: account.id },
    });
  }
  const origin = deps.env.WEB_ORIGIN.replace(/\/$/, '');
  const link = await callStripe(() =>
    deps.stripe.accountLinks.create(
      {
        account: accountId,
        type: 'account_onboarding',
        refresh_url: `${origin}/get-paid?onboarding=refresh`,
        return_url: `${origin}/get-paid?onboarding=return`,
      },
      // A link is single use, so every request makes a new one: our account id and the request time.
      { idempotencyKey: `account-link:${user.id}:${deps.clock.now().getTime()}` },
    ),
  );
  return { url: link.url };
}

/**
 * account.updated (Connect): keeps the specialist's row true. Stripe's `created` has one-second
 * resolution, and two account.updated events of the same second are common (a payout fails and payouts
 * pause; a new bank account resumes them), so the order of events cannot say which state is newer. The
 * event is therefore taken as "this account changed": its current state is read from Stripe, under a lock
 * on our row, so whichever delivery writes last has also read last. When the account can now receive
 * charges, the funds held for it are transferred.
 */
export async function applyAccountUpdate(
  deps: AppDeps,
  account: Stripe.Account,
  eventCreated: Date,
): Promise<'applied' | 'unchanged'> {
  const outcome = await deps.db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ lastStripeEventAt: Date | null }[]>`
        SELECT "lastStripeEventAt" FROM "ConnectedAccount" WHERE "stripeAccountId" = ${account.id} FOR UPDATE`;
      const [row] = locked;
      if (!row) return null; // not one of our specialists
      const before = await tx.connectedAccount.findUniqueOrThrow({
        where: { stripeAccountId: account.id },
        select: ACCOUNT_SELECT,
      });
      const current = await callStripe(() => deps.stripe.accounts.retrieve(account.id));
      const fields = accountFields(current);
      const last =
        row.lastStripeEventAt && row.lastStripeEventAt > eventCreated ? row.lastStripeEventAt : eventCreated;
      await tx.connectedAccount.update({
        where: { stripeAccountId: account.id },
        data: { ...fields, lastStripeEventAt: last },
      });
      const changed =
        before.chargesEnabled !== fields.chargesEnabled ||
        before.payoutsEnabled !== fields.payoutsEnabled ||
        before.detailsSubmitted !== fields.detailsSubmitted ||
        before.disabledReason !== fields.disabledReason ||
        before.currentlyDue.join(',') !== fields.currentlyDue.join(',');
      return { changed, chargesEnabled: fields.chargesEnabled };
    },
    // One short Stripe call inside: allow for a slow answer rather than fail the delivery.
    { timeout: 20_000 },
  );
  if (!outcome) return 'unchanged';
  // Held funds: idempotent (one transfer per payment), so every delivery may try.
  if (outcome.chargesEnabled) await transferHeldFunds(deps, account.id);
  return outcome.changed ? 'applied' : 'unchanged';
}

/**
 * Funds held for a specialist who had not finished onboarding when a learner paid: once the account can
 * receive them, each such payment's share (what the learner paid, less refunds, less the platform fee) is
 * transferred with `source_transaction` (so it follows the charge's availability), one transfer per
 * payment with an idempotency key from the payment id. Returns how many were transferred.
 */
export async function transferHeldFunds(deps: AppDeps, stripeAccountId: string): Promise<number> {
  const account = await deps.db.connectedAccount.findUnique({
    where: { stripeAccountId },
    select: { ...ACCOUNT_SELECT, userId: true },
  });
  if (!account || !canReceiveCharges(account)) return 0;
  const held = await deps.db.payment.findMany({
    where: {
      specialistId: account.userId,
      destinationAccountId: null,
      stripeTransferId: null,
      stripeChargeId: { not: null },
      status: { in: ['SUCCEEDED', 'PARTIALLY_REFUNDED'] },
    },
    select: { id: true, stripeChargeId: true, amountReceived: true, amountRefunded: true, currency: true },
    take: 100,
  });
  let moved = 0;
  for (const payment of held) {
    const fee = applicationFeeFor(payment.amountReceived, feeBpsOf(deps, account));
    const share = payment.amountReceived - payment.amountRefunded - fee;
    if (share <= 0 || !payment.stripeChargeId) continue;
    const transfer = await callStripe(() =>
      deps.stripe.transfers.create(
        {
          amount: share,
          currency: payment.currency,
          destination: stripeAccountId,
          source_transaction: payment.stripeChargeId!,
          metadata: { paymentId: payment.id },
        },
        { idempotencyKey: `held-transfer:${payment.id}` },
      ),
    );
    // The fee is part of the stats rollup (platform fees), so it moves with it.
    await setApplicationFee(deps.db, payment.id, {
      stripeTransferId: transfer.id,
      applicationFeeAmount: fee,
    });
    moved++;
  }
  return moved;
}

/**
 * What the specialist gives back of a held-then-transferred payment once `refunded` of the `paid` amount
 * has been refunded, by the rule destination charges follow (README "Refunds"): a partial refund takes
 * its whole amount back from the specialist and the platform keeps its fee; the refund that completes a
 * full refund takes back everything still transferred and the platform gives up its fee. Refunds made
 * before the transfer were already left out of it (`transferred` = paid − refunded then − fee).
 */
export function heldReversalTarget(facts: {
  paid: number;
  fee: number;
  transferred: number;
  refunded: number;
}): number {
  if (facts.refunded >= facts.paid) return facts.transferred;
  const refundedBeforeTransfer = Math.max(0, facts.paid - facts.fee - facts.transferred);
  return Math.min(facts.transferred, Math.max(0, facts.refunded - refundedBeforeTransfer));
}

/**
 * Refunds of a payment whose funds were held and transferred later (`held-transfer:<paymentId>`): Stripe
 * reverses nothing by itself (the transfer is separate from the charge), so each succeeded refund takes
 * its part back with `transfers.createReversal`, idempotency key `held-reversal:<refundId>`.
 *
 * Each refund's part is decided once, under the payment's row lock, and stored on the refund before
 * Stripe is called, so a retry sends the same amount with the same key. A reversal Stripe refuses (the
 * specialist's available balance cannot cover it: a separate transfer, unlike a destination charge, may
 * not take it below zero) is kept as owed with its reason — shown to admins and retried by
 * reconciliation — never lost. Returns how many reversals were made.
 */
export async function reverseHeldTransfers(deps: AppDeps, paymentId: string): Promise<number> {
  const payment = await deps.db.payment.findUnique({
    where: { id: paymentId },
    select: {
      destinationAccountId: true,
      stripeTransferId: true,
      amount: true,
      amountReceived: true,
      applicationFeeAmount: true,
      refunds: { where: { status: 'SUCCEEDED', heldReversalId: null }, select: { id: true } },
    },
  });
  // A destination charge's refunds reverse its transfer themselves (reverse_transfer).
  if (!payment || payment.destinationAccountId !== null || !payment.stripeTransferId) return 0;
  if (payment.refunds.length === 0) return 0;
  const transferId = payment.stripeTransferId;
  const transfer = await callStripe(() => deps.stripe.transfers.retrieve(transferId));
  const facts = {
    paid: payment.amountReceived || payment.amount,
    fee: payment.applicationFeeAmount,
    transferred: transfer.amount,
  };

  // Decide each succeeded refund's part once, in order, under the payment's lock.
  const owed = await deps.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Payment" WHERE id = ${paymentId} FOR UPDATE`;
    const refunds = await tx.refund.findMany({
      where: { paymentId, status: 'SUCCEEDED' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, amount: true, heldReversalAmount: true, heldReversalId: true },
    });
    let refunded = 0;
    let decided = refunds.reduce((sum, r) => sum + (r.heldReversalAmount ?? 0), 0);
    const todo: { refundId: string; amount: number }[] = [];
    for (const r of refunds) {
      refunded += r.amount;
      let amount = r.heldReversalAmount;
      if (amount === null) {
        amount = Math.max(0, heldReversalTarget({ ...facts, refunded }) - decided);
        decided += amount;
        await tx.refund.update({ where: { id: r.id }, data: { heldReversalAmount: amount } });
      }
      if (amount > 0 && r.heldReversalId === null) todo.push({ refundId: r.id, amount });
    }
    return todo;
  });

  let made = 0;
  for (const { refundId, amount } of owed) {
    try {
      const reversal = await deps.stripe.transfers.createReversal(
        transferId,
        { amount, metadata: { paymentId, refundId } },
        { idempotencyKey: `held-reversal:${refundId}` },
      );
      await deps.db.refund.updateMany({
        where: { id: refundId, heldReversalId: null },
        data: { heldReversalId: reversal.id, heldReversalError: null },
      });
      await audit(deps.db, {
        actorId: null,
        actorRole: null,
        action: 'transfer.reversed',
        paymentId,
        amount,
        currency: reversal.currency,
        details: { refundId, transferId, reversalId: reversal.id },
      });
      made++;
    } catch (error) {
      const failure = classifyStripeError(error);
      if (failure.kind === 'unknown') throw error;
      // Refused (e.g. the balance cannot cover it) or Stripe unavailable: owed, retried later.
      await deps.db.refund.update({
        where: { id: refundId },
        data: { heldReversalError: failure.error.message.slice(0, 500) },
      });
    }
  }
  return made;
}

/** transfer.created / transfer.reversed (platform events): the transfer of a destination charge. */
export async function applyTransfer(
  deps: AppDeps,
  transfer: Stripe.Transfer,
): Promise<'applied' | 'unchanged' | 'orphaned'> {
  const chargeId =
    typeof transfer.source_transaction === 'string'
      ? transfer.source_transaction
      : transfer.source_transaction?.id;
  if (!chargeId) return 'unchanged';
  let payment = await deps.db.payment.findUnique({
    where: { stripeChargeId: chargeId },
    select: { id: true },
  });
  if (!payment) {
    // transfer.created can arrive before the charge's own events: find the payment by its PaymentIntent.
    const charge = await callStripe(() => deps.stripe.charges.retrieve(chargeId));
    const intentId = idOf(charge.payment_intent);
    payment = intentId
      ? await deps.db.payment.findUnique({ where: { stripePaymentIntentId: intentId }, select: { id: true } })
      : null;
  }
  // Not ours yet (or not at all): retried later, then reported as orphaned.
  if (!payment) return 'orphaned';
  // A held payment's later transfer (no destination) is recorded by transferHeldFunds together with its
  // fee, atomically; recording its id here first would show a transfer with no fee (and refunds in
  // between would reverse the wrong share). Its reversals are recorded here once the id is ours.
  const updated = await deps.db.payment.updateMany({
    where: {
      id: payment.id,
      OR: [
        { stripeTransferId: null, destinationAccountId: { not: null } },
        { stripeTransferId: transfer.id },
      ],
      transferReversedAmount: { lte: transfer.amount_reversed },
    },
    data: { stripeTransferId: transfer.id, transferReversedAmount: transfer.amount_reversed },
  });
  return updated.count > 0 ? 'applied' : 'unchanged';
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  return typeof value === 'string' ? value : (value?.id ?? null);
}

/** Stripe's payout statuses → ours. */
export const PAYOUT_STATUS: Record<string, PayoutStatus> = {
  pending: 'PENDING',
  in_transit: 'IN_TRANSIT',
  paid: 'PAID',
  failed: 'FAILED',
  canceled: 'CANCELED',
};
const FINAL_PAYOUT_STATUSES: readonly PayoutStatus[] = ['PAID', 'FAILED', 'CANCELED'];

/**
 * payout.* (Connect): upserts the payout. A payout never leaves a final status (paid, failed, canceled)
 * and an older event never overwrites a newer one. A payout that turns failed queues one email to the
 * specialist (dedupe key from the payout id), in the same transaction.
 */
export async function applyPayout(
  deps: AppDeps,
  payout: Stripe.Payout,
  stripeAccountId: string,
  eventCreated: Date,
  /** `current`: just read from Stripe (reconciliation), so newer than any event applied so far. */
  { current = false }: { current?: boolean } = {},
): Promise<'applied' | 'unchanged'> {
  const status = PAYOUT_STATUS[payout.status] ?? 'PENDING';
  return deps.db.$transaction(async (tx) => {
    // One payout's events one at a time: two of them applied at once (two batch loops or instances each
    // took one; e.g. payout.created and payout.paid of a payout we have no row for yet) would both read
    // "no row" and the older one's upsert could land last, overwriting PAID with PENDING. The lock is
    // the transaction's, on the payout id (a hash collision only makes two payouts wait for each other).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`payout:${payout.id}`}, 0))`;
    const account = await tx.connectedAccount.findUnique({
      where: { stripeAccountId },
      select: { user: { select: { email: true, name: true } } },
    });
    if (!account) return 'unchanged'; // not one of our specialists
    const existing = await tx.payout.findUnique({
      where: { stripePayoutId: payout.id },
      select: { status: true, lastStripeEventAt: true },
    });
    if (existing) {
      if (FINAL_PAYOUT_STATUSES.includes(existing.status) && existing.status !== status) return 'unchanged';
      if (!current && existing.lastStripeEventAt && existing.lastStripeEventAt > eventCreated) {
        return 'unchanged';
      }
    }
    const lastStripeEventAt =
      current && existing?.lastStripeEventAt && existing.lastStripeEventAt > eventCreated
        ? existing.lastStripeEventAt
        : eventCreated;
    const data = {
      amount: payout.amount,
      currency: payout.currency,
      status,
      arrivalDate: new Date(payout.arrival_date * 1000),
      automatic: payout.automatic,
      failureCode: payout.failure_code ?? null,
      failureMessage: payout.failure_message ?? null,
      lastStripeEventAt,
    };
    await tx.payout.upsert({
      where: { stripePayoutId: payout.id },
      // Stamped with Stripe's `created` (when the money left the balance), not the time the event arrived.
      create: {
        stripePayoutId: payout.id,
        stripeAccountId,
        createdAt: new Date(payout.created * 1000),
        ...data,
      },
      update: data,
    });
    if (status === 'FAILED' && existing?.status !== 'FAILED') {
      await queuePayoutFailedMail(tx, account.user, payout);
    }
    return 'applied';
  });
}

async function queuePayoutFailedMail(
  tx: Prisma.TransactionClient,
  user: { email: string; name: string },
  payout: Stripe.Payout,
): Promise<void> {
  const payload = {
    recipientName: user.name,
    amount: payout.amount,
    currency: payout.currency,
    payoutId: payout.id,
    failureMessage: payout.failure_message ?? null,
    failureCode: payout.failure_code ?? null,
  } satisfies OutboxPayload<'payout.failed'>;
  await tx.outboxMessage.createMany({
    data: [
      {
        kind: 'payout.failed',
        dedupeKey: `payout.failed:${payout.id}`,
        recipient: user.email,
        subject: 'Your payout failed',
        payload,
      },
    ],
    skipDuplicates: true,
  });
}

async function accountOf(deps: AppDeps, userId: string) {
  const row = await deps.db.connectedAccount.findUnique({
    where: { userId },
    select: { stripeAccountId: true },
  });
  return row?.stripeAccountId ?? null;
}

/** payouts.balance: the connected account's balance as Stripe reports it, per currency. */
export async function getBalance(deps: AppDeps, userId: string): Promise<PayoutBalanceOutput> {
  const stripeAccount = await accountOf(deps, userId);
  if (!stripeAccount) return { balances: [] };
  const balance = await callStripe(() => deps.stripe.balance.retrieve({}, { stripeAccount }));
  const byCurrency = new Map<string, { available: number; pending: number }>();
  const row = (currency: string) => {
    let r = byCurrency.get(currency);
    if (!r) {
      r = { available: 0, pending: 0 };
      byCurrency.set(currency, r);
    }
    return r;
  };
  for (const a of balance.available) row(a.currency).available += a.amount;
  for (const p of balance.pending) row(p.currency).pending += p.amount;
  return {
    balances: [...byCurrency.entries()]
      .filter(([currency]) => CurrencySchema.safeParse(currency).success)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, r]) => ({ currency: CurrencySchema.parse(currency), ...r })),
  };
}

const byArrival = keyset('arrivalDate');

/** payouts.list: the specialist's payouts as the payout webhooks recorded them, newest arrival first. */
export async function listPayouts(
  deps: AppDeps,
  userId: string,
  input: PayoutListInput,
): Promise<PayoutListOutput> {
  const stripeAccountId = await accountOf(deps, userId);
  if (!stripeAccountId) return { items: [], nextCursor: null };
  const rows = await deps.db.payout.findMany({
    where: { stripeAccountId, ...byArrival.after(input.cursor) },
    orderBy: byArrival.orderBy,
    take: input.limit + 1,
  });
  return byArrival.page(rows, input.limit, (p) => ({
    id: p.id,
    stripePayoutId: p.stripePayoutId,
    amount: p.amount,
    currency: CurrencySchema.parse(p.currency),
    status: p.status,
    arrivalDate: p.arrivalDate.toISOString(),
    failureMessage: p.failureMessage,
    createdAt: p.createdAt.toISOString(),
  }));
}

/** payouts.payments: what one payout paid out (Stripe's balance_transactions?payout=), with our payment ids. */
export async function payoutPayments(
  deps: AppDeps,
  userId: string,
  payoutId: string,
): Promise<PayoutPaymentsOutput> {
  const stripeAccountId = await accountOf(deps, userId);
  const payout = stripeAccountId
    ? await deps.db.payout.findFirst({
        where: { id: payoutId, stripeAccountId },
        select: { stripePayoutId: true },
      })
    : null;
  if (!payout || !stripeAccountId) throw new NotFoundError('Payout');
  const list = await callStripe(() =>
    deps.stripe.balanceTransactions.list(
      { payout: payout.stripePayoutId, limit: 100 },
      { stripeAccount: stripeAccountId },
    ),
  );
  const lines = list.data.filter((t) => t.type !== 'payout');
  // A destination charge's payment on the account (py_) comes from our transfer: map it to our payment.
  const sources = lines.map((t) => (typeof t.source === 'string' ? t.source : (t.source?.id ?? null)));
  const charges = await Promise.all(
    sources.map((id) =>
      id?.startsWith('py_')
        ? callStripe(() => deps.stripe.charges.retrieve(id, {}, { stripeAccount: stripeAccountId })).catch(
            () => null,
          )
        : Promise.resolve(null),
    ),
  );
  const transferIds = charges.flatMap((c) => {
    const t = c?.source_transfer;
    return typeof t === 'string' ? [t] : t ? [t.id] : [];
  });
  const payments = await deps.db.payment.findMany({
    where: { stripeTransferId: { in: transferIds } },
    select: { id: true, stripeTransferId: true, description: true },
  });
  return {
    items: lines.map((t, i) => {
      const transfer = charges[i]?.source_transfer;
      const transferId = typeof transfer === 'string' ? transfer : (transfer?.id ?? null);
      const payment = payments.find((p) => p.stripeTransferId === transferId) ?? null;
      return {
        paymentId: payment?.id ?? null,
        description: payment?.description ?? t.description ?? null,
        amount: t.amount,
        fee: t.fee,
        net: t.net,
        currency: CurrencySchema.parse(t.currency),
        type: t.type,
      };
    }),
  };
}

/** admin.connectedAccounts: every specialist's connected account, with what is due and the fee override. */
export async function listConnectedAccounts(deps: AppDeps): Promise<ConnectedAccountsOutput> {
  const rows = await deps.db.connectedAccount.findMany({
    orderBy: { createdAt: 'desc' },
    take: 500,
    select: {
      ...ACCOUNT_SELECT,
      userId: true,
      user: { select: { name: true, email: true } },
      _count: { select: { payouts: true } },
    },
  });
  return {
    defaultFeeBps: deps.env.PLATFORM_FEE_BPS,
    items: rows.map((r) => ({
      userId: r.userId,
      name: r.user.name,
      email: r.user.email,
      stripeAccountId: r.stripeAccountId,
      status: accountStatus(r),
      currentlyDue: r.currentlyDue,
      disabledReason: r.disabledReason,
      feeBpsOverride: r.feeBpsOverride,
      payoutCount: r._count.payouts,
    })),
  };
}

/** admin.setFeeOverride: the fee on this specialist's future sales (open checkouts keep theirs). */
export async function setFeeOverride(
  deps: AppDeps,
  admin: Principal,
  userId: string,
  feeBps: number | null,
): Promise<{ ok: boolean }> {
  const updated = await deps.db.connectedAccount.updateMany({
    where: { userId },
    data: { feeBpsOverride: feeBps },
  });
  if (updated.count === 0) throw new BadRequestError('userId has no connected account yet');
  await audit(deps.db, {
    actorId: admin.userId,
    actorRole: admin.role,
    action: 'connect.fee_override_set',
    details: { userId, feeBps },
  });
  return { ok: true };
}
