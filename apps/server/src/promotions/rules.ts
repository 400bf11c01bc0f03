import { formatMoney, STRIPE_MINIMUM_AMOUNTS } from '@enrollpay/schemas';

/**
 * The promotion code rules, pure: whether a code applies to a checkout and what it takes off.
 *
 * Rounding rule (percent codes): the discount is `price × percentOff / 100` in the currency's own minor
 * units (cents for USD, yen for JPY), computed exactly in integers and rounded half up — a remainder of
 * 50 or more hundredths rounds the discount up, in the learner's favour. ¥1,005 at 15 % is ¥151 off
 * (150.75 → 151), $49.99 at 10 % is $5.00 off (499.9 → 500). A fixed code never takes off more than the
 * price: at or above it, the checkout is free. What is left to pay must be 0 (free: no PaymentIntent) or
 * at least Stripe's minimum charge for the currency (STRIPE_MINIMUM_AMOUNTS).
 */

export interface PromotionTerms {
  code: string;
  kind: 'PERCENT' | 'FIXED';
  percentOff: number | null;
  amountOff: number | null;
  currency: string | null;
  /** Empty: every offering of the specialist. */
  offeringIds: readonly string[];
  startsAt: Date | null;
  endsAt: Date | null;
  maxRedemptions: number | null;
  active: boolean;
  /** Uses held: open checkouts holding one plus redeemed uses. */
  heldCount: number;
  oncePerLearner: boolean;
}

export interface PromotionCheckout {
  offeringId: string;
  /** The offering's price in minor units. */
  price: number;
  currency: string;
  now: Date;
  /** This learner already holds or redeemed a use of this code (on another payment). */
  usedByLearner: boolean;
  /**
   * This checkout already holds a use of this code (the learner refreshes an open payment with the same
   * code): the limit, dates and `active` were checked when it was applied and are not checked again.
   */
  alreadyHeld: boolean;
}

export type PromotionVerdict =
  | { ok: true; discountAmount: number; amount: number; free: boolean }
  | { ok: false; reason: PromotionRefusal; message: string };

export type PromotionRefusal =
  | 'inactive'
  | 'not_started'
  | 'expired'
  | 'other_offering'
  | 'other_currency'
  | 'used_by_learner'
  | 'used_up'
  | 'below_minimum';

/** What a code takes off `price` (minor units of `currency`), never more than the price. */
export function discountFor(
  terms: Pick<PromotionTerms, 'kind' | 'percentOff' | 'amountOff'>,
  price: number,
): number {
  if (!Number.isSafeInteger(price) || price < 0) throw new RangeError('price must be a whole number ≥ 0');
  if (terms.kind === 'PERCENT') {
    const percent = terms.percentOff ?? 0;
    if (!Number.isInteger(percent) || percent < 0 || percent > 100)
      throw new RangeError('percentOff must be 0–100');
    const product = price * percent; // ≤ 99 999 999 × 100: exact
    return Math.min(Math.floor(product / 100) + (product % 100 >= 50 ? 1 : 0), price);
  }
  return Math.min(terms.amountOff ?? 0, price);
}

const when = (d: Date) => d.toISOString().replace('.000Z', 'Z');

/** Whether `terms` apply to `checkout`, and the amounts if so. Messages name the field and the code. */
export function evaluatePromotion(terms: PromotionTerms, checkout: PromotionCheckout): PromotionVerdict {
  const name = `promotionCode "${terms.code}"`;
  const refuse = (reason: PromotionRefusal, message: string): PromotionVerdict => ({
    ok: false,
    reason,
    message,
  });
  if (terms.offeringIds.length > 0 && !terms.offeringIds.includes(checkout.offeringId)) {
    return refuse('other_offering', `${name} does not apply to this offering`);
  }
  if (terms.kind === 'FIXED' && terms.currency !== checkout.currency) {
    return refuse(
      'other_currency',
      `${name} takes ${formatMoney(terms.amountOff ?? 0, terms.currency ?? 'usd')} off and applies only to offerings priced in ${(terms.currency ?? '').toUpperCase()}`,
    );
  }
  if (!checkout.alreadyHeld) {
    if (!terms.active) return refuse('inactive', `${name} is no longer active`);
    if (terms.startsAt && checkout.now < terms.startsAt) {
      return refuse('not_started', `${name} is not valid yet: it starts at ${when(terms.startsAt)}`);
    }
    if (terms.endsAt && checkout.now >= terms.endsAt) {
      return refuse('expired', `${name} expired at ${when(terms.endsAt)}`);
    }
    if (terms.oncePerLearner && checkout.usedByLearner) {
      return refuse('used_by_learner', `${name} can be used once per learner, and you have already used it`);
    }
    if (terms.maxRedemptions !== null && terms.heldCount >= terms.maxRedemptions) {
      return refuse('used_up', `${name}: this code has been used up`);
    }
  }
  const discountAmount = discountFor(terms, checkout.price);
  const amount = checkout.price - discountAmount;
  const minimums: Readonly<Record<string, number | undefined>> = STRIPE_MINIMUM_AMOUNTS;
  const minimum = minimums[checkout.currency] ?? 1;
  if (amount > 0 && amount < minimum) {
    return refuse(
      'below_minimum',
      `${name} would leave ${formatMoney(amount, checkout.currency)} to pay, below Stripe's minimum charge of ${formatMoney(minimum, checkout.currency)}`,
    );
  }
  return { ok: true, discountAmount, amount, free: amount === 0 };
}

/** The message for a code no row matches. */
export function unknownCodeMessage(code: string): string {
  return `promotionCode "${code}" does not exist for this offering's specialist`;
}

/** The message for a race lost at the limit (the conditional reservation found no use left). */
export function usedUpMessage(code: string): string {
  return `promotionCode "${code}": this code has been used up`;
}

/** The message for a race lost on once-per-learner (the unique index refused a second live use). */
export function usedByLearnerMessage(code: string): string {
  return `promotionCode "${code}" can be used once per learner, and you have already used it`;
}
