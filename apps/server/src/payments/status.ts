import type {
  EnrollmentStatus as DbEnrollmentStatus,
  PaymentStatus as DbPaymentStatus,
  RefundStatus as DbRefundStatus,
} from '@enrollpay/db';
import { type DisputeStatus, DisputeStatusSchema } from '@enrollpay/schemas';
import type Stripe from 'stripe';

/**
 * Pure mapping and merge rules between Stripe's objects and our statuses. No I/O here: the sync
 * function (sync.ts) applies these, and status.test.ts checks every case in a table.
 */

// The status unions are Prisma's enums (the database is the source; the schemas package lists the
// same values and a test checks them against each other).
export type PaymentStatus = DbPaymentStatus;

/** The part of our status that comes from the PaymentIntent alone (before refunds and disputes). */
export type IntentStatus = Extract<
  PaymentStatus,
  'PENDING' | 'REQUIRES_ACTION' | 'PROCESSING' | 'SUCCEEDED' | 'FAILED' | 'CANCELED'
>;

export type EnrollmentStatus = DbEnrollmentStatus;
export type RefundStatus = DbRefundStatus;

/** Payments a learner can still complete: createIntent reuses them instead of opening another. */
export const OPEN_PAYMENT_STATUSES = [
  'PENDING',
  'REQUIRES_ACTION',
  'FAILED',
  'PROCESSING',
] as const satisfies readonly PaymentStatus[];

/** Open payments whose PaymentIntent can still be canceled at Stripe (not while it is processing). */
export const CANCELABLE_PAYMENT_STATUSES = [
  'PENDING',
  'REQUIRES_ACTION',
  'FAILED',
] as const satisfies readonly PaymentStatus[];

/** Enrollments that hold the learner's place (at most one per learner and offering). */
export const LIVE_ENROLLMENT_STATUSES = [
  'PENDING_PAYMENT',
  'ACTIVE',
  'SUSPENDED',
] as const satisfies readonly EnrollmentStatus[];

/** Maps every PaymentIntent status (and whether the last attempt failed) to ours. */
export function intentStatusOf(
  pi: Pick<Stripe.PaymentIntent, 'status' | 'last_payment_error'>,
): IntentStatus {
  switch (pi.status) {
    case 'requires_payment_method':
      return pi.last_payment_error ? 'FAILED' : 'PENDING';
    case 'requires_confirmation':
      return 'PENDING';
    case 'requires_action':
      return 'REQUIRES_ACTION';
    case 'processing':
    case 'requires_capture':
      return 'PROCESSING';
    case 'succeeded':
      return 'SUCCEEDED';
    case 'canceled':
      return 'CANCELED';
    default:
      // A status newer than this code: treat it as still open rather than guess an outcome.
      return 'PENDING';
  }
}

const TERMINAL_INTENT: ReadonlySet<IntentStatus> = new Set(['SUCCEEDED', 'CANCELED']);

export interface Observation<S> {
  status: S;
  /** When Stripe produced this view (event.created), or null for a fresh retrieve (newest by definition). */
  at: Date | null;
}

/**
 * Which intent status wins when a new observation arrives. A terminal status never changes (a late
 * payment_failed from an earlier attempt cannot undo a success); otherwise the newer view wins, and a
 * fresh retrieve is always newer than what we have.
 */
export function mergeIntentStatus(
  current: IntentStatus,
  currentAt: Date | null,
  incoming: Observation<IntentStatus>,
): IntentStatus {
  if (TERMINAL_INTENT.has(current)) return current;
  if (TERMINAL_INTENT.has(incoming.status)) return incoming.status;
  if (incoming.at === null || currentAt === null) return incoming.status;
  return incoming.at.getTime() >= currentAt.getTime() ? incoming.status : current;
}

const REFUND_RANK: Record<RefundStatus, number> = {
  PENDING: 0,
  REQUIRES_ACTION: 1,
  SUCCEEDED: 2,
  FAILED: 3,
  CANCELED: 3,
};

