import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The database package's test setup, by package name (not by a path into its src/).
const DB_GLOBAL_SETUP = fileURLToPath(import.meta.resolve('@enrollpay/db/testing/global-setup'));

export default defineConfig({
  test: {
    name: 'bench',
    include: ['src/**/*.test.ts'],
    // One throwaway PostgreSQL for the run (the smoke benchmark clones the migrated template).
    globalSetup: [DB_GLOBAL_SETUP],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
