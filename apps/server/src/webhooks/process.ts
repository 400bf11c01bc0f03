import type { AppDeps } from '../deps.js';
import { describeError, retryDelayMs } from '../jobs/backoff.js';
import { JobQueueUnavailableError, TASKS } from '../jobs/queue.js';
import type { WebhookOutcome } from '../metrics/metrics.js';
import { handlerFor } from './handlers.js';

/**
 * What one processing attempt did:
 * - processed / unchanged: applied (or already true); the event is PROCESSED.
 * - retrying: it failed, or its payment does not exist yet; attempts and lastError are recorded and a
 *   retry is scheduled with backoff.
 * - orphaned: still no payment after WEBHOOK_MAX_ATTEMPTS; the event is ORPHANED (reported, not retried).
 * - failed: it kept failing for WEBHOOK_MAX_ATTEMPTS; the event stays FAILED with its last error.
 * - ignored: no handler for its type. done: it was already final. busy: another process holds it.
 */
export type ProcessOutcome =
  | 'processed'
  | 'unchanged'
  | 'retrying'
  | 'orphaned'
  | 'failed'
  | 'ignored'
  | 'done'
  | 'missing'
  | 'busy';

export interface ProcessOptions {
  /** Schedule a graphile-worker retry when the attempt does not finish the event (default true). */
  scheduleRetry?: boolean;
}

const FINAL = new Set(['PROCESSED', 'IGNORED', 'ORPHANED']);

/** The graphile-worker job key of an event's processing job: one waiting job per event, across instances. */
export const webhookJobKey = (eventId: string) => `webhook:${eventId}`;

async function scheduleRetry(deps: AppDeps, eventId: string, attempts: number): Promise<void> {
  const runAt = new Date(deps.clock.now().getTime() + retryDelayMs(attempts));
  try {
    await deps.jobs.add(
      TASKS.processWebhookEvent,
      { eventId },
      { jobKey: webhookJobKey(eventId), runAt, maxAttempts: 5 },
    );
  } catch (error) {
    // The event row says it is unfinished; the sweeper re-enqueues it once the queue is reachable.
    if (!(error instanceof JobQueueUnavailableError)) throw error;
  }
}

async function attempt(deps: AppDeps, eventId: string, options: ProcessOptions): Promise<ProcessOutcome> {
  const row = await deps.db.webhookEvent.findUnique({
    where: { id: eventId },
    select: { id: true, type: true, status: true, attempts: true, payload: true, stripeCreatedAt: true },
  });
  if (!row) return 'missing';
  if (FINAL.has(row.status)) return 'done';
  const max = deps.env.WEBHOOK_MAX_ATTEMPTS;
  if (row.status === 'FAILED' && row.attempts >= max) return 'failed';

  const handler = handlerFor(row.type);
  if (!handler) {
    await deps.db.webhookEvent.update({
      where: { id: row.id },
      data: { status: 'IGNORED', processedAt: deps.clock.now() },
    });
    return 'ignored';
  }

  const started = performance.now();
  const attempts = row.attempts + 1;
  let outcome: ProcessOutcome;
  try {
    // The signature was verified when the event was stored; this only re-reads the stored JSON.
    const event = deps.stripe.webhooks.constructEventWithoutVerification(JSON.stringify(row.payload));
    const result = await handler(deps, event, {
      kind: 'webhook',
      eventId: row.id,
      eventCreated: row.stripeCreatedAt,
    });
    if (result.outcome === 'orphaned') {
      outcome = attempts >= max ? 'orphaned' : 'retrying';
      await deps.db.webhookEvent.update({
        where: { id: row.id },
        data: {
          attempts,
          status: outcome === 'orphaned' ? 'ORPHANED' : 'RECEIVED',
          processedAt: outcome === 'orphaned' ? deps.clock.now() : null,
          lastError:
            outcome === 'orphaned'
              ? `Orphaned: no payment matches this event's ${event.data.object.object} after ${attempts} attempts`
              : `No payment matches this event's ${event.data.object.object} yet (attempt ${attempts} of ${max}); retrying`,
        },
      });
    } else {
      outcome = result.outcome === 'applied' ? 'processed' : 'unchanged';
      await deps.db.webhookEvent.update({
        where: { id: row.id },
        data: { attempts, status: 'PROCESSED', processedAt: deps.clock.now(), lastError: null },
      });
    }
  } catch (error) {
    outcome = attempts >= max ? 'failed' : 'retrying';
    await deps.db.webhookEvent.update({
      where: { id: row.id },
      data: { attempts, status: 'FAILED', lastError: describeError(error) },
    });
  }

  const metricOutcome: WebhookOutcome =
    outcome === 'retrying'
      ? 'retrying'
      : outcome === 'unchanged'
        ? 'unchanged'
        : outcome === 'orphaned'
          ? 'orphaned'
          : outcome === 'failed'
            ? 'failed'
            : 'processed';
  deps.metrics.webhookEvents.inc({ type: row.type, outcome: metricOutcome });
  deps.metrics.webhookProcessingSeconds.observe(
    { type: row.type, outcome: metricOutcome },
    (performance.now() - started) / 1000,
  );
  if (outcome === 'retrying' && options.scheduleRetry !== false) await scheduleRetry(deps, row.id, attempts);
  return outcome;
}

