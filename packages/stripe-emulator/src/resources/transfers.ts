import type Stripe from 'stripe';
import { type Ctx, now, type RequestInfo, type Route } from '../context.js';
import { invalidRequest, resourceMissing, type StripeApiError, unexpectedState } from '../errors.js';
import { emitEvent } from '../events.js';
import { newId } from '../ids.js';
import { paginate } from '../list.js';
import {
  applyMetadata,
  has,
  nullableString,
  optBool,
  optInt,
  optObject,
  optString,
  type Params,
  reqInt,
  reqString,
} from '../params.js';
import { PLATFORM_APPLICATION } from './accounts.js';
import { createApplicationFee, refundApplicationFee } from './application-fees.js';
import { availableOnFor, fundsOf, recordBalanceTransaction } from './balance.js';

export function getTransfer(ctx: Ctx, id: string, param = 'id'): Stripe.Transfer {
  const t = ctx.store.connect.transfers.get(id);
  if (!t) throw resourceMissing('transfer', id, param);
  return t;
}

/** A destination must exist and have the `transfers` capability active (it has after onboarding). */
function checkDestination(ctx: Ctx, id: string, param: string): Stripe.Account {
  const account = ctx.store.connect.accounts.get(id);
  if (!account) {
    throw invalidRequest(`No such destination: '${id}'`, { code: 'resource_missing', param });
  }
  if (account.capabilities?.transfers !== 'active') {
    throw invalidRequest(
      'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
      { code: 'insufficient_capabilities_for_transfer', param },
    );
  }
  return account;
}

export type ConnectParams = Partial<
  Pick<Stripe.PaymentIntent, 'transfer_data' | 'application_fee_amount' | 'on_behalf_of'>
>;

/**
 * `transfer_data[destination]`, `transfer_data[amount]`, `application_fee_amount` and
 * `on_behalf_of` of a PaymentIntent (create and update, with its new `amount`), validated as
 * Stripe does before anything is written. Returns the fields to set.
 */
export function connectParams(ctx: Ctx, pi: Stripe.PaymentIntent, p: Params, amount: number): ConnectParams {
  const touches =
    ['transfer_data', 'application_fee_amount', 'on_behalf_of'].some((k) => has(p, k)) ||
    amount !== pi.amount;
  if (!touches) return {};
  if (pi.status === 'succeeded' || pi.status === 'canceled') {
    throw unexpectedState(
      `You cannot update this PaymentIntent's transfer_data or application_fee_amount because it has a status of ${pi.status}.`,
      pi,
    );
  }
  const td = optObject(p, 'transfer_data');
  let transferData = pi.transfer_data;
  if (td) {
    const destination =
      optString(td, 'destination') ?? (transferData ? String(transferData.destination) : '');
    if (!destination) {
      throw invalidRequest('Missing required param: transfer_data[destination].', {
        code: 'parameter_missing',
        param: 'transfer_data[destination]',
      });
    }
    checkDestination(ctx, destination, 'transfer_data[destination]');
    const amount = optInt(td, 'amount');
    transferData = { destination, ...(amount !== undefined ? { amount } : {}) };
  } else if (has(p, 'transfer_data') && p.transfer_data === null) {
    transferData = null;
  }
  const feeParam = has(p, 'application_fee_amount') ? optInt(p, 'application_fee_amount') : undefined;
  const fee = has(p, 'application_fee_amount') ? (feeParam ?? null) : pi.application_fee_amount;
  if (fee !== null) {
    if (!transferData) {
      throw invalidRequest(
        'Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).',
        { param: 'application_fee_amount' },
      );
    }
    if (fee < 0) {
      throw invalidRequest('Invalid non-negative integer', {
        code: 'parameter_invalid_integer',
        param: 'application_fee_amount',
      });
    }
    if (fee > amount) {
      throw invalidRequest(
        `The application fee (${fee}) cannot be greater than the amount of the PaymentIntent (${amount}).`,
        { param: 'application_fee_amount' },
      );
    }
    if (transferData.amount !== undefined) {
      throw invalidRequest(
        'You may only specify one of these parameters: application_fee_amount, transfer_data[amount].',
        { param: 'application_fee_amount' },
      );
    }
  }
  if (transferData?.amount !== undefined && (transferData.amount < 1 || transferData.amount > amount)) {
    throw invalidRequest(
      `transfer_data[amount] (${transferData.amount}) must be between 1 and the amount of the PaymentIntent (${amount}).`,
      { param: 'transfer_data[amount]' },
    );
  }
  const onBehalfOf = nullableString(p, 'on_behalf_of');
  if (onBehalfOf) checkDestination(ctx, onBehalfOf, 'on_behalf_of');
  return {
    transfer_data: transferData,
    application_fee_amount: fee,
    ...(onBehalfOf !== undefined ? { on_behalf_of: onBehalfOf } : {}),
  };
}

