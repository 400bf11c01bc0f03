import { poolStats } from '@enrollpay/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestStack, type TestStack } from '../harness.js';

/**
 * Overload: with every database connection taken, payments.createIntent is answered 503 with
 * Retry-After — early when the pool's queue is already at its hard cap (OVERLOAD_POOL_QUEUE), or when its
 * wait for a connection times out — never 500. Once the pool is free, retrying with the same idempotency
 * key succeeds, once. (The wait budget, OVERLOAD_POOL_WAIT_MS, is off here, as in every test stack; it
 * has its own test: overload-pool-wait.test.ts.)
 */

const POOL_MAX = 2;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({
    webhooks: false,
    pool: { max: POOL_MAX, timeoutMs: 2500 },
    env: { OVERLOAD_POOL_QUEUE: '3' },
  });
});
afterAll(async () => {
  await stack?.close();
});

async function createIntent(idempotencyKey: string, offeringId: string, token: string) {
  const res = await fetch(`${stack.url}/api/trpc/payments.createIntent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ offeringId, idempotencyKey }),
  });
  const body = (await res.json()) as { error?: { data?: { code?: string } } };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), code: body.error?.data?.code };
}

async function refusedEarly(): Promise<number> {
  const text = await stack.deps.metrics.registry.getSingleMetricAsString('enrollpay_http_refused_total');
  return [...text.matchAll(/^enrollpay_http_refused_total\{[^}]*\} (\d+)/gm)].reduce(
    (sum, m) => sum + Number(m[1]),
    0,
  );
}

describe('overload', () => {
  it('answers 503 with Retry-After (never 500) while the pool is saturated; the same key then succeeds once', async () => {
    const offering = stack.offerings.find((o) => o.active && o.currency === 'usd');
    if (!offering) throw new Error('no usd offering');
    const learner = stack.users.learner;

    // Take every connection of the app's pool for four seconds.
    let holding = 0;
    const holders = Array.from({ length: POOL_MAX }, () =>
      stack.deps.db.$transaction(
        async (tx) => {
          holding++;
          await tx.$executeRaw`SELECT pg_sleep(4)`;
        },
        { timeout: 20_000, maxWait: 20_000 },
      ),
    );
    await eventually(async () => holding === POOL_MAX);

    const keys = Array.from({ length: 12 }, (_, i) => `overload-key-${String(i).padStart(4, '0')}`);
    const answers = await Promise.all(keys.map((key) => createIntent(key, offering.id, learner.token)));
    expect(answers.map((a) => a.status)).toEqual(keys.map(() => 503));
    for (const answer of answers) {
      expect(answer.code).toBe('SERVICE_UNAVAILABLE');
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
    // Most never reached a procedure: the queue was already long.
    expect(await refusedEarly()).toBeGreaterThanOrEqual(keys.length - 3 - POOL_MAX);
    await Promise.all(holders);

    // A client retrying with the same key (as Retry-After says; this machine's CPU is shared, so a
    // second 503 is allowed) gets its payment, and only one exists whatever the number of tries.
    const retried = [];
    for (const key of keys) {
      let answer = await createIntent(key, offering.id, learner.token);
      for (let attempt = 1; attempt < 3 && answer.status === 503; attempt++) {
        await new Promise((r) => setTimeout(r, Number(answer.retryAfter) * 1000));
        answer = await createIntent(key, offering.id, learner.token);
      }
      retried.push(answer);
    }
    expect(retried.map((a) => a.status)).toEqual(keys.map(() => 200));
    const payments = await stack.db.payment.findMany({
      where: { learnerId: learner.id, offeringId: offering.id },
      select: { stripePaymentIntentId: true },
    });
    expect(payments).toHaveLength(1);
    expect(payments[0]?.stripePaymentIntentId).toMatch(/^pi_/);
  });

  it('keeps answering /healthz while refusing work', async () => {
    // Those beyond the pool's size wait in its queue, then time out: that is expected here.
    const holders = Array.from({ length: POOL_MAX + 4 }, () =>
      stack.deps.db
        .$transaction(async (tx) => tx.$executeRaw`SELECT pg_sleep(1)`, { timeout: 10_000 })
        .catch(() => undefined),
    );
    await eventually(async () => (poolStats(stack.deps.db)?.waiting ?? 0) >= 3);
    const health = await fetch(`${stack.url}/healthz`);
    expect(health.status).toBe(200);
    const config = await fetch(`${stack.url}/api/trpc/system.config`);
    expect(config.status).toBe(503);
    expect(config.headers.get('retry-after')).toBe('2');
    await Promise.allSettled(holders);
  });
});
