import { describe, expect, it } from 'vitest';
import { discountFor, evaluatePromotion, type PromotionCheckout, type PromotionTerms } from './rules.js';

const NOW = new Date('2026-11-30T12:00:00Z');

const percent = (percentOff: number, extra: Partial<PromotionTerms> = {}): PromotionTerms => ({
  code: 'LAUNCH',
  kind: 'PERCENT',
  percentOff,
  amountOff: null,
  currency: null,
  offeringIds: [],
  startsAt: null,
  endsAt: null,
  maxRedemptions: null,
  active: true,
  heldCount: 0,
  oncePerLearner: false,
  ...extra,
});
const fixed = (amountOff: number, currency: string, extra: Partial<PromotionTerms> = {}): PromotionTerms => ({
  ...percent(0),
  kind: 'FIXED',
  percentOff: null,
  amountOff,
  currency,
  ...extra,
});
const checkout = (
  price: number,
  currency: string,
  extra: Partial<PromotionCheckout> = {},
): PromotionCheckout => ({
  offeringId: 'off_1',
  price,
  currency,
  now: NOW,
  usedByLearner: false,
  alreadyHeld: false,
  ...extra,
});

describe('discountFor: percent rounding in minor units (half up), fixed capped at the price', () => {
  it.each([
    // [price, currency, percent, discount]
    [4900, 'usd', 20, 980], // $49.00 − 20 % = $39.20
    [4999, 'usd', 10, 500], // 499.9 → 500
    [4995, 'usd', 10, 500], // 499.5 → 500 (half up)
    [4994, 'usd', 10, 499], // 499.4 → 499
    [1005, 'jpy', 15, 151], // ¥150.75 → ¥151: yen have no decimals
    [1000, 'jpy', 15, 150],
    [999, 'jpy', 50, 500], // ¥499.5 → ¥500
    [99_999_999, 'usd', 33, 33_000_000], // 32 999 999.67 → 33 000 000, exact in integers
    [5000, 'usd', 100, 5000],
    [0, 'usd', 50, 0],
  ])('%i %s at %i %% → %i off', (price, _currency, pct, expected) => {
    expect(discountFor(percent(pct), price)).toBe(expected);
  });

  it.each([
    [5000, 1000, 1000],
    [5000, 5000, 5000],
    [5000, 7000, 5000], // more than the price: capped, the checkout is free
  ])('price %i, %i off → %i', (price, off, expected) => {
    expect(discountFor(fixed(off, 'usd'), price)).toBe(expected);
  });
});

