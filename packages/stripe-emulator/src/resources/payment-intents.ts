import type Stripe from 'stripe';
import { cardByNumber, DECLINE_MESSAGES } from '../cards.js';
import { AUTOMATIC, type Ctx, now, type RequestInfo, type Route } from '../context.js';
import {
  authenticationError,
  invalidRequest,
  resourceMissing,
  StripeApiError,
  unexpectedState,
} from '../errors.js';
import { emitEvent } from '../events.js';
import { newId, randomString } from '../ids.js';
import { paginate } from '../list.js';
import {
  applyMetadata,
  has,
  nullableString,
  optBool,
  optInt,
  optObject,
  optString,
  optStringArray,
  type Params,
  reqInt,
  reqString,
} from '../params.js';
import { availableNow } from './balance.js';
import { createCharge, getCharge, settleCharge } from './charges.js';
import { openDispute } from './disputes.js';
import { cardNumberOf, createCardPaymentMethod, resolvePaymentMethod } from './payment-methods.js';
import { assertDestinationReady, connectParams, settleDestination } from './transfers.js';

export function getPaymentIntent(ctx: Ctx, id: string, param = 'intent'): Stripe.PaymentIntent {
  const pi = ctx.store.paymentIntents.get(id);
  if (!pi) throw resourceMissing('payment_intent', id, param);
  return pi;
}

const CAPTURE_METHODS = ['automatic', 'automatic_async', 'manual'] as const;
type CaptureMethod = (typeof CAPTURE_METHODS)[number];
function captureMethod(p: Params): CaptureMethod | undefined {
  const v = optString(p, 'capture_method');
  if (v === undefined) return undefined;
  const found = CAPTURE_METHODS.find((m) => m === v);
  if (!found)
    throw invalidRequest(`Invalid capture_method: must be one of ${CAPTURE_METHODS.join(', ')}`, {
      param: 'capture_method',
    });
  return found;
}

const CANCELLATION_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'] as const;

function checkAmount(amount: number, currency: string): void {
  if (amount < 50) {
    throw invalidRequest(`Amount must be at least 50 ${currency} cents`, {
      code: 'amount_too_small',
      param: 'amount',
    });
  }
  if (amount > 99999999) {
    throw invalidRequest('Amount must be no more than 999,999.99', {
      code: 'amount_too_large',
      param: 'amount',
    });
  }
}

/** Applies the fields shared by create, update and confirm. Returns previous values of changed ones. */
function applyCommon(ctx: Ctx, pi: Stripe.PaymentIntent, p: Params): void {
  const description = nullableString(p, 'description');
  if (description !== undefined) pi.description = description;
  const receiptEmail = nullableString(p, 'receipt_email');
  if (receiptEmail !== undefined) pi.receipt_email = receiptEmail;
  pi.metadata = applyMetadata(pi.metadata, p);
  const customer = nullableString(p, 'customer');
  if (customer !== undefined) {
    if (customer !== null && !ctx.store.customers.has(customer))
      throw resourceMissing('customer', customer, 'customer');
    pi.customer = customer;
  }
  const sfu = nullableString(p, 'setup_future_usage');
  if (sfu !== undefined) pi.setup_future_usage = sfu === 'on_session' || sfu === 'off_session' ? sfu : null;
  const descriptor = nullableString(p, 'statement_descriptor_suffix');
  if (descriptor !== undefined) pi.statement_descriptor_suffix = descriptor;
  const transferGroup = nullableString(p, 'transfer_group');
  if (transferGroup !== undefined) pi.transfer_group = transferGroup;
  const cm = captureMethod(p);
  if (cm) pi.capture_method = cm;
}

