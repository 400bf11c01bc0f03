import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../test/harness.js';
import { deliverSigned } from '../../test/pay.js';
import { createWebhookProcessor } from './in-process-queue.js';

// The batch loop's scheduling (ingest first) on the real app and database. The app's own loop is closed;
// each test stores events through the real route, then plays their arrivals to its own processor.

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ webhooks: false });
  await stack.app.webhookProcessor.close();
});
afterAll(async () => {
  await stack?.close();
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let seq = 0;
/** Stored events for PaymentIntents we have no payment for: a batch claims them (attempts becomes 1). */
async function storeEvents(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = ++seq;
    const id = `evt_sched_${Date.now()}_${n}`;
    const event = {
      id,
      object: 'event',
      api_version: '2025-01-27',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: 'payment_intent.succeeded',
      data: {
        object: {
          id: `pi_sched_${n}`,
          object: 'payment_intent',
          amount: 4900,
          amount_received: 4900,
          currency: 'usd',
          livemode: false,
          status: 'succeeded',
          metadata: {},
        },
      },
    };
    expect((await deliverSigned(stack, event)).statusCode).toBe(200);
    ids.push(id);
  }
  return ids;
}

const claimed = async (ids: string[]) =>
  stack.db.webhookEvent.count({ where: { id: { in: ids }, attempts: { gt: 0 } } });

describe('the batch loop', () => {
  it('claims nothing while deliveries keep arriving, then applies them all once they pause', async () => {
    const ids = await storeEvents(8);
    const processor = createWebhookProcessor(stack.deps, stack.app.log, {
      quietMs: 1_000,
      maxDelayMs: 60_000,
      pollMs: 60_000,
    });
    try {
      const started = performance.now();
      for (const id of ids) {
        processor.enqueue(id);
        await sleep(20);
      }
      // Still within quietMs of the last arrival (unless this machine stalled for a second).
      const early = await claimed(ids);
      if (performance.now() - started < 8 * 20 + 900) expect(early).toBe(0);
      await processor.idle();
      expect(await claimed(ids)).toBe(ids.length);
    } finally {
      await processor.close();
    }
  });

  it('under a stream that never pauses, applies what waited maxDelayMs without waiting for the end', async () => {
    const ids = await storeEvents(12);
    const processor = createWebhookProcessor(stack.deps, stack.app.log, {
      quietMs: 60_000,
      maxDelayMs: 200,
      pollMs: 60_000,
    });
    try {
      for (const id of ids) {
        processor.enqueue(id);
        await sleep(100);
      }
      expect(await claimed(ids)).toBeGreaterThan(0);
      // What was left when the stream stopped is claimed once it has waited maxDelayMs.
      await processor.idle();
      expect(await claimed(ids)).toBe(ids.length);
    } finally {
      await processor.close();
    }
  });
});
