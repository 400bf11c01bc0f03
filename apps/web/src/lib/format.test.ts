import { describe, expect, it } from 'vitest';
import { statsRange } from '../pages/specialist/DashboardPage.js';
import { bucketLabel } from '../pages/specialist/RevenueChart.js';
import { checkoutKey, clearCheckoutKey } from './checkout-key.js';
import { formatCard, formatMoney, formatPercent, titleCase } from './format.js';

describe('formatting for people', () => {
  it('formats money with the currency’s own digits (zero-decimal yen)', () => {
    expect(formatMoney(4900, 'usd')).toBe('$49.00');
    expect(formatMoney(5000, 'jpy')).toBe('¥5,000');
    expect(formatMoney(3900, 'eur')).toBe('€39.00');
    expect(formatMoney(-4900, 'usd')).toBe('-$49.00');
  });

  it('formats ratios and enum values', () => {
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(2 / 3)).toBe('66.7%');
    expect(titleCase('REQUESTED_BY_CUSTOMER')).toBe('Requested by customer');
  });

  it('labels chart buckets in the chosen time zone', () => {
    expect(bucketLabel('2025-03-01T00:00:00.000Z', 'month', 'UTC')).toBe('Mar 2025');
    expect(bucketLabel('2025-03-03T00:00:00.000Z', 'day', 'UTC')).toBe('Mar 3');
    expect(bucketLabel('2025-03-03T00:00:00.000Z', 'day', 'America/New_York')).toBe('Mar 2');
  });
});

describe('stats range', () => {
  it('ends at the start of tomorrow and goes back 30 days, 12 weeks or to the 1st, 11 months ago', () => {
    const now = new Date(2025, 5, 15, 13, 30);
    const day = statsRange('day', now);
    expect(new Date(day.to)).toEqual(new Date(2025, 5, 16));
    expect(new Date(day.from)).toEqual(new Date(2025, 4, 17));
    expect(new Date(statsRange('week', now).from)).toEqual(new Date(2025, 2, 24));
    expect(new Date(statsRange('month', now).from)).toEqual(new Date(2024, 6, 1));
  });
});

describe('checkout idempotency key', () => {
  it('survives a reload (sessionStorage), is per learner and offering, and is cleared after paying', () => {
    const first = checkoutKey('learner-1', 'offering-1');
    expect(first.length).toBeGreaterThanOrEqual(8);
    expect(checkoutKey('learner-1', 'offering-1')).toBe(first);
    expect(checkoutKey('learner-1', 'offering-2')).not.toBe(first);
    expect(checkoutKey('learner-2', 'offering-1')).not.toBe(first);
    clearCheckoutKey('learner-1', 'offering-1');
    expect(checkoutKey('learner-1', 'offering-1')).not.toBe(first);
  });
});

describe('checkout error messages', () => {
  it('passes card decline messages through and rewrites the 3-D Secure API message', async () => {
    const { learnerMessage } = await import('../pages/CheckoutPage.js');
    expect(
      learnerMessage({ type: 'card_error', code: 'card_declined', message: 'Your card was declined.' }),
    ).toBe('Your card was declined.');
    expect(
      learnerMessage({
        type: 'invalid_request_error',
        code: 'payment_intent_authentication_failure',
        message: 'The provided PaymentMethod has failed authentication.',
      }),
    ).toMatch(/^We could not authenticate your payment/);
  });
});

describe('formatCard', () => {
  it('names the brand and the last four digits, or a dash before there is a card', () => {
    expect(formatCard('visa', '4242')).toBe('Visa •••• 4242');
    expect(formatCard('american_express', '0005')).toBe('American express •••• 0005');
    expect(formatCard(null, '4242')).toBe('Card •••• 4242');
    expect(formatCard('visa', null)).toBe('—');
  });
});
