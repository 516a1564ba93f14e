// The browser's side of our own JSON routes: the query-cache keys, the watch route's query, and the fetch.

/** React Query's keys: one per generation, one per long poll (its watched generations), … */
export const queryKeys = {
  generation: (id: string) => ['generation', id] as const,
  /** The tab's long poll: the watched generations, and whether it also carries the team's activity. */
  watch: (ids: readonly string[], activity = false) => ['watch', ids.join(','), activity] as const,
  presets: ['presets'] as const,
  promptHistory: (q: string) => ['prompt-history', q] as const,
  /** The activity panel's list; `activity()` alone matches every scope. */
  activity: (scope?: 'mine' | 'team') => (scope ? (['activity', scope] as const) : (['activity'] as const)),
  quota: ['quota'] as const,
  usage: (query: string) => ['usage', query] as const,
};

/** The watch route's query: what this page shows of each watched generation. */
export function watchQuery(ids: readonly string[], versionOf: (id: string) => string | undefined): string {
  const pairs = [...ids].sort().map((id) => `${id}~${versionOf(id) ?? ''}`);
  return `w=${encodeURIComponent(pairs.join(','))}`;
}

export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
    this.name = 'HttpError';
  }
}

/** GET our own JSON routes from the browser; non-2xx becomes an HttpError the caller can branch on. */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw new HttpError(response.status);
  return (await response.json()) as T;
}
