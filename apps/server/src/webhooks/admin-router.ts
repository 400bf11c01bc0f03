import {
  MAX_RECONCILE_HOURS,
  MetricsSummaryOutputSchema,
  OutboxInputSchema,
  OutboxOutputSchema,
  ReconcileInputSchema,
  ReconcileOutputSchema,
  WebhookEventsInputSchema,
  WebhookEventsOutputSchema,
} from '@enrollpay/schemas';
import { audit } from '../audit.js';
import { BadRequestError } from '../errors.js';
import { PAYMENT_STATUSES, WEBHOOK_EVENT_STATUSES } from '../metrics/metrics.js';
import { OPEN_DISPUTE_STATUSES } from '../metrics/snapshot.js';
import { reconcile } from '../reconcile/reconcile.js';
import { router } from '../trpc/init.js';
import { adminProcedure } from '../trpc/procedures.js';

/** Keyset cursor over (time DESC, id DESC): base64url of [iso, id]. */
function encode(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}
function decode(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') {
      const at = new Date(value[0]);
      if (!Number.isNaN(at.getTime())) return { at, id: value[1] };
    }
  } catch {
    // fall through
  }
  throw new BadRequestError('cursor is not valid: pass back the nextCursor of the previous page unchanged');
}

function counts<K extends string>(keys: readonly K[], from: Record<string, number>): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = from[k] ?? 0;
  return out;
}

/** Operations views for admins: stored Stripe events, queued emails, reconciliation, key figures. */
export const adminOpsRouter = router({
  /** Stored Stripe events, newest first; ORPHANED and FAILED ones carry their last error. */
  webhookEvents: adminProcedure
    .input(WebhookEventsInputSchema)
    .output(WebhookEventsOutputSchema)
    .query(async ({ ctx, input }) => {
      const after = decode(input.cursor);
      const rows = await ctx.deps.db.webhookEvent.findMany({
        where: {
          ...(input.status ? { status: input.status } : {}),
          ...(input.type ? { type: input.type } : {}),
          ...(after
            ? { OR: [{ receivedAt: { lt: after.at } }, { receivedAt: after.at, id: { lt: after.id } }] }
            : {}),
        },
        orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
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
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => ({
          ...r,
          receivedAt: r.receivedAt.toISOString(),
          processedAt: r.processedAt?.toISOString() ?? null,
        })),
        nextCursor: rows.length > input.limit && last ? encode(last.receivedAt, last.id) : null,
      };
    }),

  /** Queued, sent and failed emails, newest first. */
  outbox: adminProcedure
    .input(OutboxInputSchema)
    .output(OutboxOutputSchema)
    .query(async ({ ctx, input }) => {
      const after = decode(input.cursor);
      const rows = await ctx.deps.db.outboxMessage.findMany({
        where: {
          ...(input.status ? { status: input.status } : {}),
          ...(after
            ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }
            : {}),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
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
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => ({
          ...r,
          createdAt: r.createdAt.toISOString(),
          sentAt: r.sentAt?.toISOString() ?? null,
        })),
        nextCursor: rows.length > input.limit && last ? encode(last.createdAt, last.id) : null,
      };
    }),

  /** Re-reads Stripe since a time and repairs what differs; the report lists every change. */
  reconcile: adminProcedure
    .input(ReconcileInputSchema)
    .output(ReconcileOutputSchema)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.deps.clock.now().getTime();
      const since = input.since
        ? new Date(input.since)
        : new Date(now - (input.sinceHours ?? 24) * 3_600_000);
      // One request may scan at most MAX_RECONCILE_HOURS of Stripe's history, whichever way it says so.
      if (since.getTime() < now - MAX_RECONCILE_HOURS * 3_600_000) {
        throw new BadRequestError(
          `since: must be within the last ${MAX_RECONCILE_HOURS} hours (90 days); run the reconcile script for older history`,
          { field: 'since' },
        );
      }
      const report = await reconcile(ctx.deps, { since });
      await audit(ctx.deps.db, {
        actorId: ctx.principal.userId,
        actorRole: ctx.principal.role,
        action: 'reconcile.run',
        details: {
          since: report.since,
          checked: report.checked,
          repaired: report.repaired.length,
          errors: report.errors.length,
        },
      });
      return report;
    }),

  /** The operations view's key figures (the same numbers as the /metrics gauges). */
  metricsSummary: adminProcedure.output(MetricsSummaryOutputSchema).query(async ({ ctx }) => {
    const s = await ctx.deps.metrics.snapshot();
    return {
      generatedAt: s.takenAt.toISOString(),
      paymentsByStatus: counts(PAYMENT_STATUSES, s.paymentsByStatus),
      webhookEventsByStatus: counts(WEBHOOK_EVENT_STATUSES, s.webhookEventsByStatus),
      oldestUnprocessedEventAgeSeconds: s.oldestUnprocessedEventAgeSeconds,
      outbox: { pending: s.outboxByStatus.PENDING ?? 0, failed: s.outboxByStatus.FAILED ?? 0 },
      queueDepth: s.queueDepth,
      refunds: { pending: s.refundsByStatus.PENDING ?? 0, failed: s.refundsByStatus.FAILED ?? 0 },
      openDisputes: OPEN_DISPUTE_STATUSES.reduce((n, status) => n + (s.disputesByStatus[status] ?? 0), 0),
    };
  }),
});