/** At confirm: the destination must still be able to receive the transfer (it may have been restricted since). */
export function assertDestinationReady(ctx: Ctx, pi: Stripe.PaymentIntent): void {
  const destination = pi.transfer_data?.destination;
  if (typeof destination === 'string') checkDestination(ctx, destination, 'transfer_data[destination]');
}

/** A payment on a connected account (`py_`): what a transfer looks like from the receiving side. */
function createDestinationPayment(
  ctx: Ctx,
  fields: { id: string; account: string; amount: number; currency: string; transfer: string; txn: string },
): Stripe.Charge {
  const payment: Stripe.Charge = {
    id: fields.id,
    object: 'charge',
    amount: fields.amount,
    amount_captured: fields.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: fields.txn,
    billing_details: { address: null, email: null, name: null, phone: null, tax_id: null },
    calculated_statement_descriptor: null,
    captured: true,
    created: now(ctx),
    currency: fields.currency,
    customer: null,
    description: null,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    livemode: false,
    metadata: {},
    on_behalf_of: null,
    outcome: null,
    paid: true,
    payment_intent: null,
    payment_method: null,
    payment_method_details: { stripe_account: {}, type: 'stripe_account' },
    receipt_email: null,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    refunds: { object: 'list', data: [], has_more: false, url: `/v1/charges/${fields.id}/refunds` },
    review: null,
    shipping: null,
    source: null,
    source_transfer: fields.transfer,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'succeeded',
    transfer_data: null,
    transfer_group: null,
  };
  ctx.store.charges.set(payment.id, payment);
  ctx.store.connect.owner.set(payment.id, fields.account);
  return payment;
}

/** Moves money from the platform to a connected account: the transfer, its `py_`, both ledgers. */
function createTransfer(
  ctx: Ctx,
  fields: {
    destination: string;
    amount: number;
    currency: string;
    sourceTransaction: string | null;
    /** When the platform's side settles (a destination charge: with its charge). */
    platformAvailableOn?: number;
    /** When the connected account can pay the money out. */
    destinationAvailableOn: number;
    applicationFee?: number;
    description?: string | null;
    metadata?: Record<string, string>;
    transferGroup?: string | null;
  },
  request: RequestInfo,
): { transfer: Stripe.Transfer; payment: Stripe.Charge } {
  const id = newId('tr');
  const paymentId = newId('py');
  const platformTxn = recordBalanceTransaction(ctx, {
    account: null,
    amount: -fields.amount,
    currency: fields.currency,
    type: 'transfer',
    reportingCategory: 'transfer',
    source: id,
    description: fields.description ?? null,
    ...(fields.platformAvailableOn !== undefined ? { availableOn: fields.platformAvailableOn } : {}),
  });
  const paymentTxn = recordBalanceTransaction(ctx, {
    account: fields.destination,
    amount: fields.amount,
    currency: fields.currency,
    type: 'payment',
    reportingCategory: 'charge',
    source: paymentId,
    description: null,
    availableOn: fields.destinationAvailableOn,
    ...(fields.applicationFee
      ? { applicationFee: { amount: fields.applicationFee, application: PLATFORM_APPLICATION } }
      : {}),
  });
  const payment = createDestinationPayment(ctx, {
    id: paymentId,
    account: fields.destination,
    amount: fields.amount,
    currency: fields.currency,
    transfer: id,
    txn: paymentTxn.id,
  });
  const transfer: Stripe.Transfer = {
    id,
    object: 'transfer',
    amount: fields.amount,
    amount_reversed: 0,
    balance_transaction: platformTxn.id,
    created: now(ctx),
    currency: fields.currency,
    description: fields.description ?? null,
    destination: fields.destination,
    destination_payment: paymentId,
    livemode: false,
    metadata: fields.metadata ?? {},
    reversals: { object: 'list', data: [], has_more: false, url: `/v1/transfers/${id}/reversals` },
    reversed: false,
    source_transaction: fields.sourceTransaction,
    source_type: 'card',
    transfer_group: fields.transferGroup ?? null,
  };
  ctx.store.connect.transfers.set(id, transfer);
  emitEvent(ctx, 'transfer.created', transfer, request);
  return { transfer, payment };
}

/**
 * On a captured destination charge: the transfer of the whole amount (or `transfer_data[amount]`)
 * to the connected account, the application fee taken back from it, and both ledgers.
 */
