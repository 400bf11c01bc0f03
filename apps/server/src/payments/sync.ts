import { randomUUID } from 'node:crypto';
import type { Db } from '@enrollpay/db';
import { Prisma } from '@enrollpay/db';
import type Stripe from 'stripe';
import type { Env } from '../env.js';
import type { Clock } from '../lib/clock.js';
import { queueOutboxMany } from '../mail/outbox-queue.js';
import { paymentMails } from '../mail/payment-mails.js';
import type { Metrics } from '../metrics/metrics.js';
import { settleRedemption } from '../promotions/redemptions.js';
import { applyRollupDeltas } from '../stats/rollup.js';
import { prismaRunner, type SqlRunner } from './sql.js';
import { notifyPaymentStatusSql } from './status-notify.js';
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
  addToNet,
  deriveTransition,
  type FieldChange,
  LockedPayments,
  lockPayments,
  type NetChange,
  type PaymentKeys,
  type PaymentRow,
  type Refusal,
  type Step,
  type StepResult,
  startNet,
  type Transition,
  transition,
  writeTransitions,
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

/**
 * A side effect of transitions, run in their transaction: `applied` holds one transition (`apply`, one
 * payment at a time) or a whole webhook batch's, in the order applied (`applyPlans`). Either way it gets
 * a SqlRunner (a Prisma transaction, or the batch's plain pg connection), so one function serves both
 * paths. Add one to EFFECTS; the core stays as it is. Write it set-based (one statement for all of
 * `applied`) when it is on the hot path; a loop over `applied` is fine for what is rare.
 */
type Effect = (sql: SqlRunner, applied: readonly AppliedTransition[], deps: SyncDeps) => Promise<unknown>;

/** A transition with the news that caused it. */
export interface AppliedTransition {
  t: Transition;
  source: SyncSource;
}

// A promotion code's use counts when the payment succeeds and is freed when it is canceled (rare: one
// statement per payment that has a code and just succeeded or was canceled). In code id order (a stable
// sort: one payment's transitions keep theirs), so two batches lock the codes they share in one order.
const redemptionEffect: Effect = async (sql, applied) => {
  const withCode = applied.filter(({ t }) => t.after.promotionCodeId !== null);
  const code = ({ t }: AppliedTransition) => t.after.promotionCodeId ?? '';
  withCode.sort((a, b) => (code(a) < code(b) ? -1 : code(a) > code(b) ? 1 : 0));
  for (const { t } of withCode) await settleRedemption(sql, t);
};

// The emails: one parties query, one insert (each deduplicated by its key).
const outboxEffect: Effect = (sql, applied, deps) =>
  queueOutboxMany(
    sql,
    applied.map(({ t }) => ({ paymentId: t.after.id, drafts: paymentMails(t, deps.env) })),
  );

// Money moved (or stopped moving): every change of a payment's status gets an AuditLog row.
const auditEffect: Effect = (sql, applied) =>
  insertAuditRows(
    sql,
    applied.flatMap(({ t, source }) => statusChangeEntry(t, source) ?? []),
  );

// payments.onStatus streams on every instance hear of the change when this transaction commits
// (PostgreSQL NOTIFY; status-notify.ts). Keep it in any rewrite of the pipeline.
const notifyEffect: Effect = (sql, applied) =>
  notifyPaymentStatusSql(
    sql,
    applied.flatMap(({ t }) => (t.changes.length ? [t.after.id] : [])),
  );

const EFFECTS: Effect[] = [redemptionEffect, outboxEffect, auditEffect, notifyEffect];

// The stats rollup: the deltas summed per rollup row, one upsert. It runs after the other EFFECTS: its
// rows (one per specialist, offering, currency and day) are the only rows that concurrent transitions of
// different payments share — two webhook batches of a busy day meet on the same hundred — so their row
// locks are taken as late as possible and held only until the commit (and, in a webhook batch, through
// the events' mark: `applyPlans`' `beforeRollup`), not through the outbox, the audit log and the notify.
const rollupEffect: Effect = (sql, applied) =>
  applyRollupDeltas(
    sql,
    applied.map(({ t }) => t),
  );

async function runEffects(
  sql: SqlRunner,
  applied: readonly AppliedTransition[],
  deps: SyncDeps,
  beforeRollup?: () => Promise<void>,
): Promise<void> {
  if (applied.length) for (const effect of EFFECTS) await effect(sql, applied, deps);
  await beforeRollup?.();
  if (applied.length) await rollupEffect(sql, applied, deps);
}

interface AuditRow {
  action: string;
  paymentId: string;
  amount: number;
  currency: string;
  details: Record<string, unknown>;
}

/**
 * AuditLog rows written by the sync (no actor: Stripe told us), in one statement with one JSON
 * parameter; ids and times as Prisma's defaults would make them.
 */
