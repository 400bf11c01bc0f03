import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmulatorControls } from './client.js';
import { type Receiver, startReceiver, startTestEmulator, type TestEmulator } from './test-support.js';

const DAY_MS = 86_400_000;

let t: TestEmulator;
let stripe: Stripe;
let platformHook: Receiver;
let connectHook: Receiver;

beforeAll(async () => {
  platformHook = await startReceiver('whsec_platform');
  connectHook = await startReceiver('whsec_connect');
  t = await startTestEmulator({
    webhooks: [
      { url: platformHook.url, secret: platformHook.secret },
      { url: connectHook.url, secret: connectHook.secret, connect: true },
    ],
  });
  stripe = t.stripe;
});
afterAll(async () => {
  await t.close();
  await platformHook.close();
  await connectHook.close();
});
beforeEach(() => {
  t.emu.controls.reset();
  platformHook.received.length = 0;
  connectHook.received.length = 0;
});

async function stripeError(p: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Stripe.errors.StripeError) return e;
    throw e;
  }
  throw new Error('expected a Stripe error');
}

function express(extra: Stripe.AccountCreateParams = {}) {
  return stripe.accounts.create({
    type: 'express',
    country: 'US',
    email: 'specialist@example.com',
    capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
    ...extra,
  });
}

async function onboarded(bankAccountNumber?: string) {
  const account = await express();
  return t.emu.controls.completeOnboarding(account.id, bankAccountNumber);
}

/** A destination charge of `amount` with `fee` to `destination`, paid with 4242. */
function destinationCharge(destination: string, amount: number, fee: number, paymentMethod = 'pm_card_visa') {
  return stripe.paymentIntents.create({
    amount,
    currency: 'usd',
    payment_method: paymentMethod,
    confirm: true,
    application_fee_amount: fee,
    transfer_data: { destination },
  });
}

function amountOf(list: { amount: number; currency: string }[], currency = 'usd'): number {
  return list.find((b) => b.currency === currency)?.amount ?? 0;
}

describe('Express accounts', () => {
  it('creates an account that must onboard before it can take charges or be paid', async () => {
    const account = await express({ metadata: { specialist: 'sp_1' } });
    expect(account.id).toMatch(/^acct_/);
    expect(account.type).toBe('express');
    expect(account.charges_enabled).toBe(false);
    expect(account.payouts_enabled).toBe(false);
    expect(account.details_submitted).toBe(false);
    expect(account.requirements?.currently_due).toContain('external_account');
    expect(account.requirements?.disabled_reason).toBe('requirements.past_due');
    expect(account.settings?.payouts?.schedule).toEqual({ delay_days: 2, interval: 'daily' });
    expect(account.default_currency).toBe('usd');
    expect(account.metadata).toEqual({ specialist: 'sp_1' });

    const again = await stripe.accounts.retrieve(account.id);
    expect(again).toEqual(account);
    const list = await stripe.accounts.list({ limit: 10 });
    expect(list.data.map((a) => a.id)).toEqual([account.id]);
  });

  it('refuses what the emulator (or Stripe) does not allow, naming the parameter', async () => {
    const standard = await stripeError(stripe.accounts.create({ type: 'standard' }));
    expect(standard.statusCode).toBe(400);
    expect(standard.param).toBe('type');
    const account = await express();
    const delay = await stripeError(
      stripe.accounts.update(account.id, { settings: { payouts: { schedule: { delay_days: 1 } } } }),
    );
    expect(delay.param).toBe('settings[payouts][schedule][delay_days]');
    const missing = await stripeError(stripe.accounts.retrieve('acct_nope'));
    expect(missing.statusCode).toBe(404);
    expect(missing.code).toBe('resource_missing');
  });

  it('updates the payout schedule and sends account.updated to Connect endpoints only, with `account`', async () => {
    const account = await express();
    const updated = await stripe.accounts.update(account.id, {
      email: 'new@example.com',
      settings: { payouts: { schedule: { interval: 'weekly', weekly_anchor: 'friday', delay_days: 7 } } },
    });
    expect(updated.settings?.payouts?.schedule).toEqual({
      delay_days: 7,
      interval: 'weekly',
      weekly_anchor: 'friday',
    });
    const [received] = await connectHook.waitFor(1);
    expect(received?.event.type).toBe('account.updated');
    expect(received?.event.account).toBe(account.id);
    expect(received?.event.data.previous_attributes).toMatchObject({ email: 'specialist@example.com' });
    await t.emu.controls.idle();
    expect(platformHook.received.map((r) => r.event.type)).not.toContain('account.updated');
    // The event is listed with the account's Stripe-Account header, not on the platform.
    const own = await stripe.events.list({ type: 'account.updated' }, { stripeAccount: account.id });
    expect(own.data).toHaveLength(1);
    expect((await stripe.events.list({ type: 'account.updated' })).data).toHaveLength(0);
  });

  it('answers the Stripe-Account header of an unknown account with 403, and refuses it where unsupported', async () => {
    const unknown = await stripeError(stripe.balance.retrieve({}, { stripeAccount: 'acct_unknown' }));
    expect(unknown).toBeInstanceOf(Stripe.errors.StripePermissionError);
    expect(unknown.code).toBe('account_invalid');
    const account = await express();
    const unsupported = await stripeError(stripe.customers.list({}, { stripeAccount: account.id }));
    expect(unsupported.statusCode).toBe(400);
    expect(unsupported.message).toMatch(/Stripe-Account/);
    expect((await stripe.accounts.retrieveCurrent({}, { stripeAccount: account.id })).id).toBe(account.id);
  });
});

