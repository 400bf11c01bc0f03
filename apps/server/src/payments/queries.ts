import type { Db, Prisma } from '@enrollpay/db';
import {
  type Currency,
  DisputeStatusSchema,
  type PaymentDetails,
  type PaymentHistoryInput,
  type PaymentHistoryOutput,
  type PaymentSummary,
  type SpecialistPaymentsInput,
  type SpecialistPaymentsOutput,
} from '@enrollpay/schemas';
import type { Principal } from '../auth/tokens.js';
import { NotFoundError } from '../errors.js';
import { byCreatedAt } from '../lib/cursor.js';

/**
 * Which payments a principal may see: a learner their own, a specialist those they received, an admin
 * all. Everything else is filtered out, so it reads as NOT_FOUND rather than FORBIDDEN.
 */
export function visiblePayments(principal: Principal): Prisma.PaymentWhereInput {
  switch (principal.role) {
    case 'ADMIN':
      return {};
    case 'SPECIALIST':
      return { specialistId: principal.userId };
    case 'LEARNER':
      return { learnerId: principal.userId };
  }
}

// Currencies are validated when an offering is written; payments copy them from the offering.
const currencyOf = (c: string) => c as Currency;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

const detailsSelect = {
  id: true,
  status: true,
  amount: true,
  amountReceived: true,
  amountRefunded: true,
  currency: true,
  description: true,
  stripePaymentIntentId: true,
  paymentMethodType: true,
  cardBrand: true,
  cardLast4: true,
  receiptUrl: true,
  failureCode: true,
  declineCode: true,
  failureMessage: true,
  disputeStatus: true,
  webhookVerified: true,
  createdAt: true,
  updatedAt: true,
  succeededAt: true,
  failedAt: true,
  canceledAt: true,
  refundedAt: true,
  disputedAt: true,
  discountAmount: true,
  promotionCode: true,
  free: true,
  offering: { select: { id: true, title: true, kind: true } },
  learner: { select: { id: true, name: true } },
  specialist: { select: { id: true, name: true } },
  enrollment: { select: { id: true, status: true } },
  refunds: {
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      amount: true,
      currency: true,
      status: true,
      reason: true,
      failureReason: true,
      createdAt: true,
      updatedAt: true,
    },
  },
} as const satisfies Prisma.PaymentSelect;

/**
 * payments.get: the owning learner, the owning specialist or an admin; anyone else gets NOT_FOUND.
 *
 * Read in one snapshot (a REPEATABLE READ transaction). Prisma reads the relations (enrollment, refunds)
 * with statements of their own, and under READ COMMITTED each statement sees what was committed when it
 * started: a sync committing between them would show a payment from before it next to refunds or an
 * enrollment from after it (`amountRefunded` 0 beside a succeeded refund; DISPUTED beside a won dispute).
 */
export async function getPaymentDetails(
  db: Db,
  principal: Principal,
  paymentId: string,
): Promise<PaymentDetails> {
  const p = await db.$transaction(
    (tx) =>
      tx.payment.findFirst({
        where: { id: paymentId, ...visiblePayments(principal) },
        select: detailsSelect,
      }),
    { isolationLevel: 'RepeatableRead' },
  );
  if (!p) throw new NotFoundError('Payment');
  const dispute = DisputeStatusSchema.safeParse(p.disputeStatus);
  return {
    id: p.id,
    status: p.status,
    amount: p.amount,
    amountReceived: p.amountReceived,
    amountRefunded: p.amountRefunded,
    currency: currencyOf(p.currency),
    description: p.description,
    offering: p.offering,
    learner: p.learner,
    specialist: p.specialist,
    enrollment: p.enrollment,
    stripePaymentIntentId: p.stripePaymentIntentId,
    paymentMethodType: p.paymentMethodType,
    cardBrand: p.cardBrand,
    cardLast4: p.cardLast4,
    receiptUrl: p.receiptUrl,
    failureCode: p.failureCode,
    declineCode: p.declineCode,
    failureMessage: p.failureMessage,
    refunds: p.refunds.map((r) => ({
      ...r,
      currency: currencyOf(r.currency),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    disputeStatus: dispute.success ? dispute.data : null,
    webhookVerified: p.webhookVerified,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    succeededAt: iso(p.succeededAt),
    failedAt: iso(p.failedAt),
    canceledAt: iso(p.canceledAt),
    refundedAt: iso(p.refundedAt),
    disputedAt: iso(p.disputedAt),
    discountAmount: p.discountAmount,
    promotionCode: p.promotionCode,
    free: p.free,
  };
}

const summarySelect = {
  id: true,
  status: true,
  amount: true,
  amountRefunded: true,
  currency: true,
  offeringId: true,
  cardBrand: true,
  cardLast4: true,
  webhookVerified: true,
  createdAt: true,
  succeededAt: true,
  applicationFeeAmount: true,
  discountAmount: true,
  promotionCode: true,
  offering: { select: { title: true } },
  learner: { select: { name: true } },
  specialist: { select: { name: true } },
} as const satisfies Prisma.PaymentSelect;

type SummaryRow = Prisma.PaymentGetPayload<{ select: typeof summarySelect }>;

function toSummary(p: SummaryRow): PaymentSummary {
  return {
    id: p.id,
    status: p.status,
    amount: p.amount,
    amountRefunded: p.amountRefunded,
    currency: currencyOf(p.currency),
    offeringId: p.offeringId,
    offeringTitle: p.offering.title,
    learnerName: p.learner.name,
    specialistName: p.specialist.name,
    cardBrand: p.cardBrand,
    cardLast4: p.cardLast4,
    webhookVerified: p.webhookVerified,
    createdAt: p.createdAt.toISOString(),
    succeededAt: iso(p.succeededAt),
    applicationFeeAmount: p.applicationFeeAmount,
    discountAmount: p.discountAmount,
    promotionCode: p.promotionCode,
  };
}

async function listPayments(
  db: Db,
  where: Prisma.PaymentWhereInput,
  input: { cursor?: string | undefined; limit: number },
): Promise<{ items: PaymentSummary[]; nextCursor: string | null }> {
  const rows = await db.payment.findMany({
    where: { ...where, ...byCreatedAt.after(input.cursor) },
    orderBy: byCreatedAt.orderBy,
    take: input.limit + 1,
    select: summarySelect,
  });
  return byCreatedAt.page(rows, input.limit, toSummary);
}

/** payments.history: the learner's own payments, newest first (index Payment(learnerId, createdAt DESC, id)). */
export function paymentHistory(
  db: Db,
  learnerId: string,
  input: PaymentHistoryInput,
): Promise<PaymentHistoryOutput> {
  return listPayments(db, { learnerId, ...(input.status ? { status: input.status } : {}) }, input);
}

/** payments.forSpecialist: payments the specialist received, newest first. */
export function paymentsForSpecialist(
  db: Db,
  specialistId: string,
  input: SpecialistPaymentsInput,
): Promise<SpecialistPaymentsOutput> {
  return listPayments(
    db,
    {
      specialistId,
      ...(input.status ? { status: input.status } : {}),
      ...(input.offeringId ? { offeringId: input.offeringId } : {}),
    },
    input,
  );
}
