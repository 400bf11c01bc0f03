import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, loadFixtures, startTestEmulator, type TestEmulator } from './test-support.js';

let t: TestEmulator;
const objects: Record<string, object> = {};

beforeAll(async () => {
  t = await startTestEmulator();
  const { stripe } = t;
  const customer = await stripe.customers.create({ email: 'fixture@example.com' });
  const pi = await stripe.paymentIntents.create({
    amount: 5000,
    currency: 'usd',
    customer: customer.id,
    payment_method: 'pm_card_createDispute',
    confirm: true,
  });
  const refund = await stripe.refunds.create({ payment_intent: pi.id, amount: 100 });
  t.emu.controls.advanceClock(10_000);
  const [dispute] = (await stripe.disputes.list()).data;
  const [event] = (await stripe.events.list({ limit: 1 })).data;
  objects.customer = customer;
  objects.payment_intent = pi;
  objects.charge = await stripe.charges.retrieve(String(pi.latest_charge));
  objects.refund = refund;
  objects.payment_method = await stripe.paymentMethods.retrieve(String(pi.payment_method));
  objects.dispute = dispute as Stripe.Dispute;
  objects.event = event as Stripe.Event;
});
afterAll(() => t.close());

describe('objects carry every top-level key of Stripe’s published examples', () => {
  it.each(['payment_intent', 'charge', 'refund', 'customer', 'event', 'dispute', 'payment_method'])(
    '%s',
    (name) => {
      const fixtures = loadFixtures();
      const fixture = fixtures[name];
      expect(fixture, `fixture ${name} missing from ${FIXTURES}`).toBeDefined();
      const ours = objects[name];
      expect(ours, `emulator produced no ${name}`).toBeDefined();
      const missing = Object.keys(fixture ?? {}).filter((k) => !Object.hasOwn(ours ?? {}, k));
      expect(missing, `${name} lacks keys`).toEqual([]);
      expect(Reflect.get(ours ?? {}, 'object')).toBe(name);
    },
  );
});
