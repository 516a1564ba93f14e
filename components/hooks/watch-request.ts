import { isTerminal, type GenerationView } from '@/lib/generation/view';

/** Worth watching: not finished, or finished but our archived copy is not there yet. */
export function needsWatching(view: Pick<GenerationView, 'state' | 'archived'>): boolean {
  return !isTerminal(view.state) || (view.state === 'success' && !view.archived);
}

/** The watch route's query: what this page shows of each watched generation. */
export function watchQuery(ids: readonly string[], versionOf: (id: string) => string | undefined): string {
  const pairs = [...ids].sort().map((id) => `${id}~${versionOf(id) ?? ''}`);
  return `w=${encodeURIComponent(pairs.join(','))}`;
}
