import type { AppRouter } from '@enrollpay/server';
import { httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { EventSource } from 'eventsource';
import { readSession } from './session.js';

/** Typed hooks for every procedure; only the router's *type* comes from the server. */
export const trpc = createTRPCReact<AppRouter>();

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

function authorization(): Record<string, string> {
  const session = readSession();
  return session ? { authorization: `Bearer ${session.accessToken}` } : {};
}

/** Whether this browser can run the subscriptions' EventSource (fetch with a streamed body). */
export const liveUpdatesSupported =
  typeof fetch === 'function' && typeof ReadableStream === 'function' && typeof TextDecoder === 'function';

/**
 * Relative URL: the dev server and `vite preview` proxy /api to the API, so there is one origin.
 *
 * Subscriptions (payments.onStatus) go over Server-Sent Events (`httpSubscriptionLink`), everything else
 * in batches. The token travels in the Authorization header for both: the browser's own EventSource
 * cannot send headers, so the link uses the `eventsource` package (the same API, on fetch) and adds it
 * at each (re)connect. Never in the URL (`connectionParams` would put it in the query string, where
 * access logs and proxies keep it).
 */
export function createTrpcClient() {
  return trpc.createClient({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: '/api/trpc',
          EventSource,
          eventSourceOptions: () => ({
            fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, ...authorization() } }),
          }),
        }),
        false: httpBatchLink({
          url: '/api/trpc',
          // The server refuses batches of more than 10 calls (MAX_BATCH_SIZE).
          maxItems: 10,
          headers: authorization,
        }),
      }),
    ],
  });
}
