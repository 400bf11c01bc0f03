import { Prisma } from '@enrollpay/db';
import type Stripe from 'stripe';
import { isoString } from '../lib/utc-time.js';
import { prismaRunner, type SqlRunner } from './sql.js';
import {
  deriveEnrollmentStatus,
  derivePaymentStatus,
  type IntentStatus,
  intentStatusOf,
  type RefundStatus,
  refundCounts,
} from './status.js';

/**
 * The transition core: lock the payment a Stripe object belongs to, merge what a step says Stripe knows,
 * derive the payment's and the enrollment's statuses from the merged facts, write them, and return what
 * changed — `{ before, after, childChanges }`. It knows nothing of emails, statistics or the audit log:
 * those are effects (sync.ts runs them in the same transaction) that read the transition.
 */

export type Tx = Prisma.TransactionClient;

export const PAYMENT_SELECT = {
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
  amountLostToDisputes: true,
  disputeLostAt: true,
  applicationFeeAmount: true,
  webhookVerified: true,
  lastStripeEventId: true,
  lastStripeEventAt: true,
  // Set when the payment is opened (or its promotion code changed, payments/promotion-change.ts); no step
  // changes them. Effects read them (the redemption, the rollup's discounts, the receipt).
  discountAmount: true,
  promotionCode: true,
  promotionCodeId: true,
  free: true,
} as const satisfies Prisma.PaymentSelect;

export type PaymentRow = Prisma.PaymentGetPayload<{ select: typeof PAYMENT_SELECT }>;

/** PAYMENT_SELECT as a SQL column list (field names are the column names). */
const PAYMENT_COLUMNS = Prisma.raw(
  Object.keys(PAYMENT_SELECT)
    .map((column) => `"${column}"`)
    .join(', '),
);

/** Fields a step may change directly; the rest (status, amountRefunded, ...) are derived. */
export type DirectPatch = Partial<
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

/** What happened to a payment's child objects (refunds, disputes, payment attempts) in one transition. */
export type ChildChange =
  | {
      kind: 'refund';
      /** Our Refund row's id. */
      refundId: string;
      stripeRefundId: string;
      before: RefundStatus | null;
      after: RefundStatus;
      amount: number;
      currency: string;
      failureReason: string | null;
    }
  | {
      kind: 'dispute';
      stripeDisputeId: string;
      before: string | null;
      after: string;
      amount: number;
      currency: string;
      reason: string | null;
    }
  | {
      /** Stripe reported a failed attempt to pay (reported again for the same attempt: effects dedupe). */
      kind: 'attempt_failed';
      /** The attempt's charge or payment method id, or a stand-in derived from the failure. */
      attemptId: string;
      failureMessage: string;
    };

export interface StepResult {
  patch: DirectPatch;
  childChanges: ChildChange[];
  /** Stripe's object contradicts the payment (amount, currency, livemode): nothing is applied. */
  refused?: Refusal;
}

export interface Refusal {
  /** The fields that differ, e.g. ['amount']. */
  fields: string[];
  message: string;
  details: Record<string, string | number | boolean | null>;
}

export type Step = (tx: Tx, payment: PaymentRow) => Promise<StepResult>;

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface Transition {
  before: PaymentRow;
  after: PaymentRow;
  childChanges: ChildChange[];
  /** Field-level diff of the payment plus child status changes (what reconciliation reports). */
  changes: FieldChange[];
  /** Set when the step refused Stripe's object; then nothing changed. */
  refused: Refusal | null;
  /** Every dispute's status on the payment after the step (the enrollment's status reads them). */
  disputeStatuses: string[];
}