function assertUpdatable(pi: Stripe.PaymentIntent, p: Params): void {
  const restricted = ['amount', 'currency', 'payment_method', 'capture_method', 'customer'].filter((k) =>
    has(p, k),
  );
  if (restricted.length === 0) return;
  if (
    pi.status === 'succeeded' ||
    pi.status === 'canceled' ||
    pi.status === 'processing' ||
    pi.status === 'requires_capture'
  ) {
    throw unexpectedState(
      `You cannot update this PaymentIntent's ${restricted.join(', ')} because it has a status of ${pi.status}.`,
      pi,
    );
  }
}

/** Where the browser (or a test) completes a 3-D Secure challenge for this PaymentIntent. */
export function challengeUrl(ctx: Ctx, pi: Stripe.PaymentIntent): string {
  return `${ctx.baseUrl()}/3ds/${pi.id}?client_secret=${encodeURIComponent(pi.client_secret ?? '')}`;
}

function pmFromConfirmParams(ctx: Ctx, pi: Stripe.PaymentIntent, p: Params): void {
  const pmData = optObject(p, 'payment_method_data');
  const pmId = optString(p, 'payment_method');
  if (pmData) {
    const pm = createCardPaymentMethod(ctx, pmData, 'payment_method_data[');
    pi.payment_method = pm.id;
  } else if (pmId) {
    const pm = resolvePaymentMethod(ctx, pmId);
    pi.payment_method = pm.id;
  }
}

/** Runs the charge after confirmation (and authentication where needed). Throws the 402 on decline. */
function charge(
  ctx: Ctx,
  pi: Stripe.PaymentIntent,
  pm: Stripe.PaymentMethod,
  declineCode: string | null,
  request: RequestInfo,
): void {
  pi.next_action = null;
  if (declineCode) {
    const message = DECLINE_MESSAGES[declineCode] ?? 'Your card was declined.';
    const ch = createCharge(ctx, pi, pm, {
      paid: false,
      captured: false,
      failure: { code: 'card_declined', declineCode, message },
    });
    pi.latest_charge = ch.id;
    pi.status = 'requires_payment_method';
    pi.payment_method = null;
    pi.last_payment_error = {
      type: 'card_error',
      charge: ch.id,
      code: 'card_declined',
      decline_code: declineCode,
      doc_url: 'https://docs.stripe.com/error-codes/card-declined',
      message,
      payment_method: structuredClone(pm),
    };
    emitEvent(ctx, 'charge.failed', ch, request);
    emitEvent(ctx, 'payment_intent.payment_failed', pi, request);
    return;
  }
  const manual = pi.capture_method === 'manual';
  const ch = createCharge(ctx, pi, pm, { paid: true, captured: !manual });
  const card = cardByNumber(cardNumberOf(ctx, pm.id));
  if (card?.behavior.kind === 'bypass_pending') availableNow(ctx, ch);
  if (!manual) settleDestination(ctx, pi, ch, request);
  pi.latest_charge = ch.id;
  pi.last_payment_error = null;
  emitEvent(ctx, 'charge.succeeded', ch, request);
  if (manual) {
    pi.status = 'requires_capture';
    pi.amount_capturable = pi.amount;
    emitEvent(ctx, 'payment_intent.amount_capturable_updated', pi, request);
  } else {
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    emitEvent(ctx, 'payment_intent.succeeded', pi, request);
  }
  if (card?.behavior.kind === 'dispute') {
    ctx.scheduler.schedule(ctx.timings.disputeDelayMs, () => openDispute(ctx, ch.id));
  }
}

/** A decline found while confirming becomes Stripe's 402 with the PaymentIntent attached. */
function declineError(pi: Stripe.PaymentIntent): StripeApiError {
  const e = pi.last_payment_error;
  return new StripeApiError(402, {
    type: 'card_error',
    code: e?.code ?? 'card_declined',
    ...(e?.decline_code ? { decline_code: e.decline_code } : {}),
    message: e?.message ?? 'Your card was declined.',
    ...(e?.charge ? { charge: e.charge } : {}),
    payment_intent: structuredClone(pi),
    ...(e?.payment_method ? { payment_method: e.payment_method } : {}),
    doc_url: 'https://docs.stripe.com/error-codes/card-declined',
  });
}

