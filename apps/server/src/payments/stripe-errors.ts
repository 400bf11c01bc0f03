import Stripe from 'stripe';
import { PaymentDeclinedError, PaymentProviderUnavailableError } from '../errors.js';

/**
 * The one classifier of Stripe's failures:
 * - declined: a card error; the message is one a learner can act on;
 * - refused: Stripe answered and said no (invalid request, idempotency clash); nothing was done;
 * - unavailable: connection, rate-limit or Stripe-side errors after the SDK's own retries; whether the
 *   request took effect is unknown, and the same request with the same idempotency key settles it;
 * - unknown: not a Stripe error (our bug).
 */
export type StripeFailure =
  | { kind: 'declined'; error: Stripe.errors.StripeCardError }
  | { kind: 'refused'; error: Stripe.errors.StripeError }
  | { kind: 'unavailable'; error: Stripe.errors.StripeError }
  | { kind: 'unknown'; error: unknown };

export function classifyStripeError(error: unknown): StripeFailure {
  if (error instanceof Stripe.errors.StripeCardError) return { kind: 'declined', error };
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    error instanceof Stripe.errors.StripeAPIError
  ) {
    return { kind: 'unavailable', error };
  }
  if (
    error instanceof Stripe.errors.StripeInvalidRequestError ||
    error instanceof Stripe.errors.StripeIdempotencyError
  ) {
    return { kind: 'refused', error };
  }
  return { kind: 'unknown', error };
}

/**
 * Runs a Stripe call and turns its failures into domain errors: a card error carries the message a
 * learner can act on; an unavailable Stripe becomes "provider unavailable"; anything else is our bug
 * and stays an internal error.
 */
export async function callStripe<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const failure = classifyStripeError(error);
    if (failure.kind === 'declined') {
      throw new PaymentDeclinedError(failure.error.message, {
        code: failure.error.code ?? null,
        declineCode: failure.error.decline_code ?? null,
      });
    }
    if (failure.kind === 'unavailable') throw new PaymentProviderUnavailableError();
    throw error;
  }
}