export function settleDestination(
  ctx: Ctx,
  pi: Stripe.PaymentIntent,
  ch: Stripe.Charge,
  request: RequestInfo,
): void {
  const destination = pi.transfer_data?.destination;
  if (typeof destination !== 'string' || ch.transfer) return;
  if (!ctx.store.connect.accounts.has(destination)) return;
  const captured = ch.amount_captured;
  const fee = Math.min(pi.application_fee_amount ?? 0, captured);
  const amount = Math.min(pi.transfer_data?.amount ?? captured, captured);
  const chargeTxn = ctx.store.balanceTransactions.get(String(ch.balance_transaction));
  const platformAvailableOn = chargeTxn?.available_on ?? now(ctx);
  // Funds the platform has at once (test card 0077) reach the connected account at once too.
  const destinationAvailableOn =
    platformAvailableOn <= now(ctx) ? now(ctx) : availableOnFor(ctx, destination);
  const { transfer, payment } = createTransfer(
    ctx,
    {
      destination,
      amount,
      currency: ch.currency,
      sourceTransaction: ch.id,
      platformAvailableOn,
      destinationAvailableOn,
      applicationFee: fee,
      transferGroup: pi.transfer_group ?? null,
    },
    request,
  );
  ch.transfer = transfer.id;
  ch.transfer_data = { amount: pi.transfer_data?.amount ?? null, destination };
  ch.transfer_group = pi.transfer_group;
  ch.on_behalf_of = pi.on_behalf_of;
  if (fee > 0) {
    const appFee = createApplicationFee(
      ctx,
      {
        account: destination,
        amount: fee,
        currency: ch.currency,
        payment: payment.id,
        originatingCharge: ch.id,
        availableOn: platformAvailableOn,
      },
      request,
    );
    ch.application_fee = appFee.id;
    ch.application_fee_amount = fee;
  }
}

function reversalsOf(ctx: Ctx, transferId: string): Stripe.TransferReversal[] {
  return [...ctx.store.connect.transferReversals.values()].filter((r) => r.transfer === transferId);
}

/** Takes (part of) a transfer back from the connected account: the reversal, its `pyr_`, both ledgers. */
export function reverseTransfer(
  ctx: Ctx,
  transfer: Stripe.Transfer,
  amount: number,
  options: { sourceRefund?: string; metadata?: Record<string, string>; description?: string | null },
  request: RequestInfo,
): Stripe.TransferReversal {
  const destination = String(transfer.destination);
  const id = newId('trr');
  const platformTxn = recordBalanceTransaction(ctx, {
    account: null,
    amount,
    currency: transfer.currency,
    type: 'transfer_refund',
    reportingCategory: 'transfer_reversal',
    source: id,
    description: options.description ?? null,
  });
  let paymentRefundId: string | null = null;
  const payment = ctx.store.charges.get(String(transfer.destination_payment));
  if (payment) {
    paymentRefundId = newId('pyr');
    const txn = recordBalanceTransaction(ctx, {
      account: destination,
      amount: -amount,
      currency: transfer.currency,
      type: 'payment_refund',
      reportingCategory: 'refund',
      source: paymentRefundId,
      description: null,
    });
    const refund: Stripe.Refund = {
      id: paymentRefundId,
      object: 'refund',
      amount,
      balance_transaction: txn.id,
      charge: payment.id,
      created: now(ctx),
      currency: transfer.currency,
      customer: null,
      customer_account: null,
      metadata: {},
      payment_intent: null,
      payment_method: null,
      reason: null,
      receipt_number: null,
      source_transfer_reversal: id,
      status: 'succeeded',
      transfer_reversal: null,
    };
    ctx.store.refunds.set(refund.id, refund);
    ctx.store.connect.owner.set(refund.id, destination);
    payment.amount_refunded += amount;
    payment.refunded = payment.amount_refunded >= payment.amount;
  }
  const reversal: Stripe.TransferReversal = {
    id,
    object: 'transfer_reversal',
    amount,
    balance_transaction: platformTxn.id,
    created: now(ctx),
    currency: transfer.currency,
    destination_payment_refund: paymentRefundId,
    metadata: options.metadata ?? {},
    source_refund: options.sourceRefund ?? null,
    transfer: transfer.id,
  };
  ctx.store.connect.transferReversals.set(id, reversal);
  const previous = { amount_reversed: transfer.amount_reversed, reversed: transfer.reversed };
  transfer.amount_reversed += amount;
  transfer.reversed = transfer.amount_reversed >= transfer.amount;
  const list = reversalsOf(ctx, transfer.id).reverse();
  transfer.reversals = {
    object: 'list',
    data: structuredClone(list.slice(0, 10)),
    has_more: list.length > 10,
    url: `/v1/transfers/${transfer.id}/reversals`,
  };
  emitEvent(ctx, 'transfer.reversed', transfer, request, previous);
  return reversal;
}

