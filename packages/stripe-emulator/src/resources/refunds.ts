import type Stripe from 'stripe';
import { cardByNumber } from '../cards.js';
import { AUTOMATIC, type Ctx, now, type Route } from '../context.js';
import { invalidRequest, resourceMissing } from '../errors.js';
import { emitEvent } from '../events.js';
import { newId } from '../ids.js';
import { paginate } from '../list.js';
import { applyMetadata, optInt, optString } from '../params.js';
import { createBalanceTransaction, getCharge } from './charges.js';
import { getPaymentIntent } from './payment-intents.js';
import { cardNumberOf } from './payment-methods.js';
import { applyConnectRefund, connectRefundOptions } from './transfers.js';

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;

function money(amount: number, currency: string): string {
  return `${currency === 'usd' ? '$' : `${currency.toUpperCase()} `}${(amount / 100).toFixed(2)}`;
}

export function getRefund(ctx: Ctx, id: string): Stripe.Refund {
  const r = ctx.store.refunds.get(id);
  if (!r) throw resourceMissing('refund', id);
  return r;
}

function refundsOf(ctx: Ctx, chargeId: string): Stripe.Refund[] {
  return [...ctx.store.refunds.values()].filter((r) => r.charge === chargeId).reverse();
}

function syncChargeRefunds(ctx: Ctx, ch: Stripe.Charge): void {
  const list = refundsOf(ctx, ch.id);
  ch.refunds = {
    object: 'list',
    data: structuredClone(list.slice(0, 10)),
    has_more: list.length > 10,
    url: `/v1/charges/${ch.id}/refunds`,
  };
}

