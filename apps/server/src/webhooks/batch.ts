import { Prisma } from '@enrollpay/db';
import type Stripe from 'stripe';
import type { AppDeps } from '../deps.js';
import { describeError, retryDelayMs } from '../jobs/backoff.js';
import type { WebhookOutcome } from '../metrics/metrics.js';
import { inTransaction } from '../payments/sql.js';
import { applyPlans, type PurePlan, type SyncResult } from '../payments/sync.js';
import { type ProcessOutcome, processWebhookEvent, scheduleRetry } from './apply-event.js';
import { batchPlanFor } from './handlers.js';
import { isStripeEvent } from './verify.js';
import { DUE_WHERE } from './where.js';

/** Most events one batch claims. */
export const BATCH_SIZE = 100;

interface ClaimedRow {
  id: string;
  type: string;
  payload: unknown;
  stripeCreatedAt: Date;
}

interface Planned {
  row: ClaimedRow;
  event: Stripe.Event;
  plan: PurePlan;
}

interface EventUpdate {
  id: string;
  status: 'PROCESSED' | 'RECEIVED' | 'FAILED' | 'ORPHANED';
  attempts: number;
  lastError: string | null;
  processedAt: string | null;
}

export interface BatchResult {
  /** Events this batch claimed (0: nothing was due). */
  claimed: number;
  outcomes: Partial<Record<ProcessOutcome, number>>;
  /** The batch's transaction failed; its events were then applied one at a time. */
  isolated: boolean;
  /** Why the batch's transaction failed (when isolated). */
  error?: string;
}

const metricOutcomeOf = (o: ProcessOutcome): WebhookOutcome =>
  o === 'retrying' || o === 'unchanged' || o === 'orphaned' || o === 'failed' ? o : 'processed';

/**
 * One batch of the webhook pipeline, in ONE transaction:
 *
 * 1. claim up to `limit` stored, never-attempted events, oldest stored first (`DUE_WHERE`; `FOR UPDATE
 *    SKIP LOCKED`: instances and loops take disjoint batches; the row locks are the claim, so a crash
 *    releases them with the rollback). An event a one-at-a-time attempt has leased (`claimedUntil` set)
 *    is not the batch's: that attempt clears the lease when it ends; if it crashed, the sweep hands the
 *    event to a one-at-a-time attempt once the lease has expired;
 * 2. plan each (handlers.ts `batchPlanFor`) and apply the plans together, set-based (`applyPlans`:
 *    one lock statement for every payment, one write for the payments, one for the enrollments, each
 *    effect once for the batch);
 * 3. record every event's outcome with one UPDATE (inside applyPlans, just before its last effect, the
 *    stats rollup, whose rows concurrent batches share), and commit: applied and marked together.
 *
 * Events a batch does not apply (disputes, Connect, an event whose object does not parse) go one at a
 * time through `processWebhookEvent` after the commit. If the batch's transaction fails (a poison event,
 * a deadlock, a lost connection), it rolls back and each of its events is applied alone, so one bad
 * event is recorded FAILED with its own error (retried with backoff, then left for an admin) and never
 * holds back the others. An orphan (no payment yet) gets its retry job scheduled after the commit.
 */
