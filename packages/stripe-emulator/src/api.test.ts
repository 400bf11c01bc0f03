import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './test-support.js';

let t: TestEmulator;
let stripe: Stripe;

beforeAll(async () => {
  t = await startTestEmulator();
  stripe = t.stripe;
});
afterAll(() => t.close());
beforeEach(() => t.emu.controls.reset());

async function stripeError(p: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Stripe.errors.StripeError) return e;
    throw e;
  }
  throw new Error('expected a Stripe error');
}

async function pay(paymentMethod: string, extra: Partial<Stripe.PaymentIntentCreateParams> = {}) {
  const pi = await stripe.paymentIntents.create({ amount: 2500, currency: 'usd', ...extra });
  return stripe.paymentIntents.confirm(pi.id, { payment_method: paymentMethod });
}

describe('auth and wire format', () => {
  it('accepts any sk_test key, rejects others with 401 in Stripe’s shape', async () => {
    const bad = new Stripe('sk_live_nope', { ...t.emu.stripeConfig, maxNetworkRetries: 0 });
    const err = await stripeError(bad.customers.list());
    expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(err.statusCode).toBe(401);
    expect(err.message).toMatch(/Invalid API Key/);

    const res = await fetch(`${t.emu.url}/v1/customers`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');

    const basic = await fetch(`${t.emu.url}/v1/customers`, {
      headers: { authorization: `Basic ${Buffer.from('sk_test_basic:').toString('base64')}` },
    });
    expect(basic.status).toBe(200);
  });

  it('sends Request-Id and echoes Stripe-Version', async () => {
    const res = await fetch(`${t.emu.url}/v1/customers`, {
      headers: { authorization: 'Bearer sk_test_x', 'stripe-version': '2024-06-20' },
    });
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    expect(res.headers.get('stripe-version')).toBe('2024-06-20');
  });

  it('refuses a publishable key on secret-only endpoints', async () => {
    const res = await fetch(`${t.emu.url}/v1/customers`, { headers: { authorization: 'Bearer pk_test_x' } });
    expect(res.status).toBe(401);
  });

  it('parses curl-style expand[] and nested metadata, and treats empty strings as null', async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      description: 'Course',
    });
    const body = new URLSearchParams();
    body.append('expand[]', 'latest_charge');
    body.append('metadata[a]', '1');
    body.append('metadata[b]', '2');
    body.append('description', '');
    const res = await fetch(`${t.emu.url}/v1/payment_intents/${pi.id}`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk_test_x', 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    const json = (await res.json()) as {
      metadata: Record<string, string>;
      description: null;
      latest_charge: { object: string };
    };
    expect(json.metadata).toEqual({ a: '1', b: '2' });
    expect(json.description).toBeNull();
    expect(json.latest_charge.object).toBe('charge');
    // unset one key via the SDK ('' → null)
    const updated = await stripe.paymentIntents.update(pi.id, { metadata: { a: '' } });
    expect(updated.metadata).toEqual({ b: '2' });
  });

  it('answers unknown ids with 404 resource_missing', async () => {
    const err = await stripeError(stripe.paymentIntents.retrieve('pi_missing'));
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe('resource_missing');
    expect(err.message).toBe("No such payment_intent: 'pi_missing'");
    expect((await stripeError(stripe.customers.retrieve('cus_nope'))).statusCode).toBe(404);
    expect((await stripeError(stripe.charges.retrieve('ch_nope'))).statusCode).toBe(404);
  });

  it('answers 429 when rate limiting is switched on', async () => {
    await fetch(`${t.emu.url}/_emulator/rate-limit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.emu.controlToken}` },
      body: JSON.stringify({ count: 1 }),
    });
    const err = await stripeError(stripe.customers.list());
    expect(err.statusCode).toBe(429);
    expect(err).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    await expect(stripe.customers.list()).resolves.toBeTruthy();
  });
});

