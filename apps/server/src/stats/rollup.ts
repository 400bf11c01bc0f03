import type { Db } from '@enrollpay/db';

/**
 * Recomputes the whole PaymentDailyStat rollup from Payment rows, set-based (one INSERT … SELECT), by the
 * same definitions the sync function applies incrementally (sync.ts `contributionsOf`), per UTC day:
 * - a succeeded payment adds amountReceived to gross and 1 to succeededCount on the day of succeededAt;
 * - a payment with refunds adds amountRefunded and 1 to refundedCount on the day of refundedAt;
 * - a payment whose status is FAILED adds 1 to failedCount on the day of failedAt;
 * - a disputed payment adds 1 to disputedCount on the day of disputedAt.
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
          "refundedAmount", "succeededCount", "failedCount", "refundedCount", "disputedCount")
        SELECT "specialistId", "offeringId", "currency", "day",
          SUM(gross), SUM(refunded), SUM(succeeded), SUM(failed), SUM(refunds), SUM(disputes)
        FROM (
          SELECT "specialistId", "offeringId", "currency", "succeededAt"::date AS "day",
            "amountReceived"::bigint AS gross, 0::bigint AS refunded, 1 AS succeeded, 0 AS failed, 0 AS refunds, 0 AS disputes
          FROM "Payment" WHERE "succeededAt" IS NOT NULL
          UNION ALL
          SELECT "specialistId", "offeringId", "currency", "refundedAt"::date, 0, "amountRefunded", 0, 0, 1, 0
          FROM "Payment" WHERE "amountRefunded" > 0 AND "refundedAt" IS NOT NULL
          UNION ALL
          SELECT "specialistId", "offeringId", "currency", "failedAt"::date, 0, 0, 0, 1, 0, 0
          FROM "Payment" WHERE "status" = 'FAILED' AND "failedAt" IS NOT NULL
          UNION ALL
          SELECT "specialistId", "offeringId", "currency", "disputedAt"::date, 0, 0, 0, 0, 0, 1
          FROM "Payment" WHERE "disputedAt" IS NOT NULL
        ) AS contributions
        GROUP BY "specialistId", "offeringId", "currency", "day"`;
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}