export interface ConnectRefundOptions {
  reverseTransfer: boolean;
  refundApplicationFee: boolean;
}

/** `reverse_transfer` and `refund_application_fee` of a refund, read before anything is written. */
export function connectRefundOptions(p: Params): ConnectRefundOptions {
  return {
    reverseTransfer: optBool(p, 'reverse_transfer') ?? false,
    refundApplicationFee: optBool(p, 'refund_application_fee') ?? false,
  };
}

/** Proportional share of `total` for a refund of `refunded` out of `captured`; the rest on a full refund. */
function share(total: number, remaining: number, refunded: number, captured: number, full: boolean): number {
  if (full) return remaining;
  return Math.min(remaining, Math.round((total * refunded) / captured));
}

/**
 * A refund of a destination charge: with `reverse_transfer` the transfer is reversed in proportion
 * (all that is left on a full refund), with `refund_application_fee` the fee likewise.
 */
export function applyConnectRefund(
  ctx: Ctx,
  ch: Stripe.Charge,
  refund: Stripe.Refund,
  options: ConnectRefundOptions,
  request: RequestInfo,
): void {
  const full = ch.amount_refunded >= ch.amount_captured;
  const transfer = typeof ch.transfer === 'string' ? ctx.store.connect.transfers.get(ch.transfer) : undefined;
  if (options.reverseTransfer && transfer) {
    const remaining = transfer.amount - transfer.amount_reversed;
    const amount = share(transfer.amount, remaining, refund.amount, ch.amount_captured, full);
    if (amount > 0) {
      const reversal = reverseTransfer(ctx, transfer, amount, { sourceRefund: refund.id }, request);
      refund.transfer_reversal = reversal.id;
    }
  }
  const fee =
    typeof ch.application_fee === 'string'
      ? ctx.store.connect.applicationFees.get(ch.application_fee)
      : undefined;
  if (options.refundApplicationFee && fee) {
    const remaining = fee.amount - fee.amount_refunded;
    const amount = share(fee.amount, remaining, refund.amount, ch.amount_captured, full);
    if (amount > 0) refundApplicationFee(ctx, fee, amount, {}, request);
  }
}

/** The platform charge a destination-charge transfer came from (its `transfer` points back). */
function isDestinationChargeTransfer(ctx: Ctx, transfer: Stripe.Transfer): boolean {
  const source = ctx.store.charges.get(String(transfer.source_transaction));
  return source?.transfer === transfer.id;
}

function insufficientFunds(message: string): StripeApiError {
  return invalidRequest(message, { code: 'balance_insufficient' });
}

