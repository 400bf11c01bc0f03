import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../test/harness.js';
import { deliverSigned } from '../../test/pay.js';
import { claimDelay, createWebhookProcessor } from './in-process-queue.js';
import { dueWebhookProbe, PROCESSOR_QUIET_MS } from './processor-process.js';

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

/** When each of `ids` was first seen claimed (attempts > 0), by Date.now(), read every 10 ms until `stop`. */
function watchClaims(ids: string[]) {
  const seen = new Map<string, number>();
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const rows = await stack.db.webhookEvent.findMany({
        where: { id: { in: ids.filter((id) => !seen.has(id)) }, attempts: { gt: 0 } },
        select: { id: true },
      });
      const at = Date.now();
      for (const { id } of rows) seen.set(id, at);
      await sleep(10);
    }
  })();
  return {
    seen,
    async stop() {
      stopped = true;
      await done;
    },
  };
}

describe('the batch loop driven by the database (the processor process: probe, no enqueue)', () => {
  it('applies a lone event promptly: no burst, no waiting for the lag budget', async () => {
    const processor = createWebhookProcessor(stack.deps, stack.app.log, {
      pollMs: 50,
      quietMs: PROCESSOR_QUIET_MS,
      maxDelayMs: 2_000,
      probe: dueWebhookProbe(stack.deps, { quietMs: PROCESSOR_QUIET_MS, maxDelayMs: 2_000 }),
    });
    try {
      const started = Date.now();
      const [id] = await storeEvents(1);
      if (!id) throw new Error('nothing stored');
      const watch = watchClaims([id]);
      while (!watch.seen.has(id) && Date.now() - started < 5_000) await sleep(5);
      await watch.stop();
      const waited = (watch.seen.get(id) ?? Number.POSITIVE_INFINITY) - started;
      console.log(`lone event: claimed ${waited} ms after its delivery started (poll 50 ms, quiet 25 ms)`);
      // Typically 50-120 ms (a poll or two, and the batch); far below the 2 s a burst could wait.
      expect(waited).toBeLessThan(1_000);
    } finally {
      await processor.close();
    }
  });

  it('during a steady stream of stores waits until the oldest has waited the lag budget, then applies all', async () => {
    const budget = 600;
    const quietMs = 200;
    const processor = createWebhookProcessor(stack.deps, stack.app.log, {
      pollMs: 50,
      quietMs,
      maxDelayMs: budget,
      probe: dueWebhookProbe(stack.deps, { quietMs, maxDelayMs: budget }),
    });
    const ids: string[] = [];
    const storedAt = new Map<string, number>();
    const watch = watchClaims(ids);
    try {
      // A stream that never pauses for quietMs, for about four lag budgets.
      const started = Date.now();
      let last = started;
      let maxGap = 0;
      while (Date.now() - started < 4 * budget) {
        const at = Date.now();
        maxGap = Math.max(maxGap, at - last);
        last = at;
        const [id] = await storeEvents(1);
        if (!id) throw new Error('nothing stored');
        ids.push(id);
        storedAt.set(id, at);
        await sleep(10);
      }
      const streamEnded = Date.now();
      await eventuallyClaimed(ids, watch.seen);
      await watch.stop();

      const claimTimes = ids.map((id) => watch.seen.get(id) ?? Number.POSITIVE_INFINITY);
      const firstClaim = Math.min(...claimTimes);
      const waits = ids.map((id, i) => (claimTimes[i] ?? 0) - (storedAt.get(id) ?? 0));
      console.log(
        `stream: ${ids.length} events over ${streamEnded - started} ms (largest gap ${maxGap} ms); first claim ${firstClaim - started} ms after the first store; longest wait ${Math.max(...waits)} ms (budget ${budget} ms)`,
      );
      // The processor did not claim while the stream was hot and the oldest had waited less than the
      // budget (unless this machine stalled for quietMs between two stores: then the stream paused).
      if (maxGap < quietMs) expect(firstClaim - started).toBeGreaterThanOrEqual(budget);
      // It did not wait for the stream to end either: some events were claimed while it went on…
      expect(firstClaim).toBeLessThan(streamEnded);
      // …and none waited much more than the budget: one poll, the batch and this watch's 10 ms reads.
      expect(Math.max(...waits)).toBeLessThan(budget + 400);
      // Every event claimed exactly once (attempts 1: a second claim would have made it 2).
      const attempts = await stack.db.webhookEvent.findMany({
        where: { id: { in: ids } },
        select: { attempts: true },
      });
      expect(attempts).toHaveLength(ids.length);
      expect(attempts.every((a) => a.attempts === 1)).toBe(true);
    } finally {
      await watch.stop();
      await processor.close();
    }
  });
});

async function eventuallyClaimed(ids: string[], seen: Map<string, number>) {
  const deadline = Date.now() + 10_000;
  while (seen.size < ids.length && Date.now() < deadline) await sleep(10);
}

describe('claimDelay: the decision both topologies share', () => {
  const policy = { quietMs: 25, maxDelayMs: 1_000, maxPending: 2_000 };
  it('waits while the newest event is younger than quietMs, until the oldest could have waited maxDelayMs', () => {
    expect(claimDelay({ count: 10, oldestAgeMs: 300, newestAgeMs: 5 }, policy)).toBe(20);
    expect(claimDelay({ count: 10, oldestAgeMs: 990, newestAgeMs: 0 }, policy)).toBe(10);
  });
  it('claims now once the burst pauses, the budget is spent, or the cap is reached', () => {
    expect(claimDelay({ count: 10, oldestAgeMs: 300, newestAgeMs: 25 }, policy)).toBe(0);
    expect(claimDelay({ count: 10, oldestAgeMs: 1_000, newestAgeMs: 0 }, policy)).toBe(0);
    expect(claimDelay({ count: 2_000, oldestAgeMs: 10, newestAgeMs: 0 }, policy)).toBe(0);
    expect(claimDelay({ count: 3, oldestAgeMs: 0, newestAgeMs: 0 }, { ...policy, maxDelayMs: 0 })).toBe(0);
  });
  it('inline: a busy pool counts as a burst even after quietMs', () => {
    expect(claimDelay({ count: 10, oldestAgeMs: 300, newestAgeMs: 100 }, policy, true)).toBe(1);
  });
});
