import { type Db, Prisma } from '@enrollpay/db';
import type Stripe from 'stripe';
import type { Env } from '../env.js';
import type { Clock } from '../lib/clock.js';
import {
  deriveEnrollmentStatus,
  derivePaymentStatus,
  type IntentStatus,
  intentStatusOf,
  mergeDisputeStatus,
  mergeIntentStatus,
  mergeRefundStatus,
  type PaymentStatus,
  type RefundStatus,
  refundCounts,
  refundStatusOf,
} from './status.js';

/**
 * The one sync function: everything that learns Stripe's truth (payments.confirm, every webhook
 * handler, reconciliation, refunds we create) applies it here.
 *
 * Each call locks the Payment row, merges Stripe's view monotonically (status.ts), derives the payment
 * and enrollment statuses from the merged facts, keeps the daily stats rollup in step and queues
 * emails with a dedupe key — all in one transaction. Applying the same object twice, or objects in
 * any order, ends in the same rows and the same emails.
 */

export type SyncSource =
  | { kind: 'webhook'; eventId: string; eventCreated: Date }
  | { kind: 'confirm' }
  | { kind: 'reconcile' }
  | { kind: 'api' };

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface SyncResult {
  outcome: 'applied' | 'unchanged' | 'orphaned';
  paymentId: string | null;
  changes: FieldChange[];
}

export interface SyncDeps {
  db: Db;
  stripe: Stripe;
  clock: Clock;
  env: Pick<Env, 'WEB_ORIGIN'>;
}

type Tx = Prisma.TransactionClient;

const PAYMENT_SELECT = {
  id: true,
  learnerId: true,
  specialistId: true,
  offeringId: true,
  enrollmentId: true,
  stripePaymentIntentId: true,
  stripeChargeId: true,
  amount: true,
  amountReceived: true,
  amountRefunded: true,
  currency: true,
  status: true,
  stripeStatus: true,
  failureCode: true,
  declineCode: true,
  failureMessage: true,
  paymentMethodType: true,
  cardBrand: true,
  cardLast4: true,
  receiptUrl: true,
  succeededAt: true,
  failedAt: true,
  canceledAt: true,
  refundedAt: true,
  disputedAt: true,
  disputeStatus: true,
  webhookVerified: true,
  lastStripeEventId: true,
  lastStripeEventAt: true,
} as const satisfies Prisma.PaymentSelect;

type PaymentRow = Prisma.PaymentGetPayload<{ select: typeof PAYMENT_SELECT }>;

/** PAYMENT_SELECT as a SQL column list (field names are the column names). */
const PAYMENT_COLUMNS = Prisma.raw(
  Object.keys(PAYMENT_SELECT)
    .map((column) => `"${column}"`)
    .join(', '),
);

/** Fields a sync step may change directly; the rest (status, amountRefunded, ...) are derived. */
type DirectPatch = Partial<
  Pick<
    PaymentRow,
    | 'stripePaymentIntentId'
    | 'stripeChargeId'
    | 'amountReceived'
    | 'stripeStatus'
    | 'failureCode'
    | 'declineCode'
    | 'failureMessage'
    | 'paymentMethodType'
    | 'cardBrand'
    | 'cardLast4'
    | 'receiptUrl'
    | 'succeededAt'
    | 'failedAt'
    | 'canceledAt'
    | 'webhookVerified'
    | 'lastStripeEventId'
    | 'lastStripeEventAt'
  >
>;

interface Mail {
  kind: string;
  dedupeKey: string;
  to: 'learner' | 'specialist' | 'admins';
  subject: string;
  payload: Record<string, unknown>;
}

interface StepResult {
  patch: DirectPatch;
  mails: Mail[];
  /** Changes to child rows (refunds, disputes) for the report. */
  changes: FieldChange[];
}

type Step = (tx: Tx, payment: PaymentRow) => Promise<StepResult>;

// ---------------------------------------------------------------------------------------------
// Public entry points
// ---------------------------------------------------------------------------------------------

