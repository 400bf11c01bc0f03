import type { AppDeps } from '../deps.js';
import { cancelOpenPayment } from '../payments/intents.js';
import { CANCELABLE_PAYMENT_STATUSES } from '../payments/status.js';

export interface StaleHoldsResult {
  /** Open payments found holding a code's use with no activity for PROMOTION_HOLD_MINUTES. */
  found: number;
  /** Canceled (PaymentIntent canceled at Stripe, payment CANCELED, use given back). */
  released: number;
  /** Stripe refused the cancel (the payment succeeded or is processing meanwhile): synced from Stripe instead. */
  synced: number;
  /** The Stripe call or the write failed (e.g. Stripe down): left for the next run. */
  failed: { paymentId: string; message: string }[];
}

/**
 * Gives back the promotion code uses held by abandoned checkouts (README.md here, "Abandoned checkouts").
 *
 * An open payment (PENDING, REQUIRES_ACTION or FAILED — not PROCESSING) whose code use is still
 * RESERVED and whose row has not changed for `PROMOTION_HOLD_MINUTES` by the app's clock is canceled by
 * the same path as an archived offering's open payments (`cancelOpenPayment`): its PaymentIntent is
 * canceled at Stripe with the key `payment-intent-cancel:<paymentId>` and Stripe's answer goes through the
 * sync function, whose effect releases the use. A payment that succeeded at Stripe meanwhile is refused
 * by Stripe; its PaymentIntent is then read and synced, so it stays SUCCEEDED and its use is redeemed
 * once. At most `limit` payments per run, oldest first; the rest wait for the next run.
 */
export async function releaseStaleHolds(
  deps: AppDeps,
  { limit = 100 }: { limit?: number } = {},
): Promise<StaleHoldsResult> {
  const cutoff = new Date(deps.clock.now().getTime() - deps.env.PROMOTION_HOLD_MINUTES * 60_000);
  const stale = await deps.db.payment.findMany({
    where: {
      status: { in: [...CANCELABLE_PAYMENT_STATUSES] },
      updatedAt: { lt: cutoff },
      redemption: { is: { status: 'RESERVED' } },
    },
    select: { id: true, amount: true, currency: true, status: true, stripePaymentIntentId: true },
    orderBy: { updatedAt: 'asc' },
    take: limit,
  });
  const result: StaleHoldsResult = { found: stale.length, released: 0, synced: 0, failed: [] };
  for (const payment of stale) {
    try {
      if (await cancelOpenPayment(deps, payment, 'abandoned', null)) {
        result.released++;
        deps.metrics.promotionHoldsReleased.inc();
      } else result.synced++;
    } catch (error) {
      // Unknown outcome or Stripe down: the same idempotency key makes the next run's attempt safe.
      result.failed.push({
        paymentId: payment.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return result;
}
