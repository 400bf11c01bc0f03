export * from './admin.js';
export * from './auth.js';
export * from './catalog.js';
export * from './disputes.js';
export * from './enums.js';
export * from './exports.js';
export * from './ids.js';
export * from './money.js';
export * from './payments.js';
export * from './refunds.js';
export * from './stats.js';

import {
  MetricsSummaryOutputSchema,
  OutboxInputSchema,
  OutboxOutputSchema,
  ReconcileInputSchema,
  ReconcileReportSchema,
  WebhookEventsInputSchema,
  WebhookEventsOutputSchema,
} from './admin.js';
import { MeOutputSchema, SignInInputSchema, SignInOutputSchema } from './auth.js';
import {
  ArchiveOfferingInputSchema,
  CatalogGetInputSchema,
  CatalogListInputSchema,
  CatalogListOutputSchema,
  CreateOfferingInputSchema,
  MyOfferingsOutputSchema,
  OfferingSchema,
  UpdateOfferingInputSchema,
} from './catalog.js';
import {
  DisputeDetailsSchema,
  DisputeGetInputSchema,
  DisputeListInputSchema,
  DisputeListOutputSchema,
  SaveDisputeEvidenceInputSchema,
  SaveDisputeEvidenceOutputSchema,
} from './disputes.js';
import {
  ConfirmPaymentInputSchema,
  ConfirmPaymentOutputSchema,
  CreatePaymentIntentInputSchema,
  CreatePaymentIntentOutputSchema,
  GetPaymentInputSchema,
  PaymentDetailsSchema,
  PaymentHistoryInputSchema,
  PaymentHistoryOutputSchema,
  SpecialistPaymentsInputSchema,
  SpecialistPaymentsOutputSchema,
} from './payments.js';
import {
  RefundabilityInputSchema,
  RefundabilityOutputSchema,
  RefundPaymentInputSchema,
  RefundPaymentOutputSchema,
} from './refunds.js';
import { SpecialistStatsInputSchema, SpecialistStatsOutputSchema } from './stats.js';

/**
 * Every tRPC procedure's contract, keyed by its path. `input` is null for procedures without input.
 * The server's `.input()` / `.output()` and any outside client can use these.
 */
export const ProcedureContracts = {
  'auth.signIn': { input: SignInInputSchema, output: SignInOutputSchema },
  'auth.me': { input: null, output: MeOutputSchema },
  'catalog.list': { input: CatalogListInputSchema, output: CatalogListOutputSchema },
  'catalog.get': { input: CatalogGetInputSchema, output: OfferingSchema },
  'offerings.create': { input: CreateOfferingInputSchema, output: OfferingSchema },
  'offerings.update': { input: UpdateOfferingInputSchema, output: OfferingSchema },
  'offerings.archive': { input: ArchiveOfferingInputSchema, output: OfferingSchema },
  'offerings.mine': { input: null, output: MyOfferingsOutputSchema },
  'payments.createIntent': { input: CreatePaymentIntentInputSchema, output: CreatePaymentIntentOutputSchema },
  'payments.confirm': { input: ConfirmPaymentInputSchema, output: ConfirmPaymentOutputSchema },
  'payments.get': { input: GetPaymentInputSchema, output: PaymentDetailsSchema },
  'payments.history': { input: PaymentHistoryInputSchema, output: PaymentHistoryOutputSchema },
  'payments.forSpecialist': { input: SpecialistPaymentsInputSchema, output: SpecialistPaymentsOutputSchema },
  'payments.refund': { input: RefundPaymentInputSchema, output: RefundPaymentOutputSchema },
  'payments.refundability': { input: RefundabilityInputSchema, output: RefundabilityOutputSchema },
  'stats.specialist': { input: SpecialistStatsInputSchema, output: SpecialistStatsOutputSchema },
  'disputes.list': { input: DisputeListInputSchema, output: DisputeListOutputSchema },
  'disputes.get': { input: DisputeGetInputSchema, output: DisputeDetailsSchema },
  'disputes.saveEvidence': { input: SaveDisputeEvidenceInputSchema, output: SaveDisputeEvidenceOutputSchema },
  'admin.webhookEvents': { input: WebhookEventsInputSchema, output: WebhookEventsOutputSchema },
  'admin.outbox': { input: OutboxInputSchema, output: OutboxOutputSchema },
  'admin.reconcile': { input: ReconcileInputSchema, output: ReconcileReportSchema },
  'admin.metricsSummary': { input: null, output: MetricsSummaryOutputSchema },
} as const;
export type ProcedurePath = keyof typeof ProcedureContracts;
