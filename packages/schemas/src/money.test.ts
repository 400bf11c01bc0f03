import { describe, expect, it } from 'vitest';
import {
  CurrencySchema,
  formatMoney,
  fromMinorUnits,
  isZeroDecimal,
  MAX_AMOUNT,
  MoneySchema,
  minorUnitDigits,
  SUPPORTED_CURRENCIES,
  toMinorUnits,
  ZERO_DECIMAL_CURRENCIES,
} from './index.js';

const issues = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));

describe('currencies', () => {
  it("lists Stripe's sixteen zero-decimal currencies and knows JPY and KRW are among them", () => {
    expect(ZERO_DECIMAL_CURRENCIES).toHaveLength(16);
    expect(isZeroDecimal('jpy')).toBe(true);
    expect(isZeroDecimal('KRW')).toBe(true);
    expect(isZeroDecimal('usd')).toBe(false);
    expect(minorUnitDigits('jpy')).toBe(0);
    expect(minorUnitDigits('eur')).toBe(2);
    expect(minorUnitDigits('kwd')).toBe(3);
  });

  it('accepts the supported lowercase codes and explains a rejected one', () => {
    for (const c of ['usd', 'eur', 'gbp', 'jpy', 'krw', 'chf', 'cad', 'aud']) {
      expect(SUPPORTED_CURRENCIES).toContain(c);
      expect(CurrencySchema.parse(c)).toBe(c);
    }
    const rejected = CurrencySchema.safeParse('USD');
    expect(rejected.success).toBe(false);
    expect(rejected.error?.issues[0]?.message).toMatch(/^currency must be one of usd, eur, gbp, jpy, krw/);
  });
});

describe('MoneySchema', () => {
  it('takes whole minor units up to Stripe’s maximum', () => {
    expect(MoneySchema.parse({ amount: 1999, currency: 'usd' })).toEqual({ amount: 1999, currency: 'usd' });
    expect(MoneySchema.parse({ amount: MAX_AMOUNT, currency: 'jpy' }).amount).toBe(99_999_999);
  });

  it('names the field and the reason for each bad amount', () => {
    expect(issues(MoneySchema.safeParse({ amount: 19.99, currency: 'usd' }))).toEqual([
      { path: 'amount', message: 'amount must be a whole number of minor units (e.g. cents)' },
    ]);
    expect(issues(MoneySchema.safeParse({ amount: -1, currency: 'usd' }))).toEqual([
      { path: 'amount', message: 'amount must not be negative' },
    ]);
    expect(issues(MoneySchema.safeParse({ amount: 100_000_000, currency: 'usd' }))).toEqual([
      { path: 'amount', message: "amount must be at most 99999999 minor units (Stripe's maximum amount)" },
    ]);
    expect(issues(MoneySchema.safeParse({ currency: 'usd' }))).toEqual([
      { path: 'amount', message: 'amount is required' },
    ]);
  });
});

describe('toMinorUnits / fromMinorUnits', () => {
  it('converts major units exactly, including values that are inexact in binary', () => {
    expect(toMinorUnits(19.99, 'usd')).toBe(1999);
    expect(toMinorUnits(0.1 + 0.2, 'usd')).toBe(30);
    expect(toMinorUnits('12.5', 'eur')).toBe(1250);
    expect(toMinorUnits(1500, 'jpy')).toBe(1500);
    expect(toMinorUnits('15000', 'krw')).toBe(15000);
    expect(toMinorUnits('1.5', 'kwd')).toBe(1500);
    expect(fromMinorUnits(1999, 'usd')).toBe(19.99);
    expect(fromMinorUnits(1500, 'jpy')).toBe(1500);
  });

  it('refuses amounts the currency cannot represent', () => {
    expect(() => toMinorUnits(10.5, 'jpy')).toThrow(
      'jpy has no minor units, so the amount must be a whole number',
    );
    expect(() => toMinorUnits('1.999', 'usd')).toThrow('usd has 2 decimal places');
    expect(() => toMinorUnits(-1, 'usd')).toThrow('amount must be a non-negative decimal number');
    expect(() => toMinorUnits('abc', 'usd')).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('formats two-decimal currencies from minor units', () => {
    expect(formatMoney(1999, 'usd')).toBe('$19.99');
    expect(formatMoney(0, 'usd')).toBe('$0.00');
    expect(formatMoney(123456, 'gbp', 'en-GB')).toBe('£1,234.56');
    expect(formatMoney(1234, 'eur', 'de-DE')).toBe('12,34\u00a0€');
  });

  it('formats zero-decimal JPY and KRW without dividing by 100', () => {
    expect(formatMoney(1500, 'jpy')).toBe('¥1,500');
    expect(formatMoney(1500, 'jpy', 'ja-JP')).toBe('￥1,500');
    expect(formatMoney(15000, 'krw')).toBe('₩15,000');
    expect(formatMoney(15000, 'krw', 'ko-KR')).toBe('₩15,000');
  });

  it('accepts uppercase codes', () => {
    expect(formatMoney(500, 'JPY')).toBe('¥500');
  });
});
