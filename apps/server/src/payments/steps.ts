import type Stripe from 'stripe';
import type { Clock } from '../lib/clock.js';
import {
  disputeIsOpen,
  intentStatusOf,
  mergeDisputeStatus,
  mergeIntentStatus,
  mergeRefundStatus,
  refundStatusOf,
} from './status.js';
import {
  type ChildChange,
  currentIntentStatus,
  type DirectPatch,
  type PaymentRow,
  type Refusal,
  type StepResult,
  type Tx,
} from './transition.js';

/**
 * Steps: how each kind of Stripe object changes a payment. A step reads Stripe's object and the locked
 * payment, writes child rows (refunds, disputes) and returns a patch of the payment's own fields plus
 * what happened to its children; the transition core (transition.ts) derives and writes the rest.
 */

export type SyncSource =
  | { kind: 'webhook'; eventId: string; eventCreated: Date }
  | { kind: 'confirm' }
  | { kind: 'reconcile' }
  | { kind: 'api' };

/** When the news was true at Stripe: the event's time, or now for a fresh retrieve. */
export function observedAt(clock: Clock, source: SyncSource): Date {
  return source.kind === 'webhook' ? source.eventCreated : clock.now();
}

/**
 * Whether a PaymentIntent is the one we asked for: the payment's amount and currency, in the mode of our
 * key. Anything else (an amount changed at Stripe, an object from the other mode) must not move money
 * in our books.
 */
export function intentMismatch(
  payment: Pick<PaymentRow, 'amount' | 'currency'>,
  pi: Pick<Stripe.PaymentIntent, 'id' | 'amount' | 'currency' | 'livemode'>,
  livemode: boolean,
): Refusal | null {
  const fields = [
    ...(pi.amount !== payment.amount ? ['amount'] : []),
    ...(pi.currency !== payment.currency ? ['currency'] : []),
    ...(pi.livemode !== livemode ? ['livemode'] : []),
  ];
  if (!fields.length) return null;
  return {
    fields,
    message: `PaymentIntent ${pi.id} does not match its payment (${fields.join(', ')}): refused, nothing applied`,
    details: {
      paymentIntentId: pi.id,
      expectedAmount: payment.amount,
      amount: pi.amount,
      expectedCurrency: payment.currency,
      currency: pi.currency,
      expectedLivemode: livemode,
      livemode: pi.livemode,
    },
  };
}

export function intentStep(
  clock: Clock,
  payment: PaymentRow,
  pi: Stripe.PaymentIntent,
  source: SyncSource,
  livemode: boolean,
): StepResult {
  const refused = intentMismatch(payment, pi, livemode);
  if (refused) return { patch: {}, childChanges: [], refused };
  const at = source.kind === 'webhook' ? source.eventCreated : null;
  const when = at ?? clock.now();
  const current = currentIntentStatus(payment);
  const incoming = intentStatusOf(pi);
  const merged = mergeIntentStatus(current, payment.lastStripeEventAt, { status: incoming, at });
  const patch: DirectPatch = {};
  const childChanges: ChildChange[] = [];

  if (!payment.stripePaymentIntentId) patch.stripePaymentIntentId = pi.id;
  if (pi.amount_received > payment.amountReceived) patch.amountReceived = pi.amount_received;
  if (
    source.kind === 'webhook' &&
    (!payment.lastStripeEventAt || source.eventCreated >= payment.lastStripeEventAt)
  ) {
    patch.lastStripeEventId = source.eventId;
    patch.lastStripeEventAt = source.eventCreated;
  }

  if (merged === incoming) {
    patch.stripeStatus = pi.status;
    const charge = typeof pi.latest_charge === 'object' && pi.latest_charge ? pi.latest_charge : null;
    if (charge) Object.assign(patch, chargeDetails(payment, charge));
    if (incoming === 'SUCCEEDED') {
      if (!payment.succeededAt) patch.succeededAt = when;
      // An earlier declined attempt is history now; it must not show on a paid payment.
      patch.failureCode = null;
      patch.declineCode = null;
      patch.failureMessage = null;
      if (source.kind === 'webhook') patch.webhookVerified = true;
      if (!payment.stripeChargeId && typeof pi.latest_charge === 'string')
        patch.stripeChargeId = pi.latest_charge;
      const method = pi.payment_method;
      if (typeof method === 'object' && method?.card && !payment.cardLast4) {
        patch.cardBrand = method.card.brand;
        patch.cardLast4 = method.card.last4;
        patch.paymentMethodType = method.type;
      }
    }
    if (incoming === 'FAILED' && pi.last_payment_error) {
      const error = pi.last_payment_error;
      const failureMessage = error.message ?? 'Your payment was not completed';
      patch.failureCode = error.code ?? null;
      patch.declineCode = error.decline_code ?? null;
      patch.failureMessage = failureMessage;
      // Reapplying the same failure (a duplicate event) keeps its original time.
      const sameFailure = current === 'FAILED' && payment.failureCode === (error.code ?? null);
      if (!sameFailure || !payment.failedAt) patch.failedAt = when;
      const attemptId =
        idOf(error.charge) ??
        idOf(error.payment_method) ??
        `${error.code}:${payment.failedAt?.getTime() ?? when.getTime()}`;
      childChanges.push({ kind: 'attempt_failed', attemptId, failureMessage });
    }
    if (incoming === 'CANCELED' && !payment.canceledAt) patch.canceledAt = when;
  }
  return { patch, childChanges };
}

