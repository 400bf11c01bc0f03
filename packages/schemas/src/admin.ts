import { z } from 'zod';
import { OutboxStatusSchema, PaymentStatusSchema, WebhookEventStatusSchema } from './enums.js';
import { countField, dateTimeField, enumField, inputObject, typeError } from './fields.js';
import { CursorPageSchema, CursorSchema, LimitSchema } from './ids.js';

/** The Stripe event types enrollpay acts on. Others are stored and acknowledged, with status IGNORED. */
export const WebhookEventTypes = [
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'payment_intent.canceled',
  'payment_intent.requires_action',
  'payment_intent.processing',
  'payment_intent.amount_capturable_updated',
  'charge.succeeded',
  'charge.refunded',
  'refund.created',
  'refund.updated',
  'refund.failed',
  'charge.dispute.created',
  'charge.dispute.updated',
  'charge.dispute.closed',
  // Stripe Connect: the specialist's account and payouts (Connect endpoint, with `account`), and the
  // platform's transfers to it.
  'account.updated',
  'payout.created',
  'payout.updated',
  'payout.paid',
  'payout.failed',
  'payout.canceled',
  'transfer.created',
  'transfer.reversed',
] as const;
export const WebhookEventTypeSchema = enumField(WebhookEventTypes, 'type');
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

export function isHandledWebhookEventType(type: string): type is WebhookEventType {
  return (WebhookEventTypes as readonly string[]).includes(type);
}

/** Any Stripe event type string (stored events include types we do not handle). */
export const StripeEventTypeSchema = z
  .string({ error: typeError('type', 'a Stripe event type such as "payment_intent.succeeded"') })
  .min(1, { error: 'type must not be empty' })
  .max(100, { error: 'type must be at most 100 characters' })
  .regex(/^[a-z0-9_.]+$/, {
    error: 'type must look like a Stripe event type, e.g. "payment_intent.succeeded"',
  });

/** admin.webhookEvents */
export const WebhookEventsInputSchema = inputObject('admin.webhookEvents', {
  status: WebhookEventStatusSchema.optional(),
  type: StripeEventTypeSchema.optional(),
  cursor: CursorSchema.optional(),
  limit: LimitSchema,
  // Every field is optional: a call with no input at all is `{}`, as tRPC clients send it.
}).prefault({});
export type WebhookEventsInput = z.infer<typeof WebhookEventsInputSchema>;

export const WebhookEventSummarySchema = z.object({
  id: z.string().meta({ description: "Stripe's event id (evt_…)." }),
  type: z.string(),
  status: WebhookEventStatusSchema,
  attempts: countField('attempts'),
  lastError: z.string().nullable(),
  receivedAt: dateTimeField('receivedAt'),
  processedAt: dateTimeField('processedAt').nullable(),
});
export type WebhookEventSummary = z.infer<typeof WebhookEventSummarySchema>;
export const WebhookEventsOutputSchema = CursorPageSchema(WebhookEventSummarySchema);
export type WebhookEventsOutput = z.infer<typeof WebhookEventsOutputSchema>;

/** admin.outbox — queued side effects (emails). */
export const OutboxInputSchema = inputObject('admin.outbox', {
  status: OutboxStatusSchema.optional(),
  cursor: CursorSchema.optional(),
  limit: LimitSchema,
  // Every field is optional: a call with no input at all is `{}`, as tRPC clients send it.
}).prefault({});
export type OutboxInput = z.infer<typeof OutboxInputSchema>;

export const OutboxMessageSummarySchema = z.object({
  id: z.string(),
  kind: z.string().meta({ description: 'What the message is, e.g. "email.payment_receipt".' }),
  status: OutboxStatusSchema,
  recipient: z.string().nullable(),
  subject: z.string().nullable(),
  attempts: countField('attempts'),
  lastError: z.string().nullable(),
  createdAt: dateTimeField('createdAt'),
  sentAt: dateTimeField('sentAt').nullable(),
});
export type OutboxMessageSummary = z.infer<typeof OutboxMessageSummarySchema>;
export const OutboxOutputSchema = CursorPageSchema(OutboxMessageSummarySchema);
export type OutboxOutput = z.infer<typeof OutboxOutputSchema>;

