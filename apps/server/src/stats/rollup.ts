import type { Db, Payment, Prisma } from '@enrollpay/db';

/**
 * Recomputes the whole PaymentDailyStat rollup from Payment rows, set-based (one INSERT … SELECT), by the
 * same definitions the payment sync applies incrementally (`contributionsOf` below), per UTC day:
 * - a succeeded payment adds amountReceived to gross and 1 to succeededCount on the day of succeededAt;
 * - a payment with refunds adds amountRefunded and 1 to refundedCount on the day of refundedAt;
 * - a payment whose status is FAILED adds 1 to failedCount on the day of failedAt;
 * - a disputed payment adds 1 to disputedCount on the day of disputedAt;
 * - a payment that lost disputes adds amountLostToDisputes to disputeLostAmount on the day of disputeLostAt;
 * - a succeeded payment that is not fully refunded adds its Connect platform fee (applicationFeeAmount) to
 *   platformFeeAmount on the day of succeededAt (a full refund returns the fee).
 *
 * Used to seed benchmark data and as a repair tool. It locks the rollup against concurrent syncs for its
 * duration (SHARE ROW EXCLUSIVE conflicts with their upserts), so a sync that commits during the rebuild
 * applies its delta after it, on top of a snapshot that did not include its change. Returns the number
 * of rollup rows written.
 */
export async function rebuildDailyStats(db: Db): Promise<number> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`LOCK TABLE "PaymentDailyStat" IN SHARE ROW EXCLUSIVE MODE`;
      await tx.$executeRaw`DELETE FROM "PaymentDailyStat"`;
      // Timestamps are stored as UTC without a zone (TIMESTAMP(3)), so ::date is the UTC day.
      return tx.$executeRaw`
        INSERT INTO "PaymentDailyStat" ("specialistId", "offeringId", "currency", "day", "grossAmount",
          "refundedAmount", "succeededCount", "failedCount", "refundedCount", "disputedCount", "disputeLostAmount",
          "platformFeeAmount")
        SELECT "specialistId", "offeringId", "currency", "day",
          SUM(gross), SUM(refunded), SUM(succeeded), SUM(failed), SUM(refunds), SUM(disputes), SUM(lost), SUM(fees)
        FROM (
          SELECT "specialistId", "offeringId", "currency", "succeededAt"::date AS "day",
            "amountReceived"::bigint AS gross, 0::bigint AS refunded, 1 AS succeeded, 0 AS failed, 0 AS refunds,
            0 AS disputes, 0::bigint AS lost,
            CASE WHEN "status" = 'REFUNDED' THEN 0 ELSE "applicationFeeAmount" END::bigint AS fees
          FROM "Payment" WHERE "succeededAt" IS NOT NULL
          UNION ALL
          SELECT "specialistId", "offeringId", "currency", "refundedAt"::date, 0, "amountRefunded", 0, 0, 1, 0, 0, 0
          FROM "Payment" WHERE "amountRefunded" > 0 AND "refundedAt" IS NOT NULL
          UNION ALL
          SELECT "specialistId", "offeringId", "currency", "failedAt"::date, 0, 0, 0, 1, 0, 0, 0, 0
          FROM "Payment" WHERE "status" = 'FAILED' AND "failedAt" IS NOT NULL
          UNION ALL
          SELECT "specialistId", "offeringId", "currency", "disputedAt"::date, 0, 0, 0, 0, 0, 1, 0, 0
          FROM "Payment" WHERE "disputedAt" IS NOT NULL
          UNION ALL
          SELECT "specialistId", "offeringId", "currency", "disputeLostAt"::date, 0, 0, 0, 0, 0, 0,
            "amountLostToDisputes", 0
          FROM "Payment" WHERE "amountLostToDisputes" > 0 AND "disputeLostAt" IS NOT NULL
        ) AS contributions
        GROUP BY "specialistId", "offeringId", "currency", "day"`;
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}

interface Contribution {
  day: string;
  grossAmount: number;
  refundedAmount: number;
  succeededCount: number;
  failedCount: number;
  refundedCount: number;
  disputedCount: number;
  disputeLostAmount: number;
  platformFeeAmount: number;
}

/** The payment fields the rollup is computed from. */
export type RollupFacts = Pick<
  Payment,
  | 'status'
  | 'succeededAt'
  | 'failedAt'
  | 'refundedAt'
  | 'disputedAt'
  | 'amountReceived'
  | 'amountRefunded'
  | 'amountLostToDisputes'
  | 'disputeLostAt'
  | 'applicationFeeAmount'
>;

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

const empty = (day: string): Contribution => ({
  day,
  grossAmount: 0,
  refundedAmount: 0,
  succeededCount: 0,
  failedCount: 0,
  refundedCount: 0,
  disputedCount: 0,
  disputeLostAmount: 0,
  platformFeeAmount: 0,
});