export async function syncPaymentIntent(
  deps: SyncDeps,
  pi: Stripe.PaymentIntent,
  source: SyncSource,
): Promise<SyncResult> {
  const keys = { paymentIntentId: pi.id, metadataPaymentId: pi.metadata?.paymentId };
  return applyToPayment(deps, keys, { children: false }, async (_tx, payment) =>
    intentStep(deps, payment, pi, source),
  );
}

export async function syncCharge(
  deps: SyncDeps,
  charge: Stripe.Charge,
  // Charges, refunds and disputes carry their own state; where the news came from does not matter.
  _source: SyncSource,
): Promise<SyncResult> {
  const keys = {
    chargeId: charge.id,
    paymentIntentId: idOf(charge.payment_intent),
    metadataPaymentId: charge.metadata?.paymentId,
  };
  // Recent API versions leave `refunds` off a charge; when it shows refunded money, ask Stripe for the
  // refunds before taking the lock.
  let refunds = charge.refunds?.data ?? null;
  if (!refunds && charge.amount_refunded > 0) {
    refunds = (await deps.stripe.refunds.list({ charge: charge.id, limit: 100 })).data;
  }
  const children = (refunds?.length ?? 0) > 0;
  return applyToPayment(deps, keys, { children }, async (tx, payment) => {
    const result: StepResult = { patch: chargeDetails(payment, charge), mails: [], changes: [] };
    for (const refund of refunds ?? []) mergeStep(result, await refundStep(tx, payment, refund));
    return result;
  });
}

export async function syncRefund(
  deps: SyncDeps,
  refund: Stripe.Refund,
  // Charges, refunds and disputes carry their own state; where the news came from does not matter.
  _source: SyncSource,
): Promise<SyncResult> {
  const keys = {
    paymentIntentId: idOf(refund.payment_intent),
    chargeId: idOf(refund.charge),
    metadataPaymentId: refund.metadata?.paymentId,
  };
  return applyToPayment(deps, keys, { children: true }, (tx, payment) => refundStep(tx, payment, refund));
}

export async function syncDispute(
  deps: SyncDeps,
  dispute: Stripe.Dispute,
  // Charges, refunds and disputes carry their own state; where the news came from does not matter.
  _source: SyncSource,
): Promise<SyncResult> {
  const keys = { paymentIntentId: idOf(dispute.payment_intent), chargeId: idOf(dispute.charge) };
  return applyToPayment(deps, keys, { children: true }, (tx, payment) => disputeStep(tx, payment, dispute));
}

// ---------------------------------------------------------------------------------------------
// Steps: how each Stripe object changes a payment
// ---------------------------------------------------------------------------------------------

