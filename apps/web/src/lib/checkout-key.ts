/**
 * The idempotency key of a learner's checkout for one offering, kept in sessionStorage: a refresh (or a
 * second tab opened from this one) sends the same key, and the server answers with the same open payment
 * instead of starting another. Cleared once the payment succeeded, so a later purchase starts afresh.
 */
function storageKey(userId: string, offeringId: string): string {
  return `enrollpay.checkout.${userId}.${offeringId}`;
}

export function checkoutKey(userId: string, offeringId: string): string {
  const name = storageKey(userId, offeringId);
  const existing = sessionStorage.getItem(name);
  if (existing) return existing;
  const key = randomKey();
  sessionStorage.setItem(name, key);
  return key;
}

export function clearCheckoutKey(userId: string, offeringId: string): void {
  sessionStorage.removeItem(storageKey(userId, offeringId));
}

/** A fresh key for one request (applying or removing a promotion code on the open payment). */
export function newRequestKey(): string {
  return randomKey();
}

/** crypto.randomUUID exists only in secure contexts (https, localhost); getRandomValues everywhere. */
function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