async function insertAuditRows(sql: SqlRunner, entries: readonly AuditRow[]): Promise<void> {
  if (!entries.length) return;
  const now = new Date().toISOString();
  const rows = entries.map(({ action, paymentId, amount, currency, details }) => ({
    id: randomUUID(),
    action,
    paymentId,
    amount,
    currency,
    details,
  }));
  await sql.query(
    Prisma.sql`
    INSERT INTO "AuditLog" ("id", "actorId", "actorRole", "action", "paymentId", "amount", "currency", "details", "createdAt")
    SELECT v."id", NULL, NULL, v."action", v."paymentId", v."amount", v."currency", v."details", ${now}::timestamp(3)
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS v("id" text, "action" text, "paymentId" text, "amount" int, "currency" text, "details" jsonb)`,
    'audit.insert-many',
  );
}

/** A refused object is an alert: an AuditLog row with what differed, and a metric to alert on. */
async function recordRefusal(
  sql: SqlRunner,
  t: Transition,
  deps: SyncDeps,
  source: SyncSource,
  refusal: Refusal,
) {
  await insertAuditRows(sql, [
    {
      action: 'payment.intent_mismatch',
      paymentId: t.before.id,
      amount: t.before.amount,
      currency: t.before.currency,
      details: { ...refusal.details, fields: refusal.fields, source: source.kind },
    },
  ]);
  for (const field of refusal.fields) deps.metrics.paymentIntentMismatches.inc({ field });
}

function statusChangeEntry(t: Transition, source: SyncSource): AuditRow | null {
  if (t.before.status === t.after.status) return null;
  return {
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
  };
}

/**
 * What applying one Stripe object means, before any I/O: which payment it belongs to (`keys`), whether it
 * may change refunds or disputes, and the step that merges it. `apply` runs one plan in its own
 * transaction; `applyPlans` runs a webhook batch's plans together.
 */
export interface SyncPlan {
  keys: PaymentKeys;
  children: boolean;
  source: SyncSource;
  step: Step;
  /**
   * The same step when it needs no database (a PaymentIntent, a charge without refunds): the payment's
   * new facts computed from its locked row alone. A webhook batch applies only plans that have it.
   */
  pure?: (payment: PaymentRow) => StepResult;
}

/** A plan a webhook batch can apply (`applyPlans`). */
export type PurePlan = SyncPlan & { pure: (payment: PaymentRow) => StepResult };

export function planPaymentIntent(deps: SyncDeps, pi: Stripe.PaymentIntent, source: SyncSource): PurePlan {
  const pure = (payment: PaymentRow) =>
    intentStep(deps.clock, payment, pi, source, deps.env.STRIPE_SECRET_KEY.includes('_live_'));
  return {
    keys: { paymentIntentId: pi.id, metadataPaymentId: pi.metadata?.paymentId },
    children: false,
    source,
    step: async (_tx, payment) => pure(payment),
    pure,
  };
}

/** Whether a charge can be applied from its own payload (no call to Stripe for its refunds first). */
export function chargeIsSelfContained(charge: Stripe.Charge): boolean {
  return Boolean(charge.refunds?.data) || charge.amount_refunded <= 0;
}

export function planCharge(
  charge: Stripe.Charge,
  refunds: Stripe.Refund[] | null,
  // Charges, refunds and disputes carry their own state; where the news came from does not matter.
  source: SyncSource,
): SyncPlan {
  return {
    keys: {
      chargeId: charge.id,
      paymentIntentId: idOf(charge.payment_intent),
      metadataPaymentId: charge.metadata?.paymentId,
    },
    children: (refunds?.length ?? 0) > 0,
    source,
    ...(refunds?.length
      ? {}
      : {
          pure: (payment: PaymentRow): StepResult => ({
            patch: chargeDetails(payment, charge),
            childChanges: [],
          }),
        }),
    step: async (tx, payment) => {
      const result: StepResult = { patch: chargeDetails(payment, charge), childChanges: [] };
      for (const refund of refunds ?? []) {
        const step = await refundStep(tx, payment, refund);
        Object.assign(result.patch, step.patch);
        result.childChanges.push(...step.childChanges);
      }
      return result;
    },
  };
}

export function planRefund(refund: Stripe.Refund, source: SyncSource): SyncPlan {
  return {
    keys: {
      paymentIntentId: idOf(refund.payment_intent),
      chargeId: idOf(refund.charge),
      metadataPaymentId: refund.metadata?.paymentId,
    },
    children: true,
    source,
    step: (tx, payment) => refundStep(tx, payment, refund),
  };
}

export async function syncPaymentIntent(
  deps: SyncDeps,
  pi: Stripe.PaymentIntent,
  source: SyncSource,
): Promise<SyncResult> {
  return apply(deps, planPaymentIntent(deps, pi, source));
}

