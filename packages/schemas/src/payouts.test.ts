import { describe, expect, it } from 'vitest';
import { applicationFeeFor, PayoutListInputSchema } from './payouts.js';

describe('applicationFeeFor: the platform fee, half up on the exact integer product', () => {
  it.each([
    [10_000, 1000, 1_000], // $100.00 at 10 % → $10.00
    [4_999, 1000, 500], // 499.9 → 500
    [4_994, 1000, 499], // 499.4 → 499
    [1_005, 1000, 101], // ¥1 005 at 10 %: 100.5 yen → 101 (JPY has no decimals)
    [1_005, 1250, 126], // 125.625 → 126
    [1, 4999, 0], // 0.4999 → 0
    [1, 5000, 1], // exactly half → up
    [99_999_999, 10_000, 99_999_999], // the whole amount, never more
    [0, 1000, 0],
  ])('%i minor units at %i bps → %i', (amount, bps, fee) => {
    expect(applicationFeeFor(amount, bps)).toBe(fee);
  });

  it('refuses fractional amounts and out-of-range rates', () => {
    expect(() => applicationFeeFor(10.5, 1000)).toThrow(RangeError);
    expect(() => applicationFeeFor(100, 10_001)).toThrow(RangeError);
    expect(() => applicationFeeFor(-1, 1000)).toThrow(RangeError);
  });

  it('payouts.list input names the bad field', () => {
    const result = PayoutListInputSchema.safeParse({ limit: 0 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('limit must be at least 1');
  });
});
