'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { GenerationWatchProvider } from '@/components/hooks/generation-watch';
import { HttpError } from '@/lib/client-fetch';

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 1_000,
            retry: (failures, error) => !(error instanceof HttpError && error.status < 500) && failures < 3,
          },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <GenerationWatchProvider>{children}</GenerationWatchProvider>
    </QueryClientProvider>
  );
}