export function refundStatusOf(status: string | null | undefined): RefundStatus {
  switch (status) {
    case 'succeeded':
      return 'SUCCEEDED';
    case 'failed':
      return 'FAILED';
    case 'canceled':
      return 'CANCELED';
    case 'requires_action':
      return 'REQUIRES_ACTION';
    default:
      return 'PENDING';
  }
}

/** Refunds move forward only: pending → succeeded → failed is possible, failed → succeeded is not. */
export function mergeRefundStatus(current: RefundStatus, incoming: RefundStatus): RefundStatus {
  if (REFUND_RANK[current] === 3) return current;
  return REFUND_RANK[incoming] >= REFUND_RANK[current] ? incoming : current;
}

/** Refunds that hold money back from the learner's payment (Stripe counts pending ones too). */
export function refundCounts(status: RefundStatus): boolean {
  return status === 'PENDING' || status === 'REQUIRES_ACTION' || status === 'SUCCEEDED';
}

const DISPUTE_RANK: Record<string, number> = {
  warning_needs_response: 0,
  needs_response: 0,
  warning_under_review: 1,
  under_review: 1,
  warning_closed: 2,
  won: 2,
  lost: 2,
  prevented: 2,
};

export function disputeIsOpen(status: string): boolean {
  return (DISPUTE_RANK[status] ?? 0) < 2;
}

/** Stripe's dispute statuses that are still open (not won, lost, prevented or a closed warning). */
export const OPEN_DISPUTE_STATUSES: readonly DisputeStatus[] =
  DisputeStatusSchema.options.filter(disputeIsOpen);

/** How many disputes are open, from counts by status. */
export function openDisputeCount(byStatus: Record<string, number>): number {
  return OPEN_DISPUTE_STATUSES.reduce((n, status) => n + (byStatus[status] ?? 0), 0);
}

export function mergeDisputeStatus(current: string, incoming: string): string {
  const c = DISPUTE_RANK[current] ?? 0;
  if (c === 2) return current;
  return (DISPUTE_RANK[incoming] ?? 0) >= c ? incoming : current;
}

export interface DerivedInput {
  intentStatus: IntentStatus;
  amountReceived: number;
  amountRefunded: number;
  /** Statuses of every dispute on the payment. */
  disputeStatuses: string[];
}

/** Our payment status from the intent's status plus refunds and disputes. */
export function derivePaymentStatus(input: DerivedInput): PaymentStatus {
  if (input.intentStatus !== 'SUCCEEDED') return input.intentStatus;
  if (input.disputeStatuses.some((s) => disputeIsOpen(s) || s === 'lost')) return 'DISPUTED';
  if (input.amountReceived > 0 && input.amountRefunded >= input.amountReceived) return 'REFUNDED';
  if (input.amountRefunded > 0) return 'PARTIALLY_REFUNDED';
  return 'SUCCEEDED';
}

/**
 * The enrollment's status follows from its payment alone, so the order events arrive in cannot matter.
 * An open dispute suspends access; a lost one ends it; a won one restores it.
 */
export function deriveEnrollmentStatus(payment: PaymentStatus, disputeStatuses: string[]): EnrollmentStatus {
  switch (payment) {
    case 'PENDING':
    case 'REQUIRES_ACTION':
    case 'PROCESSING':
    case 'FAILED':
      return 'PENDING_PAYMENT';
    case 'CANCELED':
      return 'CANCELLED';
    case 'SUCCEEDED':
    case 'PARTIALLY_REFUNDED':
      return 'ACTIVE';
    case 'REFUNDED':
      return 'REFUNDED';
    case 'DISPUTED':
      return disputeStatuses.some((s) => disputeIsOpen(s)) ? 'SUSPENDED' : 'CANCELLED';
  }
}

/** Our refund reasons ↔ Stripe's. */
export const STRIPE_REFUND_REASON = {
  REQUESTED_BY_CUSTOMER: 'requested_by_customer',
  DUPLICATE: 'duplicate',
  FRAUDULENT: 'fraudulent',
  OTHER: undefined,
} as const;
