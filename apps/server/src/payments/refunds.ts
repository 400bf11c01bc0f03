import {
  type Currency,
  formatMoney,
  type RefundabilityOutput,
  type RefundPaymentInput,
  type RefundPaymentOutput,
} from '@enrollpay/schemas';
import type Stripe from 'stripe';
import { audit } from '../audit.js';
import type { Principal } from '../auth/tokens.js';
import type { AppDeps } from '../deps.js';
import { BadRequestError, NotFoundError, PaymentProviderUnavailableError } from '../errors.js';
import { reverseHeldTransfers } from '../payouts/service.js';
import { visiblePayments } from './queries.js';
import { decideRefund, type RefundFacts } from './refund-rules.js';
import { refundCounts, STRIPE_REFUND_REASON } from './status.js';
import { classifyStripeError } from './stripe-errors.js';
import { syncRefund } from './sync.js';

type Reader = Pick<AppDeps['db'], 'payment'>;

const FACTS_SELECT = {
  id: true,
  status: true,
  amountReceived: true,
  amountRefunded: true,
  currency: true,
  succeededAt: true,
  disputedAt: true,
  disputeStatus: true,
  stripePaymentIntentId: true,
  refundWindowDays: true,
  refunds: { select: { amount: true, status: true } },
} as const;

async function loadFacts(db: Reader, principal: Principal, paymentId: string) {
  const p = await db.payment.findFirst({
    where: { id: paymentId, ...visiblePayments(principal) },
    select: FACTS_SELECT,
  });
  if (!p) throw new NotFoundError('Payment');
  const live = p.refunds.filter((r) => refundCounts(r.status)).reduce((sum, r) => sum + r.amount, 0);
  const facts: RefundFacts = {
    status: p.status,
    amountReceived: p.amountReceived,
    currency: p.currency,
    succeededAt: p.succeededAt,
    disputedAt: p.disputedAt,
    disputeStatus: p.disputeStatus,
    refundWindowDays: p.refundWindowDays,
    // Refund rows we wrote plus anything Stripe reported that has no row yet.
    reserved: Math.max(live, p.amountRefunded),
  };
  return { facts, stripePaymentIntentId: p.stripePaymentIntentId };
}

// Currencies are validated when an offering is written; payments copy them.
const currencyOf = (c: string) => c as Currency;

/** payments.refundability: whether the caller may refund now, and if not, why. */
export async function getRefundability(
  deps: AppDeps,
  principal: Principal,
  paymentId: string,
): Promise<RefundabilityOutput> {
  const { facts } = await loadFacts(deps.db, principal, paymentId);
  const d = decideRefund(principal.role, facts, deps.clock.now());
  return {
    refundable: d.refundable,
    reason: d.reason,
    message: d.message,
    maxAmount: d.maxAmount,
    currency: currencyOf(facts.currency),
    windowEndsAt: d.windowEndsAt?.toISOString() ?? null,
  };
}

/**
 * payments.refund. The Refund row (PENDING) is written first, in a transaction holding the payment's row
 * lock, after checking the rules and the amount still refundable — so concurrent refunds queue and can
 * never add up to more than was paid. Then Stripe is asked, with an idempotency key derived from the
 * row's id, and its answer goes through the one sync function.
 */
