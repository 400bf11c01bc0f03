import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The database package's test setup, by package name (not by a path into its src/).
const DB_GLOBAL_SETUP = fileURLToPath(import.meta.resolve('@enrollpay/db/testing/global-setup'));

// Browser end-to-end tests: Chromium (playwright-core) against the whole stack each test file starts
// itself — a throwaway PostgreSQL, the Stripe emulator, the real API and the built web app.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: [DB_GLOBAL_SETUP, './e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The scenarios share one browser and one stack, in order.
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
