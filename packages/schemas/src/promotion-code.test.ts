import { describe, expect, it } from 'vitest';
import {
  CreatePaymentIntentInputSchema,
  PromotionCodeStringMiniSchema,
  PromotionCodeStringSchema,
} from './index.js';

const outcome = (result: { success: boolean; data?: unknown; error?: { issues: { message: string }[] } }) =>
  result.success ? { ok: result.data } : { problems: result.error?.issues.map((i) => i.message) };

describe('PromotionCodeStringMiniSchema (zod/mini, for the checkout page)', () => {
  it.each([
    ['LAUNCH20'],
    ['  launch_20-x  '],
    ['abc'],
    ['A'.repeat(32)],
    ['ab'],
    ['   ab   '],
    ['A'.repeat(33)],
    ['LAUNCH 20'],
    ['LAUNCH20%'],
    ['ÄBC'],
    [''],
    [42],
    [undefined],
    [null],
  ])('%j: the same answer and messages as PromotionCodeStringSchema', (input) => {
    const classic = outcome(PromotionCodeStringSchema.safeParse(input));
    expect(outcome(PromotionCodeStringMiniSchema.safeParse(input))).toEqual(classic);
  });

  it('names the field in its messages, as the API does', () => {
    expect(outcome(PromotionCodeStringMiniSchema.safeParse('ab'))).toEqual({
      problems: ['promotionCode must be at least 3 characters'],
    });
    const api = CreatePaymentIntentInputSchema.safeParse({
      offeringId: 'cm7x1y2z30000',
      idempotencyKey: 'abcdefgh',
      promotionCode: 'ab',
    });
    expect(api.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['promotionCode', 'promotionCode must be at least 3 characters'],
    ]);
  });

  it('trims surrounding spaces like the API', () => {
    expect(PromotionCodeStringMiniSchema.parse('  LAUNCH20 ')).toBe('LAUNCH20');
  });
});
