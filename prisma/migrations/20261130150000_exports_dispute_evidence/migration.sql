-- CSV exports (keyset pages, newest first) and dispute evidence (apps/server/src/exports, src/disputes).
ALTER TABLE "Dispute" ADD COLUMN "evidenceDueBy" TIMESTAMP(3),
ADD COLUMN "submissionCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "evidence" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN "evidenceRevision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "evidenceSavedAt" TIMESTAMP(3),
ADD COLUMN "submittedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Payment_createdAt_id_idx" ON "Payment"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Refund_createdAt_id_idx" ON "Refund"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Dispute_status_evidenceDueBy_idx" ON "Dispute"("status", "evidenceDueBy");
