import type Stripe from 'stripe';
import { type Ctx, now, type Route } from '../context.js';
import { resourceMissing } from '../errors.js';
import { newId } from '../ids.js';
import { paginate } from '../list.js';
import { applyMetadata, nullableString, optString } from '../params.js';

export function getCharge(ctx: Ctx, id: string, param = 'id'): Stripe.Charge {
  const c = ctx.store.charges.get(id);
  if (!c) throw resourceMissing('charge', id, param);
  return c;
}

/** Stripe's card fee: 2.9% + 30 in the smallest unit. */
export function stripeFee(amount: number): number {
  return Math.round(amount * 0.029) + 30;
}

export function createBalanceTransaction(
  ctx: Ctx,
  fields: {
    amount: number;
    currency: string;
    fee: number;
    type: Stripe.BalanceTransaction.Type;
    reportingCategory: string;
    source: string;
    description: string | null;
  },
): Stripe.BalanceTransaction {
  const created = now(ctx);
  const txn: Stripe.BalanceTransaction = {
    id: newId('txn'),
    object: 'balance_transaction',
    amount: fields.amount,
    available_on: created + 2 * 86400,
    balance_type: 'payments',
    created,
    currency: fields.currency,
    description: fields.description,
    exchange_rate: null,
    fee: fields.fee,
    fee_details: fields.fee
      ? [
          {
            amount: fields.fee,
            application: null,
            currency: fields.currency,
            description: 'Stripe processing fees',
            type: 'stripe_fee',
          },
        ]
      : [],
    net: fields.amount - fields.fee,
    reporting_category: fields.reportingCategory,
    source: fields.source,
    status: 'pending',
    type: fields.type,
  };
  ctx.store.balanceTransactions.set(txn.id, txn);
  return txn;
}

export interface ChargeOutcome {
  paid: boolean;
  captured: boolean;
  failure?: { code: string; declineCode: string; message: string };
}

export function createCharge(
  ctx: Ctx,
  pi: Stripe.PaymentIntent,
  pm: Stripe.PaymentMethod,
  outcome: ChargeOutcome,
): Stripe.Charge {
  const id = newId('ch');
  const card = pm.card;
  const failed = outcome.failure !== undefined;
  const charge: Stripe.Charge = {
    id,
    object: 'charge',
    amount: pi.amount,
    amount_captured: outcome.captured ? pi.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: structuredClone(pm.billing_details),
    calculated_statement_descriptor: 'ENROLLPAY',
    captured: outcome.captured,
    created: now(ctx),
    currency: pi.currency,
    customer: typeof pi.customer === 'string' ? pi.customer : null,
    description: pi.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: outcome.failure?.code ?? null,
    failure_message: outcome.failure?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...pi.metadata },
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: failed ? 'declined_by_network' : 'approved_by_network',
      reason: outcome.failure?.declineCode ?? null,
      risk_level: 'normal',
      risk_score: 20,
      seller_message: failed
        ? 'The bank did not return any further details with this decline.'
        : 'Payment complete.',
      type: failed ? 'issuer_declined' : 'authorized',
    },
    paid: outcome.paid,
    payment_intent: pi.id,
    payment_method: pm.id,
    payment_method_details: {
      card: {
        amount_authorized: failed ? null : pi.amount,
        authorization_code: failed ? null : '123456',
        brand: card?.brand ?? 'visa',
        checks: card?.checks ?? null,
        country: card?.country ?? 'US',
        exp_month: card?.exp_month ?? 12,
        exp_year: card?.exp_year ?? 2034,
        electronic_commerce_indicator: null,
        extended_authorization: { status: 'disabled' },
        fingerprint: card?.fingerprint ?? null,
        funding: card?.funding ?? 'credit',
        incremental_authorization: { status: 'unavailable' },
        installments: null,
        last4: card?.last4 ?? '4242',
        mandate: null,
        multicapture: { status: 'unavailable' },
        network: card?.brand ?? 'visa',
        network_token: { used: false },
        network_transaction_id: failed ? null : `${Date.now()}`,
        overcapture: { maximum_amount_capturable: pi.amount, status: 'unavailable' },
        regulated_status: 'unregulated',
        three_d_secure: null,
        transaction_link_id: null,
        wallet: null,
      },
      type: 'card',
    },
    receipt_email: pi.receipt_email,
    receipt_number: null,
    receipt_url: `${ctx.baseUrl()}/receipts/${id}`,
    refunded: false,
    refunds: { object: 'list', data: [], has_more: false, url: `/v1/charges/${id}/refunds` },
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: failed ? 'failed' : 'succeeded',
    transfer_data: null,
    transfer_group: null,
  };
  if (outcome.captured) settleCharge(ctx, charge);
  ctx.store.charges.set(id, charge);
  return charge;
}

/** Creates the balance transaction of a captured charge. */
export function settleCharge(ctx: Ctx, charge: Stripe.Charge): void {
  const txn = createBalanceTransaction(ctx, {
    amount: charge.amount_captured,
    currency: charge.currency,
    fee: stripeFee(charge.amount_captured),
    type: 'charge',
    reportingCategory: 'charge',
    source: charge.id,
    description: charge.description,
  });
  charge.balance_transaction = txn.id;
}

export const chargeRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/charges/:id',
    connect: true,
    handler: (ctx, { path, account }) => {
      const id = path.id ?? '';
      // A connected account's payments (`py_`) are visible with its Stripe-Account header only.
      if (ctx.store.connect.ownerOf(id) !== account) throw resourceMissing('charge', id);
      return getCharge(ctx, id);
    },
  },
  {
    method: 'POST',
    path: '/v1/charges/:id',
    handler: (ctx, { path, params }) => {
      if (ctx.store.connect.ownerOf(path.id ?? '')) throw resourceMissing('charge', path.id ?? '');
      const c = getCharge(ctx, path.id ?? '');
      c.metadata = applyMetadata(c.metadata, params);
      const description = nullableString(params, 'description');
      if (description !== undefined) c.description = description;
      const receiptEmail = nullableString(params, 'receipt_email');
      if (receiptEmail !== undefined) c.receipt_email = receiptEmail;
      return c;
    },
  },
  {
    method: 'GET',
    path: '/v1/charges',
    connect: true,
    handler: (ctx, { params, account }) => {
      const customer = optString(params, 'customer');
      const paymentIntent = optString(params, 'payment_intent');
      return paginate(
        '/v1/charges',
        ctx.store.charges.values(),
        params,
        (c) =>
          ctx.store.connect.ownerOf(c.id) === account &&
          (!customer || c.customer === customer) &&
          (!paymentIntent || c.payment_intent === paymentIntent),
      );
    },
  },
];
