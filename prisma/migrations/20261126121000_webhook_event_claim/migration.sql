-- Event processors claim a WebhookEvent with one UPDATE (see apps/server/src/webhooks/process.ts).
ALTER TABLE "WebhookEvent" ADD COLUMN "claimedUntil" TIMESTAMP(3);
