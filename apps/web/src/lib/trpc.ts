import type { AppRouter } from '@enrollpay/server';
import { httpBatchLink, type OperationLink, splitLink, TRPCClientError, type TRPCLink } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { observable, type Unsubscribable } from '@trpc/server/observable';
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
 * The subscriptions' link, loaded on first use (`live-link.ts`: the SSE client and the `eventsource`
 * package are only needed on the payment result page). Until it has loaded, the subscription waits; if
 * it cannot load, the subscription fails and the page falls back to polling.
 */
function lazySubscriptionLink(): TRPCLink<AppRouter> {
  return (runtime) => {
    let loaded: Promise<OperationLink<AppRouter>> | undefined;
    return ({ op }) =>
      observable((observer) => {
        let inner: Unsubscribable | undefined;
        let closed = false;
        loaded ??= import('./live-link.js').then((m) => m.subscriptionLink(authorization)(runtime));
        loaded.then(
          (link) => {
            if (closed) return;
            inner = link({
              op,
              next: () => {
                throw new Error('the subscription link is a terminating link');
              },
            }).subscribe(observer);
          },
          (cause: unknown) =>
            observer.error(TRPCClientError.from(cause instanceof Error ? cause : new Error(String(cause)))),
        );
        return () => {
          closed = true;
          inner?.unsubscribe();
        };
      });
  };
}

/**
 * Relative URL: the dev server and `vite preview` proxy /api to the API, so there is one origin.
 *
 * Subscriptions (payments.onStatus) go over Server-Sent Events (`live-link.ts`, loaded on first use),
 * everything else in batches. The token travels in the Authorization header for both, never in the URL.
 */
export function createTrpcClient() {
  return trpc.createClient({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: lazySubscriptionLink(),
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