describe('account links and the onboarding page', () => {
  async function link(accountId: string) {
    return stripe.accountLinks.create({
      account: accountId,
      type: 'account_onboarding',
      refresh_url: 'http://127.0.0.1:1/refresh',
      return_url: 'http://127.0.0.1:1/return',
    });
  }

  it('shows real buttons; "Complete onboarding" enables the account and returns to return_url', async () => {
    const account = await express();
    const created = await link(account.id);
    expect(created.object).toBe('account_link');
    expect(created.expires_at - created.created).toBe(300);
    const pageRes = await fetch(created.url, { redirect: 'manual' });
    expect(pageRes.status).toBe(200);
    const html = await pageRes.text();
    expect(html).toContain('<button type="submit">Complete onboarding</button>');
    expect(html).toContain('<button type="submit">Leave incomplete</button>');
    expect(html).toMatch(/<label for="account_number">/);

    const done = await fetch(created.url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'complete', account_number: '000123456789' }),
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('http://127.0.0.1:1/return');
    const after = await stripe.accounts.retrieve(account.id);
    expect(after.details_submitted).toBe(true);
    expect(after.charges_enabled).toBe(true);
    expect(after.payouts_enabled).toBe(true);
    expect(after.requirements?.currently_due).toEqual([]);
    expect(after.requirements?.disabled_reason).toBeNull();
    expect(after.capabilities).toEqual({ card_payments: 'active', transfers: 'active' });
    expect(after.external_accounts?.data[0]).toMatchObject({ object: 'bank_account', last4: '6789' });

    const [event] = await connectHook.waitFor(1);
    expect(event?.event.type).toBe('account.updated');
    expect(event?.event.data.previous_attributes).toMatchObject({
      charges_enabled: false,
      details_submitted: false,
    });

    // Single use: opening it again goes to refresh_url.
    const reopened = await fetch(created.url, { redirect: 'manual' });
    expect(reopened.status).toBe(303);
    expect(reopened.headers.get('location')).toBe('http://127.0.0.1:1/refresh');
  });

  it('"Leave incomplete" returns without enabling anything; an expired link goes to refresh_url', async () => {
    const account = await express();
    const first = await link(account.id);
    await fetch(first.url);
    const left = await fetch(first.url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'incomplete' }),
    });
    expect(left.headers.get('location')).toBe('http://127.0.0.1:1/return');
    expect((await stripe.accounts.retrieve(account.id)).charges_enabled).toBe(false);

    const second = await link(account.id);
    t.emu.controls.advanceClock(301_000);
    const expired = await fetch(second.url, { redirect: 'manual' });
    expect(expired.status).toBe(303);
    expect(expired.headers.get('location')).toBe('http://127.0.0.1:1/refresh');
  });

  it('validates account links as Stripe does', async () => {
    const account = await express();
    const noReturn = await stripeError(
      stripe.accountLinks.create({
        account: account.id,
        type: 'account_onboarding',
        refresh_url: 'http://x.test/r',
      }),
    );
    expect(noReturn.param).toBe('return_url');
    const update = await stripeError(
      stripe.accountLinks.create({
        account: account.id,
        type: 'account_update',
        refresh_url: 'http://x.test/r',
        return_url: 'http://x.test/r',
      }),
    );
    expect(update.param).toBe('type');
    const missing = await stripeError(
      stripe.accountLinks.create({
        account: 'acct_missing',
        type: 'account_onboarding',
        refresh_url: 'http://x.test/r',
        return_url: 'http://x.test/r',
      }),
    );
    expect(missing.code).toBe('resource_missing');
  });
});

