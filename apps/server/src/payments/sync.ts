import type { Db } from '@enrollpay/db';
import type Stripe from 'stripe';
import { audit } from '../audit.js';
import type { Env } from '../env.js';
import type { Clock } from '../lib/clock.js';
import { queueOutbox } from '../mail/outbox-queue.js';
import { paymentMails } from '../mail/payment-mails.js';
import type { Metrics } from '../metrics/metrics.js';
import { settleRedemption } from '../promotions/redemptions.js';
import { applyRollupDelta } from '../stats/rollup.js';
import {
  chargeDetails,
  disputeStep,
  idOf,
  intentStep,
  observedAt,
  refundStep,
  type SyncSource,
} from './steps.js';
import {
  type FieldChange,
  lockPaymentById,
  type PaymentKeys,
  type Refusal,
  type Step,
  type StepResult,
  type Transition,
  type Tx,
  transition,
} from './transition.js';

/**
 * The one sync function: everything that learns Stripe's truth (payments.confirm, every webhook
 * handler, reconciliation, refunds we create) applies it here.
 *
 * Each call runs one transaction: the transition core (transition.ts) locks the Payment row, merges
 * Stripe's view monotonically (status.ts) and derives the payment and enrollment statuses; then the
 * effects read what changed — the stats rollup (stats/), the emails (mail/), the audit log. Applying the
 * same object twice, or objects in any order, ends in the same rows and the same emails.
 */

export type { FieldChange, SyncSource };

export interface SyncResult {
  /** refused: Stripe's object contradicts the payment (see `problem`); recorded and alerted, not applied. */
  outcome: 'applied' | 'unchanged' | 'orphaned' | 'refused';
  paymentId: string | null;
  changes: FieldChange[];
  problem?: string;
}

export interface SyncDeps {
  db: Db;
  stripe: Stripe;
  clock: Clock;
  env: Pick<Env, 'WEB_ORIGIN' | 'STRIPE_SECRET_KEY'>;
  metrics: Pick<Metrics, 'paymentIntentMismatches'>;
}

/** A side effect of a transition, run in its transaction. Add one here; the core stays as it is. */
type Effect = (tx: Tx, t: Transition, deps: SyncDeps, source: SyncSource) => Promise<unknown>;

const EFFECTS: Effect[] = [
  (tx, t) => applyRollupDelta(tx, t.before, t.after),
  // A promotion code's use counts when the payment succeeds and is freed when it is canceled.
  (tx, t) => settleRedemption(tx, t),
  (tx, t, deps) => queueOutbox(tx, t.after.id, paymentMails(t, deps.env)),
  auditStatusChange,
];

/** A refused object is an alert: an AuditLog row with what differed, and a metric to alert on. */
async function recordRefusal(tx: Tx, t: Transition, deps: SyncDeps, source: SyncSource, refusal: Refusal) {
  await audit(tx, {
    actorId: null,
    actorRole: null,
    action: 'payment.intent_mismatch',
    paymentId: t.before.id,
    amount: t.before.amount,
    currency: t.before.currency,
    details: { ...refusal.details, fields: refusal.fields, source: source.kind },
  });
  for (const field of refusal.fields) deps.metrics.paymentIntentMismatches.inc({ field });
}

/** Money moved (or stopped moving): every change of a payment's status gets an AuditLog row. */
async function auditStatusChange(tx: Tx, t: Transition, _deps: SyncDeps, source: SyncSource) {
  if (t.before.status === t.after.status) return;
  await audit(tx, {
    actorId: null,
    actorRole: null,
    action: 'payment.status_changed',
    paymentId: t.after.id,
    amount: t.after.amountReceived || t.after.amount,
    currency: t.after.currency,
    details: {
      from: t.before.status,
      to: t.after.status,
      source: source.kind,
      ...(source.kind === 'webhook' ? { stripeEventId: source.eventId } : {}),
    },
  });
}

