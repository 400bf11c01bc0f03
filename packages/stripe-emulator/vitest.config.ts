import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'stripe-emulator',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