/** Card and receipt details from a succeeded charge that belongs to this payment. */
export function chargeDetails(payment: PaymentRow, charge: Stripe.Charge): DirectPatch {
  if (charge.status !== 'succeeded') return {};
  if (payment.stripeChargeId && payment.stripeChargeId !== charge.id) return {};
  const card = charge.payment_method_details?.card;
  return {
    stripeChargeId: charge.id,
    receiptUrl: charge.receipt_url ?? payment.receiptUrl,
    paymentMethodType: charge.payment_method_details?.type ?? payment.paymentMethodType,
    cardBrand: card?.brand ?? payment.cardBrand,
    cardLast4: card?.last4 ?? payment.cardLast4,
  };
}

export async function refundStep(tx: Tx, payment: PaymentRow, refund: Stripe.Refund): Promise<StepResult> {
  const incoming = refundStatusOf(refund.status);
  const ourId = refund.metadata?.refundId;
  const existing = await tx.refund.findFirst({
    where: {
      paymentId: payment.id,
      OR: [{ stripeRefundId: refund.id }, ...(ourId ? [{ id: ourId, stripeRefundId: null }] : [])],
    },
    select: { id: true, status: true, stripeRefundId: true, failureReason: true },
  });
  const change = {
    kind: 'refund' as const,
    stripeRefundId: refund.id,
    amount: refund.amount,
    currency: refund.currency,
  };
  if (existing) {
    const after = mergeRefundStatus(existing.status, incoming);
    const failureReason =
      after === 'FAILED' ? (refund.failure_reason ?? existing.failureReason ?? 'unknown') : null;
    if (
      after !== existing.status ||
      existing.stripeRefundId !== refund.id ||
      failureReason !== existing.failureReason
    ) {
      await tx.refund.update({
        where: { id: existing.id },
        data: { status: after, stripeRefundId: refund.id, failureReason },
      });
    }
    const changed = after !== existing.status;
    return {
      patch: {},
      childChanges: changed
        ? [{ ...change, refundId: existing.id, before: existing.status, after, failureReason }]
        : [],
    };
  }
  const failureReason = incoming === 'FAILED' ? (refund.failure_reason ?? 'unknown') : null;
  const created = await tx.refund.create({
    data: {
      paymentId: payment.id,
      stripeRefundId: refund.id,
      amount: refund.amount,
      currency: refund.currency,
      status: incoming,
      reason: refundReasonOf(refund.reason),
      failureReason,
    },
    select: { id: true },
  });
  return {
    patch: {},
    childChanges: [{ ...change, refundId: created.id, before: null, after: incoming, failureReason }],
  };
}

export async function disputeStep(
  tx: Tx,
  payment: PaymentRow,
  dispute: Stripe.Dispute,
  /** When Stripe's view was taken (the event's time, or now): a closing dispute closed then. */
  observedAt: Date,
): Promise<StepResult> {
  const existing = await tx.dispute.findUnique({
    where: { stripeDisputeId: dispute.id },
    select: { id: true, status: true, fee: true },
  });
  const closed = !disputeIsOpen(dispute.status);
  const change = {
    kind: 'dispute' as const,
    stripeDisputeId: dispute.id,
    amount: dispute.amount,
    currency: dispute.currency,
    reason: dispute.reason,
  };
  if (existing) {
    const status = mergeDisputeStatus(existing.status, dispute.status);
    const fee = disputeFee(dispute);
    if (status === existing.status && (fee === null || fee === existing.fee)) {
      return { patch: {}, childChanges: [] };
    }
    await tx.dispute.update({
      where: { id: existing.id },
      data: {
        status,
        closedAt: closed ? observedAt : null,
        ...(fee === null ? {} : { fee }),
      },
    });
    if (status === existing.status) return { patch: {}, childChanges: [] };
    return { patch: {}, childChanges: [{ ...change, before: existing.status, after: status }] };
  }
  await tx.dispute.create({
    data: {
      paymentId: payment.id,
      stripeDisputeId: dispute.id,
      amount: dispute.amount,
      currency: dispute.currency,
      status: dispute.status,
      reason: dispute.reason,
      fee: disputeFee(dispute),
      createdAt: new Date(dispute.created * 1000),
    },
  });
  return { patch: {}, childChanges: [{ ...change, before: null, after: dispute.status }] };
}

/**
 * Stripe's fees on a dispute net of reinstated ones (a withdrawal's fee, less a won dispute's reversal),
 * from its balance transactions; null when the object carries none (not known).
 */
function disputeFee(dispute: Stripe.Dispute): number | null {
  const transactions = dispute.balance_transactions ?? [];
  if (!transactions.length) return null;
  return Math.max(
    0,
    transactions.reduce((sum, t) => sum + (t.fee ?? 0), 0),
  );
}

export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

function refundReasonOf(
  reason: Stripe.Refund['reason'],
): 'REQUESTED_BY_CUSTOMER' | 'DUPLICATE' | 'FRAUDULENT' | 'OTHER' {
  switch (reason) {
    case 'requested_by_customer':
      return 'REQUESTED_BY_CUSTOMER';
    case 'duplicate':
      return 'DUPLICATE';
    case 'fraudulent':
      return 'FRAUDULENT';
    default:
      return 'OTHER';
  }
}
