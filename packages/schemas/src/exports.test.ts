import { describe, expect, it } from 'vitest';
import {
  DisputeEvidenceInputSchema,
  formatMajorUnits,
  PaymentsExportInputSchema,
  PayoutsExportInputSchema,
  RefundsExportInputSchema,
} from './index.js';

const issues = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));

describe('formatMajorUnits', () => {
  it.each([
    [1250, 'usd', '12.50'],
    [5, 'usd', '0.05'],
    [0, 'eur', '0.00'],
    [99_999_999, 'usd', '999999.99'],
    [5000, 'jpy', '5000'],
    [15000, 'krw', '15000'],
    [1234, 'kwd', '1.234'],
    [-1250, 'usd', '-12.50'],
    [1250, 'USD', '12.50'],
  ])('%i %s → %s', (amount, currency, text) => {
    expect(formatMajorUnits(amount, currency)).toBe(text);
  });

  it('refuses fractions of a minor unit', () => {
    expect(() => formatMajorUnits(12.5, 'usd')).toThrow(RangeError);
  });
});

describe('export queries', () => {
  it('accepts the filters as strings from a query string', () => {
    expect(
      PaymentsExportInputSchema.parse({
        from: '2026-01-01',
        to: '2026-01-31',
        currency: 'jpy',
        status: 'SUCCEEDED',
        bom: '1',
      }),
    ).toEqual({ from: '2026-01-01', to: '2026-01-31', currency: 'jpy', status: 'SUCCEEDED', bom: '1' });
    expect(RefundsExportInputSchema.parse({ status: 'FAILED' })).toEqual({ status: 'FAILED' });
  });

  it('names the field of every mistake', () => {
    expect(issues(PaymentsExportInputSchema.safeParse({ from: '2026-02-30' }))).toEqual([
      { path: 'from', message: 'from must be a UTC date in the form YYYY-MM-DD, e.g. 2026-01-31' },
    ]);
    expect(issues(PaymentsExportInputSchema.safeParse({ from: '2026-02-02', to: '2026-02-01' }))).toEqual([
      { path: 'from', message: 'from must be on or before to' },
    ]);
    expect(
      issues(RefundsExportInputSchema.safeParse({ status: 'SUCCEEDED', currency: 'XYZ' })).map((i) => i.path),
    ).toEqual(['currency']);
    // A refund status is not a payment status.
    expect(issues(RefundsExportInputSchema.safeParse({ status: 'DISPUTED' }))[0]?.path).toBe('status');
    expect(issues(PaymentsExportInputSchema.safeParse({ page: '2' }))[0]?.message).toBe(
      'payments export has unknown field(s): page',
    );
  });

  it('payouts: a payout status, and the same dates, currency and bom', () => {
    expect(PayoutsExportInputSchema.parse({ status: 'PAID', currency: 'eur', from: '2026-11-01' })).toEqual({
      status: 'PAID',
      currency: 'eur',
      from: '2026-11-01',
    });
    // A payment status is not a payout status.
    expect(issues(PayoutsExportInputSchema.safeParse({ status: 'SUCCEEDED' }))).toEqual([
      { path: 'status', message: 'status must be one of PENDING, IN_TRANSIT, PAID, FAILED, CANCELED' },
    ]);
    expect(
      issues(PayoutsExportInputSchema.safeParse({ from: '2026-02-02', to: '2026-02-01' }))[0]?.path,
    ).toBe('from');
  });
});

describe('dispute evidence input', () => {
  it('takes any subset of the text fields; null clears one', () => {
    expect(
      DisputeEvidenceInputSchema.parse({ service_date: '2026-11-01', uncategorized_text: null }),
    ).toEqual({
      service_date: '2026-11-01',
      uncategorized_text: null,
    });
  });

  it('refuses file fields, over-long text and more than Stripe takes in all', () => {
    expect(issues(DisputeEvidenceInputSchema.safeParse({ receipt: 'file_1' }))[0]?.message).toBe(
      'evidence has unknown field(s): receipt',
    );
    const long = 'x'.repeat(20_000);
    expect(DisputeEvidenceInputSchema.safeParse({ product_description: long }).success).toBe(true);
    expect(issues(DisputeEvidenceInputSchema.safeParse({ product_description: `${long}x` }))).toEqual([
      {
        path: 'product_description',
        message: 'evidence.product_description must be at most 20000 characters',
      },
    ]);
    const all = Object.fromEntries(
      [
        'product_description',
        'access_activity_log',
        'refund_policy_disclosure',
        'refund_refusal_explanation',
        'uncategorized_text',
        'customer_name',
        'customer_email_address',
        'service_date',
      ].map((f) => [f, long]),
    );
    expect(issues(DisputeEvidenceInputSchema.safeParse(all))[0]?.message).toContain(
      'at most 150000 characters in all',
    );
  });
});
