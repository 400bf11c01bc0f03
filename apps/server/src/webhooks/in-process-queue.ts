import { poolStats } from '@enrollpay/db';
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../deps.js';
import { BATCH_SIZE, type BatchResult, processWebhookBatch } from './batch.js';
import { receiptBacklog } from './store.js';

export interface WebhookProcessor {
  /**
   * Says a stored event is waiting: wakes the batch loop (the event itself is found by the claim, so
   * any stored event is picked up, whoever stored it). False once closed.
   */
  enqueue(eventId: string): boolean;
  /** Resolves when no batch is running and nothing was asked for since. */
  idle(): Promise<void>;
  /** Takes no more work and waits for what is running. */
  close(): Promise<void>;
}

export interface WebhookProcessorOptions {
  /** Batch loops at once in this process (each claims its own events with SKIP LOCKED). */
  concurrency?: number;
  batchSize?: number;
  /** How often an idle process looks for stored events nobody is applying (another instance crashed). */
  pollMs?: number;
  /** After a batch that was not full, how long to let events gather before the next claim. */
  lingerMs?: number;
  /**
   * Ingest is "hot" while deliveries arrive less than this far apart (or a query waits for a pool
   * connection): the loops then leave the CPU and the connections to the receipts, and apply what was
   * stored once the burst is over…
   */
  quietMs?: number;
  /** …or once the oldest waiting event has waited this long (a steady stream at full speed)… */
  maxDelayMs?: number;
  /** …or once this many events wait (they are then applied in full batches). */
  maxPending?: number;
  /**
   * Asked by the idle poll before it starts a batch: what waits in the database (how many events are
   * due, capped, and how long ago the oldest and the newest of them were stored). Without it the poll
   * starts a batch (a transaction) every `pollMs`, which is fine every 5 s but not every 50 ms: the
   * processor process (processor-process.ts) passes one indexed SELECT. With it, the backlog in the
   * database drives the same decision (`claimDelay`) as `enqueue()` does inline: the poll starts a batch
   * only when ingest is not hot or the backlog may not wait longer, and the loop stops after a partial
   * batch (the next poll decides again) instead of lingering.
   */
  probe?: () => Promise<Backlog>;
  /** Called after every batch that claimed something (the processor process counts them for its log). */
  onBatch?: (result: BatchResult) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What the claim decision needs to know about the stored events no batch has claimed yet. */
export interface Backlog {
  /** How many wait (a probe may cap it: at `maxPending` the answer is "claim now" anyway). */
  count: number;
  /** How long ago the oldest of them arrived, in ms. */
  oldestAgeMs: number;
  /** How long ago the newest of them arrived, in ms: ingest is hot while this is below `quietMs`. */
  newestAgeMs: number;
}

export interface DeferPolicy {
  quietMs: number;
  maxDelayMs: number;
  maxPending: number;
}

/**
 * Ingest first, with a bounded lag: 0 when it is time to claim (nothing hot, or the oldest event has
 * waited `maxDelayMs`, or `maxPending` wait), otherwise how long to wait before asking again. `busy`
 * says ingest is hot for another reason (inline: queries wait for a pool connection). One decision for
 * both topologies: inline feeds it from `enqueue()`, the processor process from its probe.
 */
export function claimDelay(backlog: Backlog, policy: DeferPolicy, busy = false): number {
  if (backlog.count === 0) return 0;
  if (backlog.oldestAgeMs >= policy.maxDelayMs || backlog.count >= policy.maxPending) return 0;
  const hot = backlog.newestAgeMs < policy.quietMs || busy;
  if (!hot) return 0;
  return Math.max(1, Math.min(policy.quietMs - backlog.newestAgeMs, policy.maxDelayMs - backlog.oldestAgeMs));
}

/**
 * The fast path after the durable receipt: the webhook answers Stripe as soon as the event row is
 * committed and wakes this loop, which applies stored events in batches (batch.ts) until none is left.
 *
 * Ingest comes first. While deliveries keep arriving (a burst: less than `quietMs` apart, or queries
 * queue for a pool connection) the loop waits, so the receipts have the CPU and every connection; it
 * applies what was stored as soon as the burst pauses, or when the oldest waiting event has waited
 * `maxDelayMs`, or when `maxPending` events wait — then in full batches, until a batch comes back
 * partial. After a partial batch it waits `lingerMs`, so that under steady traffic batches are not of
 * one event. A lone event is applied `quietMs` after it was stored.
 *
 * With a `probe` (the processor process) the same decision is driven by what the database holds: the
 * idle poll asks the probe every `pollMs` and starts the loop only when `claimDelay` says so; the loop
 * drains in full batches and stops at the first partial one.
 *
 * A crash loses nothing: the batch's transaction rolls back, its row locks go with it, and any instance
 * (every one polls every `pollMs`) claims the events again. Failed attempts are retried with backoff by
 * graphile-worker, one event at a time.
 */
export function createWebhookProcessor(
  deps: AppDeps,
  log: FastifyBaseLogger,
  {
    concurrency = 2,
    batchSize = BATCH_SIZE,
    pollMs = 5_000,
    lingerMs = 50,
    quietMs = 15,
    maxDelayMs = 500,
    maxPending = 5 * batchSize,
    probe,
    onBatch,
  }: WebhookProcessorOptions = {},
): WebhookProcessor {
  const policy: DeferPolicy = { quietMs, maxDelayMs, maxPending };
  let running = 0;
  /** Bumped by every wake-up; a loop that found nothing exits only if none came in meanwhile. */
  let requested = 0;
  let closed = false;
  let waiters: (() => void)[] = [];
  /** Events this process stored and no batch has claimed yet (approximate: other instances store too). */
  let pending = 0;
  let lastArrival = Number.NEGATIVE_INFINITY;
  /** When the oldest of `pending` arrived. */
  let oldestPending = Number.POSITIVE_INFINITY;

  const settle = () => {
    if (running === 0) {
      for (const resolve of waiters) resolve();
      waiters = [];
    }
  };

  /** Resolves when it is time to claim: ingest is not hot, or the backlog may not wait any longer. */
  const lull = async () => {
    for (;;) {
      if (closed || pending === 0) return;
      const now = performance.now();
      const backlog = { count: pending, oldestAgeMs: now - oldestPending, newestAgeMs: now - lastArrival };
      // Deliveries wait for a pool connection, or to join the receipt's next INSERT (store.ts).
      const busy = (poolStats(deps.db)?.waiting ?? 0) > 0 || receiptBacklog(deps.db).waiting > 0;
      const delay = claimDelay(backlog, policy, busy);
      if (delay === 0) return;
      await sleep(delay);
    }
  };

  const loop = async () => {
    let draining = false;
    for (;;) {
      if (closed) return;
      // Between full batches of a backlog there is no waiting; otherwise ingest goes first.
      if (!draining) await lull();
      if (closed) return;
      const seen = requested;
      const batch = await processWebhookBatch(deps, { limit: batchSize });
      pending = Math.max(0, pending - batch.claimed);
      if (batch.claimed > 0) onBatch?.(batch);
      if (pending === 0) oldestPending = Number.POSITIVE_INFINITY;
      if (batch.isolated) {
        log.warn(
          { claimed: batch.claimed, outcomes: batch.outcomes, error: batch.error },
          'webhook batch failed; applied one by one',
        );
      }
      draining = batch.claimed >= batchSize;
      if (draining) {
        // A full batch: more may be waiting, and another loop can take a share of them.
        wake();
      } else if (batch.claimed > 0) {
        // A partial batch: the backlog is applied. With a probe, the next poll decides from the database
        // when to claim again (ingest may be hot by then).
        if (probe) return;
        // Inline, events are arriving one by one. Let some gather, so the next batch spreads its fixed
        // cost (a transaction, ten statements) over many (lingerMs × the arrival rate).
        await sleep(lingerMs);
      } else if (requested === seen) {
        return;
      }
    }
  };

  function wake() {
    requested++;
    if (closed || running >= concurrency) return;
    running++;
    loop()
      .catch((error: unknown) => log.error({ err: error }, 'webhook processing failed'))
      .finally(() => {
        running--;
        settle();
      });
  }

  /** The idle poll's probe in flight, if any (close waits for it). */
  let probing: Promise<void> | null = null;
  /** The last probe failed (the database is unreachable): logged once, not on every poll. */
  let probeFailing = false;
  const poll = setInterval(() => {
    if (closed || running > 0) return;
    if (!probe) {
      wake();
      return;
    }
    // Every poll: the probe reads a few index entries plus what was stored since the last one
    // (processor-process.ts), so a burst's end is seen within quietMs and one poll.
    if (probing) return;
    probing = probe()
      .then((backlog) => {
        if (probeFailing) log.info('webhook processing: the database answers again');
        probeFailing = false;
        if (backlog.count === 0 || closed || running > 0) return;
        // Otherwise stored events keep arriving: the next poll asks again (the lag budget is the probe's
        // oldest age, so it is kept to within a poll).
        if (claimDelay(backlog, policy) === 0) wake();
      })
      .catch((error: unknown) => {
        if (!probeFailing) log.error({ err: error }, 'webhook processing: looking for events failed');
        probeFailing = true;
      })
      .finally(() => {
        probing = null;
      });
  }, pollMs);
  poll.unref();

  return {
    enqueue() {
      if (closed) return false;
      const now = performance.now();
      lastArrival = now;
      if (pending === 0) oldestPending = now;
      pending++;
      wake();
      return true;
    },
    idle() {
      if (running === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    async close() {
      closed = true;
      clearInterval(poll);
      await probing;
      await this.idle();
    },
  };
}

/**
 * What an API with `WEBHOOK_PROCESSING=separate` has instead of the batch loop: it applies nothing. The
 * route stores and answers; a processor process (src/processor.ts) finds the stored events by its poll.
 */
export function storeOnlyProcessor(): WebhookProcessor {
  let closed = false;
  return {
    enqueue: () => !closed,
    idle: async () => undefined,
    async close() {
      closed = true;
    },
  };
}