/** admin.reconcile — give exactly one of `since` (ISO date-time) or `sinceHours`. */
export const MAX_RECONCILE_HOURS = 24 * 90;
export const ReconcileInputSchema = inputObject('admin.reconcile', {
  since: dateTimeField('since').optional(),
  sinceHours: z
    .int({ error: typeError('sinceHours', 'a whole number of hours') })
    .min(1, { error: 'sinceHours must be at least 1' })
    .max(MAX_RECONCILE_HOURS, { error: `sinceHours must be at most ${MAX_RECONCILE_HOURS} (90 days)` })
    .optional(),
}).superRefine((value, ctx) => {
  if ((value.since === undefined) === (value.sinceHours === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['since'],
      input: value,
      message: 'give exactly one of since (an ISO date-time) or sinceHours',
    });
  }
});
export type ReconcileInput = z.infer<typeof ReconcileInputSchema>;

export const RepairKindSchema = enumField(['PAYMENT', 'REFUND', 'DISPUTE', 'ENROLLMENT'], 'kind');
export type RepairKind = z.infer<typeof RepairKindSchema>;

const FieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const ReconcileRepairSchema = z.object({
  kind: RepairKindSchema,
  stripeId: z.string().meta({ description: 'The Stripe object the repair came from (pi_…, re_…, dp_…).' }),
  paymentId: z.string().nullable(),
  field: z.string(),
  before: FieldValueSchema,
  after: FieldValueSchema,
});
export type ReconcileRepair = z.infer<typeof ReconcileRepairSchema>;

/** Stripe Connect objects reconciliation compares with our rows (issue 14). */
export const ConnectDriftKindSchema = enumField(['TRANSFER', 'APPLICATION_FEE', 'PAYOUT', 'ACCOUNT'], 'kind');
export type ConnectDriftKind = z.infer<typeof ConnectDriftKindSchema>;

export const ConnectDriftSchema = z.object({
  kind: ConnectDriftKindSchema,
  stripeId: z
    .string()
    .meta({ description: 'The Stripe object (tr_…, fee_…, po_…, acct_…, or the ch_… it was read from).' }),
  paymentId: z.string().nullable(),
  /** The connected account (acct_…) for payouts and accounts; null for the platform's own objects. */
  stripeAccountId: z.string().nullable(),
  field: z.string(),
  before: FieldValueSchema.meta({ description: 'Our value' }),
  after: FieldValueSchema.meta({ description: "Stripe's value" }),
  repaired: z.boolean().meta({
    description: 'true: our row now agrees with Stripe; false: reported only (not safe to change by itself)',
  }),
});
export type ConnectDrift = z.infer<typeof ConnectDriftSchema>;

export const ReconcileReportSchema = z.object({
  since: dateTimeField('since'),
  startedAt: dateTimeField('startedAt'),
  finishedAt: dateTimeField('finishedAt'),
  checked: z.object({
    paymentIntents: countField('paymentIntents'),
    refunds: countField('refunds'),
    disputes: countField('disputes'),
  }),
  repaired: z.array(ReconcileRepairSchema),
  errors: z.array(z.object({ stripeId: z.string(), message: z.string() })),
  /** Stripe Connect: transfers and application fees since `since`, and every connected account's payouts. */
  connect: z.object({
    checked: z.object({
      transfers: countField('transfers'),
      applicationFees: countField('applicationFees'),
      payouts: countField('payouts'),
      accounts: countField('accounts'),
    }),
    drift: z.array(ConnectDriftSchema),
  }),
});
export type ReconcileReport = z.infer<typeof ReconcileReportSchema>;
export const ReconcileOutputSchema = ReconcileReportSchema;
export type ReconcileOutput = ReconcileReport;

/** admin.metricsSummary (no input) — the operations view's key figures. */
export const MetricsSummaryOutputSchema = z.object({
  generatedAt: dateTimeField('generatedAt'),
  paymentsByStatus: z.record(PaymentStatusSchema, z.int().min(0)),
  webhookEventsByStatus: z.record(WebhookEventStatusSchema, z.int().min(0)),
  oldestUnprocessedEventAgeSeconds: z.number().min(0).nullable(),
  outbox: z.object({ pending: countField('pending'), failed: countField('failed') }),
  queueDepth: countField('queueDepth'),
  refunds: z.object({ pending: countField('pending'), failed: countField('failed') }),
  openDisputes: countField('openDisputes'),
});
export type MetricsSummaryOutput = z.infer<typeof MetricsSummaryOutputSchema>;
