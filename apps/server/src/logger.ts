import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import { type Bindings, type ChildLoggerOptions, levels } from 'pino';
import type { Env } from './env.js';

/**
 * Paths pino censors wherever they appear in a log object. Card data never reaches this server
 * (Stripe.js sends it to Stripe), but secrets, client secrets, passwords and tokens could.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["stripe-signature"]',
  'headers.authorization',
  'headers["stripe-signature"]',
  '*.password',
  '*.passwordHash',
  '*.accessToken',
  '*.token',
  '*.clientSecret',
  '*.client_secret',
  '*.secret',
  '*.apiKey',
  '*.STRIPE_SECRET_KEY',
  '*.STRIPE_WEBHOOK_SECRET',
  '*.JWT_SECRET',
];

export function loggerOptions(env: Pick<Env, 'LOG_LEVEL' | 'NODE_ENV'>): FastifyServerOptions['logger'] {
  return {
    level: env.LOG_LEVEL,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      // Query strings can carry tRPC inputs; log the path only.
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.split('?')[0],
      }),
    },
  };
}

/** pino's numbers for its standard levels ("silent" above them all). */
const LEVEL_VALUES: Readonly<Record<string, number>> = { ...levels.values, silent: Number.POSITIVE_INFINITY };

/**
 * A request's logger that becomes a real pino child (with the request id in its bindings) only when a
 * line at an enabled level is logged. Fastify builds a child per request; with a route `logLevel` (the
 * webhook routes log at warn), pino rebuilds every log method of each child, and most requests never
 * log a line. Measured on the webhook receipt: apps/server/src/webhooks/README.md.
 */
class LazyChildLogger implements FastifyBaseLogger {
  level: string;
  readonly #parent: FastifyBaseLogger;
  readonly #bindings: Bindings;
  readonly #options: ChildLoggerOptions;
  #child: FastifyBaseLogger | undefined;

  constructor(parent: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#options = options;
    this.level = options.level ?? parent.level;
  }

  /** The real child, built on first use. */
  #real(): FastifyBaseLogger {
    this.#child ??= this.#parent.child(this.#bindings, this.#options);
    return this.#child;
  }

  /** Unknown (custom) levels count as enabled: the real child decides. */
  #logs(level: string): boolean {
    const wanted = LEVEL_VALUES[level];
    const threshold = LEVEL_VALUES[this.level];
    return wanted === undefined || threshold === undefined || wanted >= threshold;
  }

  #forward(level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace', args: unknown[]): void {
    if (!this.#logs(level)) return;
    const real = this.#real();
    Reflect.apply(real[level], real, args);
  }

  // Methods on the prototype, not arrow-function fields: fields cost every request's logger seven new
  // functions (each wrapped again by the dev/bench transpiler), and most of them never log a line.
  fatal(...args: unknown[]): void {
    this.#forward('fatal', args);
  }
  error(...args: unknown[]): void {
    this.#forward('error', args);
  }
  warn(...args: unknown[]): void {
    this.#forward('warn', args);
  }
  info(...args: unknown[]): void {
    this.#forward('info', args);
  }
  debug(...args: unknown[]): void {
    this.#forward('debug', args);
  }
  trace(...args: unknown[]): void {
    this.#forward('trace', args);
  }
  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.#real().child(bindings, options);
  }
}

/** Fastify's `childLoggerFactory`: request loggers built lazily (LazyChildLogger). */
export const lazyChildLoggerFactory: NonNullable<FastifyServerOptions['childLoggerFactory']> = (
  logger,
  bindings,
  options,
) => new LazyChildLogger(logger, bindings, options);
