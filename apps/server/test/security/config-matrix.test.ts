import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv, publicConfig } from '../../src/env.js';

/**
 * The configuration matrix: every unsafe combination is refused naming the variable, whatever NODE_ENV
 * says (unset, development, test or production). The process entry turns the refusal into exit 1
 * (test/security/startup.test.ts and the production smoke test start real processes with some of these).
 */

const NODE_ENVS = [undefined, 'development', 'test', 'production'] as const;

/** A configuration that is safe everywhere: real Stripe with its own keys and secrets. */
const REAL = {
  DATABASE_URL: 'postgresql://enrollpay:pw@db.internal:5432/enrollpay',
  JWT_SECRET: 'a-real-jwt-secret-that-is-long-enough-0123456789',
  STRIPE_SECRET_KEY: 'sk_live_abcdefghijklmnop',
  STRIPE_PUBLISHABLE_KEY: 'pk_live_abcdefghijklmnop',
  STRIPE_WEBHOOK_SECRET: 'whsec_a_real_signing_secret',
  STRIPE_API_URL: '',
  METRICS_TOKEN: 'a-metrics-token-0123456789',
  WEB_ORIGIN: 'https://enrollpay.example.com',
};

function without(source: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter(([k]) => !names.includes(k)));
}

function problemsOf(source: Record<string, string>): string {
  try {
    loadEnv(source);
    return '';
  } catch (error) {
    if (error instanceof EnvError) return error.problems.join('\n');
    throw error;
  }
}

function withNodeEnv(source: Record<string, string>, nodeEnv: string | undefined): Record<string, string> {
  return nodeEnv === undefined ? source : { ...source, NODE_ENV: nodeEnv };
}

interface Case {
  name: string;
  env: Record<string, string>;
  refused: RegExp[];
  /** Unsafe only in production (elsewhere this combination is legitimate). */
  productionOnly?: boolean;
}

const cases: Case[] = [
  {
    name: 'real Stripe keys with the published JWT and webhook secrets (NODE_ENV forgotten)',
    env: without(REAL, 'JWT_SECRET', 'STRIPE_WEBHOOK_SECRET'),
    refused: [/^JWT_SECRET must be set/m, /^STRIPE_WEBHOOK_SECRET must be set/m],
  },
  {
    name: 'real Stripe with the development keys',
    env: without(REAL, 'STRIPE_SECRET_KEY', 'STRIPE_PUBLISHABLE_KEY'),
    refused: [/^STRIPE_SECRET_KEY must be set/m, /^STRIPE_PUBLISHABLE_KEY must be set/m],
  },
  {
    name: 'the emulator on a non-loopback address with the development secrets',
    env: {
      STRIPE_API_URL: 'http://10.1.2.3:12111',
      ALLOW_STRIPE_EMULATOR: 'true',
      DATABASE_URL: REAL.DATABASE_URL,
      METRICS_TOKEN: REAL.METRICS_TOKEN,
    },
    refused: [/^JWT_SECRET must be set/m, /^STRIPE_WEBHOOK_SECRET must be set/m],
  },
  {
    name: 'a live publishable key with the emulator URL',
    env: { ...REAL, STRIPE_API_URL: 'http://127.0.0.1:12111', STRIPE_SECRET_KEY: 'sk_test_abcdefgh' },
    refused: [/^STRIPE_PUBLISHABLE_KEY is a live key but STRIPE_API_URL points at the emulator/m],
  },
  {
    name: 'a live secret key with the emulator URL',
    env: { ...REAL, STRIPE_API_URL: 'http://127.0.0.1:12111' },
    refused: [/^STRIPE_SECRET_KEY is a live key but STRIPE_API_URL points at the emulator/m],
  },
  {
    name: 'a test secret key with a live publishable key',
    env: { ...REAL, STRIPE_SECRET_KEY: 'sk_test_abcdefghijklmnop' },
    refused: [/^STRIPE_PUBLISHABLE_KEY is a live key but STRIPE_SECRET_KEY is a test key/m],
  },
  {
    name: 'a live secret key with a test publishable key',
    env: { ...REAL, STRIPE_PUBLISHABLE_KEY: 'pk_test_abcdefghijklmnop' },
    refused: [/^STRIPE_PUBLISHABLE_KEY is a test key but STRIPE_SECRET_KEY is a live key/m],
  },
  {
    name: 'ALLOW_STRIPE_EMULATOR with live keys',
    env: { ...REAL, ALLOW_STRIPE_EMULATOR: 'true' },
    refused: [/^ALLOW_STRIPE_EMULATOR is allowed only with test keys/m],
  },
  {
    name: 'the emulator in production without ALLOW_STRIPE_EMULATOR',
    env: {
      ...REAL,
      STRIPE_API_URL: 'http://127.0.0.1:12111',
      STRIPE_SECRET_KEY: 'sk_test_abcdefghijklmnop',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_abcdefghijklmnop',
    },
    refused: [/^STRIPE_API_URL must be empty in production/m],
    productionOnly: true,
  },
  {
    name: 'production without METRICS_TOKEN',
    env: without(REAL, 'METRICS_TOKEN'),
    refused: [/^METRICS_TOKEN must be set in production/m],
    productionOnly: true,
  },
  {
    name: 'production without DATABASE_URL',
    env: without(REAL, 'DATABASE_URL'),
    refused: [/^DATABASE_URL must be set in production/m],
    productionOnly: true,
  },
  {
    name: 'production smoke test against the emulator, but with the development secrets',
    env: {
      ...without(REAL, 'JWT_SECRET', 'STRIPE_WEBHOOK_SECRET'),
      STRIPE_API_URL: 'http://127.0.0.1:12111',
      ALLOW_STRIPE_EMULATOR: 'true',
      STRIPE_SECRET_KEY: 'sk_test_abcdefghijklmnop',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_abcdefghijklmnop',
    },
    refused: [/^JWT_SECRET must be set in production/m, /^STRIPE_WEBHOOK_SECRET must be set in production/m],
    productionOnly: true,
  },
];

