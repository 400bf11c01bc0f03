import type { AppRouter } from '@enrollpay/server';
import { httpBatchLink } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { readSession } from './session.js';

/** Typed hooks for every procedure; only the router's *type* comes from the server. */
export const trpc = createTRPCReact<AppRouter>();

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

/** Relative URL: the dev server and `vite preview` proxy /api to the API, so there is one origin. */
export function createTrpcClient() {
  return trpc.createClient({
    links: [
      httpBatchLink({
        url: '/api/trpc',
        // The server refuses batches of more than 10 calls (MAX_BATCH_SIZE).
        maxItems: 10,
        headers() {
          const session = readSession();
          return session ? { authorization: `Bearer ${session.accessToken}` } : {};
        },
      }),
    ],
  });
}
