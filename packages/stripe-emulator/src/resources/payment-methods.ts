import type Stripe from 'stripe';
import { brandOf, cardByNumber, cardByToken, luhnValid, type TestCard } from '../cards.js';
import { type Ctx, now, type Route } from '../context.js';
import { invalidRequest, resourceMissing, StripeApiError } from '../errors.js';
import { newId } from '../ids.js';
import { paginate } from '../list.js';
import { applyMetadata, optInt, optObject, optString, type Params, reqString } from '../params.js';

function buildCard(
  ctx: Ctx,
  id: string,
  number: string,
  brand: TestCard['brand'],
  funding: TestCard['funding'],
  card: Params,
  billing: Params | undefined,
): Stripe.PaymentMethod {
  const address = billing ? optObject(billing, 'address') : undefined;
  const postal = address ? (optString(address, 'postal_code') ?? null) : null;
  const pm: Stripe.PaymentMethod = {
    id,
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: {
      address: {
        city: address ? (optString(address, 'city') ?? null) : null,
        country: address ? (optString(address, 'country') ?? null) : null,
        line1: address ? (optString(address, 'line1') ?? null) : null,
        line2: address ? (optString(address, 'line2') ?? null) : null,
        postal_code: postal,
        state: address ? (optString(address, 'state') ?? null) : null,
      },
      email: billing ? (optString(billing, 'email') ?? null) : null,
      name: billing ? (optString(billing, 'name') ?? null) : null,
      phone: billing ? (optString(billing, 'phone') ?? null) : null,
      tax_id: null,
    },
    card: {
      brand,
      checks: {
        address_line1_check: null,
        address_postal_code_check: postal ? 'pass' : null,
        cvc_check: optString(card, 'cvc') ? 'pass' : null,
      },
      country: 'US',
      display_brand: brand,
      exp_month: optInt(card, 'exp_month') ?? 12,
      exp_year: optInt(card, 'exp_year') ?? new Date(ctx.scheduler.clock.now()).getUTCFullYear() + 3,
      fingerprint: `fp${number.slice(-8)}${brand.slice(0, 4)}`,
      funding,
      generated_from: null,
      last4: number.slice(-4),
      networks: { available: [brand], preferred: null },
      regulated_status: 'unregulated',
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: now(ctx),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: 'card',
  };
  ctx.store.paymentMethods.set(pm.id, pm);
  ctx.store.cardNumbers.set(pm.id, number);
  return pm;
}

function cardError(message: string, code: string, param: string): StripeApiError {
  return new StripeApiError(402, { type: 'card_error', code, message, param });
}

/** Creates a card PaymentMethod from `card[number]`… (what Stripe.js sends) or `card[token]`. */
export function createCardPaymentMethod(ctx: Ctx, p: Params, paramPrefix = ''): Stripe.PaymentMethod {
  const type = reqString(p, 'type');
  if (type !== 'card') {
    throw invalidRequest(`The emulator only supports card payment methods, got '${type}'.`, {
      param: `${paramPrefix}type`,
    });
  }
  const card = optObject(p, 'card');
  if (!card)
    throw invalidRequest('Missing required param: card.', {
      code: 'parameter_missing',
      param: `${paramPrefix}card`,
    });
  const billing = optObject(p, 'billing_details');
  const token = optString(card, 'token');
  if (token) {
    const known = cardByToken(token) ?? cardByToken(token.replace(/^tok_/, 'pm_card_'));
    if (!known) throw resourceMissing('token', token, `${paramPrefix}card[token]`);
    return buildCard(ctx, newId('pm'), known.number, known.brand, known.funding, card, billing);
  }
  const number = reqString(card, 'number').replace(/\s/g, '');
  const known = cardByNumber(number);
  if (!known && !luhnValid(number)) {
    throw cardError('Your card number is incorrect.', 'incorrect_number', `${paramPrefix}card[number]`);
  }
  const expMonth = optInt(card, 'exp_month');
  const expYear = optInt(card, 'exp_year');
  if (expMonth !== undefined && (expMonth < 1 || expMonth > 12)) {
    throw cardError(
      "Your card's expiration month is invalid.",
      'invalid_expiry_month',
      `${paramPrefix}card[exp_month]`,
    );
  }
  if (expYear !== undefined) {
    const fullYear = expYear < 100 ? 2000 + expYear : expYear;
    const nowDate = new Date(ctx.scheduler.clock.now());
    const expired =
      fullYear < nowDate.getUTCFullYear() ||
      (fullYear === nowDate.getUTCFullYear() &&
        expMonth !== undefined &&
        expMonth < nowDate.getUTCMonth() + 1);
    if (expired)
      throw cardError(
        "Your card's expiration year is in the past.",
        'invalid_expiry_year',
        `${paramPrefix}card[exp_year]`,
      );
    card.exp_year = String(fullYear);
  }
  const cvc = optString(card, 'cvc');
  if (cvc !== undefined && !/^\d{3,4}$/.test(cvc)) {
    throw cardError("Your card's security code is invalid.", 'invalid_cvc', `${paramPrefix}card[cvc]`);
  }
  return buildCard(
    ctx,
    newId('pm'),
    number,
    known?.brand ?? brandOf(number),
    known?.funding ?? 'credit',
    card,
    billing,
  );
}

/**
 * Resolves a PaymentMethod id: a stored one, or a `pm_card_*` test token (a fresh PaymentMethod
 * is created for the token each time it is used in a payment, as Stripe does).
 */
export function resolvePaymentMethod(
  ctx: Ctx,
  id: string,
  param = 'payment_method',
  materialize = true,
): Stripe.PaymentMethod {
  const stored = ctx.store.paymentMethods.get(id);
  if (stored) return stored;
  const card = cardByToken(id);
  if (!card) throw resourceMissing('PaymentMethod', id, param);
  const pmId = materialize ? newId('pm') : id;
  return buildCard(
    ctx,
    pmId,
    card.number,
    card.brand,
    card.funding,
    { exp_month: '12', exp_year: '2034', cvc: '123' },
    undefined,
  );
}

export function cardNumberOf(ctx: Ctx, pmId: string): string {
  return ctx.store.cardNumbers.get(pmId) ?? '4242424242424242';
}

export const paymentMethodRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/payment_methods',
    publishable: true,
    handler: (ctx, { params }) => {
      const pm = createCardPaymentMethod(ctx, params);
      pm.metadata = applyMetadata(pm.metadata, params);
      return pm;
    },
  },
  {
    method: 'GET',
    path: '/v1/payment_methods/:id',
    handler: (ctx, { path }) => resolvePaymentMethod(ctx, path.id ?? '', 'id', false),
  },
  {
    method: 'POST',
    path: '/v1/payment_methods/:id',
    handler: (ctx, { path, params }) => {
      const pm = resolvePaymentMethod(ctx, path.id ?? '', 'id', false);
      pm.metadata = applyMetadata(pm.metadata, params);
      return pm;
    },
  },
  {
    method: 'POST',
    path: '/v1/payment_methods/:id/attach',
    handler: (ctx, { path, params }) => {
      const pm = resolvePaymentMethod(ctx, path.id ?? '', 'id');
      const customer = reqString(params, 'customer');
      if (!ctx.store.customers.has(customer)) throw resourceMissing('customer', customer, 'customer');
      pm.customer = customer;
      return pm;
    },
  },
  {
    method: 'POST',
    path: '/v1/payment_methods/:id/detach',
    handler: (ctx, { path }) => {
      const pm = resolvePaymentMethod(ctx, path.id ?? '', 'id', false);
      pm.customer = null;
      return pm;
    },
  },
  {
    method: 'GET',
    path: '/v1/payment_methods',
    handler: (ctx, { params }) => {
      const customer = optString(params, 'customer');
      return paginate(
        '/v1/payment_methods',
        ctx.store.paymentMethods.values(),
        params,
        (pm) => !customer || pm.customer === customer,
      );
    },
  },
];
