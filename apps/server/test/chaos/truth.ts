import type { Db } from '@enrollpay/db';
import type { Emulator } from '@enrollpay/stripe-emulator';
import type Stripe from 'stripe';

/**
 * Compares the database with the emulator's truth, PaymentIntent by PaymentIntent, using Stripe's own
 * objects (never our sync code) for what is expected: intent status, amount received, refunded amount,
 * every refund and dispute with its status, the payment and enrollment status those facts imply, and
 * how many emails of each kind the facts call for.
 */
export interface TruthReport {
  /** Our PaymentIntents in the emulator (metadata.paymentId set). */
  checked: number;
  /** One line per disagreement, e.g. `pi_123: amountRefunded db=0 stripe=500`. */
  mismatches: string[];
  /** Payments that own more than one live (pending/active/suspended) enrollment for their learner+offering. */
  duplicateEnrollments: number;
  /** Outbox rows beyond what Stripe's facts call for (a receipt twice, a failure mail twice, ...). */
  duplicateEmails: number;
  /** Outbox rows Stripe's facts call for that do not exist. */
  missingEmails: number;
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

const OPEN_DISPUTE = new Set([
  'warning_needs_response',
  'needs_response',
  'warning_under_review',
  'under_review',
]);

function expectedPaymentStatus(
  pi: Stripe.PaymentIntent,
  refunded: number,
  disputes: Stripe.Dispute[],
): string {
  switch (pi.status) {
    case 'succeeded':
      if (disputes.some((d) => OPEN_DISPUTE.has(d.status) || d.status === 'lost')) return 'DISPUTED';
      if (pi.amount_received > 0 && refunded >= pi.amount_received) return 'REFUNDED';
      if (refunded > 0) return 'PARTIALLY_REFUNDED';
      return 'SUCCEEDED';
    case 'canceled':
      return 'CANCELED';
    case 'processing':
    case 'requires_capture':
      return 'PROCESSING';
    case 'requires_action':
      return 'REQUIRES_ACTION';
    default:
      return pi.last_payment_error ? 'FAILED' : 'PENDING';
  }
}

function expectedEnrollmentStatus(payment: string, disputes: Stripe.Dispute[]): string {
  switch (payment) {
    case 'SUCCEEDED':
    case 'PARTIALLY_REFUNDED':
      return 'ACTIVE';
    case 'REFUNDED':
      return 'REFUNDED';
    case 'CANCELED':
      return 'CANCELLED';
    case 'DISPUTED':
      return disputes.some((d) => OPEN_DISPUTE.has(d.status)) ? 'SUSPENDED' : 'CANCELLED';
    default:
      return 'PENDING_PAYMENT';
  }
}

export async function compareWithStripe(db: Db, emulator: Emulator): Promise<TruthReport> {
  const store = emulator.store;
  const intents = [...store.paymentIntents.values()].filter((pi) => pi.metadata?.paymentId);
  const refundsByIntent = new Map<string, Stripe.Refund[]>();
  for (const r of store.refunds.values()) {
    const pi = idOf(r.payment_intent);
    if (pi) refundsByIntent.set(pi, [...(refundsByIntent.get(pi) ?? []), r]);
  }
  const disputesByIntent = new Map<string, Stripe.Dispute[]>();
  for (const d of store.disputes.values()) {
    const pi = idOf(d.payment_intent);
    if (pi) disputesByIntent.set(pi, [...(disputesByIntent.get(pi) ?? []), d]);
  }
  const admins = await db.user.count({ where: { role: 'ADMIN' } });

  const payments = await db.payment.findMany({
    where: { stripePaymentIntentId: { in: intents.map((pi) => pi.id) } },
    select: {
      id: true,
      stripePaymentIntentId: true,
      stripeStatus: true,
      status: true,
      amountReceived: true,
      amountRefunded: true,
      learnerId: true,
      offeringId: true,
      enrollment: { select: { status: true } },
      refunds: { select: { stripeRefundId: true, status: true, amount: true } },
      disputes: { select: { stripeDisputeId: true, status: true } },
    },
  });
  const byIntent = new Map(payments.map((p) => [p.stripePaymentIntentId, p]));
  const outbox = await db.outboxMessage.groupBy({
    by: ['kind', 'dedupeKey'],
    _count: { _all: true },
  });
  // Outbox rows per payment id and kind. dedupeKeys embed the payment id, or our refund row id.
  const refundRowToPayment = new Map<string, string>();
  for (const p of payments) {
    for (const r of await db.refund.findMany({ where: { paymentId: p.id }, select: { id: true } }))
      refundRowToPayment.set(r.id, p.id);
  }
  const mailCount = new Map<string, number>();
  for (const row of outbox) {
    const [, first] = row.dedupeKey.split(':');
    const paymentId =
      row.kind.startsWith('refund.') && first ? (refundRowToPayment.get(first) ?? first) : first;
    if (row.kind === 'dispute.opened') {
      // dispute.opened:<disputeId>:<to>[...]: map the dispute to its payment below.
      const dispute = first ? store.disputes.get(first) : undefined;
      const pi = dispute ? idOf(dispute.payment_intent) : null;
      const owner = pi ? byIntent.get(pi)?.id : undefined;
      const key = `${owner ?? first}|dispute.opened`;
      mailCount.set(key, (mailCount.get(key) ?? 0) + row._count._all);
      continue;
    }
    const key = `${paymentId}|${row.kind}`;
    mailCount.set(key, (mailCount.get(key) ?? 0) + row._count._all);
  }

  const mismatches: string[] = [];
  let duplicateEmails = 0;
  let missingEmails = 0;
  for (const pi of intents) {
    const p = byIntent.get(pi.id);
    if (!p) {
      mismatches.push(`${pi.id}: no Payment row`);
      continue;
    }
    const refunds = refundsByIntent.get(pi.id) ?? [];
    const disputes = disputesByIntent.get(pi.id) ?? [];
    const chargeId = idOf(pi.latest_charge);
    const charge = chargeId ? store.charges.get(chargeId) : undefined;
    const refunded = charge?.amount_refunded ?? 0;
    const expect = (field: string, db: unknown, stripe: unknown) => {
      if (db !== stripe) mismatches.push(`${pi.id}: ${field} db=${String(db)} stripe=${String(stripe)}`);
    };
    expect('stripeStatus', p.stripeStatus, pi.status);
    expect('amountReceived', p.amountReceived, pi.amount_received);
    expect('amountRefunded', p.amountRefunded, refunded);
    const status = expectedPaymentStatus(pi, refunded, disputes);
    expect('status', p.status, status);
    expect('enrollment', p.enrollment.status, expectedEnrollmentStatus(status, disputes));
    const ourRefunds = new Map(p.refunds.map((r) => [r.stripeRefundId, r]));
    expect('refunds', p.refunds.length, refunds.length);
    for (const r of refunds) {
      const ours = ourRefunds.get(r.id);
      expect(`refund ${r.id}`, ours?.status, r.status?.toUpperCase());
      expect(`refund ${r.id} amount`, ours?.amount, r.amount);
    }
    const ourDisputes = new Map(p.disputes.map((d) => [d.stripeDisputeId, d.status]));
    expect('disputes', p.disputes.length, disputes.length);
    for (const d of disputes) expect(`dispute ${d.id}`, ourDisputes.get(d.id), d.status);

    const succeeded = pi.status === 'succeeded';
    const failures = pi.last_payment_error && pi.status !== 'succeeded' ? 1 : 0;
    // [fewest, most] of each kind. A refund that failed after first succeeding (Stripe's refundFail
    // card does exactly that) may have sent its "on its way" mail before the failure arrived.
    const refundsOk = refunds.filter((r) => r.status === 'succeeded').length;
    const refundsFailed = refunds.filter((r) => r.status === 'failed').length;
    const wanted: Record<string, [number, number]> = {
      'payment.receipt': [succeeded ? 1 : 0, succeeded ? 1 : 0],
      'enrollment.new': [succeeded ? 1 : 0, succeeded ? 1 : 0],
      'payment.failed': [failures, failures],
      'refund.processed': [refundsOk, refundsOk + refundsFailed],
      'refund.failed': [refundsFailed, refundsFailed],
      'dispute.opened': [disputes.length * (1 + admins), disputes.length * (1 + admins)],
    };
    for (const [kind, [fewest, most]] of Object.entries(wanted)) {
      const have = mailCount.get(`${p.id}|${kind}`) ?? 0;
      if (have > most) {
        duplicateEmails += have - most;
        mismatches.push(`${pi.id}: ${have} ${kind} emails, expected at most ${most}`);
      }
      if (have < fewest) {
        missingEmails += fewest - have;
        mismatches.push(`${pi.id}: ${have} ${kind} emails, expected at least ${fewest}`);
      }
    }
  }

  const live = await db.enrollment.groupBy({
    by: ['learnerId', 'offeringId'],
    where: { status: { in: ['PENDING_PAYMENT', 'ACTIVE', 'SUSPENDED'] } },
    _count: { _all: true },
  });
  const duplicateEnrollments = live.filter((g) => g._count._all > 1).length;
  const paymentsPerEnrollment = await db.payment.groupBy({
    by: ['enrollmentId'],
    where: { status: 'SUCCEEDED' },
    _count: { _all: true },
  });
  const doublePaid = paymentsPerEnrollment.filter((g) => g._count._all > 1).length;

  return {
    checked: intents.length,
    mismatches,
    duplicateEnrollments: duplicateEnrollments + doublePaid,
    duplicateEmails,
    missingEmails,
  };
}