export async function processWebhookBatch(
  deps: AppDeps,
  { limit = BATCH_SIZE }: { limit?: number } = {},
): Promise<BatchResult> {
  const started = performance.now();
  const max = deps.env.WEBHOOK_MAX_ATTEMPTS;
  let claimedIds: string[] = [];
  const deferred: string[] = [];
  const retries: { id: string; at: Date }[] = [];
  const outcomes: { type: string; outcome: ProcessOutcome }[] = [];
  try {
    await inTransaction(deps.db, async (sql) => {
      const now = deps.clock.now();
      // Exactly the "due" partial index's WHERE, in its order: an ordered scan of it that stops after
      // `limit` entries, whatever the statistics say.
      const rows = await sql.query<ClaimedRow>(Prisma.sql`
          SELECT "id", "type", "payload", "stripeCreatedAt" FROM "WebhookEvent"
          WHERE ${Prisma.raw(DUE_WHERE)}
          ORDER BY "receivedAt", "id"
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED`);
      claimedIds = rows.map((r) => r.id);
      if (!rows.length) return;

      const planned: Planned[] = [];
      for (const row of rows) {
        const event = isStripeEvent(row.payload) ? row.payload : null;
        let plan: PurePlan | null = null;
        try {
          plan = event
            ? batchPlanFor(deps, event, {
                kind: 'webhook',
                eventId: row.id,
                eventCreated: row.stripeCreatedAt,
              })
            : null;
        } catch {
          // The object is not what the type promises: the one-at-a-time path records the error.
          plan = null;
        }
        if (event && plan) planned.push({ row, event, plan });
        else deferred.push(row.id);
      }
      // In the order Stripe produced them. Events of one second tie (Stripe stamps whole seconds, and the
      // merge lets the later of two equal stamps win): they keep the claim's order, the order they
      // arrived in, as one event at a time would apply them (sort is stable; event ids are random).
      planned.sort((a, b) => a.row.stripeCreatedAt.getTime() - b.row.stripeCreatedAt.getTime());
      // The mark runs inside applyPlans, just before the stats rollup (its row locks, shared with the
      // other loop's and instances' batches, are then held through nothing but the commit).
      const mark = async (results: readonly SyncResult[]) => {
        // When the batch's work is done (its last statements are the mark and the rollup), not when it
        // was claimed.
        const processedAt = deps.clock.now().toISOString();
        const updates: EventUpdate[] = planned.map(({ row, event }, i) => {
          const result: SyncResult | undefined = results[i];
          const attempts = 1;
          if (!result) throw new Error(`no result for event ${row.id}`);
          let outcome: ProcessOutcome;
          let update: EventUpdate;
          if (result.outcome === 'refused') {
            outcome = 'failed';
            update = {
              id: row.id,
              status: 'FAILED',
              attempts: Math.max(attempts, max),
              lastError: result.problem ?? 'refused',
              processedAt: null,
            };
          } else if (result.outcome === 'orphaned') {
            const kind = event.data.object.object;
            outcome = attempts >= max ? 'orphaned' : 'retrying';
            update =
              outcome === 'orphaned'
                ? {
                    id: row.id,
                    status: 'ORPHANED',
                    attempts,
                    lastError: `Orphaned: no payment matches this event's ${kind} after ${attempts} attempts`,
                    processedAt,
                  }
                : {
                    id: row.id,
                    status: 'RECEIVED',
                    attempts,
                    lastError: `No payment matches this event's ${kind} yet (attempt ${attempts} of ${max}); retrying`,
                    processedAt: null,
                  };
            if (outcome === 'retrying') {
              retries.push({ id: row.id, at: new Date(now.getTime() + retryDelayMs(attempts)) });
            }
          } else {
            outcome = result.outcome === 'applied' ? 'processed' : 'unchanged';
            update = { id: row.id, status: 'PROCESSED', attempts, lastError: null, processedAt };
          }
          outcomes.push({ type: row.type, outcome });
          return update;
        });
        if (updates.length) {
          await sql.query(
            Prisma.sql`
            UPDATE "WebhookEvent" e SET "status" = v."status"::"WebhookEventStatus", "attempts" = v."attempts",
              "lastError" = v."lastError", "processedAt" = v."processedAt"::timestamp(3), "claimedUntil" = NULL
            FROM jsonb_to_recordset(${JSON.stringify(updates)}::jsonb)
              AS v("id" text, "status" text, "attempts" int, "lastError" text, "processedAt" text)
            WHERE e."id" = v."id"`,
            'webhooks.mark-batch',
          );
        }
      };
      await applyPlans(
        sql,
        deps,
        planned.map((p) => p.plan),
        mark,
      );
    });
  } catch (error) {
    if (!claimedIds.length) throw error;
    // The batch rolled back: nothing of it happened. Each event is now applied alone, so a poison event
    // fails by itself (recorded on its row, retried with backoff) and the rest go through.
    const result: BatchResult = {
      claimed: claimedIds.length,
      outcomes: {},
      isolated: true,
      error: describeError(error),
    };
    for (const id of claimedIds) {
      const outcome = await processWebhookEvent(deps, id);
      result.outcomes[outcome] = (result.outcomes[outcome] ?? 0) + 1;
    }
    return result;
  }

  const seconds = (performance.now() - started) / 1000;
  const result: BatchResult = { claimed: claimedIds.length, outcomes: {}, isolated: false };
  // The metrics per (type, outcome), not per event: a batch's events are mostly of one or two kinds.
  const counts = new Map<string, { labels: { type: string; outcome: WebhookOutcome }; n: number }>();
  for (const { type, outcome } of outcomes) {
    result.outcomes[outcome] = (result.outcomes[outcome] ?? 0) + 1;
    const metricOutcome = metricOutcomeOf(outcome);
    const key = `${type}\u0000${metricOutcome}`;
    const count = counts.get(key);
    if (count) count.n += 1;
    else counts.set(key, { labels: { type, outcome: metricOutcome }, n: 1 });
  }
  for (const { labels, n } of counts.values()) {
    deps.metrics.webhookEvents.inc(labels, n);
    // Every event of the batch took the batch's time.
    for (let i = 0; i < n; i++) deps.metrics.webhookProcessingSeconds.observe(labels, seconds);
  }
  for (const { id, at } of retries) await scheduleRetry(deps, id, at);
  for (const id of deferred) {
    const outcome = await processWebhookEvent(deps, id);
    result.outcomes[outcome] = (result.outcomes[outcome] ?? 0) + 1;
  }
  return result;
}
