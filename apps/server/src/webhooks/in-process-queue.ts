import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../deps.js';
import { findStrandedEvents, processWebhookEvent } from './apply-event.js';

export interface WebhookProcessor {
  /** Queues a stored event for processing in this process; false when full (the sweeper gets to it). */
  enqueue(eventId: string): boolean;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
  /** Takes no more work and waits for what is running. */
  close(): Promise<void>;
}

/**
 * The fast path after the durable receipt: the webhook answers Stripe as soon as the event row is
 * committed, and this bounded in-process queue applies it right after. A crash loses only this queue,
 * never an event: every instance polls for stored events that no attempt holds (`pollMs`), and failed
 * attempts are retried with backoff by graphile-worker.
 */
export function createWebhookProcessor(
  deps: AppDeps,
  log: FastifyBaseLogger,
  { concurrency = 8, maxQueued = 5_000, pollMs = 5_000 } = {},
): WebhookProcessor {
  const queue: string[] = [];
  const queued = new Set<string>();
  let running = 0;
  let closed = false;
  let waiters: (() => void)[] = [];

  const settle = () => {
    if (running === 0 && queue.length === 0) {
      for (const resolve of waiters) resolve();
      waiters = [];
    }
  };
  const pump = () => {
    while (running < concurrency && queue.length > 0) {
      const eventId = queue.shift()!;
      queued.delete(eventId);
      running++;
      processWebhookEvent(deps, eventId)
        .catch((error: unknown) =>
          log.error({ err: error, stripeEventId: eventId }, 'webhook processing failed'),
        )
        .finally(() => {
          running--;
          pump();
          settle();
        });
    }
  };

  function enqueue(eventId: string): boolean {
    if (closed || queue.length >= maxQueued) return false;
    if (!queued.has(eventId)) {
      queued.add(eventId);
      queue.push(eventId);
    }
    pump();
    return true;
  }

  let polling = false;
  const poll = setInterval(() => {
    if (polling || closed || queue.length > 0) return;
    polling = true;
    findStrandedEvents(deps)
      .then((ids) => {
        if (ids.length) log.warn({ count: ids.length }, 'picking up stored webhook events left unprocessed');
        for (const id of ids) enqueue(id);
      })
      .catch((error: unknown) => log.error({ err: error }, 'webhook poll failed'))
      .finally(() => {
        polling = false;
      });
  }, pollMs);
  poll.unref();

  return {
    enqueue,
    idle() {
      if (running === 0 && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    async close() {
      closed = true;
      clearInterval(poll);
      queue.length = 0;
      queued.clear();
      await this.idle();
    },
  };
}
