'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/fetch-json';
import { needsWatching } from '@/lib/generation/states';
import type { GenerationView } from '@/lib/generation/view';
import { queryKeys } from '@/lib/query-keys';
import { useWatchGeneration } from './generation-watch';

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