describe('destination charges', () => {
  it('creates the charge, a transfer, an application fee and both ledgers', async () => {
    const account = await onboarded();
    const pi = await destinationCharge(account.id, 10_000, 1_000);
    expect(pi.status).toBe('succeeded');
    expect(pi.application_fee_amount).toBe(1_000);
    expect(pi.transfer_data).toEqual({ destination: account.id });

    const charge = await stripe.charges.retrieve(String(pi.latest_charge), {
      expand: ['transfer', 'application_fee'],
    });
    const transfer = charge.transfer as Stripe.Transfer;
    const fee = charge.application_fee as Stripe.ApplicationFee;
    expect(transfer).toMatchObject({
      object: 'transfer',
      amount: 10_000,
      destination: account.id,
      source_transaction: charge.id,
      amount_reversed: 0,
    });
    expect(fee).toMatchObject({
      object: 'application_fee',
      amount: 1_000,
      account: account.id,
      charge: transfer.destination_payment,
      originating_transaction: charge.id,
    });
    expect(charge.application_fee_amount).toBe(1_000);
    expect(charge.transfer_data?.destination).toBe(account.id);

    // Platform ledger: the charge, the transfer out, the fee back in.
    const platform = await stripe.balanceTransactions.list({ limit: 10 });
    const byType = Object.fromEntries(platform.data.map((b) => [b.type, b]));
    expect(byType.charge?.amount).toBe(10_000);
    expect(byType.transfer?.amount).toBe(-10_000);
    expect(byType.application_fee?.amount).toBe(1_000);
    expect(platform.data).toHaveLength(3);

    // Connected ledger: one payment of the full amount with the application fee taken out.
    const own = await stripe.balanceTransactions.list({}, { stripeAccount: account.id });
    expect(own.data).toHaveLength(1);
    expect(own.data[0]).toMatchObject({
      type: 'payment',
      amount: 10_000,
      fee: 1_000,
      net: 9_000,
      status: 'pending',
      source: transfer.destination_payment,
    });
    expect(own.data[0]?.fee_details[0]).toMatchObject({ type: 'application_fee', amount: 1_000 });
    const balance = await stripe.balance.retrieve({}, { stripeAccount: account.id });
    expect(amountOf(balance.pending)).toBe(9_000);
    expect(amountOf(balance.available)).toBe(0);

    // The payment is the connected account's: visible with its header only.
    const py = await stripe.charges.retrieve(
      String(transfer.destination_payment),
      {},
      { stripeAccount: account.id },
    );
    expect(py).toMatchObject({ amount: 10_000, source_transfer: transfer.id });
    const hidden = await stripeError(stripe.charges.retrieve(String(transfer.destination_payment)));
    expect(hidden.statusCode).toBe(404);
    const notOurs = await stripeError(
      stripe.refunds.create({ charge: String(transfer.destination_payment) }),
    );
    expect(notOurs.code).toBe('resource_missing');

    await platformHook.waitFor(5);
    const types = platformHook.received.map((r) => r.event.type);
    expect(types).toEqual(
      expect.arrayContaining(['transfer.created', 'application_fee.created', 'charge.succeeded']),
    );
    expect(platformHook.received.every((r) => r.event.account === undefined)).toBe(true);
  });

  it('creates the transfer on capture for manual capture', async () => {
    const account = await onboarded();
    const pi = await stripe.paymentIntents.create({
      amount: 5_000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      capture_method: 'manual',
      application_fee_amount: 500,
      transfer_data: { destination: account.id },
    });
    expect((await stripe.transfers.list()).data).toHaveLength(0);
    await stripe.paymentIntents.capture(pi.id, { amount_to_capture: 4_000 });
    const [transfer] = (await stripe.transfers.list({ destination: account.id })).data;
    expect(transfer?.amount).toBe(4_000);
    const balance = await stripe.balance.retrieve({}, { stripeAccount: account.id });
    expect(amountOf(balance.pending)).toBe(3_500);
  });

  it('refuses what Stripe refuses', async () => {
    const notOnboarded = await express();
    const ready = await onboarded();
    const tooBig = await stripeError(destinationCharge(ready.id, 1_000, 1_001));
    expect(tooBig.param).toBe('application_fee_amount');
    const noSuch = await stripeError(destinationCharge('acct_missing', 1_000, 100));
    expect(noSuch.statusCode).toBe(400);
    expect(noSuch.code).toBe('resource_missing');
    expect(noSuch.message).toBe("No such destination: 'acct_missing'");
    const notReady = await stripeError(destinationCharge(notOnboarded.id, 1_000, 100));
    expect(notReady.code).toBe('insufficient_capabilities_for_transfer');
    expect(notReady.param).toBe('transfer_data[destination]');
    const feeAlone = await stripeError(
      stripe.paymentIntents.create({ amount: 1_000, currency: 'usd', application_fee_amount: 100 }),
    );
    expect(feeAlone.message).toMatch(/^Can only apply an application_fee_amount/);
    // Nothing was half-written.
    expect((await stripe.paymentIntents.list()).data).toHaveLength(0);
  });

  it('refunds reverse the transfer and refund the fee in proportion, the rest on the last refund', async () => {
    const account = await onboarded();
    const pi = await destinationCharge(account.id, 10_000, 1_000);
    const partial = await stripe.refunds.create({
      payment_intent: pi.id,
      amount: 2_500,
      reverse_transfer: true,
      refund_application_fee: true,
    });
    expect(partial.transfer_reversal).toMatch(/^trr_/);
    const charge = await stripe.charges.retrieve(String(pi.latest_charge));
    const transfer = await stripe.transfers.retrieve(String(charge.transfer));
    expect(transfer.amount_reversed).toBe(2_500);
    expect(transfer.reversed).toBe(false);
    expect(transfer.reversals.data[0]).toMatchObject({ amount: 2_500, source_refund: partial.id });
    const fee = await stripe.applicationFees.retrieve(String(charge.application_fee));
    expect(fee.amount_refunded).toBe(250);
    let balance = await stripe.balance.retrieve({}, { stripeAccount: account.id });
    // 9 000 pending, −2 500 reversed and +250 fee back, both immediately.
    expect(amountOf(balance.pending)).toBe(9_000);
    expect(amountOf(balance.available)).toBe(-2_250);

    await stripe.refunds.create({
      payment_intent: pi.id,
      reverse_transfer: true,
      refund_application_fee: true,
    });
    const fullTransfer = await stripe.transfers.retrieve(transfer.id);
    expect(fullTransfer.amount_reversed).toBe(10_000);
    expect(fullTransfer.reversed).toBe(true);
    const fullFee = await stripe.applicationFees.retrieve(fee.id);
    expect(fullFee).toMatchObject({ amount_refunded: 1_000, refunded: true });
    balance = await stripe.balance.retrieve({}, { stripeAccount: account.id });
    expect(amountOf(balance.pending) + amountOf(balance.available)).toBe(0);
    const feeRefunds = await stripe.applicationFees.listRefunds(fee.id);
    expect(feeRefunds.data.map((r) => r.amount)).toEqual([750, 250]);

    const own = await stripe.balanceTransactions.list(
      { type: 'payment_refund' },
      { stripeAccount: account.id },
    );
    expect(own.data.map((b) => b.amount)).toEqual([-7_500, -2_500]);
    await platformHook.waitFor(1);
    await t.emu.controls.idle();
    const types = platformHook.received.map((r) => r.event.type);
    expect(types.filter((x) => x === 'transfer.reversed')).toHaveLength(2);
    expect(types.filter((x) => x === 'application_fee.refunded')).toHaveLength(2);
  });

  it('a refund without reverse_transfer leaves the connected account paid; the platform bears it', async () => {
    const account = await onboarded();
    const pi = await destinationCharge(account.id, 10_000, 1_000);
    const refund = await stripe.refunds.create({ payment_intent: pi.id });
    expect(refund.transfer_reversal).toBeNull();
    const balance = await stripe.balance.retrieve({}, { stripeAccount: account.id });
    expect(amountOf(balance.pending)).toBe(9_000);
  });

  it('a dispute on a destination charge debits the platform, not the connected account', async () => {
    const account = await onboarded();
    await destinationCharge(account.id, 10_000, 1_000, 'pm_card_createDispute');
    t.emu.controls.advanceClock(10_000);
    const [dispute] = (await stripe.disputes.list()).data;
    expect(dispute?.amount).toBe(10_000);
    const platform = await stripe.balanceTransactions.list({ type: 'adjustment' });
    expect(platform.data[0]).toMatchObject({ amount: -10_000, reporting_category: 'dispute' });
    const own = await stripe.balanceTransactions.list({}, { stripeAccount: account.id });
    expect(own.data.map((b) => b.type)).toEqual(['payment']);
  });
});

