import Stripe from 'stripe';

export type RejectReason =
  | 'missing_signature'
  | 'bad_signature'
  | 'stale_timestamp'
  | 'malformed'
  | 'too_large';

export type VerifyResult =
  | { ok: true; event: Stripe.Event }
  | { ok: false; reason: RejectReason; message: string };

/** Stripe's recommended tolerance: a signed timestamp older than this is refused (replay protection). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

function isSignatureError(error: unknown): error is Stripe.errors.StripeSignatureVerificationError {
  return error instanceof Stripe.errors.StripeSignatureVerificationError;
}

/**
 * Verifies a webhook body with the official SDK (`stripe.webhooks.constructEvent`) against each secret
 * in turn (several during a rotation) and checks that what it signed is a Stripe event.
 * `receivedAtMs` is our clock's "now" for the timestamp tolerance.
 */
export function verifyStripeEvent(
  stripe: Stripe,
  raw: string | Buffer,
  header: string | string[] | undefined,
  secrets: readonly string[],
  receivedAtMs: number,
): VerifyResult {
  if (typeof header !== 'string' || header.trim() === '') {
    return { ok: false, reason: 'missing_signature', message: 'Missing Stripe-Signature header' };
  }
  let stale = false;
  for (const secret of secrets) {
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(
        raw,
        header,
        secret,
        SIGNATURE_TOLERANCE_SECONDS,
        undefined,
        receivedAtMs,
      );
    } catch (error) {
      if (isSignatureError(error)) {
        // The SDK checks the signature first, then the age: "tolerance" means this secret matched.
        if (/tolerance/i.test(error.message)) stale = true;
        continue;
      }
      // The signature matched but the body is not JSON.
      return { ok: false, reason: 'malformed', message: 'Webhook body is not valid JSON' };
    }
    return isStripeEvent(event)
      ? { ok: true, event }
      : {
          ok: false,
          reason: 'malformed',
          message: 'Webhook body is not a Stripe event (needs id "evt_…", type, created, data.object)',
        };
  }
  return stale
    ? {
        ok: false,
        reason: 'stale_timestamp',
        message: `Stripe-Signature timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} seconds old`,
      }
    : {
        ok: false,
        reason: 'bad_signature',
        message: 'Stripe-Signature does not match any configured webhook secret',
      };
}

/** 9999-12-31T23:59:59Z in Unix seconds. */
const MAX_CREATED_SECONDS = 253_402_300_799;

const EVENT_ID = /^evt_[A-Za-z0-9_]+$/;

/** Whether a value has the shape of a Stripe event (id "evt_…", type, created, data.object). */
export function isStripeEvent(value: unknown): value is Stripe.Event {
  if (typeof value !== 'object' || value === null) return false;
  if (!('id' in value) || typeof value.id !== 'string' || !EVENT_ID.test(value.id) || value.id.length > 255)
    return false;
  if (
    !('type' in value) ||
    typeof value.type !== 'string' ||
    value.type.length === 0 ||
    value.type.length > 100
  )
    return false;
  // Whole Unix seconds a Date can hold (up to year 9999): a fraction or a huge number made an Invalid
  // Date and a 500 on insert (found by test/fuzz/webhook.test.ts).
  if (
    !('created' in value) ||
    typeof value.created !== 'number' ||
    !Number.isSafeInteger(value.created) ||
    value.created < 0 ||
    value.created > MAX_CREATED_SECONDS
  )
    return false;
  if (!('data' in value) || typeof value.data !== 'object' || value.data === null) return false;
  return 'object' in value.data && typeof value.data.object === 'object' && value.data.object !== null;
}
