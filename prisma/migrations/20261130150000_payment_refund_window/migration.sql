-- A learner's refund window is part of what they bought: keep it on the Payment, copied from the
-- offering when the payment is opened, so a later change to the offering cannot take it away.
ALTER TABLE "Payment" ADD COLUMN "refundWindowDays" INTEGER;

-- Backfill: the offering's window as it stands now is the best record of what earlier buyers were
-- offered (the offering kept no history of it).
UPDATE "Payment" AS p
   SET "refundWindowDays" = o."refundWindowDays"
  FROM "Offering" AS o
 WHERE o."id" = p."offeringId";

ALTER TABLE "Payment" ALTER COLUMN "refundWindowDays" SET NOT NULL;
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_refundWindowDays_nonnegative" CHECK ("refundWindowDays" >= 0);
