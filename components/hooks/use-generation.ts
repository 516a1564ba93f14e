'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/fetch-json';
import { isTerminal, type GenerationView } from '@/lib/generation/view';
import { queryKeys } from '@/lib/query-keys';

const MAX_INTERVAL_MS = 2_000;
const MIN_INTERVAL_MS = 500;

/** Poll just after the server's next refresh, never slower than 2 s, not at all once finished. */
export function pollIntervalFor(view: GenerationView | undefined, now = Date.now()): number | false {
  if (!view) return false;
  // A finished clip is watched a little longer, until our archived copy (and its sha256) exists.
  if (view.state === 'success' && !view.archived) return MAX_INTERVAL_MS;
  if (isTerminal(view.state)) return false;
  if (view.nextRefreshAt === null) return MAX_INTERVAL_MS;
  return Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, view.nextRefreshAt - now + 150));
}

export function useGeneration(initial: GenerationView) {
  return useQuery({
    queryKey: queryKeys.generation(initial.id),
    queryFn: ({ signal }) => fetchJson<GenerationView>(`/api/generations/${initial.id}`, signal),
    initialData: initial,
    initialDataUpdatedAt: 0,
    refetchInterval: (query) => pollIntervalFor(query.state.data),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  });
}
