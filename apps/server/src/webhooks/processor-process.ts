import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.js';
import { type BackgroundWorker, startWorker } from '../jobs/worker.js';
import { type HotStatement, hotRows, toIso } from '../lib/hot-sql.js';
import { loggerOptions } from '../logger.js';
import { metricsRoutes } from '../metrics/plugin.js';
import { BATCH_SIZE, type BatchResult } from './batch.js';
import { type Backlog, createWebhookProcessor } from './in-process-queue.js';

/**
 * The idle poll's probe: what waits for a batch? The claim's own condition, as one indexed read (the
 * partial "unapplied" index, in its order: the status is a literal, so PostgreSQL can use it), on the
 * pool with no transaction — instead of a batch's BEGIN, claim and COMMIT every poll. It reads at most
 * $2 (the cap) of the oldest due events: how many (capped), and how long ago the oldest and the newest of
 * those were stored, in ms, against $1 (now, by this process's clock). At the cap the processor claims
 * at once, so the newest of a capped read is never needed.
 */
export const DUE_EVENT: HotStatement = {
  name: 'webhook_due_probe',
  text: `SELECT count(*)::int AS "count",
      coalesce(extract(epoch FROM $1::timestamp - min("receivedAt")) * 1000, 0)::float8 AS "oldestAgeMs",
      coalesce(extract(epoch FROM $1::timestamp - max("receivedAt")) * 1000, 0)::float8 AS "newestAgeMs"
    FROM (SELECT "receivedAt" FROM "WebhookEvent"
      WHERE "status" = 'RECEIVED' AND "attempts" = 0 AND ("claimedUntil" IS NULL OR "claimedUntil" <= $1::timestamp)
      ORDER BY "receivedAt" LIMIT $2) AS "due"`,
};

/**
 * The processor's cap on the backlog it lets wait during a burst (`maxPending`), and the probe's LIMIT:
 * 50 full batches. Above it the processor claims at once; it also bounds what the probe reads (at most
 * this many index entries and rows per poll, only while a backlog waits: ~3 ms of PostgreSQL's CPU at
 * 2,000, ~9 ms at 10,000).
 */
export const PROCESSOR_MAX_PENDING = 50 * BATCH_SIZE;

/** The processor's `quietMs`: ingest is hot while the newest due event is younger than this. */
export const PROCESSOR_QUIET_MS = 25;

/**
 * What a batch would claim (unless locked): stored, never-attempted events not leased by anyone — how
 * many (at most `cap`), and how long ago the oldest and newest were stored (0 when there are none).
 * Ages below 0 (an API whose clock runs ahead of this one) count as 0.
 */
export async function dueWebhookBacklog(deps: AppDeps, cap = PROCESSOR_MAX_PENDING): Promise<Backlog> {
  const [row] = await hotRows<Backlog>(deps.db, DUE_EVENT, [toIso(deps.clock.now()), cap]);
  if (!row) return { count: 0, oldestAgeMs: 0, newestAgeMs: 0 };
  return {
    count: row.count,
    oldestAgeMs: Math.max(0, row.oldestAgeMs),
    newestAgeMs: Math.max(0, row.newestAgeMs),
  };
}

/**
 * Lowers this process's CPU priority to `nice` (0–19): every thread's, on Linux, where a nice value
 * belongs to a thread (V8's and libuv's threads already run; threads made later inherit the main
 * thread's). Returns the threads changed; a failure is the caller's to log.
 */
export function lowerOwnPriority(nice: number): number {
  let tids: number[] = [];
  try {
    tids = readdirSync('/proc/self/task').map(Number).filter(Number.isInteger);
  } catch {
    // Not Linux: the process-wide call below.
  }
  if (tids.length === 0) {
    setPriority(nice);
    return 1;
  }
  for (const tid of tids) setPriority(tid, nice);
  return tids.length;
}

export interface ProcessorProcess {
  /** The small HTTP server (GET /healthz, /metrics) when WEBHOOK_PROCESSOR_PORT is set. */
  url: string | undefined;
  log: FastifyBaseLogger;
  /** Stops claiming, lets the running batch commit (or fail and roll back), stops the worker and the HTTP server. */
  close(): Promise<void>;
}

export interface ProcessorProcessOptions {
  /** Replaces the logger built from LOG_LEVEL (tests). */
  logger?: boolean;
  /** How often to log what was applied, in ms (default a minute). */
  summaryEveryMs?: number;
}

