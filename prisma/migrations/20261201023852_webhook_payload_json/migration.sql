-- Issue 13: the durable receipt stores each delivery's payload as the text Stripe signed, in a `json`
-- column instead of `jsonb`. `jsonb` parsed every payload into its binary form on INSERT (on every
-- delivery, thousands a second in a burst) and printed it back to text on every read (the batch claim
-- reads each event's payload once); `json` only checks the syntax and keeps the text, and reading it is
-- a copy. Nothing queries inside the payload in SQL (the readers parse it in the application); a
-- query that needs jsonb operators can cast (`"payload"::jsonb`).
-- Rows stored before this migration keep jsonb's normalised text (keys sorted, whitespace dropped): the
-- same JSON value.

-- AlterTable
ALTER TABLE "WebhookEvent" ALTER COLUMN "payload" SET DATA TYPE JSON USING "payload"::json;