export async function refundPayment(
  deps: AppDeps,
  principal: Principal,
  input: RefundPaymentInput,
): Promise<RefundPaymentOutput> {
  const actor = { actorId: principal.userId, actorRole: principal.role };
  if (principal.role === 'LEARNER' && input.reason === 'FRAUDULENT') {
    throw new BadRequestError('Only the specialist or an admin can refund a payment as fraudulent');
  }

  const { refund, paymentIntentId } = await deps.db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Payment" WHERE id = ${input.paymentId} FOR UPDATE`;
      const { facts, stripePaymentIntentId } = await loadFacts(tx, principal, input.paymentId);
      const d = decideRefund(principal.role, facts, deps.clock.now());
      if (!d.refundable || !stripePaymentIntentId) {
        throw new BadRequestError(d.message, { reason: d.reason ?? 'NOT_SUCCEEDED' });
      }
      const amount = input.amount ?? d.maxAmount;
      if (d.fullOnly && amount !== d.maxAmount) {
        throw new BadRequestError(
          `You can only request a full refund (${formatMoney(d.maxAmount, facts.currency)}); leave the amount out`,
        );
      }
      if (amount > d.maxAmount) {
        throw new BadRequestError(
          `At most ${formatMoney(d.maxAmount, facts.currency)} of this payment can still be refunded`,
          { maxAmount: d.maxAmount },
        );
      }
      const created = await tx.refund.create({
        data: {
          paymentId: input.paymentId,
          amount,
          currency: facts.currency,
          status: 'PENDING',
          reason: input.reason,
          requestedById: principal.userId,
          // The refund's time drives refundedAt and the stats rollup: the app's clock, not the database's.
          createdAt: deps.clock.now(),
        },
        select: { id: true, amount: true, currency: true },
      });
      await audit(tx, {
        ...actor,
        action: 'refund.requested',
        paymentId: input.paymentId,
        amount,
        currency: facts.currency,
        details: { refundId: created.id, reason: input.reason, ...(input.note ? { note: input.note } : {}) },
      });
      return { refund: created, paymentIntentId: stripePaymentIntentId };
    },
    { timeout: 15_000, maxWait: 15_000 },
  );

  let stripeRefund: Stripe.Refund;
  try {
    stripeRefund = await createStripeRefund(deps, {
      id: refund.id,
      paymentId: input.paymentId,
      paymentIntentId,
      amount: refund.amount,
      reason: input.reason,
    });
  } catch (error) {
    await onStripeRefusal(deps, actor, input.paymentId, refund, error);
    throw error;
  }

  await deps.db.refund.updateMany({
    where: { id: refund.id, stripeRefundId: null },
    data: { stripeRefundId: stripeRefund.id },
  });
  await syncRefund(deps, stripeRefund, { kind: 'api' });
  await reverseHeldTransfersLater(deps, input.paymentId);
  await audit(deps.db, {
    ...actor,
    action: 'refund.created',
    paymentId: input.paymentId,
    amount: refund.amount,
    currency: refund.currency,
    details: {
      refundId: refund.id,
      stripeRefundId: stripeRefund.id,
      stripeStatus: stripeRefund.status ?? null,
    },
  });

  const [row, payment] = await Promise.all([
    deps.db.refund.findUniqueOrThrow({ where: { id: refund.id }, select: { status: true } }),
    deps.db.payment.findUniqueOrThrow({ where: { id: input.paymentId }, select: { status: true } }),
  ]);
  return {
    refundId: refund.id,
    status: row.status,
    amount: refund.amount,
    currency: currencyOf(refund.currency),
    paymentStatus: payment.status,
  };
}

/**
 * The refund is made; taking the specialist's part back from a later transfer of held funds is a second
 * step whose failure must not undo or hide it: a reversal that cannot be made now stays owed on the
 * refund row (reverseHeldTransfers records why) and reconciliation retries it.
 */
async function reverseHeldTransfersLater(deps: AppDeps, paymentId: string): Promise<void> {
  try {
    await reverseHeldTransfers(deps, paymentId);
  } catch (error) {
    if (
      classifyStripeError(error).kind === 'unknown' &&
      !(error instanceof PaymentProviderUnavailableError)
    ) {
      throw error;
    }
  }
}

/** Messages for Stripe's refusals, in our words (Stripe's own text stays in Refund.failureReason). */
const REFUSAL_MESSAGES: Record<string, string> = {
  charge_already_refunded: 'This payment has already been refunded in full',
  charge_disputed: 'This payment is disputed with the card issuer, so it cannot be refunded',
  amount_too_large: 'The amount is more than what is left to refund',
};

/**
 * Stripe answered and said no (invalid request): the refund was not made, so its row is FAILED and the
 * caller gets BAD_REQUEST. Stripe unreachable (connection, rate limit, 5xx after the SDK's retries): we do
 * not know whether it was made, so the row stays PENDING — it keeps holding its amount, and Stripe's
 * refund events (matched by metadata.refundId) or a retry with the same idempotency key settle it.
 */
async function onStripeRefusal(
  deps: AppDeps,
  actor: { actorId: string; actorRole: Principal['role'] },
  paymentId: string,
  refund: { id: string; amount: number; currency: string },
  error: unknown,
): Promise<never> {
  const failure = classifyStripeError(error);
  if (failure.kind === 'unavailable') {
    await audit(deps.db, {
      ...actor,
      action: 'refund.outcome_unknown',
      paymentId,
      amount: refund.amount,
      currency: refund.currency,
      details: { refundId: refund.id, error: failure.error.message },
    });
    throw new PaymentProviderUnavailableError();
  }
  const refused = failure.kind === 'refused' || failure.kind === 'declined';
  const failureReason = error instanceof Error ? error.message : String(error);
  await deps.db.refund.updateMany({
    where: { id: refund.id, status: 'PENDING', stripeRefundId: null },
    data: { status: 'FAILED', failureReason: failureReason.slice(0, 500) },
  });
  await audit(deps.db, {
    ...actor,
    action: 'refund.failed',
    paymentId,
    amount: refund.amount,
    currency: refund.currency,
    details: {
      refundId: refund.id,
      code: failure.kind === 'unknown' ? null : (failure.error.code ?? null),
      error: failureReason,
    },
  });
  if (refused) {
    const code = failure.error.code ?? '';
    throw new BadRequestError(REFUSAL_MESSAGES[code] ?? 'The payment provider refused this refund', {
      code: code || null,
    });
  }
  throw error;
}

