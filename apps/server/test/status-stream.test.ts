// payments.onStatus over real HTTP (Server-Sent Events through tRPC's httpSubscriptionLink, the token in
// the Authorization header via the `eventsource` package), fed by PostgreSQL LISTEN/NOTIFY: two server
// instances on one database, the webhook applied on the other instance; the per-user and global caps;
// the stream ending at the outcome; a dropped listening connection that recovers and catches up.
import { randomUUID } from 'node:crypto';
import type { PaymentDetails } from '@enrollpay/schemas';
import { createTRPCClient, httpSubscriptionLink, type TRPCClientError } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { type AppDeps, createDeps } from '../src/deps.js';
import { STATUS_LISTENER_APPLICATION_NAME } from '../src/payments/status-hub.js';
import type { AppRouter } from '../src/trpc/router.js';
import { eventually as eventuallyAsync, startTestStack, type TestStack, type TestUser } from './harness.js';
import { newOffering } from './pay.js';

let stack: TestStack; // instance A: subscribers; no webhook endpoint registered
let b: { app: FastifyInstance; deps: AppDeps; url: string }; // instance B: receives Stripe's webhooks

async function startInstance(deps: AppDeps) {
  const app = await buildApp({ deps, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return { app, deps, url: `http://127.0.0.1:${address.port}` };
}

beforeAll(async () => {
  stack = await startTestStack({ webhooks: false });
  b = await startInstance(createDeps(stack.deps.env, stack.db));
  const secret = stack.deps.env.STRIPE_WEBHOOK_SECRET[0] ?? '';
  stack.emulator.controls.addWebhookTarget(`${b.url}/api/webhooks/stripe`, secret);
});

/** Waits until `check` returns a truthy value, and returns it. */
const eventually = <T>(check: () => T | null | undefined | false, timeoutMs?: number): Promise<T> =>
  eventuallyAsync<T>(async () => check(), timeoutMs);

const followers: Follower[] = [];
afterEach(() => {
  for (const follower of followers.splice(0)) follower.stop();
});

afterAll(async () => {
  await b?.app.close();
  await stack?.close();
});

/** A tRPC client that runs subscriptions over SSE against `baseUrl`, as `user`. */
function sseClient(baseUrl: string, user: TestUser) {
  return createTRPCClient<AppRouter>({
    links: [
      httpSubscriptionLink({
        url: `${baseUrl}/api/trpc`,
        EventSource,
        eventSourceOptions: () => ({
          fetch: (input, init) =>
            fetch(input, { ...init, headers: { ...init.headers, authorization: `Bearer ${user.token}` } }),
        }),
      }),
    ],
  });
}

interface Follower {
  events: PaymentDetails[];
  errors: TRPCClientError<AppRouter>[];
  /** The link's connection states ('connecting' with an error: it is retrying). */
  states: { state: string; error: TRPCClientError<AppRouter> | null }[];
  completed: boolean;
  stop(): void;
}

function follow(baseUrl: string, user: TestUser, paymentId: string): Follower {
  const follower: Follower = { events: [], errors: [], states: [], completed: false, stop: () => {} };
  let stopped = false;
  const subscription = sseClient(baseUrl, user).payments.onStatus.subscribe(
    { paymentId },
    {
      onData: (event) => follower.events.push(event),
      onError: (error) => follower.errors.push(error),
      onConnectionStateChange: (state) => follower.states.push(state),
      onComplete: () => {
        if (!stopped) follower.completed = true;
      },
    },
  );
  follower.stop = () => {
    stopped = true;
    subscription.unsubscribe();
  };
  followers.push(follower);
  return follower;
}

/** A new pending payment of `learner` (a fresh offering, so it is not the learner's open one). */
async function pendingPayment(learner: TestUser) {
  const offering = await newOffering(stack, stack.users.specialist);
  const intent = await stack.clientFor(learner).payments.createIntent.mutate({
    offeringId: offering.id,
    idempotencyKey: randomUUID(),
  });
  return { paymentId: intent.paymentId, intentId: (intent.clientSecret ?? '').split('_secret_')[0] ?? '' };
}

const listenerConnections = async () => {
  const [row] = await stack.db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE application_name = ${STATUS_LISTENER_APPLICATION_NAME} AND datname = current_database()`;
  return row?.n ?? 0;
};

describe('payments.onStatus', () => {
  it('hears on instance A what a webhook applied on instance B, and ends at the outcome', async () => {
    const learner = stack.users.learner;
    const { paymentId, intentId } = await pendingPayment(learner);
    const follower = follow(stack.url, learner, paymentId);
    // Two more streams on A for the same learner: still ONE listening connection for the instance.
    const others = [follow(stack.url, learner, paymentId), follow(stack.url, learner, paymentId)];

    await eventually(() => follower.events.length >= 1);
    expect(follower.events[0]).toMatchObject({ id: paymentId, status: 'PENDING', webhookVerified: false });

    // The card is charged at Stripe; nobody calls payments.confirm. Only B has a webhook endpoint.
    await stack.deps.stripe.paymentIntents.confirm(intentId, { payment_method: 'pm_card_visa' });

    await eventually(() => follower.completed, 20_000);
    const last = follower.events.at(-1);
    expect(last).toMatchObject({ id: paymentId, status: 'SUCCEEDED', webhookVerified: true });
    expect(last?.enrollment?.status).toBe('ACTIVE');
    expect(follower.errors).toEqual([]);
    // The events are what payments.get says now.
    expect(last).toEqual(await stack.clientFor(learner).payments.get.query({ paymentId }));
    // Instance B applied it (A has no webhook endpoint); A listened on one connection, B on none.
    const applied = await stack.db.webhookEvent.count({ where: { status: 'PROCESSED' } });
    expect(applied).toBeGreaterThan(0);
    expect(await listenerConnections()).toBe(1);

    for (const other of others) await eventually(() => other.completed);
    await eventually(() => stack.deps.paymentStatus.size === 0);
  });

  it('sends one event and ends at once for a payment whose outcome is already known', async () => {
    const learner = stack.users.learner2;
    const { paymentId, intentId } = await pendingPayment(learner);
    await stack.deps.stripe.paymentIntents
      .confirm(intentId, { payment_method: 'pm_card_chargeDeclined' })
      .catch(() => undefined);
    await stack.clientFor(learner).payments.confirm.mutate({ paymentId });

    const follower = follow(stack.url, learner, paymentId);
    await eventually(() => follower.completed);
    expect(follower.events).toHaveLength(1);
    expect(follower.events[0]).toMatchObject({ status: 'FAILED' });
    expect(follower.events[0]?.failureMessage).toBeTruthy();
  });

  it("refuses another learner's payment as NOT_FOUND", async () => {
    const { paymentId } = await pendingPayment(stack.users.learner);
    const follower = follow(stack.url, stack.users.learner2, paymentId);
    await eventually(() => follower.errors.length > 0);
    expect(follower.errors[0]?.data?.code).toBe('NOT_FOUND');
    expect(follower.events).toEqual([]);
    await eventually(() => stack.deps.paymentStatus.size === 0);
  });

  it('refuses a sixth open stream of one user with TOO_MANY_REQUESTS, and frees slots when streams close', async () => {
    const learner = stack.users.learner2;
    const { paymentId } = await pendingPayment(learner);
    const open = Array.from({ length: 5 }, () => follow(stack.url, learner, paymentId));
    await eventually(() => open.every((f) => f.events.length === 1));

    const sixth = follow(stack.url, learner, paymentId);
    await eventually(() => sixth.errors.length > 0);
    expect(sixth.errors[0]?.data?.code).toBe('TOO_MANY_REQUESTS');
    expect(sixth.errors[0]?.message).toMatch(/5 live payment updates open/);
    expect(sixth.events).toEqual([]);
    // Another learner is not affected by this one's streams.
    const other = await pendingPayment(stack.users.learner);
    const someoneElse = follow(stack.url, stack.users.learner, other.paymentId);
    await eventually(() => someoneElse.events.length === 1);
    const metrics = await (await fetch(`${stack.url}/metrics`)).text();
    expect(metrics).toMatch(/^enrollpay_status_streams_open 6$/m);

    open[0]?.stop();
    await eventually(() => stack.deps.paymentStatus.size === 5);
    const again = follow(stack.url, learner, paymentId);
    await eventually(() => again.events.length === 1);
    expect(again.errors).toEqual([]);

    for (const f of [...open, again, someoneElse]) f.stop();
    await eventually(() => stack.deps.paymentStatus.size === 0);
  });

  it('refuses streams beyond the instance-wide cap with SERVICE_UNAVAILABLE, before reading anything', async () => {
    const c = await startInstance(createDeps({ ...stack.deps.env, STATUS_STREAMS_MAX: 1 }, stack.db));
    try {
      const first = await pendingPayment(stack.users.learner);
      const second = await pendingPayment(stack.users.learner2);
      const holder = follow(c.url, stack.users.learner, first.paymentId);
      await eventually(() => holder.events.length === 1);

      const refused = follow(c.url, stack.users.learner2, second.paymentId);
      // SERVICE_UNAVAILABLE is one tRPC's client retries: it shows as a connection state with the error.
      const state = await eventually(() => refused.states.find((s) => s.error));
      expect(state.error?.data?.code).toBe('SERVICE_UNAVAILABLE');
      expect(state.error?.message).toMatch(/as many live updates open/);
      expect(refused.events).toEqual([]);
      refused.stop();
      holder.stop();
      await eventually(() => c.deps.paymentStatus.size === 0);
    } finally {
      await c.app.close();
    }
  });

  it('asks its streams to reconnect elsewhere when the instance shuts down, instead of ending them', async () => {
    const c = await startInstance(createDeps(stack.deps.env, stack.db));
    const { paymentId } = await pendingPayment(stack.users.learner);
    const follower = follow(c.url, stack.users.learner, paymentId);
    await eventually(() => follower.events.length === 1);
    await c.app.close();
    const state = await eventually(() => follower.states.find((s) => s.error));
    expect(state.error?.data?.code).toBe('SERVICE_UNAVAILABLE');
    expect(state.error?.message).toMatch(/restarting/);
    expect(follower.completed).toBe(false);
  });

  it('recovers when its listening connection is killed, and re-reads what changed meanwhile', async () => {
    const learner = stack.users.learner;
    const { paymentId } = await pendingPayment(learner);
    const follower = follow(stack.url, learner, paymentId);
    await eventually(() => follower.events.length === 1);
    const before = stack.deps.paymentStatus.listenerPid;
    expect(before).not.toBeNull();

    // In one statement: kill the listening backend, and change the payment WITHOUT a notification (as if
    // it was sent while nobody listened). Only the re-read after reconnecting can find it.
    await stack.db.$executeRaw`
      WITH killed AS (SELECT pg_terminate_backend(${before}::int) AS ok)
      UPDATE "Payment" SET status = 'FAILED', "failureMessage" = 'Your card was declined.', "failedAt" = now()
      WHERE id = ${paymentId} AND (SELECT ok FROM killed)`;

    await eventually(() => follower.completed, 20_000);
    expect(follower.events.at(-1)).toMatchObject({
      status: 'FAILED',
      failureMessage: 'Your card was declined.',
    });
    const after = await eventually(() => stack.deps.paymentStatus.listenerPid);
    expect(after).not.toBe(before);
    expect(await listenerConnections()).toBe(1);

    // And the new connection hears notifications again.
    const next = await pendingPayment(learner);
    const again = follow(stack.url, learner, next.paymentId);
    await eventually(() => again.events.length === 1);
    await stack.deps.stripe.paymentIntents.confirm(next.intentId, { payment_method: 'pm_card_visa' });
    await eventually(() => again.completed, 20_000);
    expect(again.events.at(-1)).toMatchObject({ status: 'SUCCEEDED', webhookVerified: true });
  });
});
