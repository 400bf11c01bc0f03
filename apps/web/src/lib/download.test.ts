import { describe, expect, it } from 'vitest';
import { exportDays } from '../pages/specialist/DashboardPage.js';
import { exportUrl } from './download.js';

describe('exportUrl', () => {
  it('carries the filters that are set, and bom=1 for Excel', () => {
    expect(exportUrl('payments', {})).toBe('/api/exports/payments.csv');
    expect(
      exportUrl('payments', {
        from: '2026-11-01',
        to: '2026-11-30',
        currency: 'jpy',
        status: 'DISPUTED',
        bom: true,
      }),
    ).toBe('/api/exports/payments.csv?from=2026-11-01&to=2026-11-30&currency=jpy&status=DISPUTED&bom=1');
    expect(exportUrl('refunds', { from: '', status: '', bom: false })).toBe('/api/exports/refunds.csv');
    expect(exportUrl('payouts', { status: 'FAILED', currency: 'usd' })).toBe(
      '/api/exports/payouts.csv?currency=usd&status=FAILED',
    );
  });
});

describe('exportDays', () => {
  it('turns the dashboard range [from, to) into the UTC days it covers, both included', () => {
    expect(exportDays({ from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' })).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
    // A range starting at local midnight east of UTC starts on the previous UTC day.
    expect(exportDays({ from: '2026-10-31T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z' })).toEqual({
      from: '2026-10-31',
      to: '2026-11-30',
    });
  });
});
