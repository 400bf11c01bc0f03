import { isHandledWebhookEventType, type WebhookEventType } from '@enrollpay/schemas';
import type Stripe from 'stripe';
import type { AppDeps } from '../deps.js';
import { recordEvidenceDetails } from '../disputes/service.js';
import {
  chargeIsSelfContained,
  type PurePlan,
  planCharge,
  planPaymentIntent,
  type SyncDeps,
  type SyncResult,
  type SyncSource,
  syncCharge,
  syncDispute,
  syncPaymentIntent,
  syncRefund,
} from '../payments/sync.js';
import { applyAccountUpdate, applyPayout, applyTransfer, reverseHeldTransfers } from '../payouts/service.js';

export type WebhookHandler = (deps: AppDeps, event: Stripe.Event, source: SyncSource) => Promise<SyncResult>;

/** The event's object was not the kind its type promises: a permanent problem with this event. */
export class UnexpectedEventObjectError extends Error {
  constructor(event: Stripe.Event, expected: string) {
    super(`${event.type} ${event.id} carries a "${event.data.object.object}" object, expected "${expected}"`);
    this.name = 'UnexpectedEventObjectError';
  }
}

function paymentIntentOf(event: Stripe.Event): Stripe.PaymentIntent {
  const object = event.data.object;
  if (object.object === 'payment_intent') return object;
  throw new UnexpectedEventObjectError(event, 'payment_intent');
}

function chargeOf(event: Stripe.Event): Stripe.Charge {
  const object = event.data.object;
  if (object.object === 'charge') return object;
  throw new UnexpectedEventObjectError(event, 'charge');
}

function refundOf(event: Stripe.Event): Stripe.Refund {
  const object = event.data.object;
  if (object.object === 'refund') return object;
  throw new UnexpectedEventObjectError(event, 'refund');
}

function disputeOf(event: Stripe.Event): Stripe.Dispute {
  const object = event.data.object;
  if (object.object === 'dispute') return object;
  throw new UnexpectedEventObjectError(event, 'dispute');
}

/**
 * A PaymentIntent event carries `latest_charge` as an id; the card brand, last 4 and receipt URL arrive
 * with `charge.succeeded` (and with payments.confirm and reconciliation, which expand the charge), so
 * processing an event needs no call back to Stripe.
 */
const onPaymentIntent: WebhookHandler = (deps, event, source) =>
  syncPaymentIntent(deps, paymentIntentOf(event), source);
const onCharge: WebhookHandler = (deps, event, source) => syncCharge(deps, chargeOf(event), source);
const onRefund: WebhookHandler = async (deps, event, source) => {
  const result = await syncRefund(deps, refundOf(event), source);
  // A payment whose held funds were transferred later: its succeeded refunds reverse that transfer.
  if (result.paymentId) await reverseHeldTransfers(deps, result.paymentId);
  return result;
};
const onDispute: WebhookHandler = async (deps, event, source) => {
  const dispute = disputeOf(event);
  const result = await syncDispute(deps, dispute, source);
  // The evidence due date and submission count, for the disputes page and the reminder job.
  await recordEvidenceDetails(deps.db, dispute);
  return result;
};

const eventTime = (event: Stripe.Event) => new Date(event.created * 1000);
const notAboutAPayment = (outcome: 'applied' | 'unchanged' | 'orphaned'): SyncResult => ({
  outcome,
  paymentId: null,
  changes: [],
});

/** account.updated (Connect endpoint): the specialist's onboarding state; see payouts/service.ts. */
const onAccount: WebhookHandler = async (deps, event) => {
  const object = event.data.object;
  if (object.object !== 'account') throw new UnexpectedEventObjectError(event, 'account');
  return notAboutAPayment(await applyAccountUpdate(deps, object, eventTime(event)));
};
/** payout.* (Connect endpoint): the connected account's payouts; `event.account` says whose. */
const onPayout: WebhookHandler = async (deps, event) => {
  const object = event.data.object;
  if (object.object !== 'payout') throw new UnexpectedEventObjectError(event, 'payout');
  if (!event.account) return notAboutAPayment('unchanged'); // the platform's own payouts
  return notAboutAPayment(await applyPayout(deps, object, event.account, eventTime(event)));
};
/** transfer.* (platform endpoint): the transfer of a destination charge, and its reversals. */
const onTransfer: WebhookHandler = async (deps, event) => {
  const object = event.data.object;
  if (object.object !== 'transfer') throw new UnexpectedEventObjectError(event, 'transfer');
  return notAboutAPayment(await applyTransfer(deps, object));
};

/**
 * Every Stripe event type we act on, and the sync function its object goes through. The payload is a
 * snapshot that may be older than what we already know; the sync functions merge monotonically, so a
 * stale or repeated event never moves a payment backwards. Types not listed are stored as IGNORED.
 */
export const webhookHandlers = {
  'payment_intent.succeeded': onPaymentIntent,
  'payment_intent.payment_failed': onPaymentIntent,
  'payment_intent.canceled': onPaymentIntent,
  'payment_intent.requires_action': onPaymentIntent,
  'payment_intent.processing': onPaymentIntent,
  'payment_intent.amount_capturable_updated': onPaymentIntent,
  // A Charge: card details and receipt; amount_refunded and (when expanded) its refunds.
  'charge.succeeded': onCharge,
  'charge.refunded': onCharge,
  // A Refund.
  'refund.created': onRefund,
  'refund.updated': onRefund,
  'refund.failed': onRefund,
  // A Dispute.
  'charge.dispute.created': onDispute,
  'charge.dispute.updated': onDispute,
  'charge.dispute.closed': onDispute,
  // Stripe Connect.
  'account.updated': onAccount,
  'payout.created': onPayout,
  'payout.updated': onPayout,
  'payout.paid': onPayout,
  'payout.failed': onPayout,
  'payout.canceled': onPayout,
  'transfer.created': onTransfer,
  'transfer.reversed': onTransfer,
} as const satisfies Record<WebhookEventType, WebhookHandler>;

export function handlerFor(type: string): WebhookHandler | null {
  return isHandledWebhookEventType(type) ? webhookHandlers[type] : null;
}

/**
 * The batch path's table (webhooks/batch.ts): the plan an event's sync would run, for the kinds a batch
 * applies together — PaymentIntent events and charges without refunds, the bulk of the traffic, whose
 * step needs nothing but the payment's row (`PurePlan`). Null for the rest (refunds, disputes, Connect,
 * a charge with refunds, whose steps write refund rows or ask Stripe first): those run one at a time
 * through `webhookHandlers`. Throws, like the handlers, when the object is not the kind the type promises.
 */
export function batchPlanFor(deps: SyncDeps, event: Stripe.Event, source: SyncSource): PurePlan | null {
  if (!isHandledWebhookEventType(event.type)) return null;
  switch (event.type) {
    case 'payment_intent.succeeded':
    case 'payment_intent.payment_failed':
    case 'payment_intent.canceled':
    case 'payment_intent.requires_action':
    case 'payment_intent.processing':
    case 'payment_intent.amount_capturable_updated':
      return planPaymentIntent(deps, paymentIntentOf(event), source);
    case 'charge.succeeded':
    case 'charge.refunded': {
      const charge = chargeOf(event);
      if (!chargeIsSelfContained(charge)) return null;
      const plan = planCharge(charge, charge.refunds?.data ?? null, source);
      return plan.pure ? { ...plan, pure: plan.pure } : null;
    }
    default:
      return null;
  }
}
