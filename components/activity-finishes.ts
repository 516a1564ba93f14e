import type { QueryCache } from '@tanstack/react-query';
import { isFailure, isTerminal, type GenerationState } from '@/lib/generation/states';
import type { GenerationView } from '@/lib/generation/view';

/** Ended by itself, with a clip or without one (a cancel is the person's own doing, not news). */
const finished = (state: GenerationState) => state === 'success' || isFailure(state);

function viewOf(query: { queryKey: readonly unknown[]; state: { data: unknown } }): GenerationView | undefined {
  return query.queryKey[0] === 'generation' ? (query.state.data as GenerationView | undefined) : undefined;
}

/**
 * Calls `onFinished` once for each of `userId`'s clips seen changing from in flight to finished in the tab's clip
 * cache. Clips already cached when it starts count from their cached state (the panel that calls this loads
 * after the page, so a clip started before it mounted is still announced); a clip first seen finished stays
 * quiet. Returns the unsubscribe.
 */
export function watchFinishes(cache: QueryCache, userId: string, onFinished: (view: GenerationView) => void): () => void {
  const last = new Map<string, GenerationState>();
  for (const query of cache.getAll()) {
    const view = viewOf(query);
    if (view) last.set(view.id, view.state);
  }
  return cache.subscribe((event) => {
    const view = viewOf(event.query);
    if (!view || event.type === 'removed') return;
    const before = last.get(view.id);
    last.set(view.id, view.state);
    if (view.authorId === userId && before !== undefined && !isTerminal(before) && finished(view.state)) onFinished(view);
  });
}