describe('configuration matrix', () => {
  for (const { name, env, refused, productionOnly } of cases) {
    for (const nodeEnv of productionOnly ? (['production'] as const) : NODE_ENVS) {
      it(`refuses ${name} (NODE_ENV ${nodeEnv ?? 'unset'})`, () => {
        const problems = problemsOf(withNodeEnv(env, nodeEnv));
        for (const pattern of refused) expect(problems).toMatch(pattern);
        // Refusals never echo a secret back.
        expect(problems).not.toContain(REAL.JWT_SECRET);
        expect(problems).not.toContain(REAL.STRIPE_SECRET_KEY);
      });
    }
  }

  it('accepts the development defaults only for NODE_ENV≠production with the loopback emulator and test keys', () => {
    for (const nodeEnv of ['development', 'test', undefined]) {
      const env = loadEnv(withNodeEnv({}, nodeEnv));
      expect(env.devFeatures).toBe(true);
      expect(publicConfig(env).demo).not.toBeNull();
    }
    expect(loadEnv({ STRIPE_API_URL: 'http://localhost:12111' }).devFeatures).toBe(true);
  });

  it('accepts real Stripe with real secrets, with every development feature off', () => {
    for (const nodeEnv of NODE_ENVS) {
      const env = loadEnv(withNodeEnv(REAL, nodeEnv));
      expect(env.devFeatures).toBe(false);
      expect(publicConfig(env)).toMatchObject({ stripeJsUrl: null, emulator: false, demo: null });
    }
  });

  it('in production, an unset STRIPE_API_URL means real Stripe', () => {
    const env = loadEnv({ ...without(REAL, 'STRIPE_API_URL'), NODE_ENV: 'production' });
    expect(env.STRIPE_API_URL).toBeUndefined();
  });

  it('accepts a production smoke test against the emulator with ALLOW_STRIPE_EMULATOR and test keys, demo off', () => {
    const env = loadEnv({
      ...REAL,
      NODE_ENV: 'production',
      STRIPE_API_URL: 'http://127.0.0.1:12111',
      ALLOW_STRIPE_EMULATOR: 'true',
      STRIPE_SECRET_KEY: 'sk_test_abcdefghijklmnop',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_abcdefghijklmnop',
    });
    expect(env.devFeatures).toBe(false);
    expect(publicConfig(env)).toMatchObject({
      stripeJsUrl: 'http://127.0.0.1:12111/js/stripe.js',
      demo: null,
    });
  });
});