describe('customers', () => {
  it('create, retrieve, update, list, delete', async () => {
    const c = await stripe.customers.create({
      email: 'ada@example.com',
      name: 'Ada',
      metadata: { userId: 'u1' },
    });
    expect(c.id).toMatch(/^cus_/);
    expect((await stripe.customers.retrieve(c.id)) as Stripe.Customer).toMatchObject({
      email: 'ada@example.com',
      name: 'Ada',
    });
    const u = await stripe.customers.update(c.id, { name: 'Ada L.', metadata: { plan: 'x' } });
    expect(u.name).toBe('Ada L.');
    expect(u.metadata).toEqual({ userId: 'u1', plan: 'x' });
    await stripe.customers.create({ email: 'bob@example.com' });
    const byEmail = await stripe.customers.list({ email: 'ada@example.com' });
    expect(byEmail.data.map((x) => x.id)).toEqual([c.id]);
    const del = await stripe.customers.del(c.id);
    expect(del.deleted).toBe(true);
  });

  it('answers a deleted customer as Stripe does: 200 with deleted: true', async () => {
    const c = await stripe.customers.create({ email: 'gone@example.com' });
    await stripe.customers.del(c.id);
    const res = await fetch(`${t.emu.url}/v1/customers/${c.id}`, {
      headers: { authorization: 'Bearer sk_test_x' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: c.id, object: 'customer', deleted: true });
    expect(await stripe.customers.retrieve(c.id)).toEqual({ id: c.id, object: 'customer', deleted: true });
    // Gone from lists, and a second delete is refused the way Stripe refuses it.
    expect((await stripe.customers.list({ email: 'gone@example.com' })).data).toEqual([]);
    expect((await stripeError(stripe.customers.update(c.id, { name: 'x' }))).statusCode).toBe(404);
    expect((await stripeError(stripe.customers.retrieve('cus_never'))).statusCode).toBe(404);
  });
});

describe('search endpoints', () => {
  it('answers /v1/*/search as an unrecognized URL instead of a missing object named "search"', async () => {
    for (const resource of ['payment_intents', 'customers', 'charges']) {
      const res = await fetch(
        `${t.emu.url}/v1/${resource}/search?query=${encodeURIComponent("status:'succeeded'")}`,
        {
          headers: { authorization: 'Bearer sk_test_x' },
        },
      );
      expect(res.status).toBe(404);
      const body = (await res.json()) as { error: { type: string; message: string; code?: string } };
      expect(body.error.type).toBe('invalid_request_error');
      expect(body.error.message).toMatch(/^Unrecognized request URL \(GET: \/v1\/\w+\/search\)/);
      expect(body.error.code).toBeUndefined();
    }
  });
});

describe('payment intents and test cards', () => {
  it('round-trips the fields the app sets', async () => {
    const customer = await stripe.customers.create({ email: 'l@example.com' });
    const pi = await stripe.paymentIntents.create({
      amount: 4900,
      currency: 'eur',
      customer: customer.id,
      description: 'Yoga course',
      receipt_email: 'l@example.com',
      metadata: { paymentId: 'pay_123', courseId: 'c1' },
      automatic_payment_methods: { enabled: true },
    });
    expect(pi).toMatchObject({
      object: 'payment_intent',
      status: 'requires_payment_method',
      amount: 4900,
      currency: 'eur',
      customer: customer.id,
      description: 'Yoga course',
      receipt_email: 'l@example.com',
      metadata: { paymentId: 'pay_123', courseId: 'c1' },
      automatic_payment_methods: { enabled: true },
      livemode: false,
    });
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_`));
    const cardOnly = await stripe.paymentIntents.create({
      amount: 100,
      currency: 'usd',
      allowed_payment_method_types: ['card'],
    });
    expect(cardOnly.payment_method_types).toEqual(['card']);
    expect(cardOnly.allowed_payment_method_types).toEqual(['card']);
    expect(cardOnly.automatic_payment_methods).toBeNull();
  });

  it.each([
    ['pm_card_visa', 'visa', '4242'],
    ['pm_card_mastercard', 'mastercard', '4444'],
  ])('%s succeeds with a charge carrying card details', async (pm, brand, last4) => {
    const pi = await pay(pm);
    expect(pi.status).toBe('succeeded');
    expect(pi.amount_received).toBe(2500);
    expect(pi.payment_method).toMatch(/^pm_/);
    const charge = await stripe.charges.retrieve(String(pi.latest_charge), {
      expand: ['balance_transaction'],
    });
    expect(charge).toMatchObject({
      status: 'succeeded',
      paid: true,
      captured: true,
      amount_refunded: 0,
      refunded: false,
      disputed: false,
      payment_intent: pi.id,
      payment_method_details: { card: { brand, last4 } },
    });
    expect(charge.receipt_url).toMatch(/\/receipts\/ch_/);
    expect(charge.balance_transaction).toMatchObject({
      object: 'balance_transaction',
      amount: 2500,
      fee: 103,
      net: 2397,
    });
    const receipt = await fetch(String(charge.receipt_url));
    expect(await receipt.text()).toContain('$25.00');
  });

  it('receipts show zero-decimal currencies in whole units', async () => {
    const pi = await t.stripe.paymentIntents.create({
      amount: 5000,
      currency: 'jpy',
      confirm: true,
      payment_method: 'pm_card_visa',
    });
    const charge = await t.stripe.charges.retrieve(String(pi.latest_charge));
    const receipt = await (await fetch(String(charge.receipt_url))).text();
    expect(receipt).toContain('¥5,000');
    expect(receipt).not.toContain('50.00');
  });

  it.each([
    ['pm_card_visa_chargeDeclined', 'generic_decline'],
    ['pm_card_chargeDeclined', 'generic_decline'],
    ['pm_card_visa_chargeDeclinedInsufficientFunds', 'insufficient_funds'],
  ])('%s declines: 402 card_error and last_payment_error on the intent', async (pm, declineCode) => {
    const created = await stripe.paymentIntents.create({ amount: 2500, currency: 'usd' });
    const err = await stripeError(stripe.paymentIntents.confirm(created.id, { payment_method: pm }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(err.statusCode).toBe(402);
    expect(err.code).toBe('card_declined');
    expect(err.decline_code).toBe(declineCode);
    expect(err.payment_intent?.status).toBe('requires_payment_method');
    const pi = await stripe.paymentIntents.retrieve(created.id);
    expect(pi.status).toBe('requires_payment_method');
    expect(pi.last_payment_error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: declineCode,
    });
    const charge = await stripe.charges.retrieve(String(pi.latest_charge));
    expect(charge).toMatchObject({ status: 'failed', failure_code: 'card_declined', paid: false });
    const types = t.emu.controls.events().map((e) => e.type);
    expect(types).toEqual(['payment_intent.created', 'charge.failed', 'payment_intent.payment_failed']);
    // A retry with a good card succeeds on the same intent.
    const retried = await stripe.paymentIntents.confirm(created.id, { payment_method: 'pm_card_visa' });
    expect(retried.status).toBe('succeeded');
    expect(retried.last_payment_error).toBeNull();
  });

  it.each(['pm_card_authenticationRequired'])(
    '%s requires 3-D Secure; completing it succeeds',
    async (pm) => {
      const pi = await pay(pm);
      expect(pi.status).toBe('requires_action');
      expect(pi.next_action?.type).toBe('use_stripe_sdk');
      const done = await t.emu.controls.authenticate(pi.id, 'complete');
      expect(done.status).toBe('succeeded');
      expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('succeeded');
    },
  );

  it('card 4000002500003155 requires 3-D Secure; failing it returns to requires_payment_method', async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 2500,
      currency: 'usd',
      confirm: true,
      payment_method_data: {
        type: 'card',
        card: { number: '4000002500003155', exp_month: 12, exp_year: 2034, cvc: '123' },
      },
      return_url: 'http://localhost:5173/done',
    } as Stripe.PaymentIntentCreateParams);
    expect(pi.status).toBe('requires_action');
    expect(pi.next_action?.redirect_to_url?.return_url).toBe('http://localhost:5173/done');
    const page = await fetch(String(pi.next_action?.redirect_to_url?.url));
    expect(await page.text()).toContain('Complete authentication');
    await t.emu.controls.authenticate(pi.id, 'fail');
    const after = await stripe.paymentIntents.retrieve(pi.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error?.code).toBe('payment_intent_authentication_failure');
    expect(t.emu.controls.events('payment_intent.payment_failed')).toHaveLength(1);
  });

  it('card 4000008260003178 authenticates and then declines with insufficient_funds', async () => {
    const pm = await fetch(`${t.emu.url}/v1/payment_methods`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer pk_test_browser',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'type=card&card[number]=4000008260003178&card[exp_month]=1&card[exp_year]=40&card[cvc]=999',
    }).then((r) => r.json() as Promise<Stripe.PaymentMethod>);
    expect(pm.card?.last4).toBe('3178');
    const pi = await pay(pm.id);
    expect(pi.status).toBe('requires_action');
    const after = await t.emu.controls.authenticate(pi.id, 'complete');
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error).toMatchObject({
      code: 'card_declined',
      decline_code: 'insufficient_funds',
    });
  });

  it('manual capture: requires_capture, then capture (full or partial)', async () => {
    const pi = await pay('pm_card_visa', { capture_method: 'manual' });
    expect(pi.status).toBe('requires_capture');
    expect(pi.amount_capturable).toBe(2500);
    const captured = await stripe.paymentIntents.capture(pi.id, { amount_to_capture: 2000 });
    expect(captured).toMatchObject({ status: 'succeeded', amount_received: 2000, amount_capturable: 0 });
    const charge = await stripe.charges.retrieve(String(captured.latest_charge));
    expect(charge).toMatchObject({ captured: true, amount_captured: 2000 });
    const err = await stripeError(stripe.paymentIntents.capture(pi.id));
    expect(err.code).toBe('payment_intent_unexpected_state');
    const types = t.emu.controls.events().map((e) => e.type);
    expect(types).toContain('payment_intent.amount_capturable_updated');
    expect(types).toContain('charge.captured');
  });

  it('cancel from allowed states only', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 900, currency: 'usd' });
    const canceled = await stripe.paymentIntents.cancel(pi.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    expect(canceled.canceled_at).toBeGreaterThan(0);
    const again = await stripeError(stripe.paymentIntents.cancel(pi.id));
    expect(again.code).toBe('payment_intent_unexpected_state');
    const done = await pay('pm_card_visa');
    const err = await stripeError(stripe.paymentIntents.cancel(done.id));
    expect(err.statusCode).toBe(400);
    expect(err.message).toMatch(/status of succeeded/);
    const confirmAgain = await stripeError(
      stripe.paymentIntents.confirm(done.id, { payment_method: 'pm_card_visa' }),
    );
    expect(confirmAgain.code).toBe('payment_intent_unexpected_state');
    const uncaptured = await pay('pm_card_visa', { capture_method: 'manual' });
    await stripe.paymentIntents.cancel(uncaptured.id);
    const released = await stripe.charges.retrieve(String(uncaptured.latest_charge));
    expect(released.refunded).toBe(true);
  });

  it('validates amounts, missing params and missing payment methods', async () => {
    expect((await stripeError(stripe.paymentIntents.create({ amount: 10, currency: 'usd' }))).code).toBe(
      'amount_too_small',
    );
    const missing = await stripeError(
      stripe.paymentIntents.create({ currency: 'usd' } as Stripe.PaymentIntentCreateParams),
    );
    expect(missing.code).toBe('parameter_missing');
    expect(missing.param).toBe('amount');
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    expect((await stripeError(stripe.paymentIntents.confirm(pi.id))).code).toBe(
      'payment_intent_unexpected_state',
    );
    expect(
      (await stripeError(stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_nope' }))).code,
    ).toBe('resource_missing');
  });

  it('expands latest_charge and payment_method; retrieves test payment methods', async () => {
    const pi = await pay('pm_card_visa');
    const expanded = await stripe.paymentIntents.retrieve(pi.id, {
      expand: ['latest_charge', 'payment_method'],
    });
    expect(typeof expanded.latest_charge).toBe('object');
    expect((expanded.payment_method as Stripe.PaymentMethod).card?.last4).toBe('4242');
    const pm = await stripe.paymentMethods.retrieve('pm_card_mastercard');
    expect(pm.card?.brand).toBe('mastercard');
    const listed = await stripe.paymentIntents.list({ expand: ['data.latest_charge'] });
    expect(typeof listed.data[0]?.latest_charge).toBe('object');
  });
});

describe('updating an open PaymentIntent’s amount (a promotion code applied at checkout)', () => {
  it('changes the amount until it is paid, charges the new amount, and refuses once it succeeded', async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 4900,
      currency: 'usd',
      metadata: { order: '1' },
    });
    const updated = await stripe.paymentIntents.update(
      pi.id,
      { amount: 3920, metadata: { promotionCode: 'LAUNCH20' } },
      { idempotencyKey: `amount:${pi.id}:3920` },
    );
    expect(updated).toMatchObject({
      id: pi.id,
      amount: 3920,
      status: 'requires_payment_method',
      metadata: { order: '1', promotionCode: 'LAUNCH20' },
    });
    // The same key again is a replay (Stripe answers the first response), not a second change.
    const replay = await stripe.paymentIntents.update(
      pi.id,
      { amount: 3920, metadata: { promotionCode: 'LAUNCH20' } },
      { idempotencyKey: `amount:${pi.id}:3920` },
    );
    expect(replay.amount).toBe(3920);
    // Below Stripe's minimum: refused, the amount stays.
    const small = await stripeError(stripe.paymentIntents.update(pi.id, { amount: 30 }));
    expect(small).toMatchObject({ code: 'amount_too_small', param: 'amount' });
    expect((await stripe.paymentIntents.retrieve(pi.id)).amount).toBe(3920);

    const paid = await stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
    expect(paid).toMatchObject({ status: 'succeeded', amount: 3920, amount_received: 3920 });
    const charge = await stripe.charges.retrieve(String(paid.latest_charge));
    expect(charge.amount).toBe(3920);
    const late = await stripeError(stripe.paymentIntents.update(pi.id, { amount: 4900 }));
    expect(late.code).toBe('payment_intent_unexpected_state');
    expect((await stripe.paymentIntents.retrieve(pi.id)).amount).toBe(3920);
  });

  it('a declined attempt leaves the PaymentIntent open, so its amount can still change', async () => {
    const declined = await stripeError(pay('pm_card_chargeDeclined'));
    expect(declined.code).toBe('card_declined');
    const [pi] = (await stripe.paymentIntents.list({ limit: 1 })).data;
    expect(pi?.status).toBe('requires_payment_method');
    const updated = await stripe.paymentIntents.update(pi?.id ?? '', { amount: 2000 });
    expect(updated.amount).toBe(2000);
  });
});

describe('refunds', () => {
  it('partial then full refund, over-refund and already-refunded errors', async () => {
    const pi = await pay('pm_card_visa');
    const r1 = await stripe.refunds.create({
      payment_intent: pi.id,
      amount: 1000,
      metadata: { reason: 'x' },
    });
    expect(r1).toMatchObject({
      object: 'refund',
      status: 'succeeded',
      amount: 1000,
      payment_intent: pi.id,
      metadata: { reason: 'x' },
    });
    let charge = await stripe.charges.retrieve(String(pi.latest_charge));
    expect(charge).toMatchObject({ amount_refunded: 1000, refunded: false });
    const over = await stripeError(stripe.refunds.create({ payment_intent: pi.id, amount: 2000 }));
    expect(over.code).toBe('amount_too_large');
    expect(over.message).toBe('Refund amount ($20.00) is greater than unrefunded amount on charge ($15.00)');
    const r2 = await stripe.refunds.create({ charge: charge.id });
    expect(r2.amount).toBe(1500);
    charge = await stripe.charges.retrieve(charge.id);
    expect(charge).toMatchObject({ amount_refunded: 2500, refunded: true });
    const again = await stripeError(stripe.refunds.create({ payment_intent: pi.id }));
    expect(again.code).toBe('charge_already_refunded');
    expect((await stripe.refunds.list({ payment_intent: pi.id })).data.map((r) => r.id)).toEqual([
      r2.id,
      r1.id,
    ]);
    expect((await stripe.refunds.retrieve(r1.id)).amount).toBe(1000);
    const unpaid = await stripe.paymentIntents.create({ amount: 900, currency: 'usd' });
    expect((await stripeError(stripe.refunds.create({ payment_intent: unpaid.id }))).statusCode).toBe(400);
  });

  it('pm_card_refundFail: refund starts succeeded, then fails with expired_or_canceled_card', async () => {
    const pi = await pay('pm_card_refundFail');
    const refund = await stripe.refunds.create({ payment_intent: pi.id });
    expect(refund.status).toBe('succeeded');
    t.emu.controls.advanceClock(5000);
    const after = await stripe.refunds.retrieve(refund.id);
    expect(after).toMatchObject({ status: 'failed', failure_reason: 'expired_or_canceled_card' });
    expect((await stripe.charges.retrieve(String(pi.latest_charge))).amount_refunded).toBe(0);
    const types = t.emu.controls.events().map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['refund.created', 'charge.refunded', 'refund.updated', 'refund.failed']),
    );
  });
});

describe('disputes', () => {
  it('pm_card_createDispute opens a dispute; evidence update, close, resolve', async () => {
    const pi = await pay('pm_card_createDispute');
    expect(pi.status).toBe('succeeded');
    expect((await stripe.disputes.list()).data).toHaveLength(0);
    t.emu.controls.advanceClock(5000);
    const [dispute] = (await stripe.disputes.list({ payment_intent: pi.id })).data;
    expect(dispute).toMatchObject({
      status: 'needs_response',
      charge: pi.latest_charge,
      amount: 2500,
      reason: 'fraudulent',
    });
    expect((await stripe.charges.retrieve(String(pi.latest_charge))).disputed).toBe(true);
    const updated = await stripe.disputes.update(dispute!.id, {
      evidence: { uncategorized_text: 'Learner attended all sessions' },
      submit: true,
    });
    expect(updated.status).toBe('under_review');
    expect(updated.evidence.uncategorized_text).toBe('Learner attended all sessions');
    const won = await t.emu.controls.resolveDispute(dispute!.id, 'won');
    expect(won.status).toBe('won');
    expect((await stripe.disputes.retrieve(dispute!.id)).status).toBe('won');

    const pi2 = await pay('pm_card_createDispute');
    t.emu.controls.advanceClock(5000);
    const [d2] = (await stripe.disputes.list({ payment_intent: pi2.id })).data;
    const closed = await stripe.disputes.close(d2!.id);
    expect(closed.status).toBe('lost');
    const types = t.emu.controls.events().map((e) => e.type);
    expect(types.filter((x) => x === 'charge.dispute.created')).toHaveLength(2);
    expect(types.filter((x) => x === 'charge.dispute.closed')).toHaveLength(2);
  });
});

describe('dispute evidence', () => {
  it('keeps a draft, submits once, refuses changes under review and past the due date, sends Stripe’s events', async () => {
    const pi = await pay('pm_card_createDispute');
    t.emu.controls.advanceClock(5000);
    const [dispute] = (await stripe.disputes.list({ payment_intent: pi.id })).data;
    expect(dispute!.evidence_details).toMatchObject({
      submission_count: 0,
      has_evidence: false,
      past_due: false,
    });
    expect(dispute!.evidence_details.due_by).toBe(dispute!.created + 7 * 86400);

    const draft = await stripe.disputes.update(
      dispute!.id,
      { evidence: { product_description: 'A course', service_date: '2026-11-01' } },
      { idempotencyKey: 'evidence-draft-1' },
    );
    expect(draft.status).toBe('needs_response');
    expect(draft.evidence).toMatchObject({ product_description: 'A course', service_date: '2026-11-01' });
    expect(draft.evidence_details).toMatchObject({ submission_count: 0, has_evidence: true });
    // A retry with the same key replays; nothing is applied twice.
    const replay = await stripe.disputes.update(
      dispute!.id,
      { evidence: { product_description: 'A course', service_date: '2026-11-01' } },
      { idempotencyKey: 'evidence-draft-1' },
    );
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');

    // An empty string clears a field; fields not sent are kept.
    const submitted = await stripe.disputes.update(dispute!.id, {
      evidence: { service_date: '', access_activity_log: 'logged in 3 times' },
      submit: true,
    });
    expect(submitted.status).toBe('under_review');
    expect(submitted.evidence).toMatchObject({
      product_description: 'A course',
      service_date: null,
      access_activity_log: 'logged in 3 times',
    });
    expect(submitted.evidence_details).toMatchObject({ submission_count: 1, submission_method: 'manual' });
    expect((await stripe.disputes.retrieve(dispute!.id)).evidence_details.submission_count).toBe(1);

    await expect(
      stripe.disputes.update(dispute!.id, { evidence: { uncategorized_text: 'more' }, submit: true }),
    ).rejects.toThrow(/already submitted/);
    expect((await stripe.disputes.retrieve(dispute!.id)).evidence_details.submission_count).toBe(1);

    t.emu.controls.resolveDispute(dispute!.id, 'won');
    const events = t.emu.controls
      .events()
      .filter((e) => (e.data.object as { id?: string }).id === dispute!.id);
    expect(events.map((e) => e.type)).toEqual([
      'charge.dispute.created',
      'charge.dispute.updated',
      'charge.dispute.updated',
      'charge.dispute.closed',
      'charge.dispute.funds_reinstated',
    ]);
    expect(events[2]!.data.previous_attributes).toMatchObject({ status: 'needs_response' });
    expect(events[1]!.request).toMatchObject({ idempotency_key: 'evidence-draft-1' });

    // Past the due date, evidence is refused.
    const late = await pay('pm_card_createDispute');
    t.emu.controls.advanceClock(5000);
    const [d2] = (await stripe.disputes.list({ payment_intent: late.id })).data;
    t.emu.controls.advanceClock(8 * 86_400_000);
    await expect(stripe.disputes.update(d2!.id, { evidence: { product_description: 'x' } })).rejects.toThrow(
      /due date/,
    );
    expect((await stripe.disputes.retrieve(d2!.id)).evidence_details.past_due).toBe(true);
  });
});

describe('idempotency', () => {
  it('replays the first response with Idempotent-Replayed', async () => {
    const key = 'order-1';
    const a = await stripe.paymentIntents.create({ amount: 1200, currency: 'usd' }, { idempotencyKey: key });
    const b = await stripe.paymentIntents.create({ amount: 1200, currency: 'usd' }, { idempotencyKey: key });
    expect(b.id).toBe(a.id);
    expect(b.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect((await stripe.paymentIntents.list()).data).toHaveLength(1);
    // A declined confirm replays the same 402.
    const pi = await stripe.paymentIntents.create({ amount: 1200, currency: 'usd' });
    const e1 = await stripeError(
      stripe.paymentIntents.confirm(
        pi.id,
        { payment_method: 'pm_card_chargeDeclined' },
        { idempotencyKey: 'c1' },
      ),
    );
    const e2 = await stripeError(
      stripe.paymentIntents.confirm(
        pi.id,
        { payment_method: 'pm_card_chargeDeclined' },
        { idempotencyKey: 'c1' },
      ),
    );
    expect(e2.statusCode).toBe(402);
    expect(e2.requestId).not.toBe(e1.requestId);
    expect(t.emu.controls.events('charge.failed')).toHaveLength(1);
  });

  it('rejects the same key with other parameters (400 idempotency_error)', async () => {
    await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'k2' });
    const err = await stripeError(
      stripe.customers.create({ email: 'b@example.com' }, { idempotencyKey: 'k2' }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err.statusCode).toBe(400);
    expect(err.type).toBe('StripeIdempotencyError');
  });

  it('answers 409 while the first request with the key is in flight', async () => {
    await fetch(`${t.emu.url}/_emulator/latency`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.emu.controlToken}` },
      body: JSON.stringify({ ms: 300 }),
    });
    const first = stripe.customers.create({ email: 'slow@example.com' }, { idempotencyKey: 'k3' });
    await new Promise((r) => setTimeout(r, 100));
    const err = await stripeError(
      stripe.customers.create({ email: 'slow@example.com' }, { idempotencyKey: 'k3' }),
    );
    expect(err.statusCode).toBe(409);
    expect(err.code).toBe('idempotency_key_in_use');
    const c = await first;
    expect((await stripe.customers.create({ email: 'slow@example.com' }, { idempotencyKey: 'k3' })).id).toBe(
      c.id,
    );
  });

  it('keys expire after 24 hours on the emulator clock', async () => {
    const a = await stripe.customers.create({ email: 'x@example.com' }, { idempotencyKey: 'k4' });
    t.emu.controls.advanceClock(24 * 3600 * 1000 + 1000);
    const b = await stripe.customers.create({ email: 'x@example.com' }, { idempotencyKey: 'k4' });
    expect(b.id).not.toBe(a.id);
  });

  it('does not save validation failures, so the key can be reused', async () => {
    await stripeError(
      stripe.paymentIntents.create({ currency: 'usd' } as Stripe.PaymentIntentCreateParams, {
        idempotencyKey: 'k5',
      }),
    );
    const ok = await stripe.paymentIntents
      .create({ currency: 'usd', amount: 500 }, { idempotencyKey: 'k5' })
      .catch((e) => e);
    // Parameters differ from the first attempt, yet the key was never saved.
    expect(ok.object).toBe('payment_intent');
  });
});

