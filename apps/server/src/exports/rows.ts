import { type Db, Prisma } from '@enrollpay/db';
import type { PaymentsExportInput, RefundsExportInput } from '@enrollpay/schemas';

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

/** Reads pages until one comes back short; yields each page (an array of at most `pageSize` rows). */
async function* keysetPages<T extends { createdAt: Date; id: string }>(
  readPage: (after: { createdAt: Date; id: string } | null) => Promise<T[]>,
  pageSize: number,
): AsyncGenerator<T[]> {
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const page = await readPage(after);
    if (page.length > 0) yield page;
    const last = page.at(-1);
    if (page.length < pageSize || !last) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

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
             p."promotionCode", p."discountAmount"
        FROM "Payment" p
        JOIN "User" l ON l."id" = p."learnerId"
        JOIN "User" s ON s."id" = p."specialistId"
        JOIN "Offering" o ON o."id" = p."offeringId"
       WHERE ${whereAll(conditions)}
         AND ${after ? Prisma.sql`(p."createdAt", p."id") < (${after.createdAt}, ${after.id})` : Prisma.sql`TRUE`}
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
             r."failureReason", r."stripeRefundId", p."stripePaymentIntentId"
        FROM "Refund" r
        JOIN "Payment" p ON p."id" = r."paymentId"
        JOIN "User" l ON l."id" = p."learnerId"
        JOIN "User" s ON s."id" = p."specialistId"
        JOIN "Offering" o ON o."id" = p."offeringId"
       WHERE ${whereAll(conditions)}
         AND ${after ? Prisma.sql`(r."createdAt", r."id") < (${after.createdAt}, ${after.id})` : Prisma.sql`TRUE`}
       ORDER BY r."createdAt" DESC, r."id" DESC
       LIMIT ${pageSize}`,
    pageSize,
  );
}
