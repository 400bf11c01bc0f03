import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Stripe from 'stripe';
import { type Emulator, type EmulatorOptions, startEmulator } from './emulator.js';

/** Only used for `stripe.webhooks` (signature verification) — never talks to a server. */
const verifier = new Stripe('sk_test_verifier');

export interface ReceivedEvent {
  event: Stripe.Event;
  at: number;
}

/**
 * A local webhook receiver that verifies every delivery with the official
 * `stripe.webhooks.constructEvent`, as the real server does.
 */
export interface Receiver {
  url: string;
  secret: string;
  received: ReceivedEvent[];
  /** Deliveries whose signature did not verify. */
  rejected: number;
  /** Status codes to answer, one per delivery (then 200). */
  respondWith: number[];
  /** Wait until `n` verified events arrived (or fail after timeoutMs). */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedEvent[]>;
  close(): Promise<void>;
}

export async function startReceiver(secret = 'whsec_receiver_secret'): Promise<Receiver> {
  const received: ReceivedEvent[] = [];
  const state = { rejected: 0 };
  const respondWith: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = respondWith.shift() ?? 200;
      try {
        const event = verifier.webhooks.constructEvent(
          Buffer.concat(chunks),
          String(req.headers['stripe-signature']),
          secret,
        );
        if (status >= 200 && status < 300) received.push({ event, at: Date.now() });
        res.statusCode = status;
      } catch {
        state.rejected++;
        res.statusCode = 400;
      }
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    secret,
    received,
    get rejected() {
      return state.rejected;
    },
    respondWith,
    async waitFor(n, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > deadline) {
          throw new Error(
            `expected ${n} webhook events, got ${received.length}: ${received.map((r) => r.event.type).join(', ')}`,
          );
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface TestEmulator {
  emu: Emulator;
  stripe: Stripe;
  close(): Promise<void>;
}

/** Starts an emulator on a free port with a fast retry schedule and an official SDK client for it. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emu = await startEmulator({
    port: 0,
    retrySchedule: [50, 100, 200],
    webhookTimeoutMs: 1000,
    ...options,
  });
  const stripe = new Stripe('sk_test_emulator', { ...emu.stripeConfig, maxNetworkRetries: 0 });
  return { emu, stripe, close: () => emu.close() };
}

/**
 * Stripe's published example objects (from stripe/openapi), shared beside the repository checkout
 * (or at STRIPE_FIXTURES) — read at run time, never copied into the repo.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const FIXTURES =
  process.env.STRIPE_FIXTURES ?? path.resolve(repoRoot, '..', 'shared', 'stripe-fixtures', 'fixtures3.json');

export function loadFixtures(): Record<string, Record<string, unknown>> {
  if (!existsSync(FIXTURES)) {
    throw new Error(
      `Stripe fixtures not found at ${FIXTURES}. The conformance tests need shared/stripe-fixtures/fixtures3.json next to the repository checkout (or STRIPE_FIXTURES).`,
    );
  }
  const parsed: { resources: Record<string, Record<string, unknown>> } = JSON.parse(
    readFileSync(FIXTURES, 'utf8'),
  );
  return parsed.resources;
}