export interface PaymentKeys {
  /**
   * Our own id: a free checkout (a 100 % promotion code) has no Stripe object to find it by. Read by
   * `transition` (one payment) only; a webhook batch (lockPayments, paymentMatches) finds payments by
   * Stripe's ids.
   */
  paymentId?: string | null;
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
  if (keys.paymentId) match.push(Prisma.sql`"id" = ${keys.paymentId}`);
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

/** Whether a payment is the one `keys` find (the same rule as lockPayment's WHERE). */
export function paymentMatches(payment: PaymentRow, keys: PaymentKeys): boolean {
  if (keys.paymentIntentId && payment.stripePaymentIntentId === keys.paymentIntentId) return true;
  if (keys.chargeId && payment.stripeChargeId === keys.chargeId) return true;
  return Boolean(
    keys.metadataPaymentId &&
      keys.paymentIntentId &&
      payment.id === keys.metadataPaymentId &&
      payment.stripePaymentIntentId === null,
  );
}

/**
 * A batch's locked payments, kept current as its transitions apply, and found by `paymentMatches`' rule:
 * of every payment the keys match, the first in lock order — through indexes on the PaymentIntent and
 * charge ids (a batch of a hundred events would otherwise test a hundred payments for each).
 */
export class LockedPayments {
  /** The payments' current rows, in lock order. */
  private readonly rows: PaymentRow[];
  private readonly position = new Map<string, number>();
  private readonly byIntent = new Map<string, number[]>();
  private readonly byCharge = new Map<string, number[]>();

  constructor(locked: readonly PaymentRow[]) {
    this.rows = [...locked];
    this.rows.forEach((row, i) => {
      this.position.set(row.id, i);
      this.index(row, i);
    });
  }

  /** The payment `keys` find (as `paymentMatches`, the first in lock order), or undefined. */
  find(keys: PaymentKeys): PaymentRow | undefined {
    let first = Number.POSITIVE_INFINITY;
    if (keys.paymentIntentId) first = Math.min(first, this.byIntent.get(keys.paymentIntentId)?.[0] ?? first);
    if (keys.chargeId) first = Math.min(first, this.byCharge.get(keys.chargeId)?.[0] ?? first);
    if (keys.metadataPaymentId && keys.paymentIntentId) {
      const i = this.position.get(keys.metadataPaymentId);
      if (i !== undefined && this.rows[i]?.stripePaymentIntentId === null) first = Math.min(first, i);
    }
    return this.rows[first];
  }

  /** Replaces a payment's row with its state after a transition (the ids it is found by may change). */
  update(row: PaymentRow): void {
    const i = this.position.get(row.id);
    const old = i === undefined ? undefined : this.rows[i];
    if (i === undefined || !old) throw new Error(`payment ${row.id} is not locked by this batch`);
    if (
      old.stripePaymentIntentId !== row.stripePaymentIntentId ||
      old.stripeChargeId !== row.stripeChargeId
    ) {
      unindex(this.byIntent, old.stripePaymentIntentId, i);
      unindex(this.byCharge, old.stripeChargeId, i);
      this.index(row, i);
    }
    this.rows[i] = row;
  }

