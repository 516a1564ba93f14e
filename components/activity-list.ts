'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { fetchJson, queryKeys } from '@/lib/client-fetch';
import type { ActivityScope } from '@/lib/generation/activity';
import type { GenerationView } from '@/lib/generation/view';
import { useWatchTeamActivity } from './hooks/generation-watch';

// The list of clips the panel shows. Their states come live from the tab's one long poll (each item is
// watched through the clip cache); the list itself is read again when clips are started, on focus, in the
// Team view as soon as the long poll says a teammate stored a clip, and every half minute as a fallback.

const LIST_REFRESH_MS = 30_000;
const DISMISSED = 'wan-studio:activity-dismissed';
const DISMISSED_MAX = 200;

function readDismissed(): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(DISMISSED) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function useActivityList(scope: ActivityScope, teamId: string) {
  const queryClient = useQueryClient();
  const sawActivity = useWatchTeamActivity(scope === 'team');
  return useQuery({
    queryKey: [...queryKeys.activity(scope), teamId],
    queryFn: async ({ signal }) => {
      const { views, activityVersion } = await fetchJson<{ views: GenerationView[]; activityVersion: number }>(`/api/generations/activity?scope=${scope}`, signal);
      if (scope === 'team') sawActivity(activityVersion);
      // A clip new to this tab starts from the list; one already cached is kept current by the long poll.
      for (const view of views) if (!queryClient.getQueryData(queryKeys.generation(view.id))) queryClient.setQueryData(queryKeys.generation(view.id), view);
      return views;
    },
    refetchInterval: LIST_REFRESH_MS,
    refetchOnWindowFocus: 'always',
  });
}

/** Finished clips the person put away, remembered in this browser. */
export function useDismissed() {
  const [dismissed, setDismissed] = useState<string[]>(() => (typeof window === 'undefined' ? [] : readDismissed()));
  const dismiss = useCallback((ids: string[]) => {
    setDismissed((current) => {
      const next = [...new Set([...ids, ...current])].slice(0, DISMISSED_MAX);
      try {
        window.localStorage.setItem(DISMISSED, JSON.stringify(next));
      } catch {
        // Without storage they come back on the next page.
      }
      return next;
    });
  }, []);
  return { dismissed: useMemo(() => new Set(dismissed), [dismissed]), dismiss };
}
