import type { z } from 'zod';
import { enumField } from './fields.js';

export const RoleSchema = enumField(['LEARNER', 'SPECIALIST', 'ADMIN'], 'role');
export type Role = z.infer<typeof RoleSchema>;

export const OfferingKindSchema = enumField(['COURSE', 'SERVICE'], 'kind');
export type OfferingKind = z.infer<typeof OfferingKindSchema>;

export const EnrollmentStatusSchema = enumField(
  ['PENDING_PAYMENT', 'ACTIVE', 'SUSPENDED', 'REFUNDED', 'CANCELLED'],
  'enrollmentStatus',
);
export type EnrollmentStatus = z.infer<typeof EnrollmentStatusSchema>;

export const PAYMENT_STATUSES = [
  'PENDING',
  'REQUIRES_ACTION',
  'PROCESSING',
  'SUCCEEDED',
  'FAILED',
  'CANCELED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'DISPUTED',
] as const;
export const PaymentStatusSchema = enumField(PAYMENT_STATUSES, 'status');
export type PaymentStatus = z.infer<typeof PaymentStatusSchema>;

export const RefundStatusSchema = enumField(
  ['PENDING', 'SUCCEEDED', 'FAILED', 'CANCELED', 'REQUIRES_ACTION'],
  'refundStatus',
);
export type RefundStatus = z.infer<typeof RefundStatusSchema>;

/** Our refund reasons. Stripe knows the first three in lowercase; OTHER is sent to Stripe without a reason. */
export const RefundReasonSchema = enumField(
  ['REQUESTED_BY_CUSTOMER', 'DUPLICATE', 'FRAUDULENT', 'OTHER'],
  'reason',
);
export type RefundReason = z.infer<typeof RefundReasonSchema>;

/** Stripe's dispute statuses, verbatim. */
export const DisputeStatusSchema = enumField(
  [
    'warning_needs_response',
    'warning_under_review',
    'warning_closed',
    'needs_response',
    'under_review',
    'won',
    'lost',
    'prevented',
  ],
  'disputeStatus',
);
export type DisputeStatus = z.infer<typeof DisputeStatusSchema>;

export const WebhookEventStatusSchema = enumField(
  ['RECEIVED', 'PROCESSED', 'FAILED', 'ORPHANED', 'IGNORED'],
  'status',
);
export type WebhookEventStatus = z.infer<typeof WebhookEventStatusSchema>;

export const OutboxStatusSchema = enumField(['PENDING', 'SENT', 'FAILED'], 'status');
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

export const GranularitySchema = enumField(['day', 'week', 'month'], 'granularity');
export type Granularity = z.infer<typeof GranularitySchema>;

/** Why `payments.refundability` says no (null when a refund is possible). */
export const RefundBlockReasonSchema = enumField(
  ['NOT_SUCCEEDED', 'WINDOW_PASSED', 'DISPUTED', 'ALREADY_REFUNDED', 'NOT_ALLOWED'],
  'reason',
);
export type RefundBlockReason = z.infer<typeof RefundBlockReasonSchema>;
