-- Issue 15: specialists' promotion codes, their redemptions, and the discount on payments and in the rollup.

-- CreateEnum
CREATE TYPE "PromotionDiscountKind" AS ENUM ('PERCENT', 'FIXED');

-- CreateEnum
CREATE TYPE "PromotionRedemptionStatus" AS ENUM ('RESERVED', 'REDEEMED');

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "discountAmount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "free" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "promotionCode" TEXT,
ADD COLUMN     "promotionCodeId" TEXT;

-- AlterTable
ALTER TABLE "PaymentDailyStat" ADD COLUMN     "discountAmount" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "PromotionCode" (
    "id" TEXT NOT NULL,
    "specialistId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "normalizedCode" TEXT NOT NULL,
    "kind" "PromotionDiscountKind" NOT NULL,
    "percentOff" INTEGER,
    "amountOff" INTEGER,
    "currency" VARCHAR(3),
    "offeringIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "maxRedemptions" INTEGER,
    "oncePerLearner" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "heldCount" INTEGER NOT NULL DEFAULT 0,
    "redeemedCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PromotionCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromotionRedemption" (
    "id" TEXT NOT NULL,
    "promotionCodeId" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "onceLearnerId" TEXT,
    "discountAmount" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "status" "PromotionRedemptionStatus" NOT NULL DEFAULT 'RESERVED',
    "redeemedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromotionRedemption_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PromotionCode_specialistId_createdAt_idx" ON "PromotionCode"("specialistId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PromotionCode_specialistId_normalizedCode_key" ON "PromotionCode"("specialistId", "normalizedCode");

-- CreateIndex
CREATE UNIQUE INDEX "PromotionRedemption_paymentId_key" ON "PromotionRedemption"("paymentId");

-- CreateIndex
CREATE INDEX "PromotionRedemption_promotionCodeId_status_idx" ON "PromotionRedemption"("promotionCodeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PromotionRedemption_promotionCodeId_onceLearnerId_key" ON "PromotionRedemption"("promotionCodeId", "onceLearnerId");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_promotionCodeId_fkey" FOREIGN KEY ("promotionCodeId") REFERENCES "PromotionCode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionCode" ADD CONSTRAINT "PromotionCode_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionRedemption" ADD CONSTRAINT "PromotionRedemption_promotionCodeId_fkey" FOREIGN KEY ("promotionCodeId") REFERENCES "PromotionCode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionRedemption" ADD CONSTRAINT "PromotionRedemption_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionRedemption" ADD CONSTRAINT "PromotionRedemption_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invariants (CHECK constraints are invisible to `prisma migrate diff`).
ALTER TABLE "PromotionCode"
  ADD CONSTRAINT "PromotionCode_discount_shape" CHECK (
    ("kind" = 'PERCENT' AND "percentOff" BETWEEN 1 AND 100 AND "amountOff" IS NULL AND "currency" IS NULL)
    OR ("kind" = 'FIXED' AND "percentOff" IS NULL AND "amountOff" > 0 AND "currency" ~ '^[a-z]{3}$')),
  ADD CONSTRAINT "PromotionCode_maxRedemptions_positive" CHECK ("maxRedemptions" IS NULL OR "maxRedemptions" > 0),
  -- The conditional UPDATE that reserves a use never passes the limit; this is the last line of defence.
  ADD CONSTRAINT "PromotionCode_heldCount_range" CHECK ("heldCount" >= 0 AND ("maxRedemptions" IS NULL OR "heldCount" <= "maxRedemptions")),
  ADD CONSTRAINT "PromotionCode_redeemedCount_range" CHECK ("redeemedCount" >= 0 AND "redeemedCount" <= "heldCount"),
  ADD CONSTRAINT "PromotionCode_dates_ordered" CHECK ("startsAt" IS NULL OR "endsAt" IS NULL OR "startsAt" < "endsAt");
ALTER TABLE "PromotionRedemption"
  ADD CONSTRAINT "PromotionRedemption_discountAmount_positive" CHECK ("discountAmount" > 0);
ALTER TABLE "Payment"
  ADD CONSTRAINT "Payment_discountAmount_nonnegative" CHECK ("discountAmount" >= 0);
