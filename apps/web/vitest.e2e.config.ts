import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: Chromium (playwright-core) against the whole stack each test file starts
// itself — a throwaway PostgreSQL, the Stripe emulator, the real API and the built web app.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['../../packages/db/src/testing/global-setup.ts', './e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The scenarios share one browser and one stack, in order.
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
