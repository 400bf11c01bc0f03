import { type Db, Prisma } from '@enrollpay/db';
import type { PaymentsExportInput, PayoutsExportInput, RefundsExportInput } from '@enrollpay/schemas';

/**
 * The rows of the CSV exports, read in keyset pages (newest first, by createdAt then id): each page is
 * one short query that starts after the last row of the previous page. Memory holds one page at a
 * time, and no connection or transaction is held between pages, so a slow download never pins a
 * database connection. (A server-side cursor would hold one connection and one snapshot for the whole
 * download; keyset pages trade that snapshot for never blocking the pool. Rows created during the
 * download are newer than the first page and are left out; a row whose status changes mid-download
 * shows the status it had when its page was read.)
 */

export const EXPORT_PAGE_SIZE = 1000;

/** Who is exporting: a specialist sees their own rows, an admin everyone's. */
export type ExportScope = { kind: 'specialist'; specialistId: string } | { kind: 'admin' };

export interface PaymentExportRow {
  id: string;
  createdAt: Date;
  succeededAt: Date | null;
  status: string;
  currency: string;
  amount: number;
  amountReceived: number;
  amountRefunded: number;
  learnerId: string;
  learnerName: string;
  offeringId: string;
  offeringTitle: string;
  specialistName: string;
  cardBrand: string | null;
  cardLast4: string | null;
  stripePaymentIntentId: string | null;
  stripeChargeId: string | null;
  promotionCode: string | null;
  discountAmount: number;
  /** The platform fee on the sale; null while the funds are held for a specialist not yet onboarded. */
  fee: number | null;
  /** The part of the fee refunded with a full refund of a destination charge. */
  feeRefunded: number;
}

export interface RefundExportRow {
  id: string;
  createdAt: Date;
  status: string;
  reason: string;
  currency: string;
  amount: number;
  paymentId: string;
  learnerName: string;
  offeringTitle: string;
  specialistName: string;
  failureReason: string | null;
  stripeRefundId: string | null;
  stripePaymentIntentId: string | null;
  /** The platform fee this refund gave back (the refund completing a full refund of a destination charge). */
  feeRefunded: number;
}

export interface PayoutExportRow {
  id: string;
  createdAt: Date;
  arrivalDate: Date;
  status: string;
  currency: string;
  amount: number;
  automatic: boolean;
  failureCode: string | null;
  failureMessage: string | null;
  specialistName: string;
  specialistEmail: string;
  stripeAccountId: string;
  stripePayoutId: string;
}

const DAY_MS = 86_400_000;

/** `from` and `to` are whole UTC days, both included: [from 00:00, the day after `to` 00:00). */
function dateConditions(column: Prisma.Sql, filters: { from?: string; to?: string }): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.from) conditions.push(Prisma.sql`${column} >= ${new Date(`${filters.from}T00:00:00Z`)}`);
  if (filters.to) {
    const end = new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + DAY_MS);
    conditions.push(Prisma.sql`${column} < ${end}`);
  }
  return conditions;
}

function whereAll(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length === 0 ? Prisma.sql`TRUE` : Prisma.join(conditions, ' AND ');
}

/** The last row of a page, by its ordering key: (createdAt, id), or (arrivalDate, id) for payouts. */
interface PageKey {
  at: Date;
  id: string;
}

/** Reads pages until one comes back short; yields each page (an array of at most `pageSize` rows). */
async function* keysetPages<T extends { createdAt: Date; id: string }>(
  readPage: (after: PageKey | null) => Promise<T[]>,
  pageSize: number,
  keyOf: (row: T) => PageKey = (row) => ({ at: row.createdAt, id: row.id }),
): AsyncGenerator<T[]> {
  let after: PageKey | null = null;
  for (;;) {
    const page = await readPage(after);
    if (page.length > 0) yield page;
    const last = page.at(-1);
    if (page.length < pageSize || !last) return;
    after = keyOf(last);
  }
}

/**
 * Refunds that count towards a payment's total, as `payments.refund` counts them when it decides whether
 * a refund completes a full refund (and so refunds the platform fee): those neither failed nor canceled.
 */
const liveRefund = (alias: string) =>
  Prisma.sql`${Prisma.raw(alias)}."status"::text NOT IN ('FAILED', 'CANCELED')`;

