import Stripe from 'stripe';
import { PaymentDeclinedError, PaymentProviderUnavailableError } from '../errors.js';

/**
 * Runs a Stripe call and turns its failures into domain errors: a card error carries the message a
 * learner can act on; connection, rate-limit and Stripe-side errors (after the SDK's own retries)
 * become "provider unavailable"; anything else is our bug and stays an internal error.
 */
export async function callStripe<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) {
      throw new PaymentDeclinedError(error.message, {
        code: error.code ?? null,
        declineCode: error.decline_code ?? null,
      });
    }
    if (
      error instanceof Stripe.errors.StripeConnectionError ||
      error instanceof Stripe.errors.StripeRateLimitError ||
      error instanceof Stripe.errors.StripeAPIError
    ) {
      throw new PaymentProviderUnavailableError();
    }
    throw error;
  }
}
