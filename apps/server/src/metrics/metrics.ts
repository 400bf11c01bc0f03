import { type Db, poolStats } from '@enrollpay/db';
import {
  OutboxStatusSchema,
  PaymentStatusSchema,
  RefundStatusSchema,
  WebhookEventStatusSchema,
} from '@enrollpay/schemas';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type Stripe from 'stripe';
import type { Clock } from '../lib/clock.js';
import { type OpsSnapshot, takeOpsSnapshot } from './snapshot.js';

// Every status of each kind, from the contracts, so each gauge reports zeros too.
export const PAYMENT_STATUSES = PaymentStatusSchema.options;
export const REFUND_STATUSES = RefundStatusSchema.options;
export const WEBHOOK_EVENT_STATUSES = WebhookEventStatusSchema.options;
export const OUTBOX_STATUSES = OutboxStatusSchema.options;

/** What happened to a webhook delivery or a processing attempt (the `outcome` label). */
export type WebhookOutcome =
  | 'stored'
  | 'duplicate'
  | 'ignored'
  | 'rejected'
  | 'processed'
  | 'unchanged'
  | 'retrying'
  | 'orphaned'
  | 'failed';

/**
 * One Prometheus registry per app instance (never prom-client's global one), so several apps in one
 * test process do not collide. Counters and histograms are updated as things happen; the gauges are
 * read from the database when /metrics is scraped (one snapshot shared by all of them per scrape).
 */
export interface Metrics {
  registry: Registry;
  webhookEvents: Counter<'type' | 'outcome'>;
  webhookProcessingSeconds: Histogram<'type' | 'outcome'>;
  stripeRequestSeconds: Histogram<'method' | 'path' | 'status'>;
  outboxSent: Counter<'kind' | 'outcome'>;
  outboxSendSeconds: Histogram;
  reconcileRepairs: Counter<'kind'>;
  /** PaymentIntents refused because they contradict their payment (amount, currency, livemode): alert on it. */
  paymentIntentMismatches: Counter<'field'>;
  /** Requests answered 503 before any work because the instance was overloaded, by reason. */
  httpRefused: Counter<'reason'>;
  /** Every HTTP response by status class (2xx, 4xx, 5xx, …). */
  httpResponses: Counter<'status_class'>;
  /** Promotion code uses given back by the stale-hold job (abandoned checkouts canceled), one per payment. */
  promotionHoldsReleased: Counter;
  /** The database figures behind the gauges (cached for a second so one scrape runs the queries once). */
  snapshot(): Promise<OpsSnapshot>;
}

export interface MetricsSources {
  db: Db;
  clock: Clock;
  maxWebhookAttempts: number;
}

