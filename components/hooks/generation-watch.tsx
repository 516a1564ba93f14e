'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { fetchJson, queryKeys, watchQuery } from '@/lib/client-fetch';
import { needsWatching } from '@/lib/generation/states';
import type { GenerationView } from '@/lib/generation/view';
import { useBackgroundLead } from './use-background-lead';

type Registry = {
  watch: (id: string) => () => void;
  /** Keeps the team's activity in the long poll; returns the unsubscribe. */
  watchActivity: () => () => void;
  /** The team's activity version a list was read at (it only moves forward). */
  sawActivity: (version: number) => void;
};
const WatchContext = createContext<Registry | null>(null);

const ERROR_BACKOFF_MS = 5_000;
// The gap between two long polls; a change inside it is caught by the next poll's version check.
const NEXT_POLL_MS = 100;

/**
 * One long poll per tab for every clip on the page that is still changing (browsers allow few
 * connections per site, so never one per clip). Answers go straight into each clip's query cache. While a
 * Team activity list is shown, the same poll also carries the team's activity version and re-reads that list
 * when a teammate stores a new clip.
 */
export function GenerationWatchProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(new Map());

  const watch = useCallback((id: string) => {
    setCounts((current) => new Map(current).set(id, (current.get(id) ?? 0) + 1));
    return () =>
      setCounts((current) => {
        const next = new Map(current);
        const left = (next.get(id) ?? 1) - 1;
        if (left > 0) next.set(id, left);
        else next.delete(id);
        return next;
      });
  }, []);

  const [activityWatchers, setActivityWatchers] = useState(0);
  const activitySeen = useRef(0);
  // Not carried until a list has said which version it was read at (else the first answer would re-read it).
  const [activityKnown, setActivityKnown] = useState(false);
  const watchActivity = useCallback(() => {
    setActivityWatchers((n) => n + 1);
    return () => setActivityWatchers((n) => n - 1);
  }, []);
  const sawActivity = useCallback((version: number) => {
    activitySeen.current = Math.max(activitySeen.current, version);
    setActivityKnown(true);
  }, []);

  const ids = useMemo(() => [...counts.keys()].sort(), [counts]);
  const withActivity = activityWatchers > 0 && activityKnown;
  const backgroundLead = useBackgroundLead();
  useQuery({
    queryKey: queryKeys.watch(ids, withActivity),
    enabled: ids.length > 0 || withActivity,
    gcTime: 0,
    queryFn: async ({ signal }) => {
      const versionOf = (id: string) => queryClient.getQueryData<GenerationView>(queryKeys.generation(id))?.version;
      const activity = withActivity ? `&a=${activitySeen.current}` : '';
      const answer = await fetchJson<{ views: GenerationView[]; activity?: number }>(`/api/generations/watch?${watchQuery(ids, versionOf)}${activity}`, signal);
      for (const view of answer.views) queryClient.setQueryData(queryKeys.generation(view.id), view);
      if (answer.activity !== undefined && answer.activity > activitySeen.current) {
        activitySeen.current = answer.activity;
        void queryClient.invalidateQueries({ queryKey: queryKeys.activity('team') });
      }
      return Date.now();
    },
    // Ask again right away: the server holds each request until something changes.
    refetchInterval: (query) => (query.state.status === 'error' ? ERROR_BACKOFF_MS : NEXT_POLL_MS),
    // One tab per browser keeps watching while hidden, so finished clips are still announced.
    refetchIntervalInBackground: backgroundLead,
    refetchOnWindowFocus: 'always',
  });

  const registry = useMemo(() => ({ watch, watchActivity, sawActivity }), [watch, watchActivity, sawActivity]);
  return <WatchContext.Provider value={registry}>{children}</WatchContext.Provider>;
}

/** Keeps `id` in the tab's long poll while `active`. */
export function useWatchGeneration(id: string, active: boolean): void {
  const registry = useContext(WatchContext);
  useEffect(() => (active && registry ? registry.watch(id) : undefined), [registry, id, active]);
}

/** While `active`, the tab's long poll also answers when the team stores a new clip; `saw` records a list's version. */
export function useWatchTeamActivity(active: boolean): (version: number) => void {
  const registry = useContext(WatchContext);
  useEffect(() => (active && registry ? registry.watchActivity() : undefined), [registry, active]);
  return useCallback((version: number) => registry?.sawActivity(version), [registry]);
}

/** One generation, kept current by the tab's long poll while it is still changing. */
export function useGeneration(initial: GenerationView) {
  const query = useQuery({
    queryKey: queryKeys.generation(initial.id),
    queryFn: ({ signal }) => fetchJson<GenerationView>(`/api/generations/${initial.id}`, signal),
    initialData: initial,
    staleTime: Infinity,
  });
  useWatchGeneration(initial.id, needsWatching(query.data));
  return query;
}
