-- Net revenue subtracts money lost to disputes: the disputed amount and, where Stripe reported it, the
-- dispute fee. A dispute keeps its fee; a payment keeps what its lost disputes took and when; the daily
-- rollup counts it on that day.
ALTER TABLE "Dispute" ADD COLUMN "fee" INTEGER;
ALTER TABLE "Payment" ADD COLUMN "amountLostToDisputes" INTEGER NOT NULL DEFAULT 0,
                      ADD COLUMN "disputeLostAt" TIMESTAMP(3);
ALTER TABLE "PaymentDailyStat" ADD COLUMN "disputeLostAmount" BIGINT NOT NULL DEFAULT 0;

-- Backfill from disputes already lost (their fees were not recorded before this migration).
UPDATE "Payment" AS p
   SET "amountLostToDisputes" = l.amount, "disputeLostAt" = l.at
  FROM (SELECT "paymentId", SUM("amount" + COALESCE("fee", 0))::int AS amount,
               MAX(COALESCE("closedAt", "updatedAt")) AS at
          FROM "Dispute" WHERE "status" = 'lost' GROUP BY "paymentId") AS l
 WHERE l."paymentId" = p."id";

INSERT INTO "PaymentDailyStat" ("specialistId", "offeringId", "currency", "day", "disputeLostAmount")
SELECT "specialistId", "offeringId", "currency", "disputeLostAt"::date, SUM("amountLostToDisputes")
  FROM "Payment" WHERE "amountLostToDisputes" > 0 AND "disputeLostAt" IS NOT NULL
 GROUP BY "specialistId", "offeringId", "currency", "disputeLostAt"::date
ON CONFLICT ("specialistId", "day", "offeringId", "currency") DO UPDATE
   SET "disputeLostAmount" = "PaymentDailyStat"."disputeLostAmount" + EXCLUDED."disputeLostAmount";

ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_fee_nonnegative" CHECK ("fee" IS NULL OR "fee" >= 0);
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amountLostToDisputes_nonnegative" CHECK ("amountLostToDisputes" >= 0);
