import type { Db } from '@enrollpay/db';
import type Stripe from 'stripe';
import { createTokenService, type TokenService } from './auth/tokens.js';
import type { Env } from './env.js';
import { createJobQueue, type JobQueue } from './jobs/queue.js';
import { type Clock, systemClock } from './lib/clock.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { createMetrics, instrumentStripe, type Metrics } from './metrics/metrics.js';
import { createPaymentStatusHub, type PaymentStatusHub } from './payments/status-hub.js';
import { createStripeClient } from './payments/stripe-client.js';
import { createMoneyRateLimiter, type MoneyRateLimiter } from './rate-limit/limiter.js';

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
  /** Sends outbox emails: SMTP with SMTP_URL, else files in MAIL_DIR. */
  mailer: Mailer;
  /** This app's Prometheus registry and instruments. */
  metrics: Metrics;
  /** graphile-worker job queue on the database (webhook retries, reconciliation). */
  jobs: JobQueue;
  /** Limits money-moving mutations per IP and user; its counters live in Postgres (shared by instances). */
  rateLimiter: MoneyRateLimiter;
  /** payments.onStatus: this instance's one LISTEN connection and the stream limits. */
  paymentStatus: PaymentStatusHub;
}

export interface DepsOverrides extends Partial<Omit<AppDeps, 'env' | 'db'>> {
  /** The database's URL when it is not env.DATABASE_URL (embedded or test databases): the job queue needs it. */
  databaseUrl?: string;
}

export function createDeps(env: Env, db: Db, overrides: DepsOverrides = {}): AppDeps {
  const clock = overrides.clock ?? systemClock;
  const stripe = overrides.stripe ?? createStripeClient(env);
  const metrics =
    overrides.metrics ?? createMetrics({ db, clock, maxWebhookAttempts: env.WEBHOOK_MAX_ATTEMPTS });
  if (!overrides.metrics) instrumentStripe(stripe, metrics);
  return {
    env,
    db,
    clock,
    stripe,
    tokens: overrides.tokens ?? createTokenService(env, clock),
    mailer: overrides.mailer ?? createMailer(env),
    metrics,
    jobs: overrides.jobs ?? createJobQueue(overrides.databaseUrl ?? env.DATABASE_URL),
    rateLimiter: overrides.rateLimiter ?? createMoneyRateLimiter(db, env),
    paymentStatus:
      overrides.paymentStatus ??
      createPaymentStatusHub(overrides.databaseUrl ?? env.DATABASE_URL, {
        perUser: env.STATUS_STREAMS_PER_USER,
        max: env.STATUS_STREAMS_MAX,
      }),
  };
}