export async function syncCharge(
  deps: SyncDeps,
  charge: Stripe.Charge,
  source: SyncSource,
): Promise<SyncResult> {
  // Recent API versions leave `refunds` off a charge; when it shows refunded money, ask Stripe for the
  // refunds before taking the lock.
  let refunds = charge.refunds?.data ?? null;
  if (!chargeIsSelfContained(charge)) {
    refunds = (await deps.stripe.refunds.list({ charge: charge.id, limit: 100 })).data;
  }
  return apply(deps, planCharge(charge, refunds, source));
}

export async function syncRefund(
  deps: SyncDeps,
  refund: Stripe.Refund,
  source: SyncSource,
): Promise<SyncResult> {
  return apply(deps, planRefund(refund, source));
}

export async function syncDispute(
  deps: SyncDeps,
  dispute: Stripe.Dispute,
  source: SyncSource,
): Promise<SyncResult> {
  const keys = { paymentIntentId: idOf(dispute.payment_intent), chargeId: idOf(dispute.charge) };
  return apply(deps, {
    keys,
    children: true,
    source,
    step: (tx, payment) => disputeStep(tx, payment, dispute, observedAt(deps.clock, source)),
  });
}

function resultOf(t: Transition): SyncResult {
  return {
    outcome: t.changes.length || t.childChanges.length ? 'applied' : 'unchanged',
    paymentId: t.after.id,
    changes: t.changes,
  };
}

function refusedResult(t: Transition, refusal: Refusal): SyncResult {
  return { outcome: 'refused', paymentId: t.after.id, changes: [], problem: refusal.message };
}

function apply(deps: SyncDeps, { keys, children, source, step }: SyncPlan): Promise<SyncResult> {
  return deps.db.$transaction(
    async (tx): Promise<SyncResult> => {
      const t = await transition(tx, keys, { children }, step);
      if (!t) return { outcome: 'orphaned', paymentId: null, changes: [] };
      if (t.refused) {
        await recordRefusal(prismaRunner(tx), t, deps, source, t.refused);
        return refusedResult(t, t.refused);
      }
      await runEffects(prismaRunner(tx), [{ t, source }], deps);
      return resultOf(t);
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}

/**
 * Applies many plans in the caller's transaction, set-based (a webhook batch): every payment they touch
 * is locked with one statement; each plan's step runs in order on its payment's state so far (several
 * events of one payment chain, exactly as one transaction each would); then the payments and their
 * enrollments are written with one statement each and the EFFECTS run over every transition, the
 * rollup last. `beforeRollup` gets the results just before the rollup (the batch marks its events
 * there, so the rollup's row locks are held through nothing but the commit). Returns one result per
 * plan, in order. Anything that throws aborts the whole batch (the caller rolls back).
 */
export async function applyPlans(
  sql: SqlRunner,
  deps: SyncDeps,
  plans: readonly PurePlan[],
  beforeRollup?: (results: readonly SyncResult[]) => Promise<void>,
): Promise<SyncResult[]> {
  const locked = await lockPayments(
    sql,
    plans.map((p) => p.keys),
  );
  const current = new LockedPayments(locked);
  const nets = new Map<string, NetChange>();
  const applied: AppliedTransition[] = [];
  const results: SyncResult[] = [];
  for (const plan of plans) {
    const payment = current.find(plan.keys);
    if (!payment) {
      results.push({ outcome: 'orphaned', paymentId: null, changes: [] });
      continue;
    }
    const t = await deriveTransition(sql, payment, { children: plan.children }, plan.pure(payment));
    if (t.refused) {
      await recordRefusal(sql, t, deps, plan.source, t.refused);
      results.push(refusedResult(t, t.refused));
      continue;
    }
    current.update(t.after);
    const net = nets.get(payment.id) ?? startNet(payment, t);
    addToNet(net, t);
    nets.set(payment.id, net);
    applied.push({ t, source: plan.source });
    results.push(resultOf(t));
  }
  await writeTransitions(sql, [...nets.values()]);
  await runEffects(sql, applied, deps, beforeRollup && (() => beforeRollup(results)));
  return results;
}

/**
 * A free checkout (a 100 % promotion code) succeeds without Stripe: the payment (amount 0, no
 * PaymentIntent) is settled — `succeededAt` set, from which the core derives SUCCEEDED and an ACTIVE
 * enrollment — through the same transition core and EFFECTS as any other change (`apply`): the code's
 * use is redeemed, the rollup counts the enrollment and its discount, the receipt is queued, the change
 * is audited and notified. Settling again, or a payment that is not free, changes nothing.
 */
export function planFreeSettlement(deps: Pick<SyncDeps, 'clock'>, paymentId: string): SyncPlan {
  return {
    keys: { paymentId },
    children: false,
    source: { kind: 'api' },
    step: async (_tx, payment) => ({
      patch:
        payment.free && payment.amount === 0 && !payment.succeededAt ? { succeededAt: deps.clock.now() } : {},
      childChanges: [],
    }),
  };
}

export function settleFreePayment(deps: SyncDeps, paymentId: string): Promise<SyncResult> {
  return apply(deps, planFreeSettlement(deps, paymentId));
}
