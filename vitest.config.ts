import { defineConfig } from 'vitest/config';

// One `vitest run` at the root runs every package's tests; each package keeps its own config.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'apps/*/vitest.config.ts',
      // Browser end-to-end tests (Chromium at /usr/bin/chromium; `.ci/run` installs it).
      'apps/web/vitest.e2e.config.ts',
      // The smoke version of `pnpm bench` (tiny sizes), so the benchmark code cannot rot.
      'bench/vitest.config.ts',
    ],
    reporters: ['default', ['json', { outputFile: '.data/test-results.json' }]],
  },
});
