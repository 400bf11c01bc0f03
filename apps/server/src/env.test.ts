import { describe, expect, it } from 'vitest';
import { DEV_DEFAULTS, EnvError, loadEnv, publicConfig } from './env.js';

function problemsOf(source: Record<string, string>): string[] {
  try {
    loadEnv(source);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

describe('loadEnv', () => {
  it('gives a working development configuration with nothing set', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 5001,
      WEB_ORIGIN: 'http://localhost:3000',
      STRIPE_API_URL: 'http://127.0.0.1:12111',
      STRIPE_WEBHOOK_SECRET: [DEV_DEFAULTS.STRIPE_WEBHOOK_SECRET],
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(publicConfig(env)).toMatchObject({
      publishableKey: DEV_DEFAULTS.STRIPE_PUBLISHABLE_KEY,
      stripeJsUrl: 'http://127.0.0.1:12111/js/stripe.js',
      emulator: true,
      demo: { password: 'enrollpay-demo' },
    });
    expect(publicConfig(env).demo?.accounts.map((a) => a.email)).toContain('learner@demo.test');
  });

  it('reads a comma-separated list of webhook secrets for rotation, and empty STRIPE_API_URL as real Stripe', () => {
    const env = loadEnv({
      STRIPE_WEBHOOK_SECRET: 'whsec_old, whsec_new',
      STRIPE_API_URL: '',
      JWT_SECRET: 'a-real-secret-that-is-long-enough-0123456789',
      STRIPE_SECRET_KEY: 'sk_test_real_account_key',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_real_account_key',
    });
    expect(env.STRIPE_WEBHOOK_SECRET).toEqual(['whsec_old', 'whsec_new']);
    expect(env.STRIPE_API_URL).toBeUndefined();
    expect(publicConfig(env).stripeJsUrl).toBeNull();
    // Demo logins are shown only against the emulator.
    expect(publicConfig(env).demo).toBeNull();
  });

  it('names every bad variable and says why', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      JWT_SECRET: 'short',
      STRIPE_SECRET_KEY: 'pk_test_wrong',
      STRIPE_WEBHOOK_SECRET: 'nope',
      WEB_ORIGIN: 'not a url',
      PROMOTION_HOLD_MINUTES: '1',
    });
    expect(problems.join('\n')).toMatch(/^PORT /m);
    expect(problems.join('\n')).toMatch(/^JWT_SECRET must be at least 32 characters/m);
    expect(problems.join('\n')).toMatch(/^STRIPE_SECRET_KEY must look like sk_test_/m);
    expect(problems.join('\n')).toMatch(/^STRIPE_WEBHOOK_SECRET.* whsec_/m);
    expect(problems.join('\n')).toMatch(/^WEB_ORIGIN /m);
    expect(problems.join('\n')).toMatch(/^PROMOTION_HOLD_MINUTES /m);
  });

  it('refuses an overload wait budget the pool would time out before, naming the variable', () => {
    expect(loadEnv({})).toMatchObject({ OVERLOAD_POOL_WAIT_MS: 250, OVERLOAD_POOL_QUEUE: 200 });
    expect(loadEnv({ OVERLOAD_POOL_WAIT_MS: '0' }).OVERLOAD_POOL_WAIT_MS).toBe(0);
    expect(problemsOf({ OVERLOAD_POOL_WAIT_MS: '5' })).toEqual([
      'OVERLOAD_POOL_WAIT_MS must be 0 (off) or at least 10',
    ]);
    expect(problemsOf({ OVERLOAD_POOL_WAIT_MS: 'soon' }).join('\n')).toMatch(/^OVERLOAD_POOL_WAIT_MS /m);
    expect(problemsOf({ OVERLOAD_POOL_WAIT_MS: '5000', DATABASE_POOL_TIMEOUT_MS: '5000' })).toEqual([
      'OVERLOAD_POOL_WAIT_MS must be below DATABASE_POOL_TIMEOUT_MS (5000), or queries time out (late 503s) before the guard refuses early',
    ]);
    expect(problemsOf({ OVERLOAD_POOL_WAIT_MS: '4999', DATABASE_POOL_TIMEOUT_MS: '5000' })).toEqual([]);
  });

  it('refuses development defaults and unsafe settings in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    const text = problems.join('\n');
    for (const name of [
      'JWT_SECRET',
      'STRIPE_WEBHOOK_SECRET',
      'STRIPE_SECRET_KEY',
      'STRIPE_PUBLISHABLE_KEY',
      'DATABASE_URL',
    ]) {
      expect(text).toContain(name);
    }
    expect(
      problemsOf({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgresql://u:p@db:5432/enrollpay',
        JWT_SECRET: 'a-real-secret-that-is-long-enough-0123456789',
        STRIPE_SECRET_KEY: 'sk_live_abc123',
        STRIPE_PUBLISHABLE_KEY: 'pk_live_abc123',
        STRIPE_WEBHOOK_SECRET: 'whsec_real',
        METRICS_TOKEN: 'a-metrics-token-0123456789',
        STRIPE_API_URL: 'http://127.0.0.1:12111',
      }).join('\n'),
    ).toMatch(/STRIPE_SECRET_KEY is a live key but STRIPE_API_URL points at the emulator/);
    expect(
      problemsOf({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgresql://u:p@db:5432/enrollpay',
        JWT_SECRET: 'a-real-secret-that-is-long-enough-0123456789',
        STRIPE_SECRET_KEY: 'sk_live_abc123',
        STRIPE_PUBLISHABLE_KEY: 'pk_live_abc123',
        STRIPE_WEBHOOK_SECRET: 'whsec_real',
        METRICS_TOKEN: 'a-metrics-token-0123456789',
        STRIPE_API_URL: '',
      }),
    ).toEqual([]);
  });
});

