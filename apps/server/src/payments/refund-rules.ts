import { formatMoney, type RefundBlockReason } from '@enrollpay/schemas';
import type { Principal } from '../auth/tokens.js';
import { disputeIsOpen, type PaymentStatus } from './status.js';

const DAY_MS = 86_400_000;
const REFUNDABLE_STATUSES: ReadonlySet<PaymentStatus> = new Set([
  'SUCCEEDED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'DISPUTED',
]);

/** What the refund rules look at. */
export interface RefundFacts {
  status: PaymentStatus;
  amountReceived: number;
  currency: string;
  succeededAt: Date | null;
  disputedAt: Date | null;
  disputeStatus: string | null;
  refundWindowDays: number;
  /** Money already refunded or on its way back: pending, requires-action and succeeded refunds. */
  reserved: number;
}

export interface RefundDecision {
  refundable: boolean;
  reason: RefundBlockReason | null;
  message: string;
  /** Most the caller may refund now (0 when not refundable). */
  maxAmount: number;
  /** Learners only: a refund must be of the whole payment. */
  fullOnly: boolean;
  windowEndsAt: Date | null;
}

/**
 * The refund rules, in one pure function. A learner may take back the whole of their own succeeded
 * payment within the refund window it was bought with, when it was never disputed and nothing was refunded yet.
 * The owning specialist or an admin may refund any part of what is not yet refunded, unless a dispute is
 * open (then the dispute decides where the money goes).
 */
export function decideRefund(role: Principal['role'], facts: RefundFacts, now: Date): RefundDecision {
  const isLearner = role === 'LEARNER';
  const windowEndsAt =
    isLearner && facts.succeededAt
      ? new Date(facts.succeededAt.getTime() + facts.refundWindowDays * DAY_MS)
      : null;
  const no = (reason: RefundBlockReason, message: string): RefundDecision => ({
    refundable: false,
    reason,
    message,
    maxAmount: 0,
    fullOnly: isLearner,
    windowEndsAt,
  });
  const remaining = Math.max(0, facts.amountReceived - facts.reserved);

  if (!REFUNDABLE_STATUSES.has(facts.status) || !facts.succeededAt) {
    return no('NOT_SUCCEEDED', 'Only a completed payment can be refunded.');
  }
  const disputed = isLearner
    ? facts.disputedAt !== null || facts.status === 'DISPUTED'
    : facts.status === 'DISPUTED' || (facts.disputeStatus !== null && disputeIsOpen(facts.disputeStatus));
  if (disputed) {
    return no('DISPUTED', 'This payment is disputed with the card issuer, so it cannot be refunded here.');
  }
  if (remaining === 0) return no('ALREADY_REFUNDED', 'This payment has already been refunded in full.');
  if (isLearner) {
    if (facts.reserved > 0) {
      return no(
        'ALREADY_REFUNDED',
        'Part of this payment has already been refunded; contact the specialist about the rest.',
      );
    }
    if (facts.refundWindowDays === 0) {
      return no('NOT_ALLOWED', 'This offering has no self-service refunds; contact the specialist.');
    }
    if (windowEndsAt && now.getTime() > windowEndsAt.getTime()) {
      return no(
        'WINDOW_PASSED',
        `The ${facts.refundWindowDays}-day refund window ended on ${windowEndsAt.toISOString().slice(0, 10)}.`,
      );
    }
  }
  return {
    refundable: true,
    reason: null,
    message: isLearner
      ? `You can get a full refund of ${formatMoney(remaining, facts.currency)}.`
      : `Up to ${formatMoney(remaining, facts.currency)} can be refunded.`,
    maxAmount: remaining,
    fullOnly: isLearner,
    windowEndsAt,
  };
}
