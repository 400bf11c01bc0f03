-- Issue 13: stats.specialist reads a specialist's days of the rollup as an index-only scan. Before, the
-- PK found the rows but each one cost a heap page (a year of the largest bench specialist: 1,098 rows on
-- 1,002 pages); this index holds every column the statement reads (the PK's columns first, then the
-- measures), so the same read touches about 20 index pages. Measure columns in an index make the rollup's
-- upserts non-HOT, but the rollup's pages are full after a rebuild (few HOT updates happened anyway) and
-- a 20-row upsert measured the same CPU with and without it (apps/server/src/stats/README.md).

-- CreateIndex
CREATE INDEX "PaymentDailyStat_covering_idx" ON "PaymentDailyStat"("specialistId", "day", "offeringId", "currency", "grossAmount", "refundedAmount", "disputeLostAmount", "succeededCount", "failedCount", "refundedCount", "disputedCount", "platformFeeAmount", "discountAmount");

-- An index-only scan skips the heap only for pages the visibility map marks all-visible, which VACUUM
-- sets. The defaults vacuum a table after 20% of its rows changed or were inserted; the rollup grows by
-- a day's rows at a time and its upserts land mostly on recent days, so vacuum it after 2%.
ALTER TABLE "PaymentDailyStat" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
