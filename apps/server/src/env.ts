import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@enrollpay/db';
import { z } from 'zod';

/**
 * The server's configuration, parsed once from the environment. Nothing else reads process.env.
 *
 * Every variable has a development default so `pnpm dev` works on a fresh clone. Those defaults (and the
 * development features: demo accounts, /dev/mail, the emulator's Stripe.js) are accepted only in a
 * *development setup*: NODE_ENV is not production AND Stripe is the emulator on a loopback address AND
 * both keys are test keys. Anywhere else each default in use is refused by name, whatever NODE_ENV says,
 * so forgetting NODE_ENV next to real Stripe keys cannot start a server with published secrets.
 */
export const DEV_DEFAULTS = {
  JWT_SECRET: 'dev-only-jwt-secret-never-use-in-production-0123456789',
  STRIPE_SECRET_KEY: 'sk_test_enrollpay_development',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_enrollpay_development',
  STRIPE_WEBHOOK_SECRET: 'whsec_enrollpay_development_secret',
  STRIPE_API_URL: 'http://127.0.0.1:12111',
} as const;

const optionalUrl = z
  .string()
  .trim()
  .default('')
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url({ message: 'must be a URL' }).optional());

const EnvFields = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(5001),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: optionalUrl,
  WEB_ORIGIN: z
    .url({ message: 'must be the web app origin, e.g. http://localhost:3000' })
    .default('http://localhost:3000'),
  JWT_SECRET: z
    .string()
    .min(32, { message: 'must be at least 32 characters' })
    .default(DEV_DEFAULTS.JWT_SECRET),
  JWT_ISSUER: z.string().default('enrollpay'),
  JWT_AUDIENCE: z.string().default('enrollpay-api'),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  /** External identity provider: when set, tokens are verified against this JWKS instead of JWT_SECRET. */
  JWT_JWKS_URL: optionalUrl,
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/, { message: 'must look like sk_test_... or sk_live_...' })
    .default(DEV_DEFAULTS.STRIPE_SECRET_KEY),
  STRIPE_PUBLISHABLE_KEY: z
    .string()
    .regex(/^pk_(test|live)_[A-Za-z0-9_]+$/, { message: 'must look like pk_test_... or pk_live_...' })
    .default(DEV_DEFAULTS.STRIPE_PUBLISHABLE_KEY),
  /** Comma-separated list, so a secret can be rotated without dropping deliveries. */
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .default(DEV_DEFAULTS.STRIPE_WEBHOOK_SECRET)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().startsWith('whsec_', { message: 'each secret must start with whsec_' }))
        .min(1, { message: 'needs at least one whsec_ secret' }),
    ),
  /** Secret(s) of the Connect endpoint (/api/webhooks/stripe-connect), comma-separated; empty = STRIPE_WEBHOOK_SECRET's. */
  STRIPE_CONNECT_WEBHOOK_SECRET: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().startsWith('whsec_', { message: 'each secret must start with whsec_' }))),
  /** The platform fee on every sale, in basis points (1000 = 10 %); admins may override it per specialist. */
  PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(10_000).default(1000),
  /** The Stripe emulator's URL. Empty means real Stripe (api.stripe.com). */
  STRIPE_API_URL: z
    .string()
    .trim()
    .default(DEV_DEFAULTS.STRIPE_API_URL)
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.url({ message: 'must be a URL, or empty for real Stripe' }).optional()),
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().default('enrollpay <no-reply@enrollpay.test>'),
  /** Where development mail goes when SMTP_URL is unset. */
  MAIL_DIR: z.string().default('.data/mail'),
  /** Process webhooks and emails in this process (graphile-worker). Off for a web-only instance. */
  RUN_WORKER: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** auth.signIn attempts per email per 15 minutes (a correct password clears the count). */
  SIGN_IN_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).default(10),
  /** auth.signIn attempts per client IP per 15 minutes. */
  SIGN_IN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(100),
  /** payments.confirm calls (each a Stripe retrieve) per user per minute. */
  CONFIRM_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** payments.onStatus (Server-Sent Events): open streams one user may hold at once, on this instance. */
  STATUS_STREAMS_PER_USER: z.coerce.number().int().min(1).max(100).default(5),
  /** …and open streams this instance holds in all; beyond it a new stream is refused (the page polls). */
  STATUS_STREAMS_MAX: z.coerce.number().int().min(1).max(100_000).default(1000),
  /**
   * Which X-Forwarded-For hops to believe for the client IP (per-IP rate limits, logs): "false" (the
   * default: the socket's address), a hop count such as "1" behind one load balancer, or a
   * comma-separated list of proxy addresses/CIDRs. "true" believes any client, which lets it pick its IP.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v): boolean | number | string => {
      const value = v.trim();
      if (value === 'true' || value === 'false') return value === 'true';
      return /^\d+$/.test(value) ? Number(value) : value;
    }),
  /** Largest webhook body accepted, in bytes; Stripe's events are a few KB. */
  WEBHOOK_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
  /** Processing attempts per webhook event before it is left FAILED, or marked ORPHANED when no payment matches. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /**
   * Where stored webhook events are applied: `inline` (the API's own batch loop, between receipts) or
   * `separate` (the API only stores and answers; `pnpm --filter @enrollpay/server start:processor`, a
   * process of its own, applies them). src/webhooks/README.md "Two topologies".
   */
  WEBHOOK_PROCESSING: z
    .enum(['inline', 'separate'], { message: 'must be inline or separate' })
    .default('inline'),
  /** The processor process: how often it looks for stored events while idle, in ms (one indexed SELECT). */
  WEBHOOK_PROCESSOR_POLL_MS: z.coerce.number().int().min(5).max(60_000).default(50),
  /**
   * The processor process leaves the CPU to ingest while deliveries keep arriving (a burst), but an
   * event waits at most this long (ms; plus one poll and the batch) before it is applied; 0 = never
   * wait for a burst to pause. src/webhooks/README.md "Two topologies".
   */
  WEBHOOK_PROCESSOR_MAX_LAG_MS: z.coerce
    .number({ message: 'must be a number of milliseconds (0 to 60000)' })
    .int({ message: 'must be a whole number of milliseconds (0 to 60000)' })
    .min(0, { message: 'must be 0 to 60000 ms (0: apply without waiting for a burst to pause)' })
    .max(60_000, { message: 'must be 0 to 60000 ms (0: apply without waiting for a burst to pause)' })
    .default(5_000),
  /** The processor process lowers its CPU priority to this nice value (0 = unchanged; 19 = lowest). */
  WEBHOOK_PROCESSOR_NICE: z.coerce
    .number()
    .int()
    .min(0, { message: 'must be 0 to 19 (the processor may only lower its priority)' })
    .max(19, { message: 'must be 0 to 19 (the processor may only lower its priority)' })
    .default(0),
  /** The processor process serves GET /healthz and /metrics on this port; empty = no HTTP. */
  WEBHOOK_PROCESSOR_PORT: z
    .string()
    .trim()
    .default('')
    .transform((v) => (v === '' ? undefined : Number(v)))
    .pipe(
      z.number({ message: 'must be a port number (0–65535) or empty' }).int().min(0).max(65535).optional(),
    ),
  /** Send attempts per email before the outbox message is marked FAILED. */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** How often the worker looks for emails to send, in ms. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(1000),
  /** Hours of Stripe history the hourly reconciliation job re-reads. */
  RECONCILE_SINCE_HOURS: z.coerce.number().int().min(1).max(2160).default(25),
  /**
   * Minutes an open checkout may hold a promotion code's use with no activity on its payment before the
   * job (every 5 minutes) cancels its PaymentIntent and gives the use back (src/promotions/README.md). 5 min – 30 days.
   */
  PROMOTION_HOLD_MINUTES: z.coerce.number().int().min(5).max(43_200).default(60),
  /**
   * Production may talk to the emulator only with this set to true and test keys: for smoke-testing a
   * production build without real Stripe.
   */
  ALLOW_STRIPE_EMULATOR: z
    .enum(['true', 'false', '1', '0', ''])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Where the built web app is (index.html + assets); served on the API's origin when set. */
  WEB_DIST_DIR: z.string().trim().default(''),
  /** Most database connections this process opens (pg's pool). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  /** How long a query waits for a pool connection before the request gets 503, in ms. */
  DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  /**
   * Requests are refused early (503 + Retry-After) while the query that has waited longest for a pool
   * connection has waited this long, in ms: waiting would take longer than this budget. A burst of short
   * queries waits a few ms and is served. 0 turns this check off; otherwise 10 ms or more, and below
   * DATABASE_POOL_TIMEOUT_MS (refused in time, before queries time out).
   */
  OVERLOAD_POOL_WAIT_MS: z.coerce
    .number()
    .int()
    .refine((v) => v === 0 || v >= 10, { message: 'must be 0 (off) or at least 10' })
    .default(250),
  /** …and, however short the wait, while this many queries wait for a connection (a hard cap on the queue). */
  OVERLOAD_POOL_QUEUE: z.coerce.number().int().min(1).default(200),
  /** …or while the event loop's mean delay over a second exceeds this, in ms (0 turns that check off). */
  OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: z.coerce
    .number()
    .int()
    .refine((v) => v === 0 || v >= 10, { message: 'must be 0 (off) or at least 10' })
    .default(1000),
  /** When set, GET /metrics requires `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z
    .string()
    .trim()
    .default('')
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.string().min(16, { message: 'must be at least 16 characters' }).optional()),
});

const EnvSchema = EnvFields.superRefine((env, ctx) => {
  const refuse = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const production = env.NODE_ENV === 'production';
  const secretMode = keyMode(env.STRIPE_SECRET_KEY);
  const publishableMode = keyMode(env.STRIPE_PUBLISHABLE_KEY);
  if (secretMode === 'live' && env.STRIPE_API_URL) {
    refuse(
      'STRIPE_SECRET_KEY',
      'is a live key but STRIPE_API_URL points at the emulator; unset STRIPE_API_URL',
    );
  }
  if (publishableMode === 'live' && env.STRIPE_API_URL) {
    refuse(
      'STRIPE_PUBLISHABLE_KEY',
      'is a live key but STRIPE_API_URL points at the emulator (card numbers would go to it); unset STRIPE_API_URL',
    );
  }
  if (secretMode !== publishableMode) {
    refuse(
      'STRIPE_PUBLISHABLE_KEY',
      `is a ${publishableMode} key but STRIPE_SECRET_KEY is a ${secretMode} key; use keys of the same mode`,
    );
  }
  if (production && env.STRIPE_API_URL && !env.ALLOW_STRIPE_EMULATOR) {
    refuse(
      'STRIPE_API_URL',
      'must be empty in production (real Stripe); set ALLOW_STRIPE_EMULATOR=true only to smoke-test a production build with test keys',
    );
  }
  if (env.ALLOW_STRIPE_EMULATOR && (secretMode !== 'test' || publishableMode !== 'test')) {
    refuse('ALLOW_STRIPE_EMULATOR', 'is allowed only with test keys (sk_test_/pk_test_)');
  }
  if (production && !env.METRICS_TOKEN) {
    refuse('METRICS_TOKEN', 'must be set in production (GET /metrics is never public there)');
  }
  if (env.OVERLOAD_POOL_WAIT_MS >= env.DATABASE_POOL_TIMEOUT_MS) {
    refuse(
      'OVERLOAD_POOL_WAIT_MS',
      `must be below DATABASE_POOL_TIMEOUT_MS (${env.DATABASE_POOL_TIMEOUT_MS}), or queries time out (late 503s) before the guard refuses early`,
    );
  }
  if (production && !env.DATABASE_URL) {
    refuse('DATABASE_URL', 'must be set in production (no embedded database)');
  }

  if (isDevelopmentSetup(env)) return;
  // Not a development setup: every development default in use is refused by name.
  const why = production
    ? 'in production'
    : 'unless NODE_ENV is not production and Stripe is the emulator on a loopback address with test keys';
  if (env.JWT_SECRET === DEV_DEFAULTS.JWT_SECRET && !env.JWT_JWKS_URL) {
    refuse('JWT_SECRET', `must be set ${why} (the published development default is refused)`);
  }
  if (env.STRIPE_WEBHOOK_SECRET.includes(DEV_DEFAULTS.STRIPE_WEBHOOK_SECRET)) {
    refuse('STRIPE_WEBHOOK_SECRET', `must be set ${why} (the published development default is refused)`);
  }
  if (env.STRIPE_SECRET_KEY === DEV_DEFAULTS.STRIPE_SECRET_KEY) {
    refuse('STRIPE_SECRET_KEY', `must be set ${why} (the published development default is refused)`);
  }
  if (env.STRIPE_PUBLISHABLE_KEY === DEV_DEFAULTS.STRIPE_PUBLISHABLE_KEY) {
    refuse('STRIPE_PUBLISHABLE_KEY', `must be set ${why} (the published development default is refused)`);
  }
}).transform((env) => ({
  ...env,
  /** Demo accounts and seeding, /dev/mail and the demo logins on the sign-in page are on. */
  devFeatures: isDevelopmentSetup(env),
}));

