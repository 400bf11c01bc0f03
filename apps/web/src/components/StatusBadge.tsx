import type { EnrollmentStatus, PaymentStatus, RefundStatus } from '@enrollpay/schemas';
import { titleCase } from '../lib/format.js';

type Tone = 'good' | 'bad' | 'warn' | 'info' | 'muted';

const PAYMENT_TONES: Record<PaymentStatus, Tone> = {
  PENDING: 'muted',
  REQUIRES_ACTION: 'warn',
  PROCESSING: 'info',
  SUCCEEDED: 'good',
  FAILED: 'bad',
  CANCELED: 'muted',
  PARTIALLY_REFUNDED: 'info',
  REFUNDED: 'info',
  DISPUTED: 'bad',
};

const PAYMENT_LABELS: Record<PaymentStatus, string> = {
  PENDING: 'Pending',
  REQUIRES_ACTION: 'Authentication required',
  PROCESSING: 'Processing',
  SUCCEEDED: 'Paid',
  FAILED: 'Failed',
  CANCELED: 'Canceled',
  PARTIALLY_REFUNDED: 'Partially refunded',
  REFUNDED: 'Refunded',
  DISPUTED: 'Disputed',
};

const OTHER_TONES: Record<string, Tone> = {
  ACTIVE: 'good',
  SUCCEEDED: 'good',
  PROCESSED: 'good',
  SENT: 'good',
  FAILED: 'bad',
  ORPHANED: 'warn',
  PENDING_PAYMENT: 'muted',
  PENDING: 'muted',
  RECEIVED: 'info',
  REQUIRES_ACTION: 'warn',
  SUSPENDED: 'warn',
  REFUNDED: 'info',
};

/** A payment status as a learner reads it; unknown future statuses still render. */
export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const tone = PAYMENT_TONES[status] ?? 'muted';
  const label = PAYMENT_LABELS[status] ?? titleCase(status);
  return (
    <span className={`badge badge-${tone}`} data-status={status}>
      {label}
    </span>
  );
}

/** Enrollment, refund, webhook and outbox statuses. */
export function StatusBadge({ status }: { status: EnrollmentStatus | RefundStatus | string }) {
  return (
    <span className={`badge badge-${OTHER_TONES[status] ?? 'muted'}`} data-status={status}>
      {titleCase(status)}
    </span>
  );
}