describe('balances and payouts on the emulator clock', () => {
  it('pending becomes available after delay_days, is paid out at midnight, and the payout lists its payments', async () => {
    const account = await onboarded();
    const pi = await destinationCharge(account.id, 10_000, 1_000);
    const charge = await stripe.charges.retrieve(String(pi.latest_charge));
    const transfer = await stripe.transfers.retrieve(String(charge.transfer));

    t.emu.controls.advanceClock(DAY_MS);
    let balance = await stripe.balance.retrieve({}, { stripeAccount: account.id });
    expect(amountOf(balance.pending)).toBe(9_000);
    expect((await stripe.payouts.list({}, { stripeAccount: account.id })).data).toHaveLength(0);

    t.emu.controls.advanceClock(DAY_MS);
    const [payout] = (await stripe.payouts.list({}, { stripeAccount: account.id })).data;
    expect(payout).toMatchObject({ amount: 9_000, currency: 'usd', automatic: true, status: 'pending' });
    expect(payout?.destination).toBe(account.external_accounts?.data[0]?.id);
    balance = await stripe.balance.retrieve({}, { stripeAccount: account.id });
    expect(amountOf(balance.pending)).toBe(0);
    expect(amountOf(balance.available)).toBe(0);

    const contents = await stripe.balanceTransactions.list(
      { payout: payout?.id ?? '' },
      { stripeAccount: account.id },
    );
    expect(contents.data.map((b) => [b.type, b.source])).toEqual([
      ['payout', payout?.id],
      ['payment', transfer.destination_payment],
    ]);

    // From a payout to the platform's charge (and so our purchase), as a server would: expand the source chain.
    const expanded = await stripe.balanceTransactions.list(
      { payout: payout?.id ?? '', type: 'payment', expand: ['data.source.source_transfer'] },
      { stripeAccount: account.id },
    );
    const py = expanded.data[0]?.source as Stripe.Charge;
    expect((py.source_transfer as Stripe.Transfer).source_transaction).toBe(charge.id);

    t.emu.controls.advanceClock(DAY_MS);
    const paid = await stripe.payouts.retrieve(payout?.id ?? '', {}, { stripeAccount: account.id });
    expect(paid.status).toBe('paid');
    expect(paid.reconciliation_status).toBe('completed');

    await connectHook.waitFor(4);
    await t.emu.controls.idle();
    const payoutEvents = connectHook.received.filter((r) => r.event.type.startsWith('payout.'));
    expect(payoutEvents.map((r) => r.event.type)).toEqual([
      'payout.created',
      'payout.updated',
      'payout.paid',
      'payout.reconciliation_completed',
    ]);
    expect(payoutEvents.every((r) => r.event.account === account.id)).toBe(true);
    expect(platformHook.received.some((r) => r.event.type.startsWith('payout.'))).toBe(false);
  });

  it('a weekly schedule pays out on its weekly_anchor only', async () => {
    const account = await onboarded();
    const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
    const nowMs = (await stripe.accounts.retrieve(account.id)).created ?? 0;
    const anchor = weekdays[new Date(nowMs * 1000 + 4 * DAY_MS).getUTCDay()] ?? 'monday';
    await stripe.accounts.update(account.id, {
      settings: { payouts: { schedule: { interval: 'weekly', weekly_anchor: anchor } } },
    });
    await destinationCharge(account.id, 10_000, 1_000);
    t.emu.controls.advanceClock(3 * DAY_MS);
    const before = await stripe.balance.retrieve({}, { stripeAccount: account.id });
    expect(amountOf(before.available)).toBe(9_000);
    expect((await stripe.payouts.list({}, { stripeAccount: account.id })).data).toHaveLength(0);
    t.emu.controls.advanceClock(DAY_MS);
    const [payout] = (await stripe.payouts.list({}, { stripeAccount: account.id })).data;
    expect(payout?.amount).toBe(9_000);
    expect(new Date((payout?.created ?? 0) * 1000).getUTCDay()).toBe(weekdays.indexOf(anchor));
  });

  it('a payout to a failing test bank account fails and the money returns to the balance', async () => {
    const account = await onboarded('000111111116');
    await destinationCharge(account.id, 10_000, 1_000);
    t.emu.controls.advanceClock(3 * DAY_MS);
    const [payout] = (await stripe.payouts.list({}, { stripeAccount: account.id })).data;
    expect(payout).toMatchObject({ status: 'failed', failure_code: 'no_account' });
    expect(payout?.failure_balance_transaction).toMatch(/^txn_/);
    const balance = await stripe.balance.retrieve({}, { stripeAccount: account.id });
    expect(amountOf(balance.available)).toBe(9_000);
    await connectHook.waitFor(1);
    await t.emu.controls.idle();
    const failed = connectHook.received.find((r) => r.event.type === 'payout.failed');
    expect(failed?.event.account).toBe(account.id);
    // Payouts pause until a new bank account is added; then the next run pays the balance.
    const paused = await stripe.accounts.retrieve(account.id);
    expect(paused.payouts_enabled).toBe(false);
    expect(paused.requirements?.currently_due).toContain('external_account');
    t.emu.controls.advanceClock(DAY_MS);
    expect((await stripe.payouts.list({}, { stripeAccount: account.id })).data).toHaveLength(1);
    const fixed = await stripe.accounts.update(account.id, { external_account: 'btok_us_verified' });
    expect(fixed.payouts_enabled).toBe(true);
    t.emu.controls.advanceClock(DAY_MS);
    const [retry] = (await stripe.payouts.list({}, { stripeAccount: account.id })).data;
    expect(retry).toMatchObject({
      amount: 9_000,
      status: 'pending',
      destination: fixed.external_accounts?.data[0]?.id,
    });
  });

  it('the fail control fails a pending payout', async () => {
    const account = await onboarded();
    await destinationCharge(account.id, 10_000, 1_000);
    t.emu.controls.advanceClock(2 * DAY_MS);
    const [payout] = (await stripe.payouts.list({}, { stripeAccount: account.id })).data;
    const failed = t.emu.controls.failPayout(payout?.id ?? '', 'account_closed');
    expect(failed).toMatchObject({ status: 'failed', failure_code: 'account_closed' });
    expect(failed.failure_message).toBe('The bank account has been closed.');
  });

  it('manual payouts: only on a manual schedule, never more than is available', async () => {
    const account = await onboarded();
    await destinationCharge(account.id, 10_000, 1_000);
    const automatic = await stripeError(
      stripe.payouts.create({ amount: 100, currency: 'usd' }, { stripeAccount: account.id }),
    );
    expect(automatic.code).toBe('payouts_not_allowed');
    await stripe.accounts.update(account.id, { settings: { payouts: { schedule: { interval: 'manual' } } } });
    t.emu.controls.advanceClock(3 * DAY_MS);
    expect((await stripe.payouts.list({}, { stripeAccount: account.id })).data).toHaveLength(0);
    const tooMuch = await stripeError(
      stripe.payouts.create({ amount: 9_001, currency: 'usd' }, { stripeAccount: account.id }),
    );
    expect(tooMuch.code).toBe('balance_insufficient');
    const payout = await stripe.payouts.create(
      { amount: 4_000, currency: 'usd' },
      { stripeAccount: account.id },
    );
    expect(payout).toMatchObject({
      automatic: false,
      reconciliation_status: 'not_applicable',
      status: 'pending',
    });
    const balance = await stripe.balance.retrieve({}, { stripeAccount: account.id });
    expect(amountOf(balance.available)).toBe(5_000);
    t.emu.controls.advanceClock(DAY_MS);
    expect((await stripe.payouts.retrieve(payout.id, {}, { stripeAccount: account.id })).status).toBe('paid');
  });

  it('a restricted account is not paid out until it onboards again', async () => {
    const account = await onboarded();
    await destinationCharge(account.id, 10_000, 1_000);
    const restricted = t.emu.controls.requireInformation(
      account.id,
      ['individual.verification.document'],
      'requirements.past_due',
    );
    expect(restricted).toMatchObject({ charges_enabled: false, payouts_enabled: false });
    expect(restricted.requirements?.currently_due).toEqual(['individual.verification.document']);
    t.emu.controls.advanceClock(3 * DAY_MS);
    expect((await stripe.payouts.list({}, { stripeAccount: account.id })).data).toHaveLength(0);
    const refused = await stripeError(destinationCharge(account.id, 1_000, 100));
    expect(refused.code).toBe('insufficient_capabilities_for_transfer');
  });
});

