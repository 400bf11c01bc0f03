import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The database package's test setup, by package name (not by a path into its src/).
const DB_GLOBAL_SETUP = fileURLToPath(import.meta.resolve('@enrollpay/db/testing/global-setup'));

export default defineConfig({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // One throwaway PostgreSQL for the run; each test file clones a migrated template database.
    globalSetup: [DB_GLOBAL_SETUP],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
