import {
  MAX_RECONCILE_HOURS,
  type MetricsSummaryOutput,
  type OutboxInput,
  type OutboxOutput,
  type ReconcileInput,
  type ReconcileReport,
  type WebhookEventsInput,
  type WebhookEventsOutput,
} from '@enrollpay/schemas';
import { audit } from '../audit.js';
import type { Principal } from '../auth/tokens.js';
import type { AppDeps } from '../deps.js';
import { BadRequestError } from '../errors.js';
import { byCreatedAt, keyset } from '../lib/cursor.js';
import { PAYMENT_STATUSES, WEBHOOK_EVENT_STATUSES } from '../metrics/metrics.js';
import { openDisputeCount } from '../payments/status.js';
import { reconcile } from '../reconcile/reconcile.js';

/** Operations for admins: stored Stripe events, queued emails, reconciliation, key figures. */

const byReceivedAt = keyset('receivedAt');
const HOUR_MS = 3_600_000;

/** Stored Stripe events, newest first; ORPHANED and FAILED ones carry their last error. */
export async function listWebhookEvents(
  deps: AppDeps,
  input: WebhookEventsInput,
): Promise<WebhookEventsOutput> {
  const rows = await deps.db.webhookEvent.findMany({
    where: {
      ...(input.status ? { status: input.status } : {}),
      ...(input.type ? { type: input.type } : {}),
      ...byReceivedAt.after(input.cursor),
    },
    orderBy: byReceivedAt.orderBy,
    take: input.limit + 1,
    select: {
      id: true,
      type: true,
      status: true,
      attempts: true,
      lastError: true,
      receivedAt: true,
      processedAt: true,
    },
  });
  return byReceivedAt.page(rows, input.limit, (r) => ({
    ...r,
    receivedAt: r.receivedAt.toISOString(),
    processedAt: r.processedAt?.toISOString() ?? null,
  }));
}

/** Queued, sent and failed emails, newest first. */
export async function listOutbox(deps: AppDeps, input: OutboxInput): Promise<OutboxOutput> {
  const rows = await deps.db.outboxMessage.findMany({
    where: { ...(input.status ? { status: input.status } : {}), ...byCreatedAt.after(input.cursor) },
    orderBy: byCreatedAt.orderBy,
    take: input.limit + 1,
    select: {
      id: true,
      kind: true,
      status: true,
      recipient: true,
      subject: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
  return byCreatedAt.page(rows, input.limit, (r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}

/**
 * Re-reads Stripe since a time and repairs what differs; the report lists every change. One request
 * scans at most MAX_RECONCILE_HOURS of Stripe's history, whether it says `since` or `sinceHours`.
 */
export async function runReconcile(
  deps: AppDeps,
  admin: Principal,
  input: ReconcileInput,
): Promise<ReconcileReport> {
  const now = deps.clock.now().getTime();
  const since = input.since ? new Date(input.since) : new Date(now - (input.sinceHours ?? 24) * HOUR_MS);
  if (since.getTime() < now - MAX_RECONCILE_HOURS * HOUR_MS) {
    throw new BadRequestError(
      `since: must be within the last ${MAX_RECONCILE_HOURS} hours (90 days); run the reconcile script for older history`,
      { field: 'since' },
    );
  }
  const report = await reconcile(deps, { since });
  await audit(deps.db, {
    actorId: admin.userId,
    actorRole: admin.role,
    action: 'reconcile.run',
    details: {
      since: report.since,
      checked: report.checked,
      repaired: report.repaired.length,
      errors: report.errors.length,
      connect: {
        checked: report.connect.checked,
        repaired: report.connect.drift.filter((d) => d.repaired).length,
        reported: report.connect.drift.filter((d) => !d.repaired).length,
      },
    },
  });
  return report;
}

function counts<K extends string>(keys: readonly K[], from: Record<string, number>): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = from[k] ?? 0;
  return out;
}

/** The operations view's key figures (the same numbers as the /metrics gauges). */
export async function metricsSummary(deps: AppDeps): Promise<MetricsSummaryOutput> {
  const s = await deps.metrics.snapshot();
  return {
    generatedAt: s.takenAt.toISOString(),
    paymentsByStatus: counts(PAYMENT_STATUSES, s.paymentsByStatus),
    webhookEventsByStatus: counts(WEBHOOK_EVENT_STATUSES, s.webhookEventsByStatus),
    oldestUnprocessedEventAgeSeconds: s.oldestUnprocessedEventAgeSeconds,
    outbox: { pending: s.outboxByStatus.PENDING ?? 0, failed: s.outboxByStatus.FAILED ?? 0 },
    queueDepth: s.queueDepth,
    refunds: { pending: s.refundsByStatus.PENDING ?? 0, failed: s.refundsByStatus.FAILED ?? 0 },
    openDisputes: openDisputeCount(s.disputesByStatus),
  };
}
