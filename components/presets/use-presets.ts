'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson, queryKeys } from '@/lib/client-fetch';
import type { PresetView } from '@/lib/presets/schemas';

/** The presets this member can apply, fresh on every mount (switching teams leaves the studio page). */
export function usePresets() {
  return useQuery({
    queryKey: queryKeys.presets,
    queryFn: ({ signal }) => fetchJson<{ presets: PresetView[] }>('/api/presets', signal).then((body) => body.presets),
    gcTime: 0,
  });
}

export function useRefreshPresets() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.presets });
}
