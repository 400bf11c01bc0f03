import type { FastifyServerOptions } from 'fastify';
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
