import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkoutRouteJs } from './bundle-size.js';
import { E2E_DIST } from './paths.js';

describe('production bundle', () => {
  it('keeps the checkout route’s JavaScript under 150 kB gzipped, without the chart library', async () => {
    const { files, gzip } = await checkoutRouteJs(E2E_DIST);
    // kB as `pnpm bench` counts them (1000 bytes), so this fails whenever the bench's target is missed.
    expect(gzip).toBeLessThanOrEqual(150_000);
    expect(files.some((f) => /Dashboard|recharts/i.test(f))).toBe(false);
  });

  it('does not load classic zod on the checkout route (about 21 kB gzipped; the checkout uses zod/mini)', async () => {
    const { files } = await checkoutRouteJs(E2E_DIST);
    // Classic zod's schema classes are registered by name ("ZodString"); zod/mini's core ones are "$ZodString".
    const classic: string[] = [];
    for (const file of files) {
      if (/[`'"]ZodString[`'"]/.test(await readFile(join(E2E_DIST, file), 'utf8'))) classic.push(file);
    }
    expect(classic).toEqual([]);
  });
});