function intentStep(
  deps: SyncDeps,
  payment: PaymentRow,
  pi: Stripe.PaymentIntent,
  source: SyncSource,
): StepResult {
  const at = source.kind === 'webhook' ? source.eventCreated : null;
  const when = at ?? deps.clock.now();
  const current = currentIntentStatus(payment);
  const incoming = intentStatusOf(pi);
  const merged = mergeIntentStatus(current, payment.lastStripeEventAt, { status: incoming, at });
  const patch: DirectPatch = {};
  const mails: Mail[] = [];

  if (!payment.stripePaymentIntentId) patch.stripePaymentIntentId = pi.id;
  if (pi.amount_received > payment.amountReceived) patch.amountReceived = pi.amount_received;
  if (
    source.kind === 'webhook' &&
    (!payment.lastStripeEventAt || source.eventCreated >= payment.lastStripeEventAt)
  ) {
    patch.lastStripeEventId = source.eventId;
    patch.lastStripeEventAt = source.eventCreated;
  }

  if (merged === incoming) {
    patch.stripeStatus = pi.status;
    const charge = typeof pi.latest_charge === 'object' && pi.latest_charge ? pi.latest_charge : null;
    if (charge) Object.assign(patch, chargeDetails(payment, charge));
    if (incoming === 'SUCCEEDED') {
      if (!payment.succeededAt) patch.succeededAt = when;
      // An earlier declined attempt is history now; it must not show on a paid payment.
      patch.failureCode = null;
      patch.declineCode = null;
      patch.failureMessage = null;
      if (source.kind === 'webhook') patch.webhookVerified = true;
      if (!payment.stripeChargeId && typeof pi.latest_charge === 'string')
        patch.stripeChargeId = pi.latest_charge;
      const method = pi.payment_method;
      if (typeof method === 'object' && method?.card && !payment.cardLast4) {
        patch.cardBrand = method.card.brand;
        patch.cardLast4 = method.card.last4;
        patch.paymentMethodType = method.type;
      }
    }
    if (incoming === 'FAILED' && pi.last_payment_error) {
      const error = pi.last_payment_error;
      patch.failureCode = error.code ?? null;
      patch.declineCode = error.decline_code ?? null;
      patch.failureMessage = error.message ?? 'Your payment was not completed';
      // Reapplying the same failure (a duplicate event) keeps its original time.
      const sameFailure = current === 'FAILED' && payment.failureCode === (error.code ?? null);
      if (!sameFailure || !payment.failedAt) patch.failedAt = when;
      const attempt =
        idOf(error.charge) ??
        idOf(error.payment_method) ??
        `${error.code}:${payment.failedAt?.getTime() ?? when.getTime()}`;
      mails.push({
        kind: 'payment.failed',
        dedupeKey: `payment.failed:${payment.id}:${attempt}`,
        to: 'learner',
        subject: 'Your payment did not go through',
        payload: {
          paymentId: payment.id,
          reason: patch.failureMessage,
          retryUrl: `${deps.env.WEB_ORIGIN}/checkout/${payment.offeringId}?payment=${payment.id}`,
        },
      });
    }
    if (incoming === 'CANCELED' && !payment.canceledAt) patch.canceledAt = when;
  }
  return { patch, mails, changes: [] };
}

/** Card and receipt details from a succeeded charge that belongs to this payment. */
function chargeDetails(payment: PaymentRow, charge: Stripe.Charge): DirectPatch {
  if (charge.status !== 'succeeded') return {};
  if (payment.stripeChargeId && payment.stripeChargeId !== charge.id) return {};
  const card = charge.payment_method_details?.card;
  return {
    stripeChargeId: charge.id,
    receiptUrl: charge.receipt_url ?? payment.receiptUrl,
    paymentMethodType: charge.payment_method_details?.type ?? payment.paymentMethodType,
    cardBrand: card?.brand ?? payment.cardBrand,
    cardLast4: card?.last4 ?? payment.cardLast4,
  };
}

async function refundStep(tx: Tx, payment: PaymentRow, refund: Stripe.Refund): Promise<StepResult> {
  const incoming = refundStatusOf(refund.status);
  const ourId = refund.metadata?.refundId;
  const existing = await tx.refund.findFirst({
    where: {
      paymentId: payment.id,
      OR: [{ stripeRefundId: refund.id }, ...(ourId ? [{ id: ourId, stripeRefundId: null }] : [])],
    },
    select: { id: true, status: true, stripeRefundId: true, failureReason: true, amount: true },
  });
  const mails: Mail[] = [];
  const changes: FieldChange[] = [];
  let rowId: string;
  let before: RefundStatus | null = null;
  let after: RefundStatus;
  if (existing) {
    rowId = existing.id;
    before = existing.status;
    after = mergeRefundStatus(existing.status, incoming);
    const failureReason =
      after === 'FAILED' ? (refund.failure_reason ?? existing.failureReason ?? 'unknown') : null;
    if (
      after !== existing.status ||
      existing.stripeRefundId !== refund.id ||
      failureReason !== existing.failureReason
    ) {
      await tx.refund.update({
        where: { id: existing.id },
        data: { status: after, stripeRefundId: refund.id, failureReason },
      });
      if (after !== existing.status) changes.push({ field: `refund[${refund.id}].status`, before, after });
    }
  } else {
    after = incoming;
    const created = await tx.refund.create({
      data: {
        paymentId: payment.id,
        stripeRefundId: refund.id,
        amount: refund.amount,
        currency: refund.currency,
        status: after,
        reason: refundReasonOf(refund.reason),
        failureReason: after === 'FAILED' ? (refund.failure_reason ?? 'unknown') : null,
      },
      select: { id: true },
    });
    rowId = created.id;
    changes.push({ field: `refund[${refund.id}]`, before: null, after });
  }
  if (after === 'SUCCEEDED' && before !== 'SUCCEEDED') {
    mails.push({
      kind: 'refund.processed',
      dedupeKey: `refund.processed:${rowId}`,
      to: 'learner',
      subject: 'Your refund is on its way',
      payload: { paymentId: payment.id, refundId: rowId, amount: refund.amount, currency: refund.currency },
    });
  }
  if (after === 'FAILED' && before !== 'FAILED') {
    mails.push({
      kind: 'refund.failed',
      dedupeKey: `refund.failed:${rowId}`,
      to: 'specialist',
      subject: 'A refund failed',
      payload: {
        paymentId: payment.id,
        refundId: rowId,
        amount: refund.amount,
        currency: refund.currency,
        reason: refund.failure_reason ?? 'unknown',
      },
    });
  }
  return { patch: {}, mails, changes };
}

