import type Stripe from 'stripe';
import type { Ctx, RequestInfo } from './context.js';
import { newId } from './ids.js';
import type { EmulatorEvent } from './store.js';

/**
 * Records an Event for a state change (with a snapshot of the object as it is now) and queues
 * its webhook deliveries.
 */
export function emitEvent(
  ctx: Ctx,
  type: Stripe.Event.Type,
  object: object,
  request: RequestInfo,
  previousAttributes?: Record<string, unknown>,
  /** The connected account the change happened on (Connect events; sent to Connect endpoints). */
  account?: string,
): EmulatorEvent {
  const event: EmulatorEvent = {
    id: newId('evt'),
    object: 'event',
    ...(account ? { account } : {}),
    api_version: ctx.apiVersion,
    created: ctx.scheduler.nowSeconds(),
    data: {
      object: structuredClone(object),
      ...(previousAttributes ? { previous_attributes: structuredClone(previousAttributes) } : {}),
    },
    livemode: false,
    pending_webhooks: 0,
    request: { id: request.id, idempotency_key: request.idempotency_key },
    type,
  };
  ctx.store.events.set(event.id, event);
  event.pending_webhooks = ctx.webhooks.enqueue(event);
  ctx.changed();
  return event;
}