export function confirm(
  ctx: Ctx,
  pi: Stripe.PaymentIntent,
  p: Params,
  request: RequestInfo,
): Stripe.PaymentIntent {
  if (pi.status === 'succeeded') {
    throw unexpectedState(
      'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.',
      pi,
    );
  }
  if (pi.status === 'canceled' || pi.status === 'processing' || pi.status === 'requires_capture') {
    throw unexpectedState(
      `You cannot confirm this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be confirmed: requires_confirmation, requires_payment_method, requires_action.`,
      pi,
    );
  }
  assertDestinationReady(ctx, pi);
  applyCommon(ctx, pi, p);
  pmFromConfirmParams(ctx, pi, p);
  if (typeof pi.payment_method !== 'string') {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      pi,
    );
  }
  const pm = resolvePaymentMethod(ctx, pi.payment_method);
  const card = cardByNumber(cardNumberOf(ctx, pm.id));
  const returnUrl = optString(p, 'return_url');
  ctx.store.pendingAuth.delete(pi.id);
  if (card?.behavior.kind === 'three_d_secure') {
    if (optBool(p, 'error_on_requires_action')) {
      charge(ctx, pi, pm, 'authentication_required', request);
    } else {
      pi.status = 'requires_action';
      ctx.store.pendingAuth.set(pi.id, pm.id);
      const url = challengeUrl(ctx, pi);
      pi.next_action = returnUrl
        ? {
            type: 'redirect_to_url',
            redirect_to_url: {
              url: `${url}&return_url=${encodeURIComponent(returnUrl)}`,
              return_url: returnUrl,
            },
          }
        : {
            type: 'use_stripe_sdk',
            use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: url, source: newId('src') },
          };
      emitEvent(ctx, 'payment_intent.requires_action', pi, request);
    }
  } else {
    charge(ctx, pi, pm, card?.behavior.kind === 'decline' ? card.behavior.declineCode : null, request);
  }
  ctx.changed();
  if (pi.status === 'requires_payment_method' && pi.last_payment_error) throw declineError(pi);
  return pi;
}

/** Completes or fails a pending 3-D Secure challenge (what the challenge dialog's buttons do). */
export function authenticate(
  ctx: Ctx,
  piId: string,
  outcome: 'complete' | 'fail',
  request: RequestInfo = AUTOMATIC,
): Stripe.PaymentIntent {
  const pi = getPaymentIntent(ctx, piId);
  const pmId = ctx.store.pendingAuth.get(pi.id);
  if (pi.status !== 'requires_action' || !pmId) {
    throw unexpectedState(
      `PaymentIntent ${pi.id} has no 3-D Secure challenge pending (status ${pi.status}).`,
      pi,
    );
  }
  ctx.store.pendingAuth.delete(pi.id);
  const pm = resolvePaymentMethod(ctx, pmId);
  if (outcome === 'fail') {
    pi.status = 'requires_payment_method';
    pi.next_action = null;
    pi.payment_method = null;
    pi.last_payment_error = {
      type: 'invalid_request_error',
      code: 'payment_intent_authentication_failure',
      doc_url: 'https://docs.stripe.com/error-codes/payment-intent-authentication-failure',
      message:
        'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
      payment_method: structuredClone(pm),
    };
    emitEvent(ctx, 'payment_intent.payment_failed', pi, request);
  } else {
    const card = cardByNumber(cardNumberOf(ctx, pm.id));
    const declines =
      card?.behavior.kind === 'three_d_secure' && card.behavior.afterAuth === 'decline_insufficient_funds';
    charge(ctx, pi, pm, declines ? 'insufficient_funds' : null, request);
  }
  ctx.changed();
  return pi;
}