export const refundRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/refunds',
    handler: (ctx, { params, request }) => {
      const piId = optString(params, 'payment_intent');
      let chargeId = optString(params, 'charge');
      if (!piId && !chargeId) {
        throw invalidRequest(
          'One of the following params should be provided for this request: payment_intent or charge.',
          {
            code: 'parameter_missing',
          },
        );
      }
      if (piId) {
        const pi = getPaymentIntent(ctx, piId, 'payment_intent');
        if (pi.status !== 'succeeded' || typeof pi.latest_charge !== 'string') {
          throw invalidRequest(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, {
            param: 'payment_intent',
          });
        }
        chargeId = pi.latest_charge;
      }
      const ch = getCharge(ctx, chargeId ?? '', 'charge');
      // A connected account's payment (`py_`) is not the platform's to refund: reverse its transfer instead.
      if (ctx.store.connect.ownerOf(ch.id)) throw resourceMissing('charge', ch.id, 'charge');
      if (ch.status !== 'succeeded' || !ch.captured) {
        throw invalidRequest(`Charge ${ch.id} has not been captured and cannot be refunded.`, {
          param: 'charge',
        });
      }
      const remaining = ch.amount_captured - ch.amount_refunded;
      if (remaining <= 0 || ch.refunded) {
        throw invalidRequest(`Charge ${ch.id} has already been refunded.`, {
          code: 'charge_already_refunded',
        });
      }
      const amount = optInt(params, 'amount') ?? remaining;
      if (amount < 1)
        throw invalidRequest('Invalid positive integer', {
          param: 'amount',
          code: 'parameter_invalid_integer',
        });
      if (amount > remaining) {
        throw invalidRequest(
          `Refund amount (${money(amount, ch.currency)}) is greater than unrefunded amount on charge (${money(remaining, ch.currency)})`,
          { code: 'amount_too_large', param: 'amount' },
        );
      }
      const reasonParam = optString(params, 'reason');
      const reason = reasonParam === undefined ? null : REASONS.find((r) => r === reasonParam);
      if (reason === undefined) throw invalidRequest(`Invalid reason: ${reasonParam}`, { param: 'reason' });
      const connect = connectRefundOptions(params);
      const id = newId('re');
      const txn = createBalanceTransaction(ctx, {
        amount: -amount,
        currency: ch.currency,
        fee: 0,
        type: 'refund',
        reportingCategory: 'refund',
        source: id,
        description: 'REFUND FOR CHARGE',
      });
      const refund: Stripe.Refund = {
        id,
        object: 'refund',
        amount,
        balance_transaction: txn.id,
        charge: ch.id,
        created: now(ctx),
        currency: ch.currency,
        customer: typeof ch.customer === 'string' ? ch.customer : null,
        customer_account: null,
        destination_details: {
          card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' },
          type: 'card',
        },
        metadata: applyMetadata({}, params),
        payment_intent: typeof ch.payment_intent === 'string' ? ch.payment_intent : null,
        payment_method: typeof ch.payment_method === 'string' ? ch.payment_method : null,
        reason,
        receipt_number: null,
        source_transfer_reversal: null,
        status: 'succeeded',
        transfer_reversal: null,
      };
      ctx.store.refunds.set(id, refund);
      const previous = { amount_refunded: ch.amount_refunded, refunded: ch.refunded };
      ch.amount_refunded += amount;
      ch.refunded = ch.amount_refunded >= ch.amount_captured;
      applyConnectRefund(ctx, ch, refund, connect, request);
      syncChargeRefunds(ctx, ch);
      emitEvent(ctx, 'refund.created', refund, request);
      emitEvent(ctx, 'charge.refunded', ch, request, previous);
      const card = cardByNumber(
        cardNumberOf(ctx, typeof ch.payment_method === 'string' ? ch.payment_method : ''),
      );
      if (card?.behavior.kind === 'refund_fail') {
        ctx.scheduler.schedule(ctx.timings.refundFailDelayMs, () => failRefund(ctx, refund.id));
      }
      return refund;
    },
  },
  {
    method: 'GET',
    path: '/v1/refunds/:id',
    connect: true,
    handler: (ctx, { path, account }) => {
      const id = path.id ?? '';
      // Refunds of a connected account's payments (`pyr_`) are visible with its Stripe-Account header only.
      if (ctx.store.connect.ownerOf(id) !== account) throw resourceMissing('refund', id);
      return getRefund(ctx, id);
    },
  },
  {
    method: 'POST',
    path: '/v1/refunds/:id',
    handler: (ctx, { path, params, request }) => {
      const r = getRefund(ctx, path.id ?? '');
      const previous = { metadata: r.metadata };
      r.metadata = applyMetadata(r.metadata, params);
      emitEvent(ctx, 'refund.updated', r, request, previous);
      return r;
    },
  },
  {
    method: 'GET',
    path: '/v1/refunds',
    connect: true,
    handler: (ctx, { params, account }) => {
      const charge = optString(params, 'charge');
      const pi = optString(params, 'payment_intent');
      return paginate(
        '/v1/refunds',
        ctx.store.refunds.values(),
        params,
        (r) =>
          ctx.store.connect.ownerOf(r.id) === account &&
          (!charge || r.charge === charge) &&
          (!pi || r.payment_intent === pi),
      );
    },
  },
];

/** A `pm_card_refundFail` refund: succeeded at first, then failed with `expired_or_canceled_card`. */
export function failRefund(ctx: Ctx, refundId: string): void {
  const refund = ctx.store.refunds.get(refundId);
  if (refund?.status !== 'succeeded') return;
  const ch = ctx.store.charges.get(typeof refund.charge === 'string' ? refund.charge : '');
  const previous = { status: refund.status };
  refund.status = 'failed';
  refund.failure_reason = 'expired_or_canceled_card';
  const txn = createBalanceTransaction(ctx, {
    amount: refund.amount,
    currency: refund.currency,
    fee: 0,
    type: 'refund_failure',
    reportingCategory: 'refund_failure',
    source: refund.id,
    description: 'REFUND FAILURE',
  });
  refund.failure_balance_transaction = txn.id;
  if (ch) {
    ch.amount_refunded = Math.max(0, ch.amount_refunded - refund.amount);
    ch.refunded = false;
    syncChargeRefunds(ctx, ch);
  }
  emitEvent(ctx, 'refund.updated', refund, AUTOMATIC, previous);
  emitEvent(ctx, 'refund.failed', refund, AUTOMATIC);
}
