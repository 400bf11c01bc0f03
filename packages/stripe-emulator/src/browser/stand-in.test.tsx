// @vitest-environment jsdom
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import type { Stripe as StripeJs } from '@stripe/stripe-js';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { type FormEvent, useState } from 'react';
import type Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { brandOf, luhnValid } from '../cards.js';
import { type Receiver, startReceiver, startTestEmulator, type TestEmulator } from '../test-support.js';

let t: TestEmulator;
let receiver: Receiver;
let stripePromise: Promise<StripeJs | null>;

beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestEmulator({ webhooks: [{ url: receiver.url, secret: receiver.secret }] });
  // What the web app's <script src=".../js/stripe.js"> does: evaluate the stand-in in the page.
  const source = await fetch(`${t.emu.url}/js/stripe.js`).then((r) => r.text());
  new Function(source)();
  expect(Reflect.get(window, 'Stripe')).toBeTypeOf('function');
  // The unchanged @stripe/stripe-js finds window.Stripe and uses it.
  const { loadStripe } = await import('@stripe/stripe-js');
  stripePromise = loadStripe('pk_test_enrollpay');
});
afterEach(() => cleanup());
afterAll(async () => {
  await t.close();
  await receiver.close();
});

function PayForm() {
  const stripe = useStripe();
  const elements = useElements();
  const [message, setMessage] = useState('');
  const [ready, setReady] = useState(false);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!stripe || !elements) return;
    const submitted = await elements.submit();
    if (submitted.error) {
      setMessage(submitted.error.message ?? 'invalid');
      return;
    }
    const result = await stripe.confirmPayment({
      elements,
      redirect: 'if_required',
      confirmParams: { return_url: 'http://localhost/checkout/done' },
    });
    if (result.error) setMessage(`Error: ${result.error.message}`);
    else setMessage(`Payment ${result.paymentIntent.status}`);
  }
  return (
    <form onSubmit={onSubmit}>
      <PaymentElement onReady={() => setReady(true)} />
      <button type="submit" disabled={!stripe || !ready}>
        Pay
      </button>
      <p role="status">{message}</p>
    </form>
  );
}

async function checkout(card: string): Promise<Stripe.PaymentIntent> {
  const pi = await t.stripe.paymentIntents.create({
    amount: 4200,
    currency: 'usd',
    metadata: { paymentId: `pay_${card.slice(-4)}` },
  });
  render(
    <Elements
      stripe={stripePromise}
      options={{ clientSecret: String(pi.client_secret), appearance: { theme: 'stripe' } }}
    >
      <PayForm />
    </Elements>,
  );
  const number = await screen.findByLabelText('Card number');
  fireEvent.input(number, { target: { value: card } });
  fireEvent.input(screen.getByLabelText('Expiration date (MM / YY)'), { target: { value: '12 / 34' } });
  fireEvent.input(screen.getByLabelText('CVC'), { target: { value: '123' } });
  fireEvent.input(screen.getByLabelText('ZIP/Postal code'), { target: { value: '94107' } });
  const pay = screen.getByRole('button', { name: 'Pay' });
  await waitFor(() => expect((pay as HTMLButtonElement).disabled).toBe(false));
  await act(async () => {
    fireEvent.click(pay);
  });
  return pi;
}

describe('Stripe.js stand-in with @stripe/stripe-js and @stripe/react-stripe-js', () => {
  it('loadStripe resolves to the stand-in (version endive)', async () => {
    const stripe = await stripePromise;
    expect(stripe).not.toBeNull();
    expect(Reflect.get(window.Stripe ?? {}, 'version')).toBe('endive');
  });

  it('validates with the same card rules as the API (cards.ts), emitted into the served script', async () => {
    const rules: unknown = Reflect.get(window, '__STRIPE_EMULATOR_CARDS__');
    if (!rules || typeof rules !== 'object') throw new Error('the served script carries no card rules');
    const browserLuhn = Reflect.get(rules, 'luhnValid');
    const browserBrand = Reflect.get(rules, 'brandOf');
    if (typeof browserLuhn !== 'function' || typeof browserBrand !== 'function')
      throw new Error('rules missing');
    for (const number of [
      '4242424242424242',
      '4242424242424241',
      '5555555555554444',
      '378282246310005',
      '6011111111111117',
    ]) {
      expect([number, browserLuhn(number), browserBrand(number)]).toEqual([
        number,
        luhnValid(number),
        brandOf(number),
      ]);
    }
  });

  it('completes a 4242 payment; the card number shows formatted; webhooks are delivered', async () => {
    const pi = await checkout('4242424242424242');
    expect((screen.getByLabelText('Card number') as HTMLInputElement).value).toBe('4242 4242 4242 4242');
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch('Payment succeeded'), {
      timeout: 5000,
    });
    const after = await t.stripe.paymentIntents.retrieve(pi.id, { expand: ['latest_charge'] });
    expect(after.status).toBe('succeeded');
    expect(after.metadata).toEqual({ paymentId: 'pay_4242' });
    expect((after.latest_charge as Stripe.Charge).payment_method_details?.card?.last4).toBe('4242');
    await waitFor(() =>
      expect(receiver.received.map((r) => r.event.type)).toContain('payment_intent.succeeded'),
    );
  });

  it('shows a decline', async () => {
    const pi = await checkout('4000000000000002');
    await waitFor(
      () => expect(screen.getByRole('status').textContent).toMatch('Error: Your card was declined.'),
      { timeout: 5000 },
    );
    const after = await t.stripe.paymentIntents.retrieve(pi.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error?.decline_code).toBe('generic_decline');
  });

  it('shows field errors for an incomplete card', async () => {
    await checkout('4242');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch('Your card number is incomplete.'),
    );
  });

  it('passes a 3-D Secure challenge', async () => {
    const pi = await checkout('4000002760003184');
    const dialog = await screen.findByRole(
      'dialog',
      { name: '3D Secure test authentication' },
      { timeout: 5000 },
    );
    expect(dialog.textContent).toMatch('$42.00');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Complete authentication' }));
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch('Payment succeeded'), {
      timeout: 5000,
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await t.stripe.paymentIntents.retrieve(pi.id)).status).toBe('succeeded');
  });

  it('reports a failed 3-D Secure challenge', async () => {
    const pi = await checkout('4000002500003155');
    await screen.findByRole('dialog', {}, { timeout: 5000 });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Fail authentication' }));
    });
    await waitFor(
      () =>
        expect(screen.getByRole('status').textContent).toMatch(
          /Error: The provided PaymentMethod has failed authentication/,
        ),
      {
        timeout: 5000,
      },
    );
    expect((await t.stripe.paymentIntents.retrieve(pi.id)).last_payment_error?.code).toBe(
      'payment_intent_authentication_failure',
    );
  });
});