describe('seeding a payout history without moving the clock', () => {
  it('4000 0000 0000 0077 makes the funds available at once; runPayouts and arrivePayout pay them', async () => {
    const account = await onboarded();
    await destinationCharge(account.id, 10_000, 1_000, 'pm_card_bypassPending');
    const balance = await stripe.balance.retrieve({}, { stripeAccount: account.id });
    expect(amountOf(balance.available)).toBe(9_000);
    expect(amountOf(balance.pending)).toBe(0);
    const [payout] = t.emu.controls.runPayouts();
    expect(payout).toMatchObject({ amount: 9_000, automatic: true, status: 'pending' });
    expect(t.emu.controls.arrivePayout(payout?.id ?? '')).toMatchObject({
      status: 'paid',
      reconciliation_status: 'completed',
    });
    const contents = await stripe.balanceTransactions.list(
      { payout: payout?.id ?? '' },
      { stripeAccount: account.id },
    );
    expect(contents.data.map((b) => b.type)).toEqual(['payout', 'payment']);
  });

  it('balance.available tells the Connect endpoint when pending funds become available', async () => {
    const account = await onboarded();
    await destinationCharge(account.id, 10_000, 1_000);
    t.emu.controls.advanceClock(2 * DAY_MS);
    await connectHook.waitFor(3);
    await t.emu.controls.idle();
    const available = connectHook.received.find((r) => r.event.type === 'balance.available');
    expect(available?.event.account).toBe(account.id);
    const object = available?.event.data.object as Stripe.Balance;
    expect(amountOf(object.available)).toBe(9_000);
  });
});