  private index(row: PaymentRow, i: number): void {
    addIndex(this.byIntent, row.stripePaymentIntentId, i);
    addIndex(this.byCharge, row.stripeChargeId, i);
  }
}

/** Adds position `i` under `key` (the positions of one key stay in ascending order). */
function addIndex(map: Map<string, number[]>, key: string | null, i: number): void {
  if (!key) return;
  const positions = map.get(key);
  if (!positions) {
    map.set(key, [i]);
    return;
  }
  positions.push(i);
  positions.sort((a, b) => a - b);
}

function unindex(map: Map<string, number[]>, key: string | null, i: number): void {
  if (!key) return;
  const positions = map.get(key);
  if (!positions) return;
  const at = positions.indexOf(i);
  if (at >= 0) positions.splice(at, 1);
  if (!positions.length) map.delete(key);
}

/**
 * Finds and locks every payment that any of `keysList` finds, in one statement, in id order (two batches
 * locking overlapping payments take the locks in the same order, so they queue rather than deadlock).
 */
export async function lockPayments(sql: SqlRunner, keysList: readonly PaymentKeys[]): Promise<PaymentRow[]> {
  const intents = new Set<string>();
  const charges = new Set<string>();
  const ids = new Set<string>();
  for (const keys of keysList) {
    if (keys.paymentIntentId) intents.add(keys.paymentIntentId);
    if (keys.chargeId) charges.add(keys.chargeId);
    if (keys.metadataPaymentId && keys.paymentIntentId) ids.add(keys.metadataPaymentId);
  }
  if (!intents.size && !charges.size) return [];
  // Each array behind ARRAY(SELECT unnest(…)): given the hundred ids themselves, the planner estimated
  // every one against every index and planning took 8–12 ms a batch, ten times the execution; behind a
  // subquery it plans in 0.25 ms, the same three index lookups. Named: planned once per connection.
  return sql.query<PaymentRow>(
    Prisma.sql`
    SELECT ${PAYMENT_COLUMNS} FROM "Payment"
    WHERE "stripePaymentIntentId" = ANY(ARRAY(SELECT unnest(${[...intents]}::text[])))
       OR "stripeChargeId" = ANY(ARRAY(SELECT unnest(${[...charges]}::text[])))
       OR ("id" = ANY(ARRAY(SELECT unnest(${[...ids]}::text[]))) AND "stripePaymentIntentId" IS NULL)
    ORDER BY "id" FOR UPDATE`,
    'payments.lock-batch',
  );
}

type ChildTotals = Pick<
  PaymentRow,
  'amountRefunded' | 'refundedAt' | 'disputedAt' | 'disputeStatus' | 'amountLostToDisputes' | 'disputeLostAt'
>;

/** Refund and dispute totals, re-read from the child rows; `disputeStatuses` lists every dispute's. */
async function childTotals(sql: SqlRunner, paymentId: string) {
  const refunds = await sql.query<{ amount: number; status: RefundStatus; createdAt: Date }>(Prisma.sql`
    SELECT "amount", "status"::text AS "status", "createdAt" FROM "Refund" WHERE "paymentId" = ${paymentId}`);
  const disputes = await sql.query<{
    status: string;
    amount: number;
    fee: number | null;
    createdAt: Date;
    closedAt: Date | null;
  }>(Prisma.sql`
    SELECT "status", "amount", "fee", "createdAt", "closedAt" FROM "Dispute" WHERE "paymentId" = ${paymentId}
    ORDER BY "createdAt" ASC, "id" ASC`);
  const counting = refunds.filter((r) => refundCounts(r.status));
  // A lost dispute takes its amount back to the cardholder and Stripe keeps its fee.
  const lost = disputes.filter((d) => d.status === 'lost');
  const lostAt = lost.map((d) => (d.closedAt ?? d.createdAt).getTime());
  const totals: ChildTotals = {
    amountRefunded: counting.reduce((sum, r) => sum + r.amount, 0),
    refundedAt: counting.length ? new Date(Math.max(...counting.map((r) => r.createdAt.getTime()))) : null,
    disputedAt: disputes[0]?.createdAt ?? null,
    disputeStatus: disputes.at(-1)?.status ?? null,
    amountLostToDisputes: lost.reduce((sum, d) => sum + d.amount + (d.fee ?? 0), 0),
    disputeLostAt: lostAt.length ? new Date(Math.max(...lostAt)) : null,
  };
  return { totals, disputeStatuses: disputes.map((d) => d.status) };
}

/**
 * Applies one step to the payment `keys` find, in the caller's transaction. Returns null when no
 * payment matches (yet). Writes the payment and its enrollment only when a payment field changed.
 */
export async function transition(
  tx: Tx,
  keys: PaymentKeys,
  /** Whether the step may change refunds or disputes (then they are re-read to derive the totals). */
  { children }: { children: boolean },
  step: Step,
): Promise<Transition | null> {
  const before = await lockPayment(tx, keys);
  if (!before) return null;
  const t = await deriveTransition(prismaRunner(tx), before, { children }, await step(tx, before));
  if (t.refused) return t;
  if (paymentChanged(t)) {
    await tx.payment.update({
      where: { id: before.id },
      data: { ...changedFields(before, t.after), version: { increment: 1 } },
    });
    // The enrollment is a function of its payment alone, so it changes only when the payment does.
    await tx.enrollment.update({ where: { id: t.after.enrollmentId }, data: enrollmentOf(t) });
  }
  return t;
}

/** Whether a transition changed any of the payment's own fields (then it and its enrollment are written). */
export function paymentChanged(t: Pick<Transition, 'before' | 'after'>): boolean {
  const { before, after } = t;
  for (const f of DIFF_FIELDS) if (!same(before[f], after[f])) return true;
  return false;
}

function enrollmentOf(t: Pick<Transition, 'after' | 'disputeStatuses'>) {
  const { after } = t;
  return {
    status: deriveEnrollmentStatus(after.status, t.disputeStatuses),
    paymentStatus: after.status,
    paymentId: after.succeededAt ? after.id : null,
    paymentDate: after.succeededAt,
    webhookVerified: after.webhookVerified,
  };
}

/**
 * The pure part of a transition: takes what a step made of a locked payment (the step may have written
 * child rows), re-reads refund and dispute totals when they may have moved, and derives the payment's new
 * state. Writes nothing of the payment itself: `transition` writes one, `writeTransitions` many.
 */
export async function deriveTransition(
  sql: SqlRunner,
  before: PaymentRow,
  { children }: { children: boolean },
  { patch, childChanges, refused }: StepResult,
): Promise<Transition> {
  const disputeStatusesBefore = before.disputeStatus ? [before.disputeStatus] : [];
  if (refused) {
    return {
      before,
      after: before,
      childChanges: [],
      changes: [],
      refused,
      disputeStatuses: disputeStatusesBefore,
    };
  }

  // Refund and dispute totals move only when a refund or dispute does; otherwise keep what we have.
  let derived: ChildTotals = {
    amountRefunded: before.amountRefunded,
    refundedAt: before.refundedAt,
    disputedAt: before.disputedAt,
    disputeStatus: before.disputeStatus,
    amountLostToDisputes: before.amountLostToDisputes,
    disputeLostAt: before.disputeLostAt,
  };
  let disputeStatuses = disputeStatusesBefore;
  if (children || before.disputedAt) {
    const read = await childTotals(sql, before.id);
    derived = read.totals;
    disputeStatuses = read.disputeStatuses;
  }

  // One copy of the row (a batch makes one per event): the merged facts, then the status derived from them.
  const after: PaymentRow = { ...before, ...patch, ...derived };
  after.status = derivePaymentStatus({
    intentStatus: currentIntentStatus(after),
    amountReceived: after.amountReceived,
    amountRefunded: after.amountRefunded,
    disputeStatuses,
  });
  return {
    before,
    after,
    childChanges,
    changes: [...diff(before, after, patch), ...childFieldChanges(childChanges)],
    refused: null,
    disputeStatuses,
  };
}

/** One payment's net change over the transitions a batch applied to it, in order. */
export interface NetChange {
  /** The payment as locked, before the batch's first transition. */
  first: PaymentRow;
  /** The last transition (its `after` is the payment's final state). */
  last: Pick<Transition, 'after' | 'disputeStatuses'>;
  /** How many of the transitions changed the payment (its version moves by as many). */
  changed: number;
  /** By DIFF_FIELDS' position: whether any of the transitions changed that field (`addToNet`). */
  touched: boolean[];
}

/** A payment's net change in a batch, starting with its first transition (`addToNet` adds each). */
export function startNet(first: PaymentRow, t: Transition): NetChange {
  return { first, last: t, changed: 0, touched: new Array<boolean>(DIFF_FIELDS.length).fill(false) };
}

/**
 * Adds a transition (the next one applied) to its payment's net change: it becomes the last, and when
 * it changed any of the payment's own fields (`paymentChanged`; those are the entries of its diff) the
 * version moves once more and those fields are marked as touched.
 */
export function addToNet(net: NetChange, t: Transition): void {
  net.last = t;
  let changed = false;
  for (const change of t.changes) {
    const i = FIELD_INDEX.get(change.field);
    if (i === undefined) continue; // a refund's or a dispute's change
    net.touched[i] = true;
    changed = true;
  }
  if (changed) net.changed += 1;
}

/**
 * The SQL type of every column of PAYMENT_SELECT (a missing one is a compile error): `writeTransitions`
 * sends each changed column as one array of that type.
 */
const PAYMENT_COLUMN_TYPES = {
  id: 'text',
  learnerId: 'text',
  specialistId: 'text',
  offeringId: 'text',
  enrollmentId: 'text',
  stripePaymentIntentId: 'text',
  stripeChargeId: 'text',
  amount: 'int',
  amountReceived: 'int',
  amountRefunded: 'int',
  currency: 'text',
  status: '"PaymentStatus"',
  stripeStatus: 'text',
  failureCode: 'text',
  declineCode: 'text',
  failureMessage: 'text',
  paymentMethodType: 'text',
  cardBrand: 'text',
  cardLast4: 'text',
  receiptUrl: 'text',
  succeededAt: 'timestamp(3)',
  failedAt: 'timestamp(3)',
  canceledAt: 'timestamp(3)',
  refundedAt: 'timestamp(3)',
  disputedAt: 'timestamp(3)',
  disputeStatus: 'text',
  amountLostToDisputes: 'int',
  disputeLostAt: 'timestamp(3)',
  applicationFeeAmount: 'int',
  webhookVerified: 'boolean',
  lastStripeEventId: 'text',
  lastStripeEventAt: 'timestamp(3)',
  discountAmount: 'int',
  promotionCode: 'text',
  promotionCodeId: 'text',
  free: 'boolean',
} as const satisfies Record<keyof typeof PAYMENT_SELECT, string>;

/** A value for a typed array parameter: dates as UTC ISO strings (our TIMESTAMP(3) columns hold UTC; memoised). */
const arrayValue = (value: unknown): unknown => (value instanceof Date ? isoString(value) : value);

/**
 * Writes the final state of many payments and their enrollments in one statement (the set-based form
 * of the writes in `transition`). Only the payment columns that changed in some payment of the batch
 * are sent and set (a webhook batch of payment_intent.succeeded changes eight of the forty), each as one
 * typed array, `unnest`ed together into rows; a payment whose value of such a column did not change gets
 * its own value again. The statement is named by the set of columns (one plan per connection and set).
 */
export async function writeTransitions(sql: SqlRunner, nets: readonly NetChange[]): Promise<void> {
  // One pass over the fields each payment's transitions touched (no other can differ): whether it changed
  // at all (a field changed and changed back does not count), and which columns any payment changed.
  const changed: NetChange[] = [];
  const differs = new Array<boolean>(DIFF_FIELDS.length).fill(false);
  for (const n of nets) {
    if (n.changed <= 0) continue;
    const after = n.last.after;
    let any = false;
    for (const [i, f] of DIFF_FIELDS.entries()) {
      if (n.touched[i] && !same(n.first[f], after[f])) {
        differs[i] = true;
        any = true;
      }
    }
    if (any) changed.push(n);
  }
  if (!changed.length) return;
  const fields = DIFF_FIELDS.filter((_, i) => differs[i]);
  const ids = changed.map((n) => n.first.id);
  const columns = fields.map((f) => ({
    name: Prisma.raw(`"${f}"`),
    type: Prisma.raw(`${PAYMENT_COLUMN_TYPES[f]}[]`),
    values: changed.map((n) => arrayValue(n.last.after[f])),
  }));
  const enrollments = changed.map((n) => ({ id: n.last.after.enrollmentId, ...enrollmentOf(n.last) }));
  const assignments = Prisma.raw(fields.map((f) => `"${f}" = v."${f}"`).join(', '));
  // One round trip: the payments in a data-modifying CTE, the enrollments in the main statement. Typed
  // arrays rather than one JSON document of records (jsonb_populate_recordset built every row's forty
  // columns: ~15 % more of PostgreSQL's CPU for the statement in a micro-benchmark). The ids again behind
  // a subquery (`= ANY`, so that planning does not estimate each id): each table is then read by its
  // primary key; joined to the rows alone, PostgreSQL hash-joined them to a sequential scan of the
  // whole table on every batch.
  const mask = fields.reduce((m, f) => m | (1n << BigInt(DIFF_FIELDS.indexOf(f))), 0n);
  await sql.query(
    Prisma.sql`
    WITH "payments" AS (
      UPDATE "Payment" p SET ${assignments}, "version" = p."version" + v."version", "updatedAt" = now()
      FROM unnest(${ids}::text[], ${changed.map((n) => n.changed)}::int[]${Prisma.join(
        columns.map((c) => Prisma.sql`, ${c.values}::${c.type}`),
        '',
      )}) AS v("id", "version"${Prisma.join(
        columns.map((c) => Prisma.sql`, ${c.name}`),
        '',
      )})
      WHERE p."id" = ANY(ARRAY(SELECT unnest(${ids}::text[]))) AND p."id" = v."id"
    )
    UPDATE "Enrollment" e SET "status" = v."status", "paymentStatus" = v."paymentStatus",
      "paymentId" = v."paymentId", "paymentDate" = v."paymentDate", "webhookVerified" = v."webhookVerified",
      "updatedAt" = now()
    FROM unnest(${enrollments.map((e) => e.id)}::text[], ${enrollments.map((e) => e.status)}::"EnrollmentStatus"[],
      ${enrollments.map((e) => e.paymentStatus)}::"PaymentStatus"[], ${enrollments.map((e) => e.paymentId)}::text[],
      ${enrollments.map((e) => arrayValue(e.paymentDate))}::timestamp(3)[],
      ${enrollments.map((e) => e.webhookVerified)}::boolean[])
      AS v("id", "status", "paymentStatus", "paymentId", "paymentDate", "webhookVerified")
    WHERE e."id" = ANY(ARRAY(SELECT unnest(${enrollments.map((e) => e.id)}::text[]))) AND e."id" = v."id"`,
    `payments.write.${mask.toString(36)}`,
  );
}

/**
 * Our intent-level status as last merged (stored as Stripe's raw status plus whether it failed). A free
 * payment has no PaymentIntent: it succeeded once it was settled (`succeededAt`, settleFreePayment).
 */
export function currentIntentStatus(
  p: Pick<PaymentRow, 'stripeStatus' | 'failureCode' | 'failureMessage' | 'free' | 'succeededAt'>,
): IntentStatus {
  if (!p.stripeStatus) return p.free && p.succeededAt ? 'SUCCEEDED' : 'PENDING';
  const failed = p.failureCode !== null || p.failureMessage !== null;
  return intentStatusOf({
    status: p.stripeStatus as Stripe.PaymentIntent.Status,
    last_payment_error: failed ? { type: 'card_error' } : null,
  });
}

function childFieldChanges(changes: ChildChange[]): FieldChange[] {
  const fields: FieldChange[] = [];
  for (const c of changes) {
    // A failed attempt's facts (failureCode, failedAt) already show in the payment's own diff.
    if (c.kind === 'attempt_failed') continue;
    const id = c.kind === 'refund' ? c.stripeRefundId : c.stripeDisputeId;
    fields.push(
      c.before === null
        ? { field: `${c.kind}[${id}]`, before: null, after: c.after }
        : { field: `${c.kind}[${id}].status`, before: c.before, after: c.after },
    );
  }
  return fields;
}

const DIFF_FIELDS = Object.keys(PAYMENT_SELECT).filter((k) => k !== 'id') as (keyof PaymentRow)[];
const FIELD_INDEX = new Map<string, number>(DIFF_FIELDS.map((f, i) => [f, i]));

/** The fields deriveTransition derives rather than takes from the step's patch (a missing one fails to compile). */
const DERIVED_FIELDS = {
  amountRefunded: true,
  refundedAt: true,
  disputedAt: true,
  disputeStatus: true,
  amountLostToDisputes: true,
  disputeLostAt: true,
  status: true,
} as const satisfies Record<keyof ChildTotals | 'status', true>;
const DERIVED_MASK = DIFF_FIELDS.map((f) => f in DERIVED_FIELDS);

function same(a: unknown, b: unknown): boolean {
  // Most fields of a transition are unchanged primitives: the cheap test first.
  if (a === b) return true;
  return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
}

/**
 * The fields `after` changed, in DIFF_FIELDS' order. `after` is `before` merged with the step's patch and
 * the derived totals and status (deriveTransition), so only those fields can differ: only they are
 * compared (a third of the forty).
 */
function diff(before: PaymentRow, after: PaymentRow, patch: DirectPatch): FieldChange[] {
  const candidates = DERIVED_MASK.slice();
  for (const key of Object.keys(patch)) {
    const i = FIELD_INDEX.get(key);
    if (i !== undefined) candidates[i] = true;
  }
  const changes: FieldChange[] = [];
  for (const [i, field] of DIFF_FIELDS.entries()) {
    if (candidates[i] && !same(before[field], after[field])) {
      changes.push({ field, before: before[field], after: after[field] });
    }
  }
  return changes;
}

function changedFields(before: PaymentRow, after: PaymentRow): Prisma.PaymentUpdateInput {
  const data: Record<string, unknown> = {};
  for (const f of DIFF_FIELDS) if (!same(before[f], after[f])) data[f] = after[f];
  return data as Prisma.PaymentUpdateInput;
}
