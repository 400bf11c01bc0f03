import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The environment of the server under test: production mode (production logging at info level, to
 * /dev/null), with bench-only secrets, the worker off so the figures are the request path's.
 */
export function serverEnv(databaseUrl: string, stripeApiUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    STRIPE_API_URL: stripeApiUrl,
    // A production build against the emulator: allowed only explicitly, with test keys.
    ALLOW_STRIPE_EMULATOR: 'true',
    METRICS_TOKEN: randomBytes(16).toString('hex'),
    STRIPE_SECRET_KEY: 'sk_test_enrollpay_bench',
    STRIPE_PUBLISHABLE_KEY: 'pk_test_enrollpay_bench',
    STRIPE_WEBHOOK_SECRET: `whsec_bench_${randomBytes(16).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    RUN_WORKER: 'false',
    RATE_LIMIT_PER_MINUTE: '10000000',
    MAIL_DIR: mkdtempSync(join(tmpdir(), 'enrollpay-bench-mail-')),
  };
}
