import type Stripe from 'stripe';
import { type Ctx, now, type RequestInfo, type Route } from '../context.js';
import { invalidRequest, resourceMissing } from '../errors.js';
import { emitEvent } from '../events.js';
import { newId } from '../ids.js';
import { paginate } from '../list.js';
import { applyMetadata, optInt, optString, type Params } from '../params.js';
import { PLATFORM_APPLICATION } from './accounts.js';
import { recordBalanceTransaction } from './balance.js';

export function getApplicationFee(ctx: Ctx, id: string, param = 'id'): Stripe.ApplicationFee {
  const fee = ctx.store.connect.applicationFees.get(id);
  if (!fee) throw resourceMissing('application fee', id, param);
  return fee;
}

/**
 * The platform's fee on a destination charge: taken out of the connected account's payment
 * (`py_`), credited to the platform as an `application_fee` balance transaction.
 */
export function createApplicationFee(
  ctx: Ctx,
  fields: {
    account: string;
    amount: number;
    currency: string;
    payment: string;
    originatingCharge: string;
    availableOn: number;
  },
  request: RequestInfo,
): Stripe.ApplicationFee {
  const id = newId('fee');
  const txn = recordBalanceTransaction(ctx, {
    account: null,
    amount: fields.amount,
    currency: fields.currency,
    type: 'application_fee',
    reportingCategory: 'platform_earning',
    source: id,
    description: null,
    availableOn: fields.availableOn,
  });
  const fee: Stripe.ApplicationFee = {
    id,
    object: 'application_fee',
    account: fields.account,
    amount: fields.amount,
    amount_refunded: 0,
    application: PLATFORM_APPLICATION,
    balance_transaction: txn.id,
    charge: fields.payment,
    created: now(ctx),
    currency: fields.currency,
    fee_source: { charge: fields.payment, type: 'charge' },
    livemode: false,
    originating_transaction: fields.originatingCharge,
    refunded: false,
    refunds: { object: 'list', data: [], has_more: false, url: `/v1/application_fees/${id}/refunds` },
  };
  ctx.store.connect.applicationFees.set(id, fee);
  emitEvent(ctx, 'application_fee.created', fee, request);
  return fee;
}

function refundsOf(ctx: Ctx, feeId: string): Stripe.FeeRefund[] {
  return [...ctx.store.connect.feeRefunds.values()].filter((r) => r.fee === feeId);
}

/** Gives (part of) an application fee back to the connected account. */
export function refundApplicationFee(
  ctx: Ctx,
  fee: Stripe.ApplicationFee,
  amount: number,
  metadata: Record<string, string>,
  request: RequestInfo,
): Stripe.FeeRefund {
  const remaining = fee.amount - fee.amount_refunded;
  if (amount < 1 || amount > remaining) {
    throw invalidRequest(
      remaining <= 0
        ? `Application fee ${fee.id} has already been refunded.`
        : `Refund amount (${amount}) is greater than the unrefunded amount on the application fee (${remaining}).`,
      { code: remaining <= 0 ? 'charge_already_refunded' : 'amount_too_large', param: 'amount' },
    );
  }
  const id = newId('fr');
  const account = typeof fee.account === 'string' ? fee.account : fee.account.id;
  const txn = recordBalanceTransaction(ctx, {
    account: null,
    amount: -amount,
    currency: fee.currency,
    type: 'application_fee_refund',
    reportingCategory: 'platform_earning_refund',
    source: id,
    description: null,
  });
  recordBalanceTransaction(ctx, {
    account,
    amount,
    currency: fee.currency,
    type: 'application_fee_refund',
    reportingCategory: 'platform_earning_refund',
    source: id,
    description: 'Application fee refund',
  });
  const refund: Stripe.FeeRefund = {
    id,
    object: 'fee_refund',
    amount,
    balance_transaction: txn.id,
    created: now(ctx),
    currency: fee.currency,
    fee: fee.id,
    metadata,
  };
  ctx.store.connect.feeRefunds.set(id, refund);
  const previous = { amount_refunded: fee.amount_refunded, refunded: fee.refunded };
  fee.amount_refunded += amount;
  fee.refunded = fee.amount_refunded >= fee.amount;
  const list = refundsOf(ctx, fee.id).reverse();
  fee.refunds = {
    object: 'list',
    data: structuredClone(list.slice(0, 10)),
    has_more: list.length > 10,
    url: `/v1/application_fees/${fee.id}/refunds`,
  };
  emitEvent(ctx, 'application_fee.refunded', fee, request, previous);
  return refund;
}

function feeRefundRoute(ctx: Ctx, feeId: string, params: Params, request: RequestInfo): Stripe.FeeRefund {
  const fee = getApplicationFee(ctx, feeId);
  const amount = optInt(params, 'amount') ?? fee.amount - fee.amount_refunded;
  return refundApplicationFee(ctx, fee, amount, applyMetadata({}, params), request);
}

export const applicationFeeRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/application_fees/:id',
    handler: (ctx, { path }) => getApplicationFee(ctx, path.id ?? ''),
  },
  {
    method: 'GET',
    path: '/v1/application_fees',
    handler: (ctx, { params }) => {
      const charge = optString(params, 'charge');
      return paginate(
        '/v1/application_fees',
        ctx.store.connect.applicationFees.values(),
        params,
        (f) => !charge || f.charge === charge || f.originating_transaction === charge,
      );
    },
  },
  {
    method: 'POST',
    path: '/v1/application_fees/:id/refunds',
    handler: (ctx, { path, params, request }) => feeRefundRoute(ctx, path.id ?? '', params, request),
  },
  {
    method: 'GET',
    path: '/v1/application_fees/:id/refunds',
    handler: (ctx, { path, params }) => {
      const fee = getApplicationFee(ctx, path.id ?? '');
      return paginate(`/v1/application_fees/${fee.id}/refunds`, refundsOf(ctx, fee.id), params);
    },
  },
  {
    method: 'GET',
    path: '/v1/application_fees/:fee/refunds/:id',
    handler: (ctx, { path }) => {
      const id = path.id ?? '';
      const refund = ctx.store.connect.feeRefunds.get(id);
      if (!refund || refund.fee !== path.fee) throw resourceMissing('fee refund', id);
      return refund;
    },
  },
];
