import type { Db, Prisma } from '@enrollpay/db';
import {
  CurrencySchema,
  DISPUTE_EVIDENCE_FIELDS,
  type DisputeDetails,
  type DisputeEvidence,
  type DisputeEvidenceInput,
  type DisputeListInput,
  type DisputeListOutput,
  DisputeStatusSchema,
  type DisputeSummary,
  formatMoney,
  type SaveDisputeEvidenceInput,
} from '@enrollpay/schemas';
import Stripe from 'stripe';
import { audit } from '../audit.js';
import type { Principal } from '../auth/tokens.js';
import type { AppDeps } from '../deps.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { callStripe } from '../payments/stripe-errors.js';
import { syncDispute } from '../payments/sync.js';

/** Stripe statuses in which evidence can still be saved and submitted. */
const NEEDS_RESPONSE = ['needs_response', 'warning_needs_response'];
const UNDER_REVIEW = ['under_review', 'warning_under_review'];
const CLOSED = ['won', 'lost', 'warning_closed', 'prevented'];
const LIST_LIMIT = 100;
/** The reminder goes out this long before Stripe's due date. */
export const REMINDER_BEFORE_MS = 3 * 86_400_000;

const summarySelect = {
  id: true,
  stripeDisputeId: true,
  paymentId: true,
  status: true,
  reason: true,
  amount: true,
  currency: true,
  evidenceDueBy: true,
  submissionCount: true,
  evidence: true,
  evidenceRevision: true,
  evidenceSavedAt: true,
  submittedAt: true,
  createdAt: true,
  payment: {
    select: {
      specialistId: true,
      learner: { select: { id: true, name: true } },
      specialist: { select: { id: true, name: true } },
      offering: { select: { id: true, title: true, kind: true } },
    },
  },
} satisfies Prisma.DisputeSelect;
type DisputeRow = Prisma.DisputeGetPayload<{ select: typeof summarySelect }>;

/** A specialist sees disputes on their own payments; an admin sees all; anyone else none. */
function visibleDisputes(principal: Principal): Prisma.DisputeWhereInput {
  if (principal.role === 'ADMIN') return {};
  if (principal.role === 'SPECIALIST') return { payment: { specialistId: principal.userId } };
  return { id: { in: [] } };
}