describe('PaymentIntent updates keep the fee valid', () => {
  it('refuses an amount below the fee and leaves the PaymentIntent as it was', async () => {
    const account = await onboarded();
    const pi = await stripe.paymentIntents.create({
      amount: 5_000,
      currency: 'usd',
      application_fee_amount: 1_000,
      transfer_data: { destination: account.id },
      metadata: { order: '1' },
    });
    const err = await stripeError(
      stripe.paymentIntents.update(pi.id, { amount: 900, metadata: { order: '2' } }),
    );
    expect(err.param).toBe('application_fee_amount');
    const after = await stripe.paymentIntents.retrieve(pi.id);
    expect(after).toMatchObject({ amount: 5_000, application_fee_amount: 1_000, metadata: { order: '1' } });
    const updated = await stripe.paymentIntents.update(pi.id, { application_fee_amount: 250 });
    expect(updated.application_fee_amount).toBe(250);
  });
});

describe('the HTTP controls client', () => {
  it('drives onboarding, restriction and payouts from another process’s point of view', async () => {
    const controls = new EmulatorControls(t.emu.url, t.emu.controlToken);
    const account = await express();
    const pi = await stripe.paymentIntents.create({
      amount: 10_000,
      currency: 'usd',
      application_fee_amount: 1_000,
      transfer_data: { destination: (await controls.completeOnboarding(account.id)).id },
    });
    await controls.requireInformation(account.id, ['individual.id_number'], 'requirements.past_due');
    // Restricted between checkout and payment: the confirm is refused and nothing is charged.
    const refused = await stripeError(
      stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_bypassPending' }),
    );
    expect(refused.code).toBe('insufficient_capabilities_for_transfer');
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('requires_payment_method');
    const bad = await fetch(`${t.emu.url}/_emulator/accounts/${account.id}/require-information`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.emu.controlToken}` },
      body: JSON.stringify({ currently_due: [], disabled_reason: 'nope' }),
    });
    expect(bad.status).toBe(400);

    await controls.completeOnboarding(account.id);
    await stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_bypassPending' });
    const [payout] = await controls.runPayouts();
    expect(payout?.amount).toBe(9_000);
    expect((await controls.arrivePayout(payout?.id ?? '')).status).toBe('paid');
    await destinationCharge(account.id, 2_000, 200, 'pm_card_bypassPending');
    const [second] = await controls.runPayouts();
    expect((await controls.failPayout(second?.id ?? '', 'insufficient_funds')).failure_code).toBe(
      'insufficient_funds',
    );
  });
});

describe('login links', () => {
  it('only after onboarding; the page shows the balance and the payouts', async () => {
    const fresh = await express();
    const early = await stripeError(stripe.accounts.createLoginLink(fresh.id));
    expect(early.statusCode).toBe(400);

    const account = await onboarded();
    await destinationCharge(account.id, 10_000, 1_000);
    t.emu.controls.advanceClock(2 * DAY_MS);
    await destinationCharge(account.id, 5_000, 500);
    const link = await stripe.accounts.createLoginLink(account.id);
    expect(link.object).toBe('login_link');
    const html = await (await fetch(link.url)).text();
    expect(html).toContain('<h2 id="balance">Balance</h2>');
    expect(html).toContain('$45.00'); // pending: 5 000 − 500
    expect(html).toContain('$90.00'); // the payout
    expect(html).toContain('pending');
  });
});

describe('transfers API', () => {
  it('transfers pending funds with source_transaction and reverses them', async () => {
    const account = await onboarded();
    const pi = await stripe.paymentIntents.create({
      amount: 10_000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const noFunds = await stripeError(
      stripe.transfers.create({ amount: 100, currency: 'usd', destination: account.id }),
    );
    expect(noFunds.code).toBe('balance_insufficient');
    const transfer = await stripe.transfers.create({
      amount: 8_000,
      currency: 'usd',
      destination: account.id,
      source_transaction: String(pi.latest_charge),
    });
    expect(transfer).toMatchObject({ amount: 8_000, destination: account.id });
    const tooMuch = await stripeError(stripe.transfers.createReversal(transfer.id, { amount: 8_001 }));
    expect(tooMuch.param).toBe('amount');
  });
});

describe('triggers and snapshots', () => {
  it('trigger transfer.created makes an onboarded account and a destination charge', async () => {
    const result = await t.emu.controls.trigger('transfer.created');
    expect(result.objects.transfer).toMatch(/^tr_/);
    expect(result.objects.application_fee).toMatch(/^fee_/);
    const transfer = await stripe.transfers.retrieve(result.objects.transfer ?? '');
    expect(transfer.destination).toBe(result.objects.account);
  });

  it('keeps Connect state across a restart with a snapshot file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'emulator-connect-'));
    const snapshotFile = path.join(dir, 'state.json');
    const first = await startTestEmulator({ snapshotFile });
    const account = await first.stripe.accounts.create({ type: 'express' });
    first.emu.controls.completeOnboarding(account.id);
    await first.stripe.paymentIntents.create({
      amount: 10_000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      application_fee_amount: 1_000,
      transfer_data: { destination: account.id },
    });
    await first.close();

    const second = await startTestEmulator({ snapshotFile });
    try {
      const again = await second.stripe.accounts.retrieve(account.id);
      expect(again.charges_enabled).toBe(true);
      const balance = await second.stripe.balance.retrieve({}, { stripeAccount: account.id });
      expect(amountOf(balance.pending)).toBe(9_000);
      second.emu.controls.advanceClock(2 * DAY_MS);
      const payouts = await second.stripe.payouts.list({}, { stripeAccount: account.id });
      expect(payouts.data.map((p) => p.amount)).toEqual([9_000]);
    } finally {
      await second.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
