-- Issue 14: a refund of a payment whose held funds were transferred later reverses that separate transfer.

-- AlterTable
ALTER TABLE "Refund" ADD COLUMN     "heldReversalAmount" INTEGER,
ADD COLUMN     "heldReversalError" TEXT,
ADD COLUMN     "heldReversalId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Refund_heldReversalId_key" ON "Refund"("heldReversalId");
