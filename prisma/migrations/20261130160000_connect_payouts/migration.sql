-- Issue 14: specialists get paid through Stripe Connect (Express accounts, destination charges).

-- CreateEnum
CREATE TYPE "PayoutStatus" AS ENUM ('PENDING', 'IN_TRANSIT', 'PAID', 'FAILED', 'CANCELED');

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "applicationFeeAmount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "destinationAccountId" TEXT,
ADD COLUMN     "stripeTransferId" TEXT,
ADD COLUMN     "transferReversedAmount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ConnectedAccount" (
    "userId" TEXT NOT NULL,
    "stripeAccountId" TEXT NOT NULL,
    "chargesEnabled" BOOLEAN NOT NULL DEFAULT false,
    "payoutsEnabled" BOOLEAN NOT NULL DEFAULT false,
    "detailsSubmitted" BOOLEAN NOT NULL DEFAULT false,
    "currentlyDue" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "disabledReason" TEXT,
    "feeBpsOverride" INTEGER,
    "lastStripeEventAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConnectedAccount_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "Payout" (
    "id" TEXT NOT NULL,
    "stripePayoutId" TEXT NOT NULL,
    "stripeAccountId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "status" "PayoutStatus" NOT NULL,
    "arrivalDate" TIMESTAMP(3) NOT NULL,
    "automatic" BOOLEAN NOT NULL DEFAULT true,
    "failureCode" TEXT,
    "failureMessage" TEXT,
    "lastStripeEventAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Payout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConnectedAccount_stripeAccountId_key" ON "ConnectedAccount"("stripeAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Payout_stripePayoutId_key" ON "Payout"("stripePayoutId");

-- CreateIndex
CREATE INDEX "Payout_stripeAccountId_arrivalDate_id_idx" ON "Payout"("stripeAccountId", "arrivalDate" DESC, "id");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_stripeTransferId_key" ON "Payment"("stripeTransferId");

-- AddForeignKey
ALTER TABLE "ConnectedAccount" ADD CONSTRAINT "ConnectedAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payout" ADD CONSTRAINT "Payout_stripeAccountId_fkey" FOREIGN KEY ("stripeAccountId") REFERENCES "ConnectedAccount"("stripeAccountId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invariants (CHECK constraints are invisible to `prisma migrate diff`).
ALTER TABLE "Payment"
  ADD CONSTRAINT "Payment_applicationFeeAmount_range" CHECK ("applicationFeeAmount" >= 0 AND "applicationFeeAmount" <= "amount"),
  ADD CONSTRAINT "Payment_transferReversedAmount_nonnegative" CHECK ("transferReversedAmount" >= 0);
ALTER TABLE "ConnectedAccount"
  ADD CONSTRAINT "ConnectedAccount_feeBpsOverride_range" CHECK ("feeBpsOverride" IS NULL OR ("feeBpsOverride" >= 0 AND "feeBpsOverride" <= 10000));
ALTER TABLE "Payout"
  ADD CONSTRAINT "Payout_currency_iso4217" CHECK ("currency" ~ '^[a-z]{3}$');
