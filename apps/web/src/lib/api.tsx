import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useAuth } from './auth.js';
import { errorCode } from './errors.js';
import { createTrpcClient, trpc } from './trpc.js';

/**
 * tRPC + React Query. An expired or revoked token signs the user out (RequireRole then asks them to
 * sign in again), and a change of user drops every cached answer so no one sees the previous user's data.
 */
export function ApiProvider({ children }: { children: ReactNode }) {
  const { user, signOut } = useAuth();
  const onUnauthorized = useRef<() => void>(() => {});
  onUnauthorized.current = () => {
    if (user) signOut();
  };
  const [queryClient] = useState(() => {
    const onError = (error: unknown) => {
      if (errorCode(error) === 'UNAUTHORIZED') onUnauthorized.current();
    };
    return new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: {
        queries: {
          refetchOnWindowFocus: false,
          // Retry only network failures; a 4xx answer will not change by asking again.
          retry: (failures, error) => errorCode(error) === null && failures < 2,
        },
      },
    });
  });
  const [trpcClient] = useState(createTrpcClient);

  const userId = user?.id ?? null;
  const previousUser = useRef(userId);
  useEffect(() => {
    if (previousUser.current !== userId) {
      previousUser.current = userId;
      queryClient.clear();
    }
  }, [userId, queryClient]);

  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}