describe('webhook processing topology', () => {
  it('applies events in the API by default, with the processor polling every 50 ms at its own priority', () => {
    const env = loadEnv({});
    expect(env.WEBHOOK_PROCESSING).toBe('inline');
    expect(env.WEBHOOK_PROCESSOR_POLL_MS).toBe(50);
    expect(env.WEBHOOK_PROCESSOR_NICE).toBe(0);
    expect(env.WEBHOOK_PROCESSOR_MAX_LAG_MS).toBe(5000);
    expect(env.WEBHOOK_PROCESSOR_PORT).toBeUndefined();
  });

  it('reads the separate topology and the processor settings', () => {
    const env = loadEnv({
      WEBHOOK_PROCESSING: 'separate',
      WEBHOOK_PROCESSOR_POLL_MS: '40',
      WEBHOOK_PROCESSOR_NICE: '10',
      WEBHOOK_PROCESSOR_MAX_LAG_MS: '0',
      WEBHOOK_PROCESSOR_PORT: '5002',
    });
    expect(env).toMatchObject({
      WEBHOOK_PROCESSING: 'separate',
      WEBHOOK_PROCESSOR_POLL_MS: 40,
      WEBHOOK_PROCESSOR_NICE: 10,
      WEBHOOK_PROCESSOR_MAX_LAG_MS: 0,
      WEBHOOK_PROCESSOR_PORT: 5002,
    });
  });

  it.each([
    [{ WEBHOOK_PROCESSING: 'worker' }, /^WEBHOOK_PROCESSING must be inline or separate$/m],
    [{ WEBHOOK_PROCESSING: 'SEPARATE' }, /^WEBHOOK_PROCESSING must be inline or separate$/m],
    [{ WEBHOOK_PROCESSOR_NICE: '-5' }, /^WEBHOOK_PROCESSOR_NICE must be 0 to 19/m],
    [{ WEBHOOK_PROCESSOR_NICE: '20' }, /^WEBHOOK_PROCESSOR_NICE must be 0 to 19/m],
    [{ WEBHOOK_PROCESSOR_POLL_MS: '1' }, /^WEBHOOK_PROCESSOR_POLL_MS /m],
    [{ WEBHOOK_PROCESSOR_POLL_MS: 'fast' }, /^WEBHOOK_PROCESSOR_POLL_MS /m],
    [{ WEBHOOK_PROCESSOR_PORT: '70000' }, /^WEBHOOK_PROCESSOR_PORT /m],
    [{ WEBHOOK_PROCESSOR_MAX_LAG_MS: '-1' }, /^WEBHOOK_PROCESSOR_MAX_LAG_MS must be 0 to 60000 ms/m],
    [{ WEBHOOK_PROCESSOR_MAX_LAG_MS: '120000' }, /^WEBHOOK_PROCESSOR_MAX_LAG_MS must be 0 to 60000 ms/m],
    [{ WEBHOOK_PROCESSOR_MAX_LAG_MS: 'soon' }, /^WEBHOOK_PROCESSOR_MAX_LAG_MS must be a number/m],
  ])('refuses %o naming the variable', (source, message) => {
    expect(problemsOf(source).join('\n')).toMatch(message);
  });
});
