import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, loadFixtures, startTestEmulator, type TestEmulator } from './test-support.js';

let t: TestEmulator;
const objects: Record<string, object> = {};

/** Every Connect object the emulator makes, produced through the official SDK. */
beforeAll(async () => {
  t = await startTestEmulator();
  const { stripe } = t;
  const created = await stripe.accounts.create({ type: 'express', email: 'fixture@example.com' });
  objects.account_link = await stripe.accountLinks.create({
    account: created.id,
    type: 'account_onboarding',
    refresh_url: 'http://127.0.0.1:1/refresh',
    return_url: 'http://127.0.0.1:1/return',
  });
  t.emu.controls.completeOnboarding(created.id);
  const account = await stripe.accounts.retrieve(created.id);
  const stripeAccount = account.id;
  const pi = await stripe.paymentIntents.create({
    amount: 10_000,
    currency: 'usd',
    payment_method: 'pm_card_visa',
    confirm: true,
    application_fee_amount: 1_000,
    transfer_data: { destination: account.id },
  });
  const charge = await stripe.charges.retrieve(String(pi.latest_charge));
  await stripe.refunds.create({
    payment_intent: pi.id,
    amount: 1_000,
    reverse_transfer: true,
    refund_application_fee: true,
  });
  const transfer = await stripe.transfers.retrieve(String(charge.transfer));
  const fee = await stripe.applicationFees.retrieve(String(charge.application_fee));
  t.emu.controls.advanceClock(3 * 86_400_000);
  const [payout] = (await stripe.payouts.list({}, { stripeAccount })).data;
  const [txn] = (await stripe.balanceTransactions.list({ limit: 1 }, { stripeAccount })).data;
  objects.account = account;
  objects.login_link = await stripe.accounts.createLoginLink(account.id);
  objects.transfer = transfer;
  objects.transfer_reversal = transfer.reversals.data[0] ?? {};
  objects.application_fee = fee;
  objects.fee_refund = fee.refunds.data[0] ?? {};
  objects.balance = await stripe.balance.retrieve({}, { stripeAccount });
  objects.balance_transaction = txn ?? {};
  objects.payout = payout ?? {};
  objects.bank_account = account.external_accounts?.data[0] ?? {};
});
afterAll(() => t.close());

describe('Connect objects carry every top-level key of Stripe’s published examples', () => {
  it.each([
    'account',
    'account_link',
    'login_link',
    'transfer',
    'transfer_reversal',
    'application_fee',
    'fee_refund',
    'balance',
    'balance_transaction',
    'payout',
    'bank_account',
  ])('%s', (name) => {
    const fixture = loadFixtures()[name];
    expect(fixture, `fixture ${name} missing from ${FIXTURES}`).toBeDefined();
    const ours = objects[name];
    expect(ours, `emulator produced no ${name}`).toBeDefined();
    const missing = Object.keys(fixture ?? {}).filter((k) => !Object.hasOwn(ours ?? {}, k));
    expect(missing, `${name} lacks keys`).toEqual([]);
    expect(Reflect.get(ours ?? {}, 'object')).toBe(name);
  });
});

describe('nested shapes the server half reads', () => {
  it('account.requirements and settings.payouts have Stripe’s keys', () => {
    const fixture = loadFixtures().account;
    const ours = objects.account as Stripe.Account;
    const keys = (o: unknown) => Object.keys(typeof o === 'object' && o !== null ? o : {}).sort();
    expect(keys(ours.requirements)).toEqual(keys(fixture?.requirements));
    const settings = fixture?.settings;
    const payouts =
      typeof settings === 'object' && settings !== null ? Reflect.get(settings, 'payouts') : undefined;
    expect(keys(ours.settings?.payouts)).toEqual(keys(payouts));
  });
});