interface RefundRequest {
  id: string;
  paymentId: string;
  paymentIntentId: string;
  amount: number;
  reason: keyof typeof STRIPE_REFUND_REASON;
}

/**
 * The one Stripe refund request for a Refund row: the same parameters and key on every try.
 *
 * A destination charge's refund reverses the specialist's transfer in proportion (`reverse_transfer`), so
 * the specialist, not the platform, gives the money back; Stripe lets that take their balance below zero,
 * which payouts.balance shows. The platform fee is refunded (`refund_application_fee`) only by the refund
 * that completes a full refund of the payment; on a partial refund the platform keeps its fee. Whether a
 * refund completes the payment is decided from the refunds requested before it, so a retry sends the same
 * parameters.
 */
async function createStripeRefund(deps: AppDeps, refund: RefundRequest): Promise<Stripe.Refund> {
  const reason = STRIPE_REFUND_REASON[refund.reason];
  const payment = await deps.db.payment.findUniqueOrThrow({
    where: { id: refund.paymentId },
    select: { amountReceived: true, amount: true, destinationAccountId: true },
  });
  // Only a destination charge has a transfer Stripe reverses with the refund; held funds transferred later
  // are a separate transfer (destinationAccountId stays null: see payouts/README.md).
  const destinationCharge = payment.destinationAccountId !== null;
  let connect = {};
  if (destinationCharge) {
    const self = await deps.db.refund.findUniqueOrThrow({
      where: { id: refund.id },
      select: { createdAt: true },
    });
    const before = await deps.db.refund.aggregate({
      where: {
        paymentId: refund.paymentId,
        id: { not: refund.id },
        createdAt: { lte: self.createdAt },
        status: { notIn: ['FAILED', 'CANCELED'] },
      },
      _sum: { amount: true },
    });
    const paid = payment.amountReceived || payment.amount;
    const completes = (before._sum.amount ?? 0) + refund.amount >= paid;
    connect = { reverse_transfer: true, refund_application_fee: completes };
  }
  return deps.stripe.refunds.create(
    {
      payment_intent: refund.paymentIntentId,
      amount: refund.amount,
      ...(reason ? { reason } : {}),
      ...connect,
      metadata: { paymentId: refund.paymentId, refundId: refund.id },
    },
    { idempotencyKey: `refund:${refund.id}` },
  );
}

/**
 * Refund rows still PENDING with no Stripe id after `olderThanMs`: the Stripe call's outcome was
 * unknown (connection error, 429, 5xx) or the process died between writing the row and calling Stripe.
 * The same request is sent again with the same idempotency key — Stripe returns the refund it made, or
 * makes it now — and the answer goes through the sync function; a refusal marks the row FAILED.
 * Run by graphile-worker every few minutes; returns how many rows it settled.
 */
export async function settleStrandedRefunds(
  deps: AppDeps,
  { olderThanMs = 2 * 60_000, limit = 100 } = {},
): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - olderThanMs);
  const stranded = await deps.db.refund.findMany({
    where: { status: 'PENDING', stripeRefundId: null, createdAt: { lt: cutoff } },
    orderBy: { createdAt: 'asc' },
    take: limit,
    select: {
      id: true,
      paymentId: true,
      amount: true,
      reason: true,
      requestedById: true,
      payment: { select: { stripePaymentIntentId: true } },
    },
  });
  let settled = 0;
  for (const row of stranded) {
    const paymentIntentId = row.payment.stripePaymentIntentId;
    if (!paymentIntentId) continue;
    try {
      const stripeRefund = await createStripeRefund(deps, {
        id: row.id,
        paymentId: row.paymentId,
        paymentIntentId,
        amount: row.amount,
        reason: row.reason,
      });
      await deps.db.refund.updateMany({
        where: { id: row.id, stripeRefundId: null },
        data: { stripeRefundId: stripeRefund.id },
      });
      await syncRefund(deps, stripeRefund, { kind: 'api' });
      await reverseHeldTransfersLater(deps, row.paymentId);
      await audit(deps.db, {
        actorId: null,
        actorRole: null,
        action: 'refund.settled',
        paymentId: row.paymentId,
        amount: row.amount,
        details: { refundId: row.id, stripeRefundId: stripeRefund.id },
      });
      settled++;
    } catch (error) {
      const failure = classifyStripeError(error);
      if (failure.kind !== 'refused' && failure.kind !== 'declined') continue; // the next run tries again
      await deps.db.refund.updateMany({
        where: { id: row.id, status: 'PENDING', stripeRefundId: null },
        data: { status: 'FAILED', failureReason: failure.error.message.slice(0, 500) },
      });
      settled++;
    }
  }
  return settled;
}
