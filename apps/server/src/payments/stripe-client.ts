import Stripe from 'stripe';
import type { Env } from '../env.js';

/**
 * The one place a Stripe client is made. With STRIPE_API_URL set it talks over plain HTTP to the
 * local emulator; without it, to api.stripe.com — the same SDK and the same code either way.
 * `httpClient` (the benchmark's timing wrapper around the SDK's own Node client) replaces the SDK's
 * transport; the app never passes one.
 */
export function createStripeClient(
  env: Pick<Env, 'STRIPE_SECRET_KEY' | 'STRIPE_API_URL'>,
  options: { httpClient?: Stripe.HttpClient } = {},
): Stripe {
  const common = {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: 'enrollpay' },
    ...(options.httpClient ? { httpClient: options.httpClient } : {}),
  } as const;
  if (!env.STRIPE_API_URL) return new Stripe(env.STRIPE_SECRET_KEY, common);
  const url = new URL(env.STRIPE_API_URL);
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  return new Stripe(env.STRIPE_SECRET_KEY, {
    ...common,
    host: url.hostname,
    port: Number(url.port || (protocol === 'https' ? 443 : 80)),
    protocol,
  });
}