describe('evaluatePromotion', () => {
  const cases: {
    name: string;
    terms: PromotionTerms;
    checkout: PromotionCheckout;
    expected:
      | { ok: true; discountAmount: number; amount: number; free: boolean }
      | { reason: string; message?: RegExp };
  }[] = [
    {
      name: '20 % off $49.00',
      terms: percent(20),
      checkout: checkout(4900, 'usd'),
      expected: { ok: true, discountAmount: 980, amount: 3920, free: false },
    },
    {
      name: 'JPY: 15 % off ¥5,000',
      terms: percent(15),
      checkout: checkout(5000, 'jpy'),
      expected: { ok: true, discountAmount: 750, amount: 4250, free: false },
    },
    {
      name: '100 % off is free',
      terms: percent(100),
      checkout: checkout(4900, 'usd'),
      expected: { ok: true, discountAmount: 4900, amount: 0, free: true },
    },
    {
      name: 'a fixed amount above the price is free',
      terms: fixed(10_000, 'usd'),
      checkout: checkout(4900, 'usd'),
      expected: { ok: true, discountAmount: 4900, amount: 0, free: true },
    },
    {
      name: 'a fixed code in another currency',
      terms: fixed(1000, 'eur'),
      checkout: checkout(4900, 'usd'),
      expected: { reason: 'other_currency', message: /applies only to offerings priced in EUR/ },
    },
    {
      name: 'below the minimum charge (USD 50 cents)',
      terms: fixed(4860, 'usd'),
      checkout: checkout(4900, 'usd'),
      expected: {
        reason: 'below_minimum',
        message: /leave \$0\.40 to pay, below Stripe's minimum charge of \$0\.50/,
      },
    },
    {
      name: 'exactly the minimum charge is fine',
      terms: fixed(4850, 'usd'),
      checkout: checkout(4900, 'usd'),
      expected: { ok: true, discountAmount: 4850, amount: 50, free: false },
    },
    {
      name: 'GBP minimum is 30 pence',
      terms: fixed(4875, 'gbp'),
      checkout: checkout(4900, 'gbp'),
      expected: { reason: 'below_minimum', message: /£0\.25 .* £0\.30/ },
    },
    {
      name: 'JPY minimum is ¥50',
      terms: percent(99),
      checkout: checkout(3000, 'jpy'),
      expected: { reason: 'below_minimum', message: /¥30 to pay.*¥50/ },
    },
    {
      name: 'not started yet',
      terms: percent(10, { startsAt: new Date('2026-12-01T00:00:00Z') }),
      checkout: checkout(4900, 'usd'),
      expected: { reason: 'not_started', message: /not valid yet: it starts at 2026-12-01T00:00:00Z/ },
    },
    {
      name: 'starts exactly now',
      terms: percent(10, { startsAt: NOW }),
      checkout: checkout(4900, 'usd'),
      expected: { ok: true, discountAmount: 490, amount: 4410, free: false },
    },
    {
      name: 'ended exactly now (endsAt is exclusive)',
      terms: percent(10, { endsAt: NOW }),
      checkout: checkout(4900, 'usd'),
      expected: { reason: 'expired', message: /expired at 2026-11-30T12:00:00Z/ },
    },
    {
      name: 'inactive',
      terms: percent(10, { active: false }),
      checkout: checkout(4900, 'usd'),
      expected: { reason: 'inactive', message: /no longer active/ },
    },
    {
      name: 'for other offerings only',
      terms: percent(10, { offeringIds: ['off_2', 'off_3'] }),
      checkout: checkout(4900, 'usd'),
      expected: { reason: 'other_offering', message: /does not apply to this offering/ },
    },
    {
      name: 'one of several offerings',
      terms: percent(10, { offeringIds: ['off_2', 'off_1'] }),
      checkout: checkout(4900, 'usd'),
      expected: { ok: true, discountAmount: 490, amount: 4410, free: false },
    },
    {
      name: 'used up: every use held or redeemed',
      terms: percent(10, { maxRedemptions: 5, heldCount: 5 }),
      checkout: checkout(4900, 'usd'),
      expected: { reason: 'used_up', message: /this code has been used up/ },
    },
    {
      name: 'the last use left',
      terms: percent(10, { maxRedemptions: 5, heldCount: 4 }),
      checkout: checkout(4900, 'usd'),
      expected: { ok: true, discountAmount: 490, amount: 4410, free: false },
    },
    {
      name: 'once per learner, already used',
      terms: percent(10, { oncePerLearner: true }),
      checkout: checkout(4900, 'usd', { usedByLearner: true }),
      expected: { reason: 'used_by_learner', message: /once per learner, and you have already used it/ },
    },
    {
      name: 'not once per learner: the same learner again is fine',
      terms: percent(10),
      checkout: checkout(4900, 'usd', { usedByLearner: true }),
      expected: { ok: true, discountAmount: 490, amount: 4410, free: false },
    },
    {
      name: 'a checkout already holding the code keeps it (used up, deactivated and expired since)',
      terms: percent(10, {
        maxRedemptions: 1,
        heldCount: 1,
        active: false,
        endsAt: new Date('2026-11-01T00:00:00Z'),
      }),
      checkout: checkout(4900, 'usd', { alreadyHeld: true }),
      expected: { ok: true, discountAmount: 490, amount: 4410, free: false },
    },
  ];

  it.each(cases)('$name', ({ terms, checkout: c, expected }) => {
    const verdict = evaluatePromotion(terms, c);
    if ('ok' in expected) {
      expect(verdict).toEqual(expected);
    } else {
      expect(verdict).toMatchObject({ ok: false, reason: expected.reason });
      if (!verdict.ok && expected.message) {
        expect(verdict.message).toMatch(expected.message);
        expect(verdict.message).toContain('promotionCode "LAUNCH"');
      }
    }
  });
});
