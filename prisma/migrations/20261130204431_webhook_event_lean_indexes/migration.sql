-- Issue 13: every index on "WebhookEvent" costs each delivery's INSERT, and applying an event (a status
-- change, so a non-HOT UPDATE) adds the new row version to every full index again. Three secondary
-- indexes (8 entries per event) become two (5 entries per event; 3 for an ignored one):
-- - (receivedAt, id, status, type): the admin list newest first, its status and type filters checked
--   inside the index, status counts as an index-only scan;
-- - (receivedAt, id) WHERE status IN (RECEIVED, FAILED, ORPHANED): what is not applied (yet), for the
--   batch claim, the sweep and the oldest-unprocessed gauge; an applied event leaves it.
-- The (objectId) index had no reader.

-- DropIndex
DROP INDEX "WebhookEvent_objectId_idx";

-- DropIndex
DROP INDEX "WebhookEvent_status_receivedAt_idx";

-- DropIndex
DROP INDEX "WebhookEvent_type_receivedAt_idx";

-- CreateIndex
CREATE INDEX "WebhookEvent_receivedAt_id_status_type_idx" ON "WebhookEvent"("receivedAt", "id", "status", "type");

-- CreateIndex
CREATE INDEX "WebhookEvent_unapplied_receivedAt_id_idx" ON "WebhookEvent"("receivedAt", "id") WHERE (status = ANY (ARRAY['RECEIVED'::"WebhookEventStatus", 'FAILED'::"WebhookEventStatus", 'ORPHANED'::"WebhookEventStatus"]));