function checkClientSecret(pi: Stripe.PaymentIntent, p: Params, auth: 'secret' | 'publishable'): void {
  if (auth === 'secret') return;
  const secret = optString(p, 'client_secret');
  if (!secret) throw authenticationError('A client_secret is required when using a publishable key.');
  if (secret !== pi.client_secret) {
    throw invalidRequest(
      `The client_secret provided does not match the client_secret associated with the PaymentIntent.`,
      {
        param: 'client_secret',
      },
    );
  }
}

function idFromClientSecretAware(ctx: Ctx, id: string): Stripe.PaymentIntent {
  return getPaymentIntent(ctx, id);
}

export function createPaymentIntent(ctx: Ctx, p: Params, request: RequestInfo): Stripe.PaymentIntent {
  const amount = reqInt(p, 'amount');
  const currency = reqString(p, 'currency').toLowerCase();
  checkAmount(amount, currency);
  const id = newId('pi');
  // `allowed_payment_method_types` in current API versions; `payment_method_types` in older ones.
  const allowed = optStringArray(p, 'allowed_payment_method_types');
  const types = optStringArray(p, 'payment_method_types') ?? allowed;
  const apm = optObject(p, 'automatic_payment_methods');
  if (types && apm && optBool(apm, 'enabled')) {
    throw invalidRequest(
      'You may only specify one of these parameters: automatic_payment_methods, payment_method_types.',
      {
        param: 'automatic_payment_methods',
      },
    );
  }
  const automatic = !types;
  const pi: Stripe.PaymentIntent = {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: allowed ?? null,
    amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: automatic ? { allow_redirects: 'always', enabled: true } : null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: `${id}_secret_${randomString(25)}`,
    confirmation_method: 'automatic',
    created: now(ctx),
    currency,
    customer: null,
    customer_account: null,
    description: null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: {},
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: automatic ? { id: 'pmc_emulator_default', parent: null } : null,
    payment_method_options: {
      card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' },
    },
    payment_method_types: types ?? ['card'],
    payment_record: null,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
  const connect = connectParams(ctx, pi, p, amount);
  applyCommon(ctx, pi, p);
  Object.assign(pi, connect);
  const pmId = optString(p, 'payment_method');
  if (pmId) {
    pi.payment_method = resolvePaymentMethod(ctx, pmId).id;
    pi.status = 'requires_confirmation';
  }
  ctx.store.paymentIntents.set(id, pi);
  emitEvent(ctx, 'payment_intent.created', pi, request);
  if (optBool(p, 'confirm')) {
    const confirmParams: Params = {};
    for (const k of ['payment_method_data', 'return_url', 'error_on_requires_action'] as const) {
      const v = p[k];
      if (v !== undefined) confirmParams[k] = v;
    }
    confirm(ctx, pi, confirmParams, request);
  }
  return pi;
}

export function cancelPaymentIntent(
  ctx: Ctx,
  pi: Stripe.PaymentIntent,
  p: Params,
  request: RequestInfo,
): Stripe.PaymentIntent {
  const cancellable = [
    'requires_payment_method',
    'requires_capture',
    'requires_confirmation',
    'requires_action',
    'processing',
  ];
  if (!cancellable.includes(pi.status)) {
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${cancellable.join(', ')}.`,
      pi,
    );
  }
  const reason = optString(p, 'cancellation_reason');
  if (reason !== undefined) {
    const found = CANCELLATION_REASONS.find((r) => r === reason);
    if (!found)
      throw invalidRequest(`Invalid cancellation_reason: ${reason}`, { param: 'cancellation_reason' });
    pi.cancellation_reason = found;
  }
  if (pi.status === 'requires_capture' && typeof pi.latest_charge === 'string') {
    const ch = getCharge(ctx, pi.latest_charge);
    const previous = { amount_refunded: ch.amount_refunded, refunded: ch.refunded };
    ch.amount_refunded = ch.amount;
    ch.refunded = true;
    emitEvent(ctx, 'charge.refunded', ch, request, previous);
  }
  ctx.store.pendingAuth.delete(pi.id);
  pi.status = 'canceled';
  pi.canceled_at = now(ctx);
  pi.next_action = null;
  pi.amount_capturable = 0;
  emitEvent(ctx, 'payment_intent.canceled', pi, request);
  return pi;
}

export const paymentIntentRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/payment_intents',
    handler: (ctx, { params, request }) => createPaymentIntent(ctx, params, request),
  },
  {
    method: 'GET',
    path: '/v1/payment_intents/:id',
    publishable: true,
    handler: (ctx, { path, params, auth }) => {
      const pi = idFromClientSecretAware(ctx, path.id ?? '');
      checkClientSecret(pi, params, auth);
      return pi;
    },
  },
  {
    method: 'POST',
    path: '/v1/payment_intents/:id',
    handler: (ctx, { path, params }) => {
      const pi = getPaymentIntent(ctx, path.id ?? '');
      assertUpdatable(pi, params);
      const amount = optInt(params, 'amount');
      const currency = optString(params, 'currency');
      const connect = connectParams(ctx, pi, params, amount ?? pi.amount);
      if (amount !== undefined) {
        checkAmount(amount, currency ?? pi.currency);
        pi.amount = amount;
      }
      if (currency) pi.currency = currency.toLowerCase();
      applyCommon(ctx, pi, params);
      Object.assign(pi, connect);
      const pmId = optString(params, 'payment_method');
      if (pmId) {
        pi.payment_method = resolvePaymentMethod(ctx, pmId).id;
        pi.status = 'requires_confirmation';
      }
      ctx.changed();
      return pi;
    },
  },
  {
    method: 'POST',
    path: '/v1/payment_intents/:id/confirm',
    publishable: true,
    handler: (ctx, { path, params, auth, request }) => {
      const pi = getPaymentIntent(ctx, path.id ?? '');
      checkClientSecret(pi, params, auth);
      return confirm(ctx, pi, params, request);
    },
  },
  {
    method: 'POST',
    path: '/v1/payment_intents/:id/cancel',
    handler: (ctx, { path, params, request }) =>
      cancelPaymentIntent(ctx, getPaymentIntent(ctx, path.id ?? ''), params, request),
  },
  {
    method: 'POST',
    path: '/v1/payment_intents/:id/capture',
    handler: (ctx, { path, params, request }) => {
      const pi = getPaymentIntent(ctx, path.id ?? '');
      if (pi.status !== 'requires_capture') {
        throw unexpectedState(
          `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
          pi,
        );
      }
      const amountToCapture = optInt(params, 'amount_to_capture') ?? pi.amount_capturable;
      if (amountToCapture > pi.amount_capturable || amountToCapture < 1) {
        throw invalidRequest(
          `The amount to capture (${amountToCapture}) must be between 1 and the amount capturable (${pi.amount_capturable}).`,
          { code: 'amount_too_large', param: 'amount_to_capture' },
        );
      }
      applyCommon(ctx, pi, params);
      if (typeof pi.latest_charge === 'string') {
        const ch = getCharge(ctx, pi.latest_charge);
        ch.captured = true;
        ch.amount_captured = amountToCapture;
        settleCharge(ctx, ch);
        settleDestination(ctx, pi, ch, request);
        emitEvent(ctx, 'charge.captured', ch, request, { captured: false, amount_captured: 0 });
      }
      pi.amount_received = amountToCapture;
      pi.amount_capturable = 0;
      pi.status = 'succeeded';
      emitEvent(ctx, 'payment_intent.succeeded', pi, request);
      return pi;
    },
  },
  {
    method: 'GET',
    path: '/v1/payment_intents',
    handler: (ctx, { params }) => {
      const customer = optString(params, 'customer');
      return paginate(
        '/v1/payment_intents',
        ctx.store.paymentIntents.values(),
        params,
        (pi) => !customer || pi.customer === customer,
      );
    },
  },
];
