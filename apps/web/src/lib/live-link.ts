import type { AppRouter } from '@enrollpay/server';
import { httpSubscriptionLink } from '@trpc/client';
import { EventSource } from 'eventsource';

/**
 * The subscriptions' link (payments.onStatus over Server-Sent Events), in its own chunk: `trpc.ts` loads
 * it on the first subscription, so the `eventsource` package and the SSE client stay out of the code
 * every page (and the checkout) downloads first.
 *
 * The token travels in the Authorization header: the browser's own EventSource cannot send headers, so
 * the link uses the `eventsource` package (the same API, on fetch) and adds it at each (re)connect.
 * Never in the URL (`connectionParams` would put it in the query string, where access logs and proxies
 * keep it).
 */
export function subscriptionLink(authorization: () => Record<string, string>) {
  return httpSubscriptionLink<AppRouter, typeof EventSource>({
    url: '/api/trpc',
    EventSource,
    eventSourceOptions: () => ({
      fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, ...authorization() } }),
    }),
  });
}
