import type Stripe from 'stripe';
import type { AppDeps } from '../deps.js';
import { type HotStatement, hotExecute } from '../lib/hot-sql.js';

export type StoredStatus = 'RECEIVED' | 'IGNORED';

function objectIdOf(event: Stripe.Event): string | null {
  const object = event.data.object;
  return 'id' in object && typeof object.id === 'string' ? object.id : null;
}

const INSERT_EVENT: HotStatement = {
  name: 'webhook_event_insert',
  text: `
  INSERT INTO "WebhookEvent" ("id", "type", "objectId", "payload", "stripeCreatedAt", "status", "receivedAt", "processedAt")
  VALUES ($1, $2, $3, $4::json, to_timestamp($5::bigint) AT TIME ZONE 'UTC', $6::"WebhookEventStatus", $7::timestamp, $8::timestamp)
  ON CONFLICT ("id") DO NOTHING`,
};

/**
 * The durable receipt: one WebhookEvent row per Stripe event id, inserted with ON CONFLICT DO NOTHING
 * and committed before we answer. The payload is stored exactly as Stripe signed it. Returns whether
 * this delivery created the row (false: a duplicate delivery of an event we already have).
 *
 * The hottest statement we have (every delivery, thousands a second in a burst): it goes straight to the
 * pg pool under the Prisma client (one autocommitted statement, no interpreter), falling back to Prisma
 * for a client not made by `createDb`.
 */
export async function recordEvent(
  deps: AppDeps,
  event: Stripe.Event,
  rawBody: string,
  status: StoredStatus,
): Promise<{ created: boolean }> {
  // Timestamps go as UTC ISO strings: the columns are TIMESTAMP(3) without a zone, holding UTC (as
  // Prisma writes them); node-postgres would send a Date in the process's local zone.
  const now = deps.clock.now().toISOString();
  const values = [
    event.id,
    event.type,
    objectIdOf(event),
    rawBody,
    // Whole Unix seconds (verify.ts checks them); PostgreSQL turns them into the UTC timestamp.
    event.created,
    status,
    now,
    status === 'IGNORED' ? now : null,
  ];
  // A named statement (lib/hot-sql.ts): each pooled connection has PostgreSQL parse and plan it once,
  // then only binds the values (a pooler in front must support protocol-level prepared statements, as
  // PgBouncer ≥ 1.21 does with max_prepared_statements).
  const inserted = await hotExecute(deps.db, INSERT_EVENT, values);
  return { created: inserted === 1 };
}
