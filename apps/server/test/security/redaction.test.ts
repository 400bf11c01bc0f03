import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { type AppDeps, createDeps } from '../../src/deps.js';
import { loadEnv } from '../../src/env.js';
import { loggerOptions } from '../../src/logger.js';
import { clientAt, sleep } from '../chaos/support.js';
import { eventually, startTestStack, type TestStack } from '../harness.js';

/**
 * Runs the end-to-end flows against an app logging at trace level into memory, with the server's own
 * logger config (src/logger.ts), then searches every line for what must never be logged.
 */

const CARD_NUMBERS = ['4242424242424242', '4000000000000002', '5555555555554444', '4000000000009995'];
let stack: TestStack;
let app: FastifyInstance;
let deps: AppDeps;
let url: string;
const lines: string[] = [];

beforeAll(async () => {
  stack = await startTestStack({ webhooks: false });
  const env = loadEnv({
    NODE_ENV: 'test',
    DATABASE_URL: stack.database.url,
    STRIPE_API_URL: stack.emulator.url,
    RUN_WORKER: 'true',
    OUTBOX_POLL_MS: '100',
    RATE_LIMIT_PER_MINUTE: '10000',
    MAIL_DIR: stack.deps.env.MAIL_DIR,
    LOG_LEVEL: 'trace',
  });
  deps = createDeps(env, stack.db, { databaseUrl: stack.database.url });
  const options = loggerOptions(env);
  if (typeof options !== 'object' || options === null) throw new Error('the server logger is off');
  app = await buildApp({
    deps,
    logger: { ...options, stream: { write: (line: string) => lines.push(line) } },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  url = `http://127.0.0.1:${address.port}`;
  stack.emulator.controls.addWebhookTarget(`${url}/api/webhooks/stripe`, env.STRIPE_WEBHOOK_SECRET[0] ?? '');
});
afterAll(async () => {
  await app?.close();
  await stack?.close();
});

async function flows(): Promise<string[]> {
  const secrets: string[] = [];
  const anonymous = clientAt(url, null);
  const session = await anonymous.auth.signIn.mutate({
    email: 'learner@demo.test',
    password: 'enrollpay-demo',
  });
  secrets.push(session.accessToken);
  await anonymous.auth.signIn
    .mutate({ email: 'learner@demo.test', password: 'enrollpay-demo-wrong' })
    .catch(() => 0);
  const learner = clientAt(url, session.accessToken);
  const admin = clientAt(url, stack.users.admin.token);

  // A payment that succeeds, is refunded in part, and one that is declined; another disputed.
  const outcomes: { card: string; refund: boolean }[] = [
    { card: 'pm_card_visa', refund: true },
    { card: 'pm_card_chargeDeclined', refund: false },
    { card: 'pm_card_createDispute', refund: false },
  ];
  const offers = stack.offerings.filter((o) => o.active);
  for (const [i, outcome] of outcomes.entries()) {
    const offer = offers[i];
    if (!offer) continue;
    const intent = await learner.payments.createIntent.mutate({
      offeringId: offer.id,
      idempotencyKey: `redaction-flow-${i}`,
    });
    secrets.push(intent.clientSecret ?? '');
    const piId = (intent.clientSecret ?? '').split('_secret_')[0] ?? '';
    await stack.deps.stripe.paymentIntents.confirm(piId, { payment_method: outcome.card }).catch(() => 0);
    await learner.payments.confirm.mutate({ paymentId: intent.paymentId });
    await learner.payments.get.query({ paymentId: intent.paymentId });
    if (outcome.refund) {
      await admin.payments.refund.mutate({ paymentId: intent.paymentId, amount: 100, reason: 'OTHER' });
    }
  }
  await admin.admin.reconcile.mutate({ sinceHours: 1 });

  // Hostile input: card numbers and secrets where a careless logger might write them.
  for (const card of CARD_NUMBERS) {
    await fetch(
      `${url}/api/trpc/catalog.get?input=${encodeURIComponent(JSON.stringify({ offeringId: card }))}`,
      {
        headers: { 'x-card-number': card, authorization: `Bearer ${card}` },
      },
    );
    await fetch(`${url}/api/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${card}@demo.test`, password: card, card }),
    });
  }
  await fetch(`${url}/api/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': `t=1,v1=${'ab'.repeat(32)}` },
    body: JSON.stringify({ id: 'evt_x', card: CARD_NUMBERS[0], secret: deps.env.STRIPE_SECRET_KEY }),
  });
  await fetch(`${url}/api/trpc/auth.me`, {
    headers: { authorization: `Bearer ${stack.users.admin.token}x` },
  });
  await fetch(`${url}/api/trpc/auth.me?token=${stack.users.admin.token}`);

  await stack.emulator.controls.idle();
  await eventually(
    async () => (await stack.db.outboxMessage.count({ where: { status: 'PENDING' } })) === 0,
    15_000,
  );
  await sleep(200);
  return secrets;
}

describe('log redaction', () => {
  it('no log line holds a card number, a key, a webhook secret, a client secret, a password or a token', async () => {
    const issued = await flows();
    const env = deps.env;
    const forbidden: [string, string][] = [
      ...CARD_NUMBERS.map((c): [string, string] => ['card number', c]),
      ['Stripe secret key', env.STRIPE_SECRET_KEY],
      ...env.STRIPE_WEBHOOK_SECRET.map((s): [string, string] => ['webhook secret', s]),
      ['JWT secret', env.JWT_SECRET],
      ['client secret marker', '_secret_'],
      ['demo password', 'enrollpay-demo'],
      ['bearer scheme', 'Bearer '],
      ['JWT', 'eyJ'],
      ...Object.values(stack.users).map((u): [string, string] => ['access token', u.token]),
      ...issued.map((s): [string, string] => ['issued secret', s]),
    ];
    const found: string[] = [];
    for (const line of lines) {
      for (const [what, value] of forbidden) {
        if (value && line.includes(value)) found.push(`${what} in: ${line.slice(0, 300)}`);
      }
    }
    if (process.env.SHOW_LOGS) for (const l of lines) console.log(l.slice(0, 250));
    console.log(`[security] log lines searched: ${lines.length}, findings: ${found.length}`);
    // The search is not vacuous: requests, webhooks and the worker all logged.
    expect(lines.length).toBeGreaterThan(50);
    expect(lines.some((l) => l.includes('stripe webhook'))).toBe(true);
    expect(lines.some((l) => l.includes('"url":"/api/trpc/payments.createIntent"'))).toBe(true);
    expect(found.slice(0, 10)).toEqual([]);
  });
});
