import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmulatorControls } from './client.js';
import { type Emulator, startEmulator } from './emulator.js';

/** A page on another origin must not be able to drive the emulator (and through it, the dev API). */

const WEB = 'http://localhost:3000';
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, controlToken: 'hygiene-test-token', allowedOrigins: [WEB] });
});
afterAll(async () => {
  await emu?.close();
});

describe('emulator hygiene', () => {
  it('binds to loopback by default', () => {
    expect(emu.host).toBe('127.0.0.1');
  });

  it('answers CORS only for the configured web origin, never with credentials', async () => {
    const allowed = await fetch(`${emu.url}/v1/payment_intents`, {
      method: 'OPTIONS',
      headers: { origin: WEB, 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(WEB);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();

    for (const method of ['OPTIONS', 'GET'] as const) {
      const evil = await fetch(`${emu.url}/v1/customers`, {
        method,
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'POST',
          authorization: 'Bearer sk_test_x',
        },
      });
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();
      expect(evil.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('requires the control token for /_emulator controls (health excepted)', async () => {
    expect((await fetch(`${emu.url}/_emulator/health`)).status).toBe(200);
    const anonymous = await fetch(`${emu.url}/_emulator/trigger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'payment_intent.succeeded' }),
    });
    expect(anonymous.status).toBe(401);
    expect(emu.controls.events()).toHaveLength(0);
    const wrong = await fetch(`${emu.url}/_emulator/webhooks/targets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer nope' },
      body: JSON.stringify({ url: 'http://127.0.0.1:1/x', secret: 'whsec_x' }),
    });
    expect(wrong.status).toBe(401);

    const controls = new EmulatorControls(emu.url, 'hygiene-test-token');
    await controls.trigger('customer.created');
    expect(emu.controls.events('customer.created')).toHaveLength(1);
  });

  it('lets the browser answer 3-D Secure with the intent’s client_secret only', async () => {
    const stripe = new Stripe('sk_test_hygiene', emu.stripeConfig);
    const pi = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      payment_method: 'pm_card_threeDSecure2Required',
      confirm: true,
    });
    expect(pi.status).toBe('requires_action');
    const answer = (client_secret: string | null) =>
      fetch(`${emu.url}/_emulator/payment_intents/${pi.id}/authenticate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ outcome: 'complete', ...(client_secret ? { client_secret } : {}) }),
      });
    expect((await answer(null)).status).toBe(401);
    expect((await answer(`${pi.id}_secret_wrong`)).status).toBe(401);
    expect((await answer(pi.client_secret)).status).toBe(200);
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('succeeded');
  });
});