async function disputeStep(tx: Tx, payment: PaymentRow, dispute: Stripe.Dispute): Promise<StepResult> {
  const existing = await tx.dispute.findUnique({
    where: { stripeDisputeId: dispute.id },
    select: { id: true, status: true },
  });
  const closed = dispute.status === 'won' || dispute.status === 'lost' || dispute.status === 'warning_closed';
  const changes: FieldChange[] = [];
  const mails: Mail[] = [];
  if (existing) {
    const status = mergeDisputeStatus(existing.status, dispute.status);
    if (status !== existing.status) {
      await tx.dispute.update({
        where: { id: existing.id },
        data: { status, closedAt: closed ? new Date(dispute.created * 1000) : null },
      });
      changes.push({ field: `dispute[${dispute.id}].status`, before: existing.status, after: status });
    }
  } else {
    await tx.dispute.create({
      data: {
        paymentId: payment.id,
        stripeDisputeId: dispute.id,
        amount: dispute.amount,
        currency: dispute.currency,
        status: dispute.status,
        reason: dispute.reason,
        createdAt: new Date(dispute.created * 1000),
      },
    });
    changes.push({ field: `dispute[${dispute.id}]`, before: null, after: dispute.status });
    const payload = {
      paymentId: payment.id,
      disputeId: dispute.id,
      amount: dispute.amount,
      currency: dispute.currency,
      reason: dispute.reason,
    };
    for (const to of ['specialist', 'admins'] as const) {
      mails.push({
        kind: 'dispute.opened',
        dedupeKey: `dispute.opened:${dispute.id}:${to}`,
        to,
        subject: 'A payment is disputed',
        payload,
      });
    }
  }
  return { patch: {}, mails, changes };
}

// ---------------------------------------------------------------------------------------------
// The transaction that applies a step and derives everything else
// ---------------------------------------------------------------------------------------------

interface PaymentKeys {
  paymentIntentId?: string | null;
  chargeId?: string | null;
  metadataPaymentId?: string | null | undefined;
}

/**
 * Finds and locks the payment a Stripe object belongs to, in one statement. The row is committed before
 * its PaymentIntent exists, so an event can race the intent id being stored: `metadata.paymentId` finds
 * it then.
 */
async function lockPayment(tx: Tx, keys: PaymentKeys): Promise<PaymentRow | null> {
  const match: Prisma.Sql[] = [];
  if (keys.paymentIntentId) match.push(Prisma.sql`"stripePaymentIntentId" = ${keys.paymentIntentId}`);
  if (keys.chargeId) match.push(Prisma.sql`"stripeChargeId" = ${keys.chargeId}`);
  if (keys.metadataPaymentId && keys.paymentIntentId) {
    match.push(Prisma.sql`("id" = ${keys.metadataPaymentId} AND "stripePaymentIntentId" IS NULL)`);
  }
  if (!match.length) return null;
  const rows = await tx.$queryRaw<PaymentRow[]>`
    SELECT ${PAYMENT_COLUMNS} FROM "Payment" WHERE ${Prisma.join(match, ' OR ')} LIMIT 1 FOR UPDATE`;
  return rows[0] ?? null;
}