export function paymentExportPages(
  db: Db,
  scope: ExportScope,
  filters: PaymentsExportInput,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<PaymentExportRow[]> {
  const conditions = dateConditions(Prisma.sql`p."createdAt"`, filters);
  if (scope.kind === 'specialist') conditions.push(Prisma.sql`p."specialistId" = ${scope.specialistId}`);
  if (filters.currency) conditions.push(Prisma.sql`p."currency" = ${filters.currency}`);
  if (filters.status) conditions.push(Prisma.sql`p."status"::text = ${filters.status}`);
  return keysetPages(
    (after) => db.$queryRaw<PaymentExportRow[]>`
      SELECT p."id", p."createdAt", p."succeededAt", p."status"::text AS "status", p."currency",
             p."amount", p."amountReceived", p."amountRefunded",
             l."id" AS "learnerId", l."name" AS "learnerName",
             o."id" AS "offeringId", o."title" AS "offeringTitle", s."name" AS "specialistName",
             p."cardBrand", p."cardLast4", p."stripePaymentIntentId", p."stripeChargeId",
             p."promotionCode", p."discountAmount",
             -- Held funds (no destination, not yet transferred) have no fee yet: it is taken at the transfer.
             CASE WHEN p."destinationAccountId" IS NULL AND p."stripeTransferId" IS NULL
                       AND p."status"::text IN ('SUCCEEDED', 'PARTIALLY_REFUNDED')
                  THEN NULL ELSE p."applicationFeeAmount" END AS "fee",
             -- The fee goes back with the refund that completes a full refund of a destination charge.
             CASE WHEN p."destinationAccountId" IS NOT NULL AND p."amountReceived" > 0
                       AND p."amountRefunded" >= p."amountReceived"
                  THEN p."applicationFeeAmount" ELSE 0 END AS "feeRefunded"
        FROM "Payment" p
        JOIN "User" l ON l."id" = p."learnerId"
        JOIN "User" s ON s."id" = p."specialistId"
        JOIN "Offering" o ON o."id" = p."offeringId"
       WHERE ${whereAll(conditions)}
         AND ${after ? Prisma.sql`(p."createdAt", p."id") < (${after.at}, ${after.id})` : Prisma.sql`TRUE`}
       ORDER BY p."createdAt" DESC, p."id" DESC
       LIMIT ${pageSize}`,
    pageSize,
  );
}

export function refundExportPages(
  db: Db,
  scope: ExportScope,
  filters: RefundsExportInput,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<RefundExportRow[]> {
  const conditions = dateConditions(Prisma.sql`r."createdAt"`, filters);
  if (scope.kind === 'specialist') conditions.push(Prisma.sql`p."specialistId" = ${scope.specialistId}`);
  if (filters.currency) conditions.push(Prisma.sql`r."currency" = ${filters.currency}`);
  if (filters.status) conditions.push(Prisma.sql`r."status"::text = ${filters.status}`);
  return keysetPages(
    (after) => db.$queryRaw<RefundExportRow[]>`
      SELECT r."id", r."createdAt", r."status"::text AS "status", r."reason"::text AS "reason",
             r."currency", r."amount", r."paymentId",
             l."name" AS "learnerName", o."title" AS "offeringTitle", s."name" AS "specialistName",
             r."failureReason", r."stripeRefundId", p."stripePaymentIntentId",
             -- payments.refund sends refund_application_fee on the refund whose amount, with the live refunds
             -- requested before it, reaches what the learner paid (payments/refunds.ts): the same rule here.
             CASE WHEN p."destinationAccountId" IS NOT NULL AND ${liveRefund('r')}
                       AND r."amount" + (SELECT COALESCE(SUM(b."amount"), 0)::int FROM "Refund" b
                                          WHERE b."paymentId" = r."paymentId" AND b."id" <> r."id"
                                            AND b."createdAt" <= r."createdAt" AND ${liveRefund('b')})
                           >= CASE WHEN p."amountReceived" > 0 THEN p."amountReceived" ELSE p."amount" END
                  THEN p."applicationFeeAmount" ELSE 0 END AS "feeRefunded"
        FROM "Refund" r
        JOIN "Payment" p ON p."id" = r."paymentId"
        JOIN "User" l ON l."id" = p."learnerId"
        JOIN "User" s ON s."id" = p."specialistId"
        JOIN "Offering" o ON o."id" = p."offeringId"
       WHERE ${whereAll(conditions)}
         AND ${after ? Prisma.sql`(r."createdAt", r."id") < (${after.at}, ${after.id})` : Prisma.sql`TRUE`}
       ORDER BY r."createdAt" DESC, r."id" DESC
       LIMIT ${pageSize}`,
    pageSize,
  );
}

/**
 * Payouts, newest arrival first (the Get paid page's order): a specialist's own (through their connected
 * account), or everyone's for an admin. `from`/`to` filter on the arrival date.
 */
export function payoutExportPages(
  db: Db,
  scope: ExportScope,
  filters: PayoutsExportInput,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<PayoutExportRow[]> {
  const conditions = dateConditions(Prisma.sql`po."arrivalDate"`, filters);
  if (scope.kind === 'specialist') conditions.push(Prisma.sql`a."userId" = ${scope.specialistId}`);
  if (filters.currency) conditions.push(Prisma.sql`po."currency" = ${filters.currency}`);
  if (filters.status) conditions.push(Prisma.sql`po."status"::text = ${filters.status}`);
  return keysetPages(
    (after) => db.$queryRaw<PayoutExportRow[]>`
      SELECT po."id", po."createdAt", po."arrivalDate", po."status"::text AS "status", po."currency",
             po."amount", po."automatic", po."failureCode", po."failureMessage",
             u."name" AS "specialistName", u."email" AS "specialistEmail",
             po."stripeAccountId", po."stripePayoutId"
        FROM "Payout" po
        JOIN "ConnectedAccount" a ON a."stripeAccountId" = po."stripeAccountId"
        JOIN "User" u ON u."id" = a."userId"
       WHERE ${whereAll(conditions)}
         AND ${after ? Prisma.sql`(po."arrivalDate", po."id") < (${after.at}, ${after.id})` : Prisma.sql`TRUE`}
       ORDER BY po."arrivalDate" DESC, po."id" DESC
       LIMIT ${pageSize}`,
    pageSize,
    (row) => ({ at: row.arrivalDate, id: row.id }),
  );
}
