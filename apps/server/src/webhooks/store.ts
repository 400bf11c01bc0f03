import type Stripe from 'stripe';
import type { AppDeps } from '../deps.js';

export type StoredStatus = 'RECEIVED' | 'IGNORED';

function objectIdOf(event: Stripe.Event): string | null {
  const object = event.data.object;
  return 'id' in object && typeof object.id === 'string' ? object.id : null;
}

/**
 * The durable receipt: one WebhookEvent row per Stripe event id, inserted with ON CONFLICT DO NOTHING
 * and committed before we answer. The payload is stored exactly as Stripe signed it. Returns whether
 * this delivery created the row (false: a duplicate delivery of an event we already have).
 */
export async function recordEvent(
  deps: AppDeps,
  event: Stripe.Event,
  rawBody: string,
  status: StoredStatus,
): Promise<{ created: boolean }> {
  const now = deps.clock.now();
  const stripeCreatedAt = new Date(event.created * 1000);
  const inserted = await deps.db.$executeRaw`
    INSERT INTO "WebhookEvent" ("id", "type", "objectId", "payload", "stripeCreatedAt", "status", "receivedAt", "processedAt")
    VALUES (${event.id}, ${event.type}, ${objectIdOf(event)}, ${rawBody}::jsonb, ${stripeCreatedAt},
            ${status}::"WebhookEventStatus", ${now}, ${status === 'IGNORED' ? now : null})
    ON CONFLICT ("id") DO NOTHING`;
  return { created: inserted === 1 };
}
