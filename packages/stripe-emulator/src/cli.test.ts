import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { EmulatorControls } from './client.js';
import { startReceiver } from './test-support.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'stripe-emulator.mjs');

let child: ChildProcess | undefined;

afterEach(() => {
  // Started detached: kill the whole process group by its id.
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  child = undefined;
});

function startCli(args: string[], env: Record<string, string> = {}): Promise<string> {
  const proc = spawn(process.execPath, [BIN, ...args], {
    detached: true,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`CLI did not start: ${out}`)), 15_000);
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    proc.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`CLI exited with ${code}: ${out}`));
    });
  });
}

describe('stripe-emulator CLI', () => {
  it('serves the API and delivers to the webhook URL and secret from the environment', async () => {
    const receiver = await startReceiver('whsec_from_env');
    try {
      const url = await startCli(['--port', '0', '--quiet'], {
        STRIPE_WEBHOOK_URL: receiver.url,
        STRIPE_WEBHOOK_SECRET: 'whsec_from_env',
      });
      const port = Number(new URL(url).port);
      const stripe = new Stripe('sk_test_cli', { host: '127.0.0.1', port, protocol: 'http' });
      const pi = await stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        payment_method: 'pm_card_visa',
        confirm: true,
      });
      expect(pi.status).toBe('succeeded');
      await receiver.waitFor(3);
      expect(receiver.received.map((r) => r.event.type)).toEqual([
        'payment_intent.created',
        'charge.succeeded',
        'payment_intent.succeeded',
      ]);
    } finally {
      await receiver.close();
    }
  });

  it('delivers connected accounts’ events to --connect-webhook-url, driven by the HTTP controls client', async () => {
    const receiver = await startReceiver('whsec_connect_flag');
    try {
      const url = await startCli([
        '--port',
        '0',
        '--quiet',
        '--connect-webhook-url',
        receiver.url,
        '--connect-webhook-secret',
        'whsec_connect_flag',
        '--control-token',
        'cli-test-connect-token',
      ]);
      const port = Number(new URL(url).port);
      const stripe = new Stripe('sk_test_cli', { host: '127.0.0.1', port, protocol: 'http' });
      const account = await stripe.accounts.create({ type: 'express' });
      const onboarded = await new EmulatorControls(url, 'cli-test-connect-token').completeOnboarding(
        account.id,
      );
      expect(onboarded.charges_enabled).toBe(true);
      const [received] = await receiver.waitFor(1);
      expect(received?.event.type).toBe('account.updated');
      expect(received?.event.account).toBe(account.id);
    } finally {
      await receiver.close();
    }
  });

  it('takes --webhook-url / --webhook-secret flags', async () => {
    const receiver = await startReceiver('whsec_flag');
    try {
      const url = await startCli([
        '--port',
        '0',
        '--quiet',
        '--webhook-url',
        receiver.url,
        '--webhook-secret',
        'whsec_flag',
        '--control-token',
        'cli-test-control-token',
      ]);
      await fetch(`${url}/_emulator/trigger`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer cli-test-control-token' },
        body: JSON.stringify({ event: 'customer.created' }),
      });
      const [received] = await receiver.waitFor(1);
      expect(received?.event.type).toBe('customer.created');
    } finally {
      await receiver.close();
    }
  });
});
