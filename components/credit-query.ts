'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fetchJson } from '@/lib/client-fetch';
import type { CreditStatus } from '@/lib/credit-status';
import { CLIPS_STARTED_EVENT } from './activity-events';

export const creditQueryKey = ['wan-credit'] as const;

/** The balance changes slowly; while sending is paused, its end is looked for more often. */
const SLOW_MS = 60_000;
const PAUSED_MS = 5_000;
/** A send refused for credit happens a moment after its clips were stored: look again then too. */
const AFTER_START_MS = [0, 2_500];

/** The key's balance and the credit pause, as GET /api/wan/credit answers (one cached upstream call for every tab). */
export function useCreditStatus() {
  return useQuery({
    queryKey: creditQueryKey,
    queryFn: ({ signal }) => fetchJson<CreditStatus>('/api/wan/credit', signal),
    refetchInterval: (query) => (query.state.data?.sendingPaused ? PAUSED_MS : SLOW_MS),
    refetchOnWindowFocus: 'always',
    retry: false,
  });
}

/** Reads the credit status again whenever clips are started (a batch, a sweep, an import), here or in another tab. */
export function useCreditRefreshOnStart(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const refresh = () => {
      for (const delay of AFTER_START_MS) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          void queryClient.invalidateQueries({ queryKey: creditQueryKey });
        }, delay);
        timers.add(timer);
      }
    };
    window.addEventListener(CLIPS_STARTED_EVENT, refresh);
    const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CLIPS_STARTED_EVENT);
    channel?.addEventListener('message', refresh);
    return () => {
      window.removeEventListener(CLIPS_STARTED_EVENT, refresh);
      channel?.close();
      for (const timer of timers) clearTimeout(timer);
    };
  }, [queryClient]);
}
