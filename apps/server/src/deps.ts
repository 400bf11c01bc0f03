import type { Db } from '@enrollpay/db';
import type Stripe from 'stripe';
import { createTokenService, type TokenService } from './auth/tokens.js';
import type { Env } from './env.js';
import { type Clock, systemClock } from './lib/clock.js';
import { createStripeClient } from './payments/stripe-client.js';

/**
 * Everything the app needs from the outside world, passed in. No module-level singletons: tests build
 * the real app with a test database, the emulator and a movable clock.
 */
export interface AppDeps {
  env: Env;
  db: Db;
  stripe: Stripe;
  clock: Clock;
  tokens: TokenService;
}

export function createDeps(env: Env, db: Db, overrides: Partial<Omit<AppDeps, 'env' | 'db'>> = {}): AppDeps {
  const clock = overrides.clock ?? systemClock;
  return {
    env,
    db,
    clock,
    stripe: overrides.stripe ?? createStripeClient(env),
    tokens: overrides.tokens ?? createTokenService(env, clock),
  };
}
