// The WHERE of WebhookEvent's two partial indexes (prisma/schema.prisma), for the queries that read them.
// PostgreSQL reads a partial index only for a query whose own conditions imply the index's WHERE; these
// are written exactly as the indexes' predicates, as literals (never parameters), so that holds.

/**
 * What a batch claims (batch.ts), and exactly the WHERE of the "due" partial index
 * (`WebhookEvent_due_receivedAt_id_idx`, ordered by receivedAt, id): stored, never attempted, not leased
 * by a one-at-a-time attempt. A query with exactly this condition has nothing left to filter once it reads
 * that index, so its cheapest plan is an ordered scan of it that stops at its LIMIT, whatever the
 * statistics say (unapplied-index.test.ts checks the plans with stale statistics and a large backlog).
 */
export const DUE_WHERE = `"status" = 'RECEIVED' AND "attempts" = 0 AND "claimedUntil" IS NULL`;

/**
 * The rest of what is not applied (yet), exactly the WHERE of `WebhookEvent_unapplied_receivedAt_id_idx`:
 * FAILED, ORPHANED, and RECEIVED events attempted before (an orphan waiting for its payment) or leased by
 * a one-at-a-time attempt. With DUE_WHERE: every event not applied or ignored, each in one index.
 */
export const UNAPPLIED_WHERE = `("status" IN ('FAILED', 'ORPHANED') OR ("status" = 'RECEIVED' AND ("attempts" <> 0 OR "claimedUntil" IS NOT NULL)))`;
