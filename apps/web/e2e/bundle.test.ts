import { describe, expect, it } from 'vitest';
import { checkoutRouteJs } from './bundle-size.js';
import { E2E_DIST } from './paths.js';

describe('production bundle', () => {
  it('keeps the checkout route’s JavaScript under 150 kB gzipped, without the chart library', async () => {
    const { files, gzip } = await checkoutRouteJs(E2E_DIST);
    expect(gzip).toBeLessThanOrEqual(150 * 1024);
    expect(files.some((f) => /Dashboard|recharts/i.test(f))).toBe(false);
  });
});