function keyMode(key: string): 'test' | 'live' {
  return /^[a-z]+_live_/.test(key) ? 'live' : 'test';
}

/** A loopback address: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** NODE_ENV is not production, Stripe is the emulator on loopback, and both keys are test keys. */
function isDevelopmentSetup(env: {
  NODE_ENV: string;
  STRIPE_API_URL?: string | undefined;
  STRIPE_SECRET_KEY: string;
  STRIPE_PUBLISHABLE_KEY: string;
}): boolean {
  if (env.NODE_ENV === 'production' || !env.STRIPE_API_URL) return false;
  if (!isLoopbackHost(new URL(env.STRIPE_API_URL).hostname)) return false;
  return keyMode(env.STRIPE_SECRET_KEY) === 'test' && keyMode(env.STRIPE_PUBLISHABLE_KEY) === 'test';
}

export type Env = z.output<typeof EnvSchema>;
export type EnvInput = Partial<Record<keyof z.input<typeof EnvFields>, string>>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Parses the environment; throws EnvError naming every bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const input: Record<string, string> = {};
  for (const key of Object.keys(EnvFields.shape)) {
    const value = source[key];
    if (value !== undefined) input[key] = value;
  }
  // In production an unset STRIPE_API_URL means real Stripe, not the development emulator.
  if (input.NODE_ENV === 'production' && input.STRIPE_API_URL === undefined) input.STRIPE_API_URL = '';
  const parsed = EnvSchema.safeParse(input);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'} ${i.message}`));
  }
  return parsed.data;
}

/** loadEnv for a process entry point: on a bad environment, print every problem and exit 1. */
export function loadEnvOrExit(source: Record<string, string | undefined> = process.env): Env {
  try {
    return loadEnv(source);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** The web app's view of the config: safe to send to a browser. */
export function publicConfig(env: Env) {
  const emulator = Boolean(env.STRIPE_API_URL);
  return {
    publishableKey: env.STRIPE_PUBLISHABLE_KEY,
    stripeJsUrl: env.STRIPE_API_URL ? `${env.STRIPE_API_URL.replace(/\/$/, '')}/js/stripe.js` : null,
    emulator,
    // The seeded demo logins, for the sign-in page: only against the emulator, never in production.
    demo: env.devFeatures
      ? {
          password: DEMO_PASSWORD,
          accounts: DEMO_ACCOUNTS.map(({ email, name, role }) => ({ email, name, role })),
        }
      : null,
  };
}
