'use client';

import { useQueries } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { settled } from '@/lib/generation/states';
import type { GenerationView } from '@/lib/generation/view';
import { queryKeys } from '@/lib/client-fetch';
import { useGeneration } from '../hooks/generation-watch';
import { ClipProgress, StateBadge } from '../clip-stage';

function Waiting({ view }: { view: GenerationView }) {
  const { data } = useGeneration(view);
  return (
    <li className="space-y-2 rounded-card border border-line bg-surface p-3" data-testid="compare-waiting-clip" data-state={data.state}>
      <div className="flex items-center justify-between text-sm">
        <span className="font-mono">seed {data.seed}</span>
        <StateBadge state={data.state} />
      </div>
      <ClipProgress view={data} fit="card" />
    </li>
  );
}

/** The clips of a sweep still on their way; the comparison opens by itself when the last one lands. */
export function CompareWaiting({ views }: { views: GenerationView[] }) {
  const router = useRouter();
  return (
    <div className="space-y-4" data-testid="compare-waiting">
      <p className="text-sm text-muted">
        {views.filter((view) => settled(view.state)).length} of {views.length} ready. The comparison opens as soon as every clip is done.
      </p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {views.map((view) => (
          <Waiting key={view.id} view={view} />
        ))}
      </ul>
      <RefreshWhenDone ids={views.map((view) => view.id)} onDone={() => router.refresh()} />
    </div>
  );
}

function RefreshWhenDone({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const done = useAllTerminal(ids);
  const fired = useRef(false);
  useEffect(() => {
    if (!done || fired.current) return;
    fired.current = true;
    onDone();
  }, [done, onDone]);
  return null;
}

/** Reads the clips' cached views (kept current by the tab's long poll) without fetching them again. */
function useAllTerminal(ids: string[]): boolean {
  return useQueries({
    queries: ids.map((id) => ({ queryKey: queryKeys.generation(id), enabled: false })),
    combine: (results) => results.every((result) => {
      const view = result.data as GenerationView | undefined;
      return view !== undefined && settled(view.state);
    }),
  });
}
