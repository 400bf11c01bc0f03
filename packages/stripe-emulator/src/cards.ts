/** How a test card behaves when a PaymentIntent is confirmed with it. */
export type CardBehavior =
  | { kind: 'succeed' }
  | { kind: 'decline'; declineCode: 'generic_decline' | 'insufficient_funds' }
  | { kind: 'three_d_secure'; afterAuth: 'succeed' | 'decline_insufficient_funds' }
  | { kind: 'dispute' }
  | { kind: 'refund_fail' }
  /** Funds go straight to the available balance (Stripe's 4000 0000 0000 0077). */
  | { kind: 'bypass_pending' };

export interface TestCard {
  number: string;
  brand: 'visa' | 'mastercard' | 'amex';
  funding: 'credit' | 'debit';
  /** The `pm_card_*` test tokens that map to this card (first is canonical). */
  tokens: string[];
  behavior: CardBehavior;
}

export const TEST_CARDS: readonly TestCard[] = [
  {
    number: '4242424242424242',
    brand: 'visa',
    funding: 'credit',
    tokens: ['pm_card_visa'],
    behavior: { kind: 'succeed' },
  },
  {
    number: '5555555555554444',
    brand: 'mastercard',
    funding: 'credit',
    tokens: ['pm_card_mastercard'],
    behavior: { kind: 'succeed' },
  },
  {
    number: '4000000000000002',
    brand: 'visa',
    funding: 'credit',
    tokens: ['pm_card_visa_chargeDeclined', 'pm_card_chargeDeclined'],
    behavior: { kind: 'decline', declineCode: 'generic_decline' },
  },
  {
    number: '4000000000009995',
    brand: 'visa',
    funding: 'credit',
    tokens: ['pm_card_visa_chargeDeclinedInsufficientFunds', 'pm_card_chargeDeclinedInsufficientFunds'],
    behavior: { kind: 'decline', declineCode: 'insufficient_funds' },
  },
  {
    number: '4000002760003184',
    brand: 'visa',
    funding: 'credit',
    tokens: ['pm_card_authenticationRequired', 'pm_card_threeDSecure2Required'],
    behavior: { kind: 'three_d_secure', afterAuth: 'succeed' },
  },
  {
    number: '4000002500003155',
    brand: 'visa',
    funding: 'credit',
    tokens: ['pm_card_authenticationRequiredOnSetup'],
    behavior: { kind: 'three_d_secure', afterAuth: 'succeed' },
  },
  {
    number: '4000008260003178',
    brand: 'visa',
    funding: 'credit',
    tokens: ['pm_card_authenticationRequiredChargeDeclinedInsufficientFunds'],
    behavior: { kind: 'three_d_secure', afterAuth: 'decline_insufficient_funds' },
  },
  {
    number: '4000000000000259',
    brand: 'visa',
    funding: 'credit',
    tokens: ['pm_card_createDispute'],
    behavior: { kind: 'dispute' },
  },
  {
    number: '4000000000005126',
    brand: 'visa',
    funding: 'credit',
    tokens: ['pm_card_refundFail'],
    behavior: { kind: 'refund_fail' },
  },
  {
    number: '4000000000000077',
    brand: 'visa',
    funding: 'credit',
    tokens: ['pm_card_bypassPending'],
    behavior: { kind: 'bypass_pending' },
  },
];

export function cardByNumber(number: string): TestCard | undefined {
  const digits = number.replace(/\D/g, '');
  return TEST_CARDS.find((c) => c.number === digits);
}

export function cardByToken(token: string): TestCard | undefined {
  return TEST_CARDS.find((c) => c.tokens.includes(token));
}

/** Any other number that passes Luhn behaves like 4242 with a brand guessed from its prefix. */
export function luhnValid(number: string): boolean {
  const digits = number.replace(/\D/g, '');
  if (digits.length < 12 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function brandOf(number: string): TestCard['brand'] {
  if (number.startsWith('5') || number.startsWith('2')) return 'mastercard';
  if (number.startsWith('34') || number.startsWith('37')) return 'amex';
  return 'visa';
}

export const DECLINE_MESSAGES: Record<string, string> = {
  generic_decline: 'Your card was declined.',
  insufficient_funds: 'Your card has insufficient funds.',
};
