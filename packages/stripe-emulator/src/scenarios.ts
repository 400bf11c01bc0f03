import type { Ctx, RequestInfo } from './context.js';
import { StripeApiError } from './errors.js';
import { newId } from './ids.js';
import type { Params } from './params.js';
import { completeOnboarding, createAccount } from './resources/accounts.js';
import { openDispute } from './resources/disputes.js';
import { cancelPaymentIntent, confirm, createPaymentIntent } from './resources/payment-intents.js';
import { refundRoutes } from './resources/refunds.js';

export interface ScenarioResult {
  scenario: string;
  /** Ids of the objects the scenario created, by kind. */
  objects: Record<string, string>;
}

const BASE: Params = { amount: '2000', currency: 'usd', description: '(created by emulator trigger)' };

function request(): RequestInfo {
  return { id: newId('req'), idempotency_key: null };
}

function pay(ctx: Ctx, paymentMethod: string, extra: Params = {}) {
  const req = request();
  const pi = createPaymentIntent(ctx, { ...BASE, ...extra }, req);
  try {
    confirm(ctx, pi, { payment_method: paymentMethod }, req);
  } catch (e) {
    if (!(e instanceof StripeApiError) || e.statusCode !== 402) throw e;
  }
  return pi;
}

async function refund(ctx: Ctx, chargeId: string): Promise<string> {
  const route = refundRoutes.find((r) => r.method === 'POST' && r.path === '/v1/refunds');
  if (!route) throw new Error('refund route missing');
  const result = await route.handler(ctx, {
    params: { charge: chargeId },
    path: {},
    auth: 'secret',
    request: request(),
    account: null,
  });
  return 'id' in result && typeof result.id === 'string' ? result.id : '';
}

/** What `stripe trigger <event>` does: creates the objects whose changes produce that event. */
export const SCENARIOS: Record<string, (ctx: Ctx) => Promise<Record<string, string>>> = {
  'payment_intent.created': async (ctx) => ({ payment_intent: createPaymentIntent(ctx, BASE, request()).id }),
  'payment_intent.succeeded': async (ctx) => {
    const pi = pay(ctx, 'pm_card_visa');
    return { payment_intent: pi.id, charge: String(pi.latest_charge) };
  },
  'payment_intent.payment_failed': async (ctx) => {
    const pi = pay(ctx, 'pm_card_visa_chargeDeclined');
    return { payment_intent: pi.id, charge: String(pi.latest_charge) };
  },
  'payment_intent.requires_action': async (ctx) => ({
    payment_intent: pay(ctx, 'pm_card_authenticationRequired').id,
  }),
  'payment_intent.canceled': async (ctx) => {
    const pi = createPaymentIntent(ctx, BASE, request());
    cancelPaymentIntent(ctx, pi, { cancellation_reason: 'requested_by_customer' }, request());
    return { payment_intent: pi.id };
  },
  'payment_intent.amount_capturable_updated': async (ctx) => {
    const pi = pay(ctx, 'pm_card_visa', { capture_method: 'manual' });
    return { payment_intent: pi.id, charge: String(pi.latest_charge) };
  },
  'charge.succeeded': async (ctx) => SCENARIOS['payment_intent.succeeded']!(ctx),
  'charge.failed': async (ctx) => SCENARIOS['payment_intent.payment_failed']!(ctx),
  'charge.refunded': async (ctx) => {
    const pi = pay(ctx, 'pm_card_visa');
    const charge = String(pi.latest_charge);
    return { payment_intent: pi.id, charge, refund: await refund(ctx, charge) };
  },
  'refund.created': async (ctx) => SCENARIOS['charge.refunded']!(ctx),
  'refund.failed': async (ctx) => {
    const pi = pay(ctx, 'pm_card_refundFail');
    const charge = String(pi.latest_charge);
    return { payment_intent: pi.id, charge, refund: await refund(ctx, charge) };
  },
  'charge.dispute.created': async (ctx) => {
    const pi = pay(ctx, 'pm_card_visa');
    const charge = String(pi.latest_charge);
    const dispute = openDispute(ctx, charge, request());
    return { payment_intent: pi.id, charge, dispute: dispute?.id ?? '' };
  },
  'account.updated': async (ctx) => {
    const account = createAccount(ctx, { type: 'express', email: 'jenny.rosen@example.com' });
    completeOnboarding(ctx, account.id, undefined, request());
    return { account: account.id };
  },
  'transfer.created': async (ctx) => {
    const account = createAccount(ctx, { type: 'express' });
    completeOnboarding(ctx, account.id, undefined, request());
    const pi = pay(ctx, 'pm_card_visa', {
      application_fee_amount: '200',
      transfer_data: { destination: account.id },
    });
    const charge = ctx.store.charges.get(String(pi.latest_charge));
    return {
      account: account.id,
      payment_intent: pi.id,
      charge: String(pi.latest_charge),
      transfer: String(charge?.transfer ?? ''),
      application_fee: String(charge?.application_fee ?? ''),
    };
  },
  'application_fee.created': async (ctx) => SCENARIOS['transfer.created']!(ctx),
  'customer.created': async (ctx) => {
    const { customerRoutes } = await import('./resources/customers.js');
    const route = customerRoutes.find((r) => r.method === 'POST' && r.path === '/v1/customers');
    if (!route) throw new Error('customer route missing');
    const c = await route.handler(ctx, {
      params: { email: 'jenny.rosen@example.com', name: 'Jenny Rosen' },
      path: {},
      auth: 'secret',
      request: request(),
      account: null,
    });
    return { customer: 'id' in c && typeof c.id === 'string' ? c.id : '' };
  },
};
