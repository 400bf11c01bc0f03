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
import { DUE_WHERE } from './where.js';

/**
 * The idle poll's probe: what waits for a batch? Three reads of the "due" index, on the pool with no
 * transaction (instead of a batch's BEGIN, claim and COMMIT every poll):
 * - the oldest due event (the first entry) and the newest (the last entry, read backwards): their ages in
 *   ms against $1 (now, by this process's clock); the oldest's id says whether anyone claimed since the
 *   last probe;
 * - how many due events were stored after $2 (the newest the last probe saw, or -infinity to count from
 *   the oldest), at most $3: an index-only scan of the entries added since the last probe. The caller
 *   adds them to what it had counted while the oldest stays the same (`continued`: nobody claimed), and
 *   counts afresh otherwise. So each poll reads O(log n) entries plus what arrived since the last one, not
 *   the whole backlog. Counted only when the count can change the decision (`claimDelay`): while the
 *   newest is younger than $5 (quietMs: ingest is hot) and the oldest younger than $6 (the lag budget);
 *   otherwise `added` is null and the processor claims now whatever the count.
 * No row when nothing is due.
 */
export const DUE_EVENT: HotStatement = {
  name: 'webhook_due_probe',
  text: `SELECT "oldest"."id" AS "oldestId", ("oldest"."id" = $4::text) AS "continued",
      extract(epoch FROM $1::timestamp - "oldest"."receivedAt")::float8 * 1000 AS "oldestAgeMs",
      extract(epoch FROM $1::timestamp - "newest"."receivedAt")::float8 * 1000 AS "newestAgeMs",
      to_char("newest"."receivedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "newestAt",
      CASE WHEN extract(epoch FROM $1::timestamp - "newest"."receivedAt")::float8 * 1000 < $5::float8
          AND extract(epoch FROM $1::timestamp - "oldest"."receivedAt")::float8 * 1000 < $6::float8
        THEN (SELECT count(*)::int FROM (SELECT 1 FROM "WebhookEvent"
          WHERE ${DUE_WHERE}
            AND "receivedAt" > greatest(CASE WHEN "oldest"."id" = $4::text THEN $2::timestamp ELSE '-infinity' END,
              "oldest"."receivedAt" - interval '1 millisecond')
          ORDER BY "receivedAt", "id" LIMIT $3) AS "stored") END AS "added"
    FROM (SELECT "id", "receivedAt" FROM "WebhookEvent" WHERE ${DUE_WHERE}
        ORDER BY "receivedAt", "id" LIMIT 1) AS "oldest",
      (SELECT "receivedAt" FROM "WebhookEvent" WHERE ${DUE_WHERE}
        ORDER BY "receivedAt" DESC, "id" DESC LIMIT 1) AS "newest"`,
};

/**
 * The processor's cap on the backlog it lets wait during a burst (`maxPending`): 50 full batches. Above it
 * the processor claims at once. The probe counts due events only up to it.
 */
export const PROCESSOR_MAX_PENDING = 50 * BATCH_SIZE;

/** The processor's `quietMs`: ingest is hot while the newest due event is younger than this. */
export const PROCESSOR_QUIET_MS = 25;

interface DueRow {
  oldestId: string;
  continued: boolean;
  oldestAgeMs: number;
  newestAgeMs: number;
  newestAt: string;
  /** Null: not counted (ingest is quiet, or the lag budget is spent: the processor claims now). */
  added: number | null;
}

/** What the last probe saw, so the next one only counts the due events stored since. */
interface DueCursor {
  oldestId: string;
  newestAt: string;
  count: number;
}

/**
 * When the count can matter (`claimDelay`): while the newest due event is younger than `quietMs` and the
 * oldest younger than `maxDelayMs`. Outside that the probe does not count (infinite: always counts).
 */
export interface DueProbeOptions {
  cap?: number;
  quietMs?: number;
  maxDelayMs?: number;
}

async function readDue(
  deps: AppDeps,
  {
    cap = PROCESSOR_MAX_PENDING,
    quietMs = Number.POSITIVE_INFINITY,
    maxDelayMs = Number.POSITIVE_INFINITY,
  }: DueProbeOptions,
  cursor: DueCursor | null,
): Promise<{ backlog: Backlog; cursor: DueCursor | null }> {
  const [row] = await hotRows<DueRow>(deps.db, DUE_EVENT, [
    toIso(deps.clock.now()),
    cursor?.newestAt ?? '-infinity',
    cap,
    cursor?.oldestId ?? '',
    quietMs,
    maxDelayMs,
  ]);
  if (!row) return { backlog: { count: 0, oldestAgeMs: 0, newestAgeMs: 0 }, cursor: null };
  const ages = { oldestAgeMs: Math.max(0, row.oldestAgeMs), newestAgeMs: Math.max(0, row.newestAgeMs) };
  // Not counted: something is due and the decision is "claim now" whatever the count; the next probe
  // counts afresh.
  if (row.added === null) return { backlog: { count: 1, ...ages }, cursor: null };
  const count = Math.min(cap, (row.continued && cursor ? cursor.count : 0) + row.added);
  return {
    backlog: { count, ...ages },
    cursor: { oldestId: row.oldestId, newestAt: row.newestAt, count },
  };
}

/**
 * What a batch would claim (unless locked): stored, never-attempted events not leased by anyone — how
 * many (at most `cap`), and how long ago the oldest and newest were stored (0 when there are none).
 * Ages below 0 (an API whose clock runs ahead of this one) count as 0. One probe, counted from scratch.
 */
export async function dueWebhookBacklog(deps: AppDeps, cap = PROCESSOR_MAX_PENDING): Promise<Backlog> {
  return (await readDue(deps, { cap }, null)).backlog;
}

/**
 * The processor's probe, asked every poll: `dueWebhookBacklog` that remembers what it counted. While a
 * burst is held back nobody claims, the oldest due event stays the same, and each probe counts only the
 * events stored since the previous one (an event committed late with an earlier receivedAt than the
 * previous newest is missed by the count: the cap is a soft bound; the ages, which the lag budget
 * depends on, are always read exactly). Once anyone claims, the oldest changes and it counts afresh.
 * Given `quietMs` and `maxDelayMs` (the processor's policy) it counts only while the count can change
 * the decision; otherwise it answers a count of 1 (something is due), which `claimDelay` turns into
 * "claim now" as it would any count.
 */
export function dueWebhookProbe(deps: AppDeps, options: DueProbeOptions = {}): () => Promise<Backlog> {
  let cursor: DueCursor | null = null;
  return async () => {
    const read = await readDue(deps, options, cursor);
    cursor = read.cursor;
    return read.backlog;
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
    probe: dueWebhookProbe(deps, {
      cap: PROCESSOR_MAX_PENDING,
      quietMs: PROCESSOR_QUIET_MS,
      maxDelayMs: env.WEBHOOK_PROCESSOR_MAX_LAG_MS,
    }),
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
