/**
 * The demo accounts `pnpm dev` seeds (packages/db/src/seed.ts — keep in step). Listed on the sign-in
 * page only when the server runs against the Stripe emulator, i.e. never with real Stripe keys.
 */
export const DEMO_PASSWORD = 'enrollpay-demo';

export const DEMO_ACCOUNTS = [
  { email: 'learner@demo.test', name: 'Lena Learner', role: 'Learner' },
  { email: 'learner2@demo.test', name: 'Leo Learner', role: 'Learner' },
  { email: 'specialist@demo.test', name: 'Sofia Specialist', role: 'Specialist' },
  { email: 'specialist2@demo.test', name: 'Sam Specialist', role: 'Specialist' },
  { email: 'admin@demo.test', name: 'Ada Admin', role: 'Admin' },
] as const;
