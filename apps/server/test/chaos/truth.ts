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

/**
 * Stripe Connect against the emulator's own objects (issue 14): the connected accounts' state, every
 * destination charge's fee, transfer and reversed amount, every payout (none lost, none extra, same
 * status, amount and arrival), one `payout.failed` email per failed payout, and each specialist's balance
 * as Stripe reports it equal to what our rows add up to.
 */
export interface ConnectTruthReport {
  accountsChecked: number;
  destinationChargesChecked: number;
  payoutsInStripe: number;
  payoutRows: number;
  payoutsFailed: number;
  balancesChecked: number;
  /** One line per disagreement, e.g. `po_1: status db=PENDING stripe=paid`. */
  mismatches: string[];
  /** Payout rows beyond Stripe's payouts, and payout.failed emails beyond one per failed payout. */
  duplicates: number;
  /** Stripe payouts with no row, failed payouts with no email. */
  lost: number;
}

export async function compareConnectWithStripe(
  db: Db,
  emulator: Emulator,
  stripe: Stripe,
): Promise<ConnectTruthReport> {
  const connect = emulator.store.connect;
  const mismatches: string[] = [];
  let duplicates = 0;
  let lost = 0;
  const accounts = await db.connectedAccount.findMany();
  for (const row of accounts) {
    const account = connect.accounts.get(row.stripeAccountId);
    if (!account) {
      mismatches.push(`${row.stripeAccountId}: not in Stripe`);
      continue;
    }
    const same = (field: string, ours: unknown, theirs: unknown) => {
      if (JSON.stringify(ours) !== JSON.stringify(theirs))
        mismatches.push(
          `${row.stripeAccountId}: ${field} db=${JSON.stringify(ours)} stripe=${JSON.stringify(theirs)}`,
        );
    };
    same('chargesEnabled', row.chargesEnabled, account.charges_enabled);
    same('payoutsEnabled', row.payoutsEnabled, account.payouts_enabled);
    same('detailsSubmitted', row.detailsSubmitted, account.details_submitted);
    same(
      'currentlyDue',
      [...row.currentlyDue].sort(),
      [...(account.requirements?.currently_due ?? [])].sort(),
    );
  }

  // Destination charges: the fee, the transfer and what was reversed, from the charge and its transfer.
  const destination = await db.payment.findMany({
    where: { destinationAccountId: { not: null }, stripeChargeId: { not: null } },
    select: {
      stripeChargeId: true,
      destinationAccountId: true,
      currency: true,
      amountReceived: true,
      amountRefunded: true,
      applicationFeeAmount: true,
      stripeTransferId: true,
      transferReversedAmount: true,
    },
  });
  for (const p of destination) {
    const charge = emulator.store.charges.get(p.stripeChargeId ?? '');
    const transferId = idOf(charge?.transfer);
    const transfer = transferId ? connect.transfers.get(transferId) : undefined;
    const same = (field: string, ours: unknown, theirs: unknown) => {
      if (ours !== theirs)
        mismatches.push(`${p.stripeChargeId}: ${field} db=${String(ours)} stripe=${String(theirs)}`);
    };
    same('applicationFeeAmount', p.applicationFeeAmount, charge?.application_fee_amount ?? 0);
    same('stripeTransferId', p.stripeTransferId, transferId);
    same('transferReversedAmount', p.transferReversedAmount, transfer?.amount_reversed ?? 0);
  }

  // Payouts of our specialists' accounts: every one a row, the same facts, no row without a payout.
  const ourAccounts = new Set(accounts.map((a) => a.stripeAccountId));
  const payouts = [...connect.payouts.values()].filter((p) => ourAccounts.has(connect.ownerOf(p.id) ?? ''));
  const rows = await db.payout.findMany();
  const rowOf = new Map(rows.map((r) => [r.stripePayoutId, r]));
  for (const payout of payouts) {
    const row = rowOf.get(payout.id);
    if (!row) {
      lost++;
      mismatches.push(`${payout.id}: no Payout row`);
      continue;
    }
    const same = (field: string, ours: unknown, theirs: unknown) => {
      if (ours !== theirs)
        mismatches.push(`${payout.id}: ${field} db=${String(ours)} stripe=${String(theirs)}`);
    };
    same('status', row.status, payout.status.toUpperCase());
    same('amount', row.amount, payout.amount);
    same('currency', row.currency, payout.currency);
    same('arrivalDate', row.arrivalDate.getTime(), payout.arrival_date * 1000);
    same('account', row.stripeAccountId, connect.ownerOf(payout.id));
    same('failureCode', row.failureCode, payout.failure_code ?? null);
  }
  const extra = rows.filter((r) => !connect.payouts.has(r.stripePayoutId)).length;
  duplicates += extra;
  if (extra) mismatches.push(`${extra} Payout rows with no payout at Stripe`);
  const failed = payouts.filter((p) => p.status === 'failed');
  const mails = await db.outboxMessage.groupBy({
    by: ['dedupeKey'],
    where: { kind: 'payout.failed' },
    _count: { _all: true },
  });
  const mailsFor = new Map(mails.map((m) => [m.dedupeKey, m._count._all]));
  for (const payout of failed) {
    const have = mailsFor.get(`payout.failed:${payout.id}`) ?? 0;
    if (have === 0) lost++;
    if (have > 1) duplicates += have - 1;
    if (have !== 1) mismatches.push(`${payout.id}: ${have} payout.failed emails, expected 1`);
  }
  const stray = mails.filter((m) => !failed.some((p) => m.dedupeKey === `payout.failed:${p.id}`)).length;
  duplicates += stray;
  if (stray) mismatches.push(`${stray} payout.failed emails for payouts that did not fail`);

  // Balances: Stripe's (available + pending) per currency = what our rows add up to for the account:
  // Σ (received − fee − reversed + the fee given back on a full refund) − Σ payouts not failed.
  let balancesChecked = 0;
  for (const account of accounts) {
    const expected = new Map<string, number>();
    const add = (currency: string, amount: number) =>
      expected.set(currency, (expected.get(currency) ?? 0) + amount);
    for (const p of destination.filter((d) => d.destinationAccountId === account.stripeAccountId)) {
      const feeBack =
        p.amountReceived > 0 && p.amountRefunded >= p.amountReceived ? p.applicationFeeAmount : 0;
      add(p.currency, p.amountReceived - p.applicationFeeAmount - p.transferReversedAmount + feeBack);
    }
    for (const r of rows.filter(
      (r) => r.stripeAccountId === account.stripeAccountId && r.status !== 'FAILED',
    ))
      add(r.currency, -r.amount);
    const balance = await stripe.balance.retrieve({}, { stripeAccount: account.stripeAccountId });
    const actual = new Map<string, number>();
    for (const b of [...balance.available, ...balance.pending])
      actual.set(b.currency, (actual.get(b.currency) ?? 0) + b.amount);
    for (const currency of new Set([...expected.keys(), ...actual.keys()])) {
      balancesChecked++;
      const ours = expected.get(currency) ?? 0;
      const theirs = actual.get(currency) ?? 0;
      if (ours !== theirs)
        mismatches.push(
          `${account.stripeAccountId}: ${currency} balance from our rows ${ours}, Stripe ${theirs}`,
        );
    }
  }

  return {
    accountsChecked: accounts.length,
    destinationChargesChecked: destination.length,
    payoutsInStripe: payouts.length,
    payoutRows: rows.length,
    payoutsFailed: failed.length,
    balancesChecked,
    mismatches,
    duplicates,
    lost,
  };
}