export async function syncPaymentIntent(
  deps: SyncDeps,
  pi: Stripe.PaymentIntent,
  source: SyncSource,
): Promise<SyncResult> {
  const keys = { paymentIntentId: pi.id, metadataPaymentId: pi.metadata?.paymentId };
  return apply(deps, keys, { children: false }, source, async (_tx, payment) =>
    intentStep(deps.clock, payment, pi, source, deps.env.STRIPE_SECRET_KEY.includes('_live_')),
  );
}

export async function syncCharge(
  deps: SyncDeps,
  charge: Stripe.Charge,
  // Charges, refunds and disputes carry their own state; where the news came from does not matter.
  source: SyncSource,
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
  return apply(deps, keys, { children }, source, async (tx, payment) => {
    const result: StepResult = { patch: chargeDetails(payment, charge), childChanges: [] };
    for (const refund of refunds ?? []) {
      const step = await refundStep(tx, payment, refund);
      Object.assign(result.patch, step.patch);
      result.childChanges.push(...step.childChanges);
    }
    return result;
  });
}

export async function syncRefund(
  deps: SyncDeps,
  refund: Stripe.Refund,
  source: SyncSource,
): Promise<SyncResult> {
  const keys = {
    paymentIntentId: idOf(refund.payment_intent),
    chargeId: idOf(refund.charge),
    metadataPaymentId: refund.metadata?.paymentId,
  };
  return apply(deps, keys, { children: true }, source, (tx, payment) => refundStep(tx, payment, refund));
}

export async function syncDispute(
  deps: SyncDeps,
  dispute: Stripe.Dispute,
  source: SyncSource,
): Promise<SyncResult> {
  const keys = { paymentIntentId: idOf(dispute.payment_intent), chargeId: idOf(dispute.charge) };
  return apply(deps, keys, { children: true }, source, (tx, payment) =>
    disputeStep(tx, payment, dispute, observedAt(deps.clock, source)),
  );
}

function apply(
  deps: SyncDeps,
  keys: PaymentKeys,
  options: { children: boolean },
  source: SyncSource,
  step: Step,
): Promise<SyncResult> {
  return deps.db.$transaction(
    async (tx): Promise<SyncResult> => {
      const t = await transition(tx, keys, options, step);
      if (!t) return { outcome: 'orphaned', paymentId: null, changes: [] };
      if (t.refused) {
        await recordRefusal(tx, t, deps, source, t.refused);
        return { outcome: 'refused', paymentId: t.after.id, changes: [], problem: t.refused.message };
      }
      for (const effect of EFFECTS) await effect(tx, t, deps, source);
      return {
        outcome: t.changes.length || t.childChanges.length ? 'applied' : 'unchanged',
        paymentId: t.after.id,
        changes: t.changes,
      };
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}

/**
 * A free checkout (a 100 % promotion code) succeeds without Stripe: the payment (amount 0, no
 * PaymentIntent) becomes SUCCEEDED and its enrollment ACTIVE, and the same effects as any success run —
 * the code's use is redeemed, the rollup counts the enrollment and its discount, the receipt is queued.
 */
export async function settleFreePayment(deps: SyncDeps, paymentId: string): Promise<void> {
  await deps.db.$transaction(
    async (tx) => {
      const before = await lockPaymentById(tx, paymentId);
      if (!before || before.succeededAt || !before.free || before.amount !== 0) return;
      const now = deps.clock.now();
      const after = { ...before, status: 'SUCCEEDED' as const, succeededAt: now };
      await tx.payment.update({
        where: { id: paymentId },
        data: { status: 'SUCCEEDED', succeededAt: now, version: { increment: 1 } },
      });
      await tx.enrollment.update({
        where: { id: before.enrollmentId },
        data: { status: 'ACTIVE', paymentStatus: 'SUCCEEDED', paymentId, paymentDate: now },
      });
      const t: Transition = {
        before,
        after,
        childChanges: [],
        changes: [
          { field: 'status', before: before.status, after: after.status },
          { field: 'succeededAt', before: null, after: now },
        ],
        refused: null,
      };
      for (const effect of EFFECTS) await effect(tx, t, deps, { kind: 'api' });
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}