/**
 * Applies one stored event through its handler, at most one process at a time per event (a Postgres
 * advisory lock; without a database URL for the lock pool it runs unguarded, which the idempotent sync
 * functions tolerate). Never throws for a handler failure: that is recorded on the row.
 */
export async function processWebhookEvent(
  deps: AppDeps,
  eventId: string,
  options: ProcessOptions = {},
): Promise<ProcessOutcome> {
  let guarded: { locked: true; value: ProcessOutcome } | { locked: false };
  try {
    guarded = await deps.jobs.withLock(webhookJobKey(eventId), () => attempt(deps, eventId, options));
  } catch (error) {
    if (!(error instanceof JobQueueUnavailableError)) throw error;
    return attempt(deps, eventId, options);
  }
  return guarded.locked ? guarded.value : 'busy';
}

export interface DrainResult {
  attempted: number;
  outcomes: Partial<Record<ProcessOutcome, number>>;
}

/**
 * Processes every unfinished event now (RECEIVED, or FAILED with attempts left), oldest Stripe event
 * first, one attempt each, without waiting for backoff. Tests call it to process deterministically; the
 * background worker does the same work through graphile-worker jobs. Call it again for further attempts.
 */
export async function drainWebhookEvents(
  deps: AppDeps,
  { limit = 1000, scheduleRetry = false }: { limit?: number; scheduleRetry?: boolean } = {},
): Promise<DrainResult> {
  const due = await deps.db.webhookEvent.findMany({
    where: {
      OR: [{ status: 'RECEIVED' }, { status: 'FAILED', attempts: { lt: deps.env.WEBHOOK_MAX_ATTEMPTS } }],
    },
    orderBy: [{ stripeCreatedAt: 'asc' }, { id: 'asc' }],
    take: limit,
    select: { id: true },
  });
  const result: DrainResult = { attempted: due.length, outcomes: {} };
  for (const { id } of due) {
    const outcome = await processWebhookEvent(deps, id, { scheduleRetry });
    result.outcomes[outcome] = (result.outcomes[outcome] ?? 0) + 1;
  }
  return result;
}

/**
 * Safety net for a crash between storing an event and scheduling its retry: enqueues a job for every
 * unfinished event older than `olderThanMs` (jobKeyMode preserve_run_at keeps an existing job's backoff).
 */
export async function sweepWebhookEvents(
  deps: AppDeps,
  { olderThanMs = 60_000, limit = 500 } = {},
): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - olderThanMs);
  const stuck = await deps.db.webhookEvent.findMany({
    where: {
      receivedAt: { lt: cutoff },
      OR: [{ status: 'RECEIVED' }, { status: 'FAILED', attempts: { lt: deps.env.WEBHOOK_MAX_ATTEMPTS } }],
    },
    orderBy: { receivedAt: 'asc' },
    take: limit,
    select: { id: true },
  });
  for (const { id } of stuck) {
    await deps.jobs.add(
      TASKS.processWebhookEvent,
      { eventId: id },
      { jobKey: webhookJobKey(id), jobKeyMode: 'preserve_run_at', maxAttempts: 5 },
    );
  }
  return stuck.length;
}