/**
 * The webhook processor as its own long-running process (`src/processor.ts`, `dist/processor.js`): the
 * API instances run with WEBHOOK_PROCESSING=separate and only store and answer; this runs the same batch
 * loop (`createWebhookProcessor`, batch.ts) without HTTP. It learns of stored events by polling every
 * WEBHOOK_PROCESSOR_POLL_MS with one indexed SELECT (no statement is added to the receipt); while
 * deliveries keep arriving it leaves the CPU to them, for at most WEBHOOK_PROCESSOR_MAX_LAG_MS, then takes
 * batches back to back until one comes back partial. Any number of processors (and inline APIs) may run
 * against one database: batches claim with SKIP LOCKED, and a killed processor's open batch rolls back.
 *
 * Also: RUN_WORKER runs the background worker here (retries, sweeper, outbox, reconciliation);
 * WEBHOOK_PROCESSOR_NICE lowers its CPU priority (ingest keeps the CPU on a shared machine during a
 * burst); WEBHOOK_PROCESSOR_PORT serves GET /healthz and /metrics (METRICS_TOKEN applies).
 */
export async function startProcessorProcess(
  deps: AppDeps,
  { logger, summaryEveryMs = 60_000 }: ProcessorProcessOptions = {},
): Promise<ProcessorProcess> {
  const { env } = deps;
  const http: FastifyInstance = Fastify({ logger: logger ?? loggerOptions(env) });
  const log = http.log.child({ component: 'webhook-processor' });

  if (env.WEBHOOK_PROCESSOR_NICE > 0) {
    try {
      const threads = lowerOwnPriority(env.WEBHOOK_PROCESSOR_NICE);
      log.info({ nice: env.WEBHOOK_PROCESSOR_NICE, threads }, 'webhook processor: CPU priority lowered');
    } catch (error) {
      log.warn(
        { err: error, nice: env.WEBHOOK_PROCESSOR_NICE },
        'webhook processor: could not lower its priority',
      );
    }
  }

  // What was applied, for the periodic log line and /healthz.
  const totals = { batches: 0, events: 0, isolated: 0 };
  let window = { batches: 0, events: 0, outcomes: {} as Record<string, number> };
  let lastBatchAt: Date | null = null;
  const onBatch = (batch: BatchResult) => {
    totals.batches++;
    totals.events += batch.claimed;
    if (batch.isolated) totals.isolated++;
    window.batches++;
    window.events += batch.claimed;
    for (const [outcome, n] of Object.entries(batch.outcomes)) {
      window.outcomes[outcome] = (window.outcomes[outcome] ?? 0) + (n ?? 0);
    }
    lastBatchAt = new Date();
  };
  const summary = setInterval(() => {
    if (window.events === 0) return;
    log.info(window, 'webhook processor: events applied');
    window = { batches: 0, events: 0, outcomes: {} };
  }, summaryEveryMs);
  // Not unref'd: this timer keeps the process alive while nothing else is pending (the loop's own poll
  // is unref'd, and the pool may have no open connection while the database is down).

  const processor = createWebhookProcessor(deps, log, {
    pollMs: env.WEBHOOK_PROCESSOR_POLL_MS,
    quietMs: PROCESSOR_QUIET_MS,
    maxDelayMs: env.WEBHOOK_PROCESSOR_MAX_LAG_MS,
    maxPending: PROCESSOR_MAX_PENDING,
    probe: () => dueWebhookBacklog(deps),
    onBatch,
  });

  let worker: BackgroundWorker | null = null;
  if (env.RUN_WORKER) worker = await startWorker(deps, http.log.child({ component: 'worker' }));

  http.get('/healthz', async () => ({
    status: 'ok',
    role: 'webhook-processor',
    batches: totals.batches,
    events: totals.events,
    isolatedBatches: totals.isolated,
    lastBatchAt,
  }));
  await http.register(metricsRoutes, { metrics: deps.metrics, token: env.METRICS_TOKEN });
  let url: string | undefined;
  if (env.WEBHOOK_PROCESSOR_PORT !== undefined) {
    await http.listen({ port: env.WEBHOOK_PROCESSOR_PORT, host: env.HOST });
    const address = http.server.address();
    if (address && typeof address !== 'string') url = `http://${env.HOST}:${address.port}`;
  } else {
    await http.ready();
  }
  log.info(
    {
      pollMs: env.WEBHOOK_PROCESSOR_POLL_MS,
      maxLagMs: env.WEBHOOK_PROCESSOR_MAX_LAG_MS,
      nice: env.WEBHOOK_PROCESSOR_NICE,
      worker: env.RUN_WORKER,
      http: url ?? null,
    },
    'webhook processor started',
  );

  return {
    url,
    log,
    async close() {
      clearInterval(summary);
      await processor.close();
      await worker?.stop();
      await http.close();
      await deps.paymentStatus.close();
      await deps.jobs.close();
      deps.mailer.close();
      log.info(totals, 'webhook processor stopped');
    },
  };
}