function toSummary(d: DisputeRow): DisputeSummary {
  const status = DisputeStatusSchema.parse(d.status);
  return {
    id: d.id,
    stripeDisputeId: d.stripeDisputeId,
    paymentId: d.paymentId,
    status,
    reason: d.reason,
    amount: d.amount,
    currency: CurrencySchema.parse(d.currency),
    dueBy: d.evidenceDueBy?.toISOString() ?? null,
    submissionCount: d.submissionCount,
    needsResponse: NEEDS_RESPONSE.includes(status),
    learner: d.payment.learner,
    offering: d.payment.offering,
    specialist: d.payment.specialist,
    evidenceSavedAt: d.evidenceSavedAt?.toISOString() ?? null,
    submittedAt: d.submittedAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}

export async function listDisputes(
  db: Db,
  principal: Principal,
  input: DisputeListInput,
): Promise<DisputeListOutput> {
  const statuses =
    input.state === 'open' ? [...NEEDS_RESPONSE, ...UNDER_REVIEW] : input.state === 'closed' ? CLOSED : null;
  const rows = await db.dispute.findMany({
    where: { ...visibleDisputes(principal), ...(statuses ? { status: { in: statuses } } : {}) },
    // Nearest due date first: the one to answer next is on top.
    orderBy: [{ evidenceDueBy: { sort: 'asc', nulls: 'last' } }, { createdAt: 'desc' }, { id: 'asc' }],
    take: LIST_LIMIT + 1,
    select: summarySelect,
  });
  return { items: rows.slice(0, LIST_LIMIT).map(toSummary), truncated: rows.length > LIST_LIMIT };
}

function emptyEvidence(): DisputeEvidence {
  return {
    product_description: null,
    service_date: null,
    customer_name: null,
    customer_email_address: null,
    access_activity_log: null,
    refund_policy_disclosure: null,
    refund_refusal_explanation: null,
    uncategorized_text: null,
  };
}

/** Our stored copy of Stripe's evidence: only the text fields we offer, each a string or null. */
function evidenceOf(source: unknown): DisputeEvidence {
  const evidence = emptyEvidence();
  if (typeof source !== 'object' || source === null) return evidence;
  for (const field of DISPUTE_EVIDENCE_FIELDS) {
    const value: unknown = Reflect.get(source, field);
    evidence[field] = typeof value === 'string' && value.length > 0 ? value : null;
  }
  return evidence;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Suggested evidence from what we know: the offering (product description, refund policy), the
 * payment and enrollment (service date, access log), the learner (name, email) and refund requests.
 */
async function prefillEvidence(db: Db, disputeId: string): Promise<DisputeEvidence> {
  const d = await db.dispute.findUniqueOrThrow({
    where: { id: disputeId },
    select: {
      payment: {
        select: {
          id: true,
          amount: true,
          currency: true,
          createdAt: true,
          succeededAt: true,
          amountRefunded: true,
          learner: { select: { name: true, email: true } },
          offering: {
            select: { title: true, description: true, kind: true, refundWindowDays: true, createdAt: true },
          },
          enrollment: { select: { id: true, status: true, createdAt: true, paymentDate: true } },
          refunds: { select: { createdAt: true, amount: true, status: true }, orderBy: { createdAt: 'asc' } },
        },
      },
    },
  });
  const p = d.payment;
  const paidAt = p.succeededAt ?? p.enrollment.paymentDate;
  const kind = p.offering.kind === 'COURSE' ? 'online course' : 'service';
  const article = kind === 'service' ? 'a' : 'an';
  const price = formatMoney(p.amount, p.currency);

  const log = [
    `${p.enrollment.createdAt.toISOString()} enrollment ${p.enrollment.id} created by ${p.learner.name} <${p.learner.email}> (checkout started)`,
    ...(paidAt
      ? [
          `${paidAt.toISOString()} payment ${p.id} of ${price} succeeded; access to "${p.offering.title}" granted from this moment`,
        ]
      : []),
    ...p.refunds.map(
      (r) =>
        `${r.createdAt.toISOString()} refund of ${formatMoney(r.amount, p.currency)} (${r.status.toLowerCase()})`,
    ),
    `Enrollment status now: ${p.enrollment.status.toLowerCase().replace('_', ' ')}`,
  ];
  const refunded = p.amountRefunded > 0;

  return {
    ...emptyEvidence(),
    product_description: [
      `"${p.offering.title}", ${article} ${kind} sold on enrollpay for ${price}.`,
      p.offering.description.trim(),
    ]
      .filter(Boolean)
      .join('\n\n'),
    service_date: paidAt ? day(paidAt) : null,
    customer_name: p.learner.name,
    customer_email_address: p.learner.email,
    access_activity_log: log.join('\n'),
    refund_policy_disclosure:
      p.offering.refundWindowDays > 0
        ? `Learners can request a full refund within ${p.offering.refundWindowDays} days of paying, in their payment history on enrollpay. The refund window is shown on the offering's page and at checkout before payment.`
        : 'This offering has no self-service refunds; this is shown on the offering page and at checkout before payment.',
    refund_refusal_explanation: refunded
      ? null
      : paidAt
        ? `The learner did not request a refund through enrollpay${
            p.offering.refundWindowDays > 0
              ? ` within the ${p.offering.refundWindowDays}-day window (which ended ${day(new Date(paidAt.getTime() + p.offering.refundWindowDays * 86_400_000))})`
              : ''
          } and had access to the ${kind} from ${day(paidAt)}.`
        : null,
  };
}

async function findVisible(db: Db, principal: Principal, disputeId: string): Promise<DisputeRow> {
  const row = await db.dispute.findFirst({
    where: { id: disputeId, ...visibleDisputes(principal) },
    select: summarySelect,
  });
  if (!row) throw new NotFoundError('Dispute');
  return row;
}

export async function getDisputeDetails(
  db: Db,
  principal: Principal,
  disputeId: string,
): Promise<DisputeDetails> {
  const row = await findVisible(db, principal, disputeId);
  return {
    dispute: toSummary(row),
    saved: evidenceOf(row.evidence),
    prefill: await prefillEvidence(db, row.id),
  };
}

/**
 * Keeps our copy of Stripe's evidence details: the due date (it does not change), the submission count
 * (only grows, so a stale event cannot lower it) and, when `evidence` is given (answers to our own
 * calls), the evidence text. Called for every dispute webhook and after each save.
 */
export async function recordEvidenceDetails(
  db: Pick<Db, '$executeRaw'>,
  dispute: Stripe.Dispute,
  saved?: { revision: number; at: Date },
): Promise<number> {
  const dueBy = dispute.evidence_details?.due_by ? new Date(dispute.evidence_details.due_by * 1000) : null;
  const count = dispute.evidence_details?.submission_count ?? 0;
  if (!saved) {
    return db.$executeRaw`
      UPDATE "Dispute"
         SET "evidenceDueBy" = COALESCE(${dueBy}, "evidenceDueBy"),
             "submissionCount" = GREATEST("submissionCount", ${count}),
             "updatedAt" = now()
       WHERE "stripeDisputeId" = ${dispute.id}`;
  }
  const evidence = JSON.stringify(evidenceOf(dispute.evidence));
  const submittedAt = count > 0 ? saved.at : null;
  // Only the save that holds the current revision records its answer (a concurrent twin got the same
  // answer from Stripe's idempotency replay, so there is nothing else to record).
  return db.$executeRaw`
    UPDATE "Dispute"
       SET "evidenceDueBy" = COALESCE(${dueBy}, "evidenceDueBy"),
           "submissionCount" = GREATEST("submissionCount", ${count}),
           "evidence" = ${evidence}::jsonb,
           "evidenceRevision" = ${saved.revision + 1},
           "evidenceSavedAt" = ${saved.at},
           "submittedAt" = COALESCE("submittedAt", ${submittedAt}),
           "updatedAt" = now()
     WHERE "stripeDisputeId" = ${dispute.id} AND "evidenceRevision" = ${saved.revision}`;
}

/** Stripe's form encoding: an empty string clears a field; fields not sent are kept as they are. */
function toStripeEvidence(input: DisputeEvidenceInput): Stripe.DisputeUpdateParams.Evidence {
  const evidence: Record<string, string> = {};
  for (const field of DISPUTE_EVIDENCE_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    evidence[field] = value ?? '';
  }
  return evidence;
}

/**
 * Saves evidence at Stripe as a draft (`disputes.update` without `submit`), or submits it
 * (`submit: true`; the dispute then goes under review and the evidence can no longer change).
 *
 * The Stripe idempotency key is `dispute-evidence:<our dispute id>:<revision>`, the revision counting
 * our saves: a retried request (a double click, a lost answer) replays Stripe's first answer instead
 * of saving or submitting twice, and two different saves racing for the same revision cannot both
 * land (Stripe refuses the second: same key, other parameters → CONFLICT, reload and try again).
 */
export async function saveDisputeEvidence(
  deps: AppDeps,
  principal: Principal,
  input: SaveDisputeEvidenceInput,
): Promise<DisputeDetails> {
  const row = await findVisible(deps.db, principal, input.disputeId);
  if (!NEEDS_RESPONSE.includes(row.status)) {
    throw new ConflictError(
      UNDER_REVIEW.includes(row.status)
        ? 'The evidence for this dispute was already submitted; it is under review and can no longer be changed'
        : `This dispute is closed (${row.status}); evidence can no longer be sent`,
      { status: row.status },
    );
  }
  const revision = row.evidenceRevision;
  const params: Stripe.DisputeUpdateParams = {
    evidence: toStripeEvidence(input.evidence),
    ...(input.submit ? { submit: true } : {}),
  };
  const idempotencyKey = `dispute-evidence:${row.id}:${revision}`;
  const updated = await callStripe(() =>
    deps.stripe.disputes.update(row.stripeDisputeId, params, { idempotencyKey }),
  ).catch((error: unknown) => {
    if (error instanceof Stripe.errors.StripeError && error.code === 'idempotency_key_in_use') {
      throw new ConflictError(
        'This evidence is being saved by another request right now; reload in a moment',
      );
    }
    if (error instanceof Stripe.errors.StripeIdempotencyError) {
      throw new ConflictError(
        'The evidence was changed by someone else at the same time; reload and try again',
      );
    }
    if (error instanceof Stripe.errors.StripeInvalidRequestError) {
      throw new ConflictError(`Stripe refused the evidence: ${error.message}`, { code: error.code ?? null });
    }
    throw error;
  });

  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const changed = await recordEvidenceDetails(tx, updated, { revision, at: now });
    if (changed > 0) {
      await audit(tx, {
        actorId: principal.userId,
        actorRole: principal.role,
        action: input.submit ? 'dispute.evidence_submitted' : 'dispute.evidence_saved',
        paymentId: row.paymentId,
        amount: row.amount,
        currency: row.currency,
        details: { disputeId: row.id, stripeDisputeId: row.stripeDisputeId, revision },
      });
    }
  });
  // The status (needs_response → under_review) goes through the one sync function, as a webhook would.
  await syncDispute(deps, updated, { kind: 'api' });
  return getDisputeDetails(deps.db, principal, row.id);
}