describe('lists', () => {
  it('newest first, limit, starting_after / ending_before, auto-pagination', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push((await stripe.customers.create({ name: `c${i}` })).id);
    const newestFirst = [...ids].reverse();
    const page1 = await stripe.customers.list({ limit: 10 });
    expect(page1).toMatchObject({ object: 'list', url: '/v1/customers', has_more: true });
    expect(page1.data.map((c) => c.id)).toEqual(newestFirst.slice(0, 10));
    const page2 = await stripe.customers.list({ limit: 10, starting_after: page1.data[9]!.id });
    expect(page2.data.map((c) => c.id)).toEqual(newestFirst.slice(10, 20));
    const back = await stripe.customers.list({ limit: 5, ending_before: page2.data[0]!.id });
    expect(back.data.map((c) => c.id)).toEqual(newestFirst.slice(5, 10));
    const all: string[] = [];
    for await (const c of stripe.customers.list({ limit: 7 })) all.push(c.id);
    expect(all).toEqual(newestFirst);
    expect((await stripe.customers.list()).data).toHaveLength(10);
    expect((await stripeError(stripe.customers.list({ limit: 101 }))).statusCode).toBe(400);
  });

  it('filters by created (gte / lte / gt / lt)', async () => {
    const early = await stripe.paymentIntents.create({ amount: 500, currency: 'usd' });
    t.emu.controls.advanceClock(3600 * 1000);
    const late = await stripe.paymentIntents.create({ amount: 600, currency: 'usd' });
    const since = await stripe.paymentIntents.list({ created: { gte: late.created } });
    expect(since.data.map((p) => p.id)).toEqual([late.id]);
    const before = await stripe.paymentIntents.list({ created: { lt: late.created } });
    expect(before.data.map((p) => p.id)).toEqual([early.id]);
    const window = await stripe.paymentIntents.list({
      created: { gt: early.created - 1, lte: early.created },
    });
    expect(window.data.map((p) => p.id)).toEqual([early.id]);
    const events = await stripe.events.list({
      created: { gte: late.created },
      type: 'payment_intent.created',
    });
    expect(events.data).toHaveLength(1);
    expect((events.data[0]!.data.object as Stripe.PaymentIntent).id).toBe(late.id);
    expect((await stripe.charges.list({ created: { gte: late.created } })).data).toHaveLength(0);
  });
});

