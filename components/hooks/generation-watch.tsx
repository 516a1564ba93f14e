'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchJson, queryKeys, watchQuery } from '@/lib/client-fetch';
import { needsWatching } from '@/lib/generation/states';
import type { GenerationView } from '@/lib/generation/view';
import { useBackgroundLead } from './use-background-lead';

type Registry = { watch: (id: string) => () => void };
const WatchContext = createContext<Registry | null>(null);

const ERROR_BACKOFF_MS = 5_000;
// The gap between two long polls; a change inside it is caught by the next poll's version check.
const NEXT_POLL_MS = 100;

/**
 * One long poll per tab for every clip on the page that is still changing (browsers allow few
 * connections per site, so never one per clip). Answers go straight into each clip's query cache.
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

  const ids = useMemo(() => [...counts.keys()].sort(), [counts]);
  const backgroundLead = useBackgroundLead();
  useQuery({
    queryKey: queryKeys.watch(ids),
    enabled: ids.length > 0,
    gcTime: 0,
    queryFn: async ({ signal }) => {
      const versionOf = (id: string) => queryClient.getQueryData<GenerationView>(queryKeys.generation(id))?.version;
      const { views } = await fetchJson<{ views: GenerationView[] }>(`/api/generations/watch?${watchQuery(ids, versionOf)}`, signal);
      for (const view of views) queryClient.setQueryData(queryKeys.generation(view.id), view);
      return Date.now();
    },
    // Ask again right away: the server holds each request until something changes.
    refetchInterval: (query) => (query.state.status === 'error' ? ERROR_BACKOFF_MS : NEXT_POLL_MS),
    // One tab per browser keeps watching while hidden, so finished clips are still announced.
    refetchIntervalInBackground: backgroundLead,
    refetchOnWindowFocus: 'always',
  });

  const registry = useMemo(() => ({ watch }), [watch]);
  return <WatchContext.Provider value={registry}>{children}</WatchContext.Provider>;
}

/** Keeps `id` in the tab's long poll while `active`. */
export function useWatchGeneration(id: string, active: boolean): void {
  const registry = useContext(WatchContext);
  useEffect(() => (active && registry ? registry.watch(id) : undefined), [registry, id, active]);
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