/**
 * The reminder job: for every dispute still needing a response whose evidence is due within three
 * days, one `dispute.evidence_due` email to the specialist. The outbox's unique dedupe key
 * (`dispute.evidence_due:<dispute id>`) makes it once per dispute however often the job runs, on
 * however many instances. Returns how many reminders were newly queued.
 */
export async function queueEvidenceReminders(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db.dispute.findMany({
    where: {
      status: { in: NEEDS_RESPONSE },
      evidenceDueBy: { gt: now, lte: new Date(now.getTime() + REMINDER_BEFORE_MS) },
    },
    select: {
      id: true,
      amount: true,
      currency: true,
      reason: true,
      evidenceDueBy: true,
      paymentId: true,
      payment: {
        select: {
          learner: { select: { name: true } },
          specialist: { select: { name: true, email: true } },
          offering: { select: { id: true, title: true } },
        },
      },
    },
    take: 500,
  });
  if (due.length === 0) return 0;
  const { count } = await deps.db.outboxMessage.createMany({
    data: due.map((d) => ({
      kind: 'dispute.evidence_due',
      dedupeKey: `dispute.evidence_due:${d.id}`,
      recipient: d.payment.specialist.email,
      subject: 'Dispute evidence is due in 3 days',
      payload: {
        recipientName: d.payment.specialist.name,
        learnerName: d.payment.learner.name,
        offeringId: d.payment.offering.id,
        offeringTitle: d.payment.offering.title,
        paymentId: d.paymentId,
        disputeId: d.id,
        disputeAmount: d.amount,
        currency: d.currency,
        reason: d.reason,
        dueBy: d.evidenceDueBy?.toISOString(),
      },
    })),
    skipDuplicates: true,
  });
  return count;
}