export function createMetrics({ db, clock, maxWebhookAttempts }: MetricsSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'enrollpay_process_' });

  let cached: { at: number; value: Promise<OpsSnapshot> } | undefined;
  const snapshot = () => {
    const now = Date.now();
    if (!cached || now - cached.at > 1000) {
      const value = takeOpsSnapshot(db, clock, maxWebhookAttempts);
      cached = { at: now, value };
      value.catch(() => {
        cached = undefined;
      });
    }
    return cached.value;
  };

  const byStatus = (
    name: string,
    help: string,
    statuses: readonly string[],
    pick: (s: OpsSnapshot) => Record<string, number>,
  ) =>
    new Gauge({
      name,
      help,
      labelNames: ['status'],
      registers: [registry],
      async collect() {
        const s = await snapshot();
        const counts = pick(s);
        for (const status of new Set([...statuses, ...Object.keys(counts)]))
          this.set({ status }, counts[status] ?? 0);
      },
    });
  const single = (name: string, help: string, pick: (s: OpsSnapshot) => number | null) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        this.set(pick(await snapshot()) ?? 0);
      },
    });

  byStatus(
    'enrollpay_payments',
    'Payments by status (from the database)',
    PAYMENT_STATUSES,
    (s) => s.paymentsByStatus,
  );
  byStatus(
    'enrollpay_refunds',
    'Refunds by status (from the database)',
    REFUND_STATUSES,
    (s) => s.refundsByStatus,
  );
  byStatus(
    'enrollpay_disputes',
    'Disputes by Stripe dispute status (from the database)',
    [],
    (s) => s.disputesByStatus,
  );
  single('enrollpay_disputes_open', 'Disputes not yet won or lost', (s) => s.openDisputes);
  byStatus(
    'enrollpay_webhook_events_stored',
    'Stored Stripe events by processing status',
    WEBHOOK_EVENT_STATUSES,
    (s) => s.webhookEventsByStatus,
  );
  single(
    'enrollpay_webhook_oldest_unprocessed_age_seconds',
    'Age of the oldest Stripe event still waiting to be processed (0 when none)',
    (s) => s.oldestUnprocessedEventAgeSeconds,
  );
  byStatus(
    'enrollpay_outbox_messages',
    'Outbox emails by status (PENDING is the backlog)',
    OUTBOX_STATUSES,
    (s) => s.outboxByStatus,
  );
  single('enrollpay_job_queue_depth', 'graphile-worker jobs waiting or running', (s) => s.queueDepth);
  new Gauge({
    name: 'enrollpay_db_pool_connections',
    help: "This instance's database pool: connections by state (busy, idle) and queries waiting for one",
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = poolStats(db);
      if (!pool) return;
      this.set({ state: 'busy' }, pool.total - pool.idle);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
    },
  });
  new Gauge({
    name: 'enrollpay_db_pool_oldest_wait_seconds',
    help: "How long the query that has waited longest for one of this instance's database connections has waited so far (0 when none waits); the overload guard refuses at OVERLOAD_POOL_WAIT_MS",
    registers: [registry],
    collect() {
      const pool = poolStats(db);
      if (pool) this.set(pool.oldestWaitMs / 1000);
    },
  });

  return {
    registry,
    snapshot,
    webhookEvents: new Counter({
      name: 'enrollpay_webhook_events_total',
      help: 'Stripe webhook deliveries and processing attempts, by event type and outcome',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    }),
    webhookProcessingSeconds: new Histogram({
      name: 'enrollpay_webhook_processing_seconds',
      help: 'Time to apply one Stripe event to the database',
      labelNames: ['type', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    stripeRequestSeconds: new Histogram({
      name: 'enrollpay_stripe_request_duration_seconds',
      help: 'Stripe API request latency, by method, path template and HTTP status',
      labelNames: ['method', 'path', 'status'],
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
      registers: [registry],
    }),
    outboxSent: new Counter({
      name: 'enrollpay_outbox_send_attempts_total',
      help: 'Email send attempts by outbox kind and outcome (sent, retrying, failed)',
      labelNames: ['kind', 'outcome'],
      registers: [registry],
    }),
    outboxSendSeconds: new Histogram({
      name: 'enrollpay_outbox_send_seconds',
      help: 'Time to render and send one email',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    httpRefused: new Counter({
      name: 'enrollpay_http_refused_total',
      help: 'Requests refused early with 503 because the instance was overloaded, by reason (eventLoopDelay, poolWait, poolQueue)',
      labelNames: ['reason'],
      registers: [registry],
    }),
    httpResponses: new Counter({
      name: 'enrollpay_http_responses_total',
      help: 'HTTP responses by status class',
      labelNames: ['status_class'],
      registers: [registry],
    }),
    reconcileRepairs: new Counter({
      name: 'enrollpay_reconcile_repairs_total',
      help: 'Fields reconciliation corrected from Stripe, by kind of record',
      labelNames: ['kind'],
      registers: [registry],
    }),
    promotionHoldsReleased: new Counter({
      name: 'enrollpay_promotion_holds_released_total',
      help: 'Promotion code uses held by abandoned checkouts and given back by the promotion_release_stale job',
      registers: [registry],
    }),
    paymentIntentMismatches: new Counter({
      name: 'enrollpay_payment_intent_mismatches_total',
      help: 'PaymentIntents refused because their amount, currency or livemode contradict the payment',
      labelNames: ['field'],
      registers: [registry],
    }),
  };
}

/** /v1/payment_intents/pi_123/confirm → /v1/payment_intents/:id/confirm (bounded label cardinality). */
export function pathTemplate(path: string): string {
  return (
    path
      .split('?', 1)[0]
      ?.split('/')
      .map((part) => (/^[a-z]+_[A-Za-z0-9_]+$/.test(part) && /\d/.test(part) ? ':id' : part))
      .join('/') ?? path
  );
}

/** Observes every Stripe API call's latency through the SDK's own 'response' event. Returns an undo. */
export function instrumentStripe(stripe: Stripe, metrics: Pick<Metrics, 'stripeRequestSeconds'>): () => void {
  const onResponse = (event: Stripe.ResponseEvent) => {
    metrics.stripeRequestSeconds.observe(
      { method: event.method, path: pathTemplate(event.path), status: String(event.status) },
      event.elapsed / 1000,
    );
  };
  stripe.on('response', onResponse);
  return () => stripe.off('response', onResponse);
}
