import {
  MetricsSummaryOutputSchema,
  OutboxInputSchema,
  OutboxOutputSchema,
  ReconcileInputSchema,
  ReconcileOutputSchema,
  WebhookEventsInputSchema,
  WebhookEventsOutputSchema,
} from '@enrollpay/schemas';
import { adminConnectProcedures } from '../payouts/router.js';
import { router } from '../trpc/init.js';
import { adminProcedure } from '../trpc/procedures.js';
import { listOutbox, listWebhookEvents, metricsSummary, runReconcile } from './service.js';

/** Operations views for admins: stored Stripe events, queued emails, reconciliation, key figures. */
export const adminOpsRouter = router({
  // connectedAccounts, setFeeOverride (payouts/service.ts)
  ...adminConnectProcedures,
  /** Stored Stripe events, newest first; ORPHANED and FAILED ones carry their last error. */
  webhookEvents: adminProcedure
    .input(WebhookEventsInputSchema)
    .output(WebhookEventsOutputSchema)
    .query(({ ctx, input }) => listWebhookEvents(ctx.deps, input)),

  /** Queued, sent and failed emails, newest first. */
  outbox: adminProcedure
    .input(OutboxInputSchema)
    .output(OutboxOutputSchema)
    .query(({ ctx, input }) => listOutbox(ctx.deps, input)),

  /** Re-reads Stripe since a time and repairs what differs; the report lists every change. */
  reconcile: adminProcedure
    .input(ReconcileInputSchema)
    .output(ReconcileOutputSchema)
    .mutation(({ ctx, input }) => runReconcile(ctx.deps, ctx.principal, input)),

  /** The operations view's key figures (the same numbers as the /metrics gauges). */
  metricsSummary: adminProcedure
    .output(MetricsSummaryOutputSchema)
    .query(({ ctx }) => metricsSummary(ctx.deps)),
});