describe('events and webhook endpoints', () => {
  it('events have Stripe’s envelope; retrieve and list by type', async () => {
    const pi = await pay('pm_card_visa');
    const list = await stripe.events.list({ type: 'payment_intent.succeeded' });
    expect(list.data).toHaveLength(1);
    const event = await stripe.events.retrieve(list.data[0]!.id);
    expect(event).toMatchObject({
      object: 'event',
      livemode: false,
      api_version: Stripe.API_VERSION,
      type: 'payment_intent.succeeded',
      data: { object: { id: pi.id, status: 'succeeded' } },
    });
    expect(event.request?.id).toMatch(/^req_/);
    expect(event.request?.idempotency_key).toMatch(/^stripe-node-retry-/);
    const refund = await stripe.refunds.create({ payment_intent: pi.id, amount: 100 });
    const refunded = await stripe.events.list({ type: 'charge.refunded' });
    expect(refunded.data[0]!.data.previous_attributes).toEqual({ amount_refunded: 0, refunded: false });
    expect(refund.id).toMatch(/^re_/);
    expect((await stripe.events.list({ types: ['charge.succeeded', 'refund.created'] })).data).toHaveLength(
      2,
    );
  });

  it('webhook endpoints: create returns the secret, list hides it, delete', async () => {
    const we = await stripe.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/hook',
      enabled_events: ['*'],
    });
    expect(we.secret).toMatch(/^whsec_/);
    const list = await stripe.webhookEndpoints.list();
    expect(list.data.map((w) => w.id)).toEqual([we.id]);
    expect(list.data[0]!.secret).toBeUndefined();
    const del = await stripe.webhookEndpoints.del(we.id);
    expect(del.deleted).toBe(true);
    expect((await stripe.webhookEndpoints.list()).data).toHaveLength(0);
  });
});
