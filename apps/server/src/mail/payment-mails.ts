import type { Env } from '../env.js';
import type { Transition } from '../payments/transition.js';
import type { OutboxDraft } from './outbox-queue.js';

/**
 * The emails a payment transition causes, as typed drafts: a receipt and a new-enrollment note when
 * the payment first succeeds; a "did not go through" note for each failed attempt; a note for each
 * refund that succeeds or fails; a dispute note to the specialist and the admins. Dedupe keys make each
 * happen once however often Stripe's news is applied.
 */
export function paymentMails(t: Transition, env: Pick<Env, 'WEB_ORIGIN'>): OutboxDraft[] {
  const { before, after } = t;
  const paymentId = after.id;
  const drafts: OutboxDraft[] = [];
  const origin = env.WEB_ORIGIN.replace(/\/$/, '');

  for (const change of t.childChanges) {
    switch (change.kind) {
      case 'attempt_failed':
        drafts.push({
          kind: 'payment.failed',
          dedupeKey: `payment.failed:${paymentId}:${change.attemptId}`,
          to: 'learner',
          subject: 'Your payment did not go through',
          payload: {
            paymentId,
            offeringId: after.offeringId,
            amount: after.amount,
            currency: after.currency,
            reason: change.failureMessage,
            // The checkout route reopens this payment (an open payment is reused for the same offering).
            retryUrl: `${origin}/offerings/${encodeURIComponent(after.offeringId)}/checkout`,
          },
        });
        break;
      case 'refund': {
        const payload = {
          paymentId,
          refundId: change.refundId,
          amount: change.amount,
          currency: change.currency,
        };
        if (change.after === 'SUCCEEDED' && change.before !== 'SUCCEEDED') {
          drafts.push({
            kind: 'refund.processed',
            dedupeKey: `refund.processed:${change.refundId}`,
            to: 'learner',
            subject: 'Your refund is on its way',
            payload: { ...payload, fullRefund: after.status === 'REFUNDED' },
          });
        }
        if (change.after === 'FAILED' && change.before !== 'FAILED') {
          drafts.push({
            kind: 'refund.failed',
            dedupeKey: `refund.failed:${change.refundId}`,
            to: 'specialist',
            subject: 'A refund failed',
            payload: { ...payload, reason: change.failureReason ?? 'unknown' },
          });
        }
        break;
      }
      case 'dispute':
        if (change.before !== null) break;
        for (const to of ['specialist', 'admins'] as const) {
          drafts.push({
            kind: 'dispute.opened',
            dedupeKey: `dispute.opened:${change.stripeDisputeId}:${to}`,
            to,
            subject: 'A payment is disputed',
            payload: {
              paymentId,
              amount: change.amount,
              currency: change.currency,
              reason: change.reason,
            },
          });
        }
        break;
    }
  }

  if (!before.succeededAt && after.succeededAt) {
    const payload = {
      paymentId,
      amount: after.amountReceived || after.amount,
      currency: after.currency,
      ...(after.promotionCode
        ? { promotionCode: after.promotionCode, discountAmount: after.discountAmount }
        : {}),
    };
    drafts.push(
      {
        kind: 'payment.receipt',
        dedupeKey: `payment.receipt:${paymentId}`,
        to: 'learner',
        subject: 'Your receipt from enrollpay',
        payload: after.free ? { ...payload, free: true } : payload,
      },
      {
        kind: 'enrollment.new',
        dedupeKey: `enrollment.new:${paymentId}`,
        to: 'specialist',
        subject: 'You have a new enrollment',
        payload,
      },
    );
  }
  return drafts;
}
