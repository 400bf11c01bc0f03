import { Prisma } from '@enrollpay/db';
import type { AppDeps } from '../deps.js';
import { describeError, retryDelayMs } from '../jobs/backoff.js';
import { JobQueueUnavailableError, TASKS } from '../jobs/queue.js';
import type { WebhookOutcome } from '../metrics/metrics.js';
import { handlerFor } from './handlers.js';
import { DUE_WHERE, UNAPPLIED_WHERE } from './where.js';

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

/**
 * How long one attempt may hold an event before another process may take it over (it crashed mid-way).
 * An attempt takes milliseconds; should one overrun this, a second attempt is harmless (idempotent sync).
 */
export const CLAIM_MS = 10_000;

/** The graphile-worker job key of an event's processing job: one waiting job per event, across instances. */
export const webhookJobKey = (eventId: string) => `webhook:${eventId}`;

/** Schedules the graphile-worker retry of an event at `runAt` (one waiting job per event). */
export async function scheduleRetry(deps: AppDeps, eventId: string, runAt: Date): Promise<void> {
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

interface ClaimedEvent {
  id: string;
  type: string;
  attempts: number;
  payload: unknown;
  stripeCreatedAt: Date;
}

/**
 * Claims an unfinished event for this attempt in one statement: RECEIVED, or FAILED with attempts left,
 * and not held by another attempt. Several server instances can race for the same event; exactly one
 * UPDATE wins. (Backoff between attempts is the retry job's run_at, not this claim.)
 */
async function claim(deps: AppDeps, eventId: string): Promise<ClaimedEvent | null> {
  const now = deps.clock.now();
  const until = new Date(now.getTime() + CLAIM_MS);
  const rows = await deps.db.$queryRaw<ClaimedEvent[]>`
    UPDATE "WebhookEvent" SET "claimedUntil" = ${until}
    WHERE "id" = ${eventId}
      AND ("status" = 'RECEIVED' OR ("status" = 'FAILED' AND "attempts" < ${deps.env.WEBHOOK_MAX_ATTEMPTS}))
      AND ("claimedUntil" IS NULL OR "claimedUntil" <= ${now})
    RETURNING "id", "type", "attempts", "payload", "stripeCreatedAt"`;
  return rows[0] ?? null;
}

/** Why an event could not be claimed (the rare path, so it may cost a read). */
async function unclaimedOutcome(deps: AppDeps, eventId: string): Promise<ProcessOutcome> {
  const row = await deps.db.webhookEvent.findUnique({
    where: { id: eventId },
    select: { status: true, attempts: true },
  });
  if (!row) return 'missing';
  if (row.status === 'PROCESSED' || row.status === 'IGNORED' || row.status === 'ORPHANED') return 'done';
  if (row.status === 'FAILED' && row.attempts >= deps.env.WEBHOOK_MAX_ATTEMPTS) return 'failed';
  return 'busy';
}

async function attempt(deps: AppDeps, row: ClaimedEvent, options: ProcessOptions): Promise<ProcessOutcome> {
  const now = () => deps.clock.now();
  const handler = handlerFor(row.type);
  if (!handler) {
    await deps.db.webhookEvent.update({
      where: { id: row.id },
      data: { status: 'IGNORED', processedAt: now(), claimedUntil: null },
    });
    return 'ignored';
  }

  const started = performance.now();
  const max = deps.env.WEBHOOK_MAX_ATTEMPTS;
  const attempts = row.attempts + 1;
  const nextAttemptAt = () => new Date(now().getTime() + retryDelayMs(attempts));
  let outcome: ProcessOutcome;
  let retryAt: Date | null = null;
  try {
    // The signature was verified when the event was stored; this only re-reads the stored JSON.
    const event = deps.stripe.webhooks.constructEventWithoutVerification(JSON.stringify(row.payload));
    const result = await handler(deps, event, {
      kind: 'webhook',
      eventId: row.id,
      eventCreated: row.stripeCreatedAt,
    });
    if (result.outcome === 'refused') {
      // Stripe's object contradicts our payment: retrying cannot help. Kept FAILED, with the reason, for
      // an admin (the sync recorded an audit row and raised the mismatch metric).
      outcome = 'failed';
      await deps.db.webhookEvent.update({
        where: { id: row.id },
        data: {
          attempts: Math.max(attempts, max),
          status: 'FAILED',
          lastError: result.problem ?? 'refused',
          claimedUntil: null,
        },
      });
    } else if (result.outcome === 'orphaned') {
      outcome = attempts >= max ? 'orphaned' : 'retrying';
      retryAt = outcome === 'retrying' ? nextAttemptAt() : null;
      await deps.db.webhookEvent.update({
        where: { id: row.id },
        data: {
          attempts,
          status: outcome === 'orphaned' ? 'ORPHANED' : 'RECEIVED',
          processedAt: outcome === 'orphaned' ? now() : null,
          claimedUntil: null,
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
        data: { attempts, status: 'PROCESSED', processedAt: now(), lastError: null, claimedUntil: null },
      });
    }
  } catch (error) {
    outcome = attempts >= max ? 'failed' : 'retrying';
    retryAt = outcome === 'retrying' ? nextAttemptAt() : null;
    await deps.db.webhookEvent.update({
      where: { id: row.id },
      data: { attempts, status: 'FAILED', lastError: describeError(error), claimedUntil: null },
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
  if (retryAt && options.scheduleRetry !== false) await scheduleRetry(deps, row.id, retryAt);
  return outcome;
}

/**
 * Applies one stored event through its handler. The claim makes it one attempt at a time per event across
 * every server instance; the sync functions are idempotent besides. Never throws for a handler failure:
 * that is recorded on the row (attempts, lastError) and retried with backoff by graphile-worker.
 */
export async function processWebhookEvent(
  deps: AppDeps,
  eventId: string,
  options: ProcessOptions = {},
): Promise<ProcessOutcome> {
  const row = await claim(deps, eventId);
  if (!row) return unclaimedOutcome(deps, eventId);
  return attempt(deps, row, options);
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
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - olderThanMs);
  // What is not applied sits in two small partial indexes (prisma/schema.prisma): "due" (never attempted,
  // not leased) and "unapplied" (the rest). One ordered read of each, their WHERE written out as literals
  // (Prisma would send parameters, and PostgreSQL reads a partial index only when the query implies its
  // WHERE), merged. Not held by a running attempt (a waiting retry job keeps its run_at: preserve_run_at
  // below); a crashed attempt's lease, once expired, is found here.
  const stuck = await deps.db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM (
      (SELECT "id", "receivedAt" FROM "WebhookEvent"
        WHERE ${Prisma.raw(DUE_WHERE)} AND "receivedAt" < ${cutoff}
        ORDER BY "receivedAt" LIMIT ${limit})
      UNION ALL
      (SELECT "id", "receivedAt" FROM "WebhookEvent"
        WHERE ${Prisma.raw(UNAPPLIED_WHERE)}
          AND ("status" = 'RECEIVED' OR ("status" = 'FAILED' AND "attempts" < ${deps.env.WEBHOOK_MAX_ATTEMPTS}))
          AND "receivedAt" < ${cutoff}
          AND ("claimedUntil" IS NULL OR "claimedUntil" <= ${now})
        ORDER BY "receivedAt" LIMIT ${limit})
    ) AS "unfinished"
    ORDER BY "receivedAt"
    LIMIT ${limit}`;
  for (const { id } of stuck) {
    await deps.jobs.add(
      TASKS.processWebhookEvent,
      { eventId: id },
      { jobKey: webhookJobKey(id), jobKeyMode: 'preserve_run_at', maxAttempts: 5 },
    );
  }
  return stuck.length;
}
