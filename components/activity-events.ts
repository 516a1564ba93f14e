'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '@/lib/client-fetch';

// "Clips were started": the panel's list and the quota line read again, in this tab and the browser's others.

const EVENT = 'wan-studio:clips-started';
/** The same event and channel name, for other readers of "clips were started" (the credit status). */
export { EVENT as CLIPS_STARTED_EVENT };

/** Call after any action that started clips (the form, a sweep, reproduce). */
export function announceClipsStarted(): void {
  window.dispatchEvent(new Event(EVENT));
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(EVENT);
  channel.postMessage('started');
  channel.close();
}

/** Refreshes the activity list and the quota whenever clips are started here or in another tab. */
export function useClipsStartedRefresh(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.quota });
    };
    window.addEventListener(EVENT, refresh);
    const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(EVENT);
    channel?.addEventListener('message', refresh);
    return () => {
      window.removeEventListener(EVENT, refresh);
      channel?.close();
    };
  }, [queryClient]);
}
