import {
  EnrollmentStatus as PrismaEnrollmentStatus,
  OutboxStatus as PrismaOutboxStatus,
  PaymentStatus as PrismaPaymentStatus,
  RefundStatus as PrismaRefundStatus,
  WebhookEventStatus as PrismaWebhookEventStatus,
} from '@enrollpay/db';
import {
  DisputeStatusSchema,
  EnrollmentStatusSchema,
  OutboxStatusSchema,
  PaymentStatusSchema,
  RefundStatusSchema,
  WebhookEventStatusSchema,
} from '@enrollpay/schemas';
import { describe, expect, it } from 'vitest';
import {
  deriveEnrollmentStatus,
  derivePaymentStatus,
  disputeIsOpen,
  type IntentStatus,
  intentStatusOf,
  mergeDisputeStatus,
  mergeIntentStatus,
  mergeRefundStatus,
  OPEN_DISPUTE_STATUSES,
} from './status.js';

const error = { type: 'card_error' as const, code: 'card_declined' };

describe('intentStatusOf maps every PaymentIntent status', () => {
  it.each([
    ['requires_payment_method', null, 'PENDING'],
    ['requires_payment_method', error, 'FAILED'],
    ['requires_confirmation', null, 'PENDING'],
    ['requires_action', null, 'REQUIRES_ACTION'],
    ['processing', null, 'PROCESSING'],
    ['requires_capture', null, 'PROCESSING'],
    ['succeeded', null, 'SUCCEEDED'],
    ['canceled', null, 'CANCELED'],
    ['some_future_status', null, 'PENDING'],
  ] as const)('%s (error: %o) → %s', (status, lastError, expected) => {
    expect(intentStatusOf({ status, last_payment_error: lastError })).toBe(expected);
  });
});

describe('mergeIntentStatus never lets a late event undo an outcome', () => {
  const t1 = new Date('2026-01-01T00:00:01Z');
  const t2 = new Date('2026-01-01T00:00:02Z');
  it.each<[IntentStatus, Date | null, IntentStatus, Date | null, IntentStatus]>([
    // a late payment_failed from an earlier attempt after success
    ['SUCCEEDED', t2, 'FAILED', t1, 'SUCCEEDED'],
    ['SUCCEEDED', t1, 'FAILED', t2, 'SUCCEEDED'],
    ['SUCCEEDED', t1, 'REQUIRES_ACTION', null, 'SUCCEEDED'],
    ['CANCELED', t1, 'SUCCEEDED', t2, 'CANCELED'],
    // terminal outcomes win over anything open, whatever the timestamps say
    ['FAILED', t2, 'SUCCEEDED', t1, 'SUCCEEDED'],
    ['REQUIRES_ACTION', t2, 'CANCELED', t1, 'CANCELED'],
    // between open states, the newer view wins; an older one is ignored
    ['REQUIRES_ACTION', t1, 'FAILED', t2, 'FAILED'],
    ['FAILED', t2, 'REQUIRES_ACTION', t1, 'FAILED'],
    // a fresh retrieve (no timestamp) is the newest view
    ['FAILED', t2, 'PENDING', null, 'PENDING'],
    ['PENDING', null, 'FAILED', t1, 'FAILED'],
  ])('%s@%s + %s@%s → %s', (current, currentAt, incoming, at, expected) => {
    expect(mergeIntentStatus(current, currentAt, { status: incoming, at })).toBe(expected);
  });
});

describe('refunds and disputes only move forward', () => {
  it.each([
    ['PENDING', 'SUCCEEDED', 'SUCCEEDED'],
    ['SUCCEEDED', 'PENDING', 'SUCCEEDED'],
    ['SUCCEEDED', 'FAILED', 'FAILED'],
    ['FAILED', 'SUCCEEDED', 'FAILED'],
    ['CANCELED', 'PENDING', 'CANCELED'],
  ] as const)('refund %s + %s → %s', (current, incoming, expected) => {
    expect(mergeRefundStatus(current, incoming)).toBe(expected);
  });
  it.each([
    ['needs_response', 'under_review', 'under_review'],
    ['under_review', 'needs_response', 'under_review'],
    ['under_review', 'won', 'won'],
    ['won', 'needs_response', 'won'],
    ['lost', 'under_review', 'lost'],
  ])('dispute %s + %s → %s', (current, incoming, expected) => {
    expect(mergeDisputeStatus(current, incoming)).toBe(expected);
  });
});

describe('derived payment and enrollment statuses', () => {
  const base = {
    intentStatus: 'SUCCEEDED' as const,
    amountReceived: 5000,
    amountRefunded: 0,
    disputeStatuses: [],
  };
  it.each([
    [{ ...base }, 'SUCCEEDED', 'ACTIVE'],
    [{ ...base, amountRefunded: 1000 }, 'PARTIALLY_REFUNDED', 'ACTIVE'],
    [{ ...base, amountRefunded: 5000 }, 'REFUNDED', 'REFUNDED'],
    [{ ...base, disputeStatuses: ['needs_response'] }, 'DISPUTED', 'SUSPENDED'],
    [{ ...base, disputeStatuses: ['lost'] }, 'DISPUTED', 'CANCELLED'],
    [{ ...base, disputeStatuses: ['won'] }, 'SUCCEEDED', 'ACTIVE'],
    [{ ...base, intentStatus: 'FAILED' as const }, 'FAILED', 'PENDING_PAYMENT'],
    [{ ...base, intentStatus: 'REQUIRES_ACTION' as const }, 'REQUIRES_ACTION', 'PENDING_PAYMENT'],
    [{ ...base, intentStatus: 'CANCELED' as const }, 'CANCELED', 'CANCELLED'],
  ])('%o → payment %s, enrollment %s', (input, payment, enrollment) => {
    const status = derivePaymentStatus(input);
    expect(status).toBe(payment);
    expect(deriveEnrollmentStatus(status, input.disputeStatuses)).toBe(enrollment);
  });
});

describe('status lists have one source', () => {
  it("the schemas package lists exactly Prisma's enum values", () => {
    const pairs = [
      [Object.values(PrismaPaymentStatus), PaymentStatusSchema.options],
      [Object.values(PrismaRefundStatus), RefundStatusSchema.options],
      [Object.values(PrismaEnrollmentStatus), EnrollmentStatusSchema.options],
      [Object.values(PrismaWebhookEventStatus), WebhookEventStatusSchema.options],
      [Object.values(PrismaOutboxStatus), OutboxStatusSchema.options],
    ] as const;
    for (const [prisma, schemas] of pairs) expect([...schemas].sort()).toEqual([...prisma].sort());
  });

  it('open disputes are the ones the merge rules treat as open', () => {
    expect([...OPEN_DISPUTE_STATUSES].sort()).toEqual(
      ['needs_response', 'under_review', 'warning_needs_response', 'warning_under_review'].sort(),
    );
    expect(
      DisputeStatusSchema.options
        .filter((s) => !OPEN_DISPUTE_STATUSES.includes(s))
        .every((s) => !disputeIsOpen(s)),
    ).toBe(true);
  });
});
