-- Issue 13: the batch claim and the processor's probe read one ordered partial index whose predicate is
-- exactly their WHERE, so whatever the statistics say (none yet, taken while the table was empty, or a
-- status column that is 99.99% PROCESSED) the cheapest plan is an ordered scan that stops after LIMIT
-- entries: nothing is left to filter, so no estimate can make a bitmap scan and a sort look cheaper.
-- - "due": stored, never attempted, not leased by a one-at-a-time attempt: what a batch claims. A fresh
--   delivery enters it (and no other partial index); applying, attempting or leasing an event takes it
--   out.
-- - "unapplied" is narrowed to the rest of what is not applied: FAILED, ORPHANED, and RECEIVED events that
--   were attempted (an orphan waiting for its payment) or are leased. The sweep and the oldest-unprocessed
--   gauge read both. Still two partial indexes, and a delivery still adds three index entries (primary
--   key, the composite, "due").

-- DropIndex
DROP INDEX "WebhookEvent_unapplied_receivedAt_id_idx";

-- CreateIndex
CREATE INDEX "WebhookEvent_due_receivedAt_id_idx" ON "WebhookEvent"("receivedAt", "id") WHERE ((status = 'RECEIVED'::"WebhookEventStatus") AND (attempts = 0) AND ("claimedUntil" IS NULL));

-- CreateIndex
CREATE INDEX "WebhookEvent_unapplied_receivedAt_id_idx" ON "WebhookEvent"("receivedAt", "id") WHERE ((status = ANY (ARRAY['FAILED'::"WebhookEventStatus", 'ORPHANED'::"WebhookEventStatus"])) OR ((status = 'RECEIVED'::"WebhookEventStatus") AND ((attempts <> 0) OR ("claimedUntil" IS NOT NULL))));