export const transferRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/transfers',
    handler: (ctx, { params, request }) => {
      const amount = reqInt(params, 'amount');
      if (amount < 1)
        throw invalidRequest('Invalid positive integer', {
          code: 'parameter_invalid_integer',
          param: 'amount',
        });
      const currency = reqString(params, 'currency').toLowerCase();
      const destination = reqString(params, 'destination');
      checkDestination(ctx, destination, 'destination');
      const sourceId = optString(params, 'source_transaction');
      let platformAvailableOn: number | undefined;
      let destinationAvailableOn = now(ctx);
      if (sourceId) {
        const source = ctx.store.charges.get(sourceId);
        if (!source || ctx.store.connect.ownerOf(sourceId) !== null)
          throw invalidRequest(`No such charge: '${sourceId}'`, {
            code: 'resource_missing',
            param: 'source_transaction',
          });
        if (source.status !== 'succeeded' || !source.captured)
          throw invalidRequest(`Charge ${sourceId} has not succeeded.`, { param: 'source_transaction' });
        if (source.currency !== currency)
          throw invalidRequest('The currency of source_transaction must match the transfer currency.', {
            param: 'currency',
          });
        const already = [...ctx.store.connect.transfers.values()]
          .filter((t) => t.source_transaction === sourceId)
          .reduce((sum, t) => sum + t.amount - t.amount_reversed, 0);
        if (amount > source.amount_captured - source.amount_refunded - already) {
          throw insufficientFunds(
            `Transfer amount exceeds the funds still available from source_transaction ${sourceId}.`,
          );
        }
        const txn = ctx.store.balanceTransactions.get(String(source.balance_transaction));
        platformAvailableOn = txn?.available_on;
        destinationAvailableOn = Math.max(txn?.available_on ?? 0, now(ctx));
      } else {
        const available = fundsOf(ctx, null).available.get(currency) ?? 0;
        if (available < amount) {
          throw insufficientFunds(
            'You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance, or pass a source_transaction to transfer funds that are still pending.',
          );
        }
      }
      return createTransfer(
        ctx,
        {
          destination,
          amount,
          currency,
          sourceTransaction: sourceId ?? null,
          ...(platformAvailableOn !== undefined ? { platformAvailableOn } : {}),
          destinationAvailableOn,
          description: optString(params, 'description') ?? null,
          metadata: applyMetadata({}, params),
          transferGroup: optString(params, 'transfer_group') ?? null,
        },
        request,
      ).transfer;
    },
  },
  {
    method: 'GET',
    path: '/v1/transfers/:id',
    handler: (ctx, { path }) => getTransfer(ctx, path.id ?? ''),
  },
  {
    method: 'POST',
    path: '/v1/transfers/:id',
    handler: (ctx, { path, params, request }) => {
      const transfer = getTransfer(ctx, path.id ?? '');
      const previous = { metadata: transfer.metadata, description: transfer.description };
      transfer.metadata = applyMetadata(transfer.metadata, params);
      const description = nullableString(params, 'description');
      if (description !== undefined) transfer.description = description;
      emitEvent(ctx, 'transfer.updated', transfer, request, previous);
      return transfer;
    },
  },
  {
    method: 'GET',
    path: '/v1/transfers',
    handler: (ctx, { params }) => {
      const destination = optString(params, 'destination');
      const group = optString(params, 'transfer_group');
      return paginate(
        '/v1/transfers',
        ctx.store.connect.transfers.values(),
        params,
        (t) => (!destination || t.destination === destination) && (!group || t.transfer_group === group),
      );
    },
  },
  {
    method: 'POST',
    path: '/v1/transfers/:id/reversals',
    handler: (ctx, { path, params, request }) => {
      const transfer = getTransfer(ctx, path.id ?? '');
      const remaining = transfer.amount - transfer.amount_reversed;
      const amount = optInt(params, 'amount') ?? remaining;
      const refundFee = optBool(params, 'refund_application_fee') ?? false;
      if (remaining <= 0)
        throw invalidRequest(`Transfer ${transfer.id} has already been fully reversed.`, {
          code: 'transfer_already_reversed',
        });
      if (amount < 1 || amount > remaining) {
        throw invalidRequest(
          `Transfer reversal amount (${amount}) must be between 1 and the amount not yet reversed (${remaining}).`,
          { code: 'amount_too_large', param: 'amount' },
        );
      }
      if (!isDestinationChargeTransfer(ctx, transfer)) {
        // Only destination-charge transfers may push the connected account negative.
        const available = fundsOf(ctx, String(transfer.destination)).available.get(transfer.currency) ?? 0;
        if (available < amount)
          throw insufficientFunds(
            `The destination account does not have enough available balance to reverse ${amount} ${transfer.currency}.`,
          );
      }
      const reversal = reverseTransfer(
        ctx,
        transfer,
        amount,
        { metadata: applyMetadata({}, params), description: optString(params, 'description') ?? null },
        request,
      );
      const source = ctx.store.charges.get(String(transfer.source_transaction));
      const fee =
        refundFee && typeof source?.application_fee === 'string'
          ? ctx.store.connect.applicationFees.get(source.application_fee)
          : undefined;
      if (fee) {
        const left = fee.amount - fee.amount_refunded;
        const feeAmount = share(fee.amount, left, amount, transfer.amount, amount === remaining);
        if (feeAmount > 0) refundApplicationFee(ctx, fee, feeAmount, {}, request);
      }
      return reversal;
    },
  },
  {
    method: 'GET',
    path: '/v1/transfers/:id/reversals',
    handler: (ctx, { path, params }) => {
      const transfer = getTransfer(ctx, path.id ?? '');
      return paginate(`/v1/transfers/${transfer.id}/reversals`, reversalsOf(ctx, transfer.id), params);
    },
  },
  {
    method: 'GET',
    path: '/v1/transfers/:transfer/reversals/:id',
    handler: (ctx, { path }) => {
      const id = path.id ?? '';
      const reversal = ctx.store.connect.transferReversals.get(id);
      if (!reversal || reversal.transfer !== path.transfer) throw resourceMissing('transfer_reversal', id);
      return reversal;
    },
  },
];