/**
 * What one payment adds to the rollup, per UTC day: gross and a success on the day it succeeded,
 * refunded money and a refund on the day of its latest refund, a failure on the day it (still) failed,
 * a dispute on the day it was first disputed, and its platform fee on the day it succeeded unless it was
 * fully refunded.
 */
export function contributionsOf(p: RollupFacts): Contribution[] {
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
    if (p.status !== 'REFUNDED') c.platformFeeAmount += p.applicationFeeAmount;
  }
  if (p.status === 'FAILED' && p.failedAt) at(p.failedAt).failedCount += 1;
  if (p.amountRefunded > 0 && p.refundedAt) {
    const c = at(p.refundedAt);
    c.refundedAmount += p.amountRefunded;
    c.refundedCount += 1;
  }
  if (p.disputedAt) at(p.disputedAt).disputedCount += 1;
  if (p.amountLostToDisputes > 0 && p.disputeLostAt) {
    at(p.disputeLostAt).disputeLostAmount += p.amountLostToDisputes;
  }
  return [...byDay.values()];
}

type RollupKeys = Pick<Payment, 'specialistId' | 'offeringId' | 'currency'>;

/**
 * Changes a payment's Connect platform fee and moves the rollup with it, in one transaction: the payment
 * row is locked, then updated only while `where` still holds (`stripeTransferId` still null, say).
 * Returns whether it was changed.
 */
export async function setApplicationFee(
  db: Db,
  paymentId: string,
  data: { applicationFeeAmount: number; stripeTransferId: string },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<(RollupFacts & RollupKeys & { stripeTransferId: string | null })[]>`
      SELECT "status", "succeededAt", "failedAt", "refundedAt", "disputedAt", "amountReceived", "amountRefunded",
        "amountLostToDisputes", "disputeLostAt", "applicationFeeAmount", "specialistId", "offeringId", "currency",
        "stripeTransferId"
      FROM "Payment" WHERE "id" = ${paymentId} FOR UPDATE`;
    if (!before || before.stripeTransferId !== null) return false;
    await tx.payment.update({ where: { id: paymentId }, data });
    await applyRollupDelta(tx, before, { ...before, applicationFeeAmount: data.applicationFeeAmount });
    return true;
  });
}

/**
 * Keeps the rollup in step with one payment's change, in the caller's transaction: subtracts what the
 * payment contributed before and adds what it contributes after (only the days that differ are written).
 */
export async function applyRollupDelta(
  tx: Prisma.TransactionClient,
  before: RollupFacts,
  after: RollupFacts & RollupKeys,
) {
  const deltas = new Map<string, Contribution>();
  const add = (c: Contribution, sign: 1 | -1) => {
    const d = deltas.get(c.day) ?? empty(c.day);
    d.grossAmount += sign * c.grossAmount;
    d.refundedAmount += sign * c.refundedAmount;
    d.succeededCount += sign * c.succeededCount;
    d.failedCount += sign * c.failedCount;
    d.refundedCount += sign * c.refundedCount;
    d.disputedCount += sign * c.disputedCount;
    d.disputeLostAmount += sign * c.disputeLostAmount;
    d.platformFeeAmount += sign * c.platformFeeAmount;
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
      !d.disputedCount &&
      !d.disputeLostAmount &&
      !d.platformFeeAmount
    ) {
      continue;
    }
    await tx.$executeRaw`
      INSERT INTO "PaymentDailyStat" ("specialistId", "offeringId", "currency", "day", "grossAmount", "refundedAmount",
        "succeededCount", "failedCount", "refundedCount", "disputedCount", "disputeLostAmount", "platformFeeAmount")
      VALUES (${after.specialistId}, ${after.offeringId}, ${after.currency}, ${d.day}::date, ${d.grossAmount}, ${d.refundedAmount},
        ${d.succeededCount}, ${d.failedCount}, ${d.refundedCount}, ${d.disputedCount}, ${d.disputeLostAmount},
        ${d.platformFeeAmount})
      ON CONFLICT ("specialistId", "day", "offeringId", "currency") DO UPDATE SET
        "grossAmount" = "PaymentDailyStat"."grossAmount" + EXCLUDED."grossAmount",
        "refundedAmount" = "PaymentDailyStat"."refundedAmount" + EXCLUDED."refundedAmount",
        "succeededCount" = "PaymentDailyStat"."succeededCount" + EXCLUDED."succeededCount",
        "failedCount" = "PaymentDailyStat"."failedCount" + EXCLUDED."failedCount",
        "refundedCount" = "PaymentDailyStat"."refundedCount" + EXCLUDED."refundedCount",
        "disputedCount" = "PaymentDailyStat"."disputedCount" + EXCLUDED."disputedCount",
        "disputeLostAmount" = "PaymentDailyStat"."disputeLostAmount" + EXCLUDED."disputeLostAmount",
        "platformFeeAmount" = "PaymentDailyStat"."platformFeeAmount" + EXCLUDED."platformFeeAmount"`;
  }
}