async function applyToPayment(
  deps: SyncDeps,
  keys: PaymentKeys,
  /** Whether the step may change refunds or disputes (then they are re-read to derive the totals). */
  { children }: { children: boolean },
  step: Step,
): Promise<SyncResult> {
  return deps.db.$transaction(
    async (tx) => {
      const before = await lockPayment(tx, keys);
      if (!before) return orphaned();
      const paymentId = before.id;
      const { patch, mails, changes: childChanges } = await step(tx, before);

      // Refund and dispute totals move only when a refund or dispute does; otherwise keep what we have.
      let derived: Pick<PaymentRow, 'amountRefunded' | 'refundedAt' | 'disputedAt' | 'disputeStatus'> = {
        amountRefunded: before.amountRefunded,
        refundedAt: before.refundedAt,
        disputedAt: before.disputedAt,
        disputeStatus: before.disputeStatus,
      };
      let disputeStatuses = before.disputeStatus ? [before.disputeStatus] : [];
      if (children || before.disputedAt) {
        const refunds = await tx.refund.findMany({
          where: { paymentId },
          select: { amount: true, status: true, createdAt: true },
        });
        const disputes = await tx.dispute.findMany({
          where: { paymentId },
          select: { status: true, createdAt: true },
          orderBy: { createdAt: 'asc' },
        });
        const counting = refunds.filter((r) => refundCounts(r.status));
        disputeStatuses = disputes.map((d) => d.status);
        derived = {
          amountRefunded: counting.reduce((sum, r) => sum + r.amount, 0),
          refundedAt: counting.length
            ? new Date(Math.max(...counting.map((r) => r.createdAt.getTime())))
            : null,
          disputedAt: disputes[0]?.createdAt ?? null,
          disputeStatus: disputes.at(-1)?.status ?? null,
        };
      }

      const merged: PaymentRow = { ...before, ...patch, ...derived };
      const after: PaymentRow = {
        ...merged,
        status: derivePaymentStatus({
          intentStatus: currentIntentStatus(merged),
          amountReceived: merged.amountReceived,
          amountRefunded: merged.amountRefunded,
          disputeStatuses,
        }),
      };

      const changes = [...diff(before, after), ...childChanges];
      if (changes.some((c) => !c.field.includes('['))) {
        await tx.payment.update({
          where: { id: paymentId },
          data: { ...changedFields(before, after), version: { increment: 1 } },
        });
        await applyRollupDelta(tx, before, after);
        // The enrollment is a function of its payment alone, so it changes only when the payment does.
        await tx.enrollment.update({
          where: { id: after.enrollmentId },
          data: {
            status: deriveEnrollmentStatus(after.status, disputeStatuses),
            paymentStatus: after.status,
            paymentId: after.succeededAt ? after.id : null,
            paymentDate: after.succeededAt,
            webhookVerified: after.webhookVerified,
          },
        });
      }

      if (!before.succeededAt && after.succeededAt) {
        const payload = { paymentId, amount: after.amountReceived || after.amount, currency: after.currency };
        mails.push(
          {
            kind: 'payment.receipt',
            dedupeKey: `payment.receipt:${paymentId}`,
            to: 'learner',
            subject: 'Your receipt from enrollpay',
            payload,
          },
          {
            kind: 'enrollment.new',
            dedupeKey: `enrollment.new:${paymentId}`,
            to: 'specialist',
            subject: 'You have a new enrollment',
            payload,
          },
        );
      }
      if (mails.length) await queueMails(tx, after, mails);

      return {
        outcome: changes.length || mails.length ? 'applied' : 'unchanged',
        paymentId,
        changes,
      } satisfies SyncResult;
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}

async function queueMails(tx: Tx, payment: PaymentRow, mails: Mail[]) {
  const [parties] = await tx.$queryRaw<
    {
      learnerEmail: string;
      learnerName: string;
      specialistEmail: string;
      specialistName: string;
      offeringTitle: string;
    }[]
  >`
    SELECT l."email" AS "learnerEmail", l."name" AS "learnerName", s."email" AS "specialistEmail",
           s."name" AS "specialistName", o."title" AS "offeringTitle"
    FROM "Payment" p
    JOIN "User" l ON l."id" = p."learnerId"
    JOIN "User" s ON s."id" = p."specialistId"
    JOIN "Offering" o ON o."id" = p."offeringId"
    WHERE p."id" = ${payment.id}`;
  if (!parties) throw new Error(`payment ${payment.id} vanished while queueing its mail`);
  const learner = { email: parties.learnerEmail, name: parties.learnerName };
  const specialist = { email: parties.specialistEmail, name: parties.specialistName };
  const admins = mails.some((m) => m.to === 'admins')
    ? await tx.user.findMany({ where: { role: 'ADMIN' }, select: { email: true, name: true } })
    : [];
  const rows = mails.flatMap((mail) => {
    const recipients = mail.to === 'learner' ? [learner] : mail.to === 'specialist' ? [specialist] : admins;
    return recipients.map((recipient) => ({
      kind: mail.kind,
      dedupeKey: mail.to === 'admins' ? `${mail.dedupeKey}:${recipient.email}` : mail.dedupeKey,
      recipient: recipient.email,
      subject: mail.subject,
      payload: {
        ...mail.payload,
        recipientName: recipient.name,
        offeringTitle: parties.offeringTitle,
        learnerName: learner.name,
        specialistName: specialist.name,
      },
    }));
  });
  if (rows.length) await tx.outboxMessage.createMany({ data: rows, skipDuplicates: true });
}

// ---------------------------------------------------------------------------------------------
// The daily stats rollup
// ---------------------------------------------------------------------------------------------

interface Contribution {
  day: string;
  grossAmount: number;
  refundedAmount: number;
  succeededCount: number;
  failedCount: number;
  refundedCount: number;
  disputedCount: number;
}

type RollupFacts = Pick<
  PaymentRow,
  'status' | 'succeededAt' | 'failedAt' | 'refundedAt' | 'disputedAt' | 'amountReceived' | 'amountRefunded'
>;

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * What one payment adds to the rollup, per UTC day: gross and a success on the day it succeeded,
 * refunded money and a refund on the day of its latest refund, a failure on the day it (still) failed,
 * a dispute on the day it was first disputed.
 */
export function contributionsOf(p: RollupFacts): Contribution[] {
  const empty = (day: string): Contribution => ({
    day,
    grossAmount: 0,
    refundedAmount: 0,
    succeededCount: 0,
    failedCount: 0,
    refundedCount: 0,
    disputedCount: 0,
  });
  const byDay = new Map<string, Contribution>();
  const at = (d: Date) => {
    const key = utcDay(d);
    const found = byDay.get(key);
    if (found) return found;
    const created = empty(key);
    byDay.set(key, created);
    return created;
  };
  if (p.succeededAt) {
    const c = at(p.succeededAt);
    c.grossAmount += p.amountReceived;
    c.succeededCount += 1;
  }
  if (p.status === 'FAILED' && p.failedAt) at(p.failedAt).failedCount += 1;
  if (p.amountRefunded > 0 && p.refundedAt) {
    const c = at(p.refundedAt);
    c.refundedAmount += p.amountRefunded;
    c.refundedCount += 1;
  }
  if (p.disputedAt) at(p.disputedAt).disputedCount += 1;
  return [...byDay.values()];
}

async function applyRollupDelta(tx: Tx, before: PaymentRow, after: PaymentRow) {
  const deltas = new Map<string, Contribution>();
  const add = (c: Contribution, sign: 1 | -1) => {
    const d = deltas.get(c.day) ?? {
      ...c,
      grossAmount: 0,
      refundedAmount: 0,
      succeededCount: 0,
      failedCount: 0,
      refundedCount: 0,
      disputedCount: 0,
    };
    d.grossAmount += sign * c.grossAmount;
    d.refundedAmount += sign * c.refundedAmount;
    d.succeededCount += sign * c.succeededCount;
    d.failedCount += sign * c.failedCount;
    d.refundedCount += sign * c.refundedCount;
    d.disputedCount += sign * c.disputedCount;
    deltas.set(c.day, d);
  };
  for (const c of contributionsOf(before)) add(c, -1);
  for (const c of contributionsOf(after)) add(c, 1);
  for (const d of deltas.values()) {
    if (
      !d.grossAmount &&
      !d.refundedAmount &&
      !d.succeededCount &&
      !d.failedCount &&
      !d.refundedCount &&
      !d.disputedCount
    ) {
      continue;
    }
    await tx.$executeRaw`
      INSERT INTO "PaymentDailyStat" ("specialistId", "offeringId", "currency", "day", "grossAmount", "refundedAmount",
        "succeededCount", "failedCount", "refundedCount", "disputedCount")
      VALUES (${after.specialistId}, ${after.offeringId}, ${after.currency}, ${d.day}::date, ${d.grossAmount}, ${d.refundedAmount},
        ${d.succeededCount}, ${d.failedCount}, ${d.refundedCount}, ${d.disputedCount})
      ON CONFLICT ("specialistId", "day", "offeringId", "currency") DO UPDATE SET
        "grossAmount" = "PaymentDailyStat"."grossAmount" + EXCLUDED."grossAmount",
        "refundedAmount" = "PaymentDailyStat"."refundedAmount" + EXCLUDED."refundedAmount",
        "succeededCount" = "PaymentDailyStat"."succeededCount" + EXCLUDED."succeededCount",
        "failedCount" = "PaymentDailyStat"."failedCount" + EXCLUDED."failedCount",
        "refundedCount" = "PaymentDailyStat"."refundedCount" + EXCLUDED."refundedCount",
        "disputedCount" = "PaymentDailyStat"."disputedCount" + EXCLUDED."disputedCount"`;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** Our intent-level status as last merged (stored as Stripe's raw status plus whether it failed). */
function currentIntentStatus(
  p: Pick<PaymentRow, 'stripeStatus' | 'failureCode' | 'failureMessage'>,
): IntentStatus {
  if (!p.stripeStatus) return 'PENDING';
  const failed = p.failureCode !== null || p.failureMessage !== null;
  return intentStatusOf({
    status: p.stripeStatus as Stripe.PaymentIntent.Status,
    last_payment_error: failed ? { type: 'card_error' } : null,
  });
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

function refundReasonOf(
  reason: Stripe.Refund['reason'],
): 'REQUESTED_BY_CUSTOMER' | 'DUPLICATE' | 'FRAUDULENT' | 'OTHER' {
  switch (reason) {
    case 'requested_by_customer':
      return 'REQUESTED_BY_CUSTOMER';
    case 'duplicate':
      return 'DUPLICATE';
    case 'fraudulent':
      return 'FRAUDULENT';
    default:
      return 'OTHER';
  }
}

function orphaned(): SyncResult {
  return { outcome: 'orphaned', paymentId: null, changes: [] };
}

function mergeStep(into: StepResult, from: StepResult) {
  Object.assign(into.patch, from.patch);
  into.mails.push(...from.mails);
  into.changes.push(...from.changes);
}

const DIFF_FIELDS = Object.keys(PAYMENT_SELECT).filter((k) => k !== 'id') as (keyof PaymentRow)[];

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

function diff(before: PaymentRow, after: PaymentRow): FieldChange[] {
  return DIFF_FIELDS.filter((f) => !same(before[f], after[f])).map((field) => ({
    field,
    before: before[field],
    after: after[field],
  }));
}

function changedFields(before: PaymentRow, after: PaymentRow): Prisma.PaymentUpdateInput {
  const data: Record<string, unknown> = {};
  for (const f of DIFF_FIELDS) if (!same(before[f], after[f])) data[f] = after[f];
  return data as Prisma.PaymentUpdateInput;
}

export type { PaymentStatus };
