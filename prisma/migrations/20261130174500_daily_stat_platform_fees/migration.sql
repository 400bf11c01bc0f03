-- Issue 13: platform fees in the daily rollup, so stats.specialist no longer aggregates raw Payment rows.

-- AlterTable
ALTER TABLE "PaymentDailyStat" ADD COLUMN     "platformFeeAmount" BIGINT NOT NULL DEFAULT 0;

-- Backfill: a succeeded payment that is not fully refunded adds its fee on the UTC day it succeeded (the
-- rollup already has a row for that day: the payment's gross).
UPDATE "PaymentDailyStat" s SET "platformFeeAmount" = f.fees
FROM (
  SELECT "specialistId", "offeringId", "currency", "succeededAt"::date AS "day", SUM("applicationFeeAmount")::bigint AS fees
  FROM "Payment"
  WHERE "succeededAt" IS NOT NULL AND "status" <> 'REFUNDED' AND "applicationFeeAmount" <> 0
  GROUP BY 1, 2, 3, 4
) f
WHERE s."specialistId" = f."specialistId" AND s."offeringId" = f."offeringId" AND s."currency" = f."currency"
  AND s."day" = f."day";
