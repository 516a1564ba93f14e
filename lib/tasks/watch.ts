import 'server-only';
import { listGenerationsByIds, openStates, type GenerationWithAuthor } from '@/db/queries/generations';
import type { GenerationView } from '@/lib/generation/view';
import type { TrackerDeps } from './deps';
import { waitForChanges } from './notify';
import { refreshIfDue } from './refresh';
import { viewOf } from './view-of';

export const MAX_WATCH_MS = 20_000;
export const MAX_WATCHED = 50;
/** Changes arriving this close together go out in one answer. */
const SETTLE_MS = 40;

const isOpen = (row: GenerationWithAuthor) => (openStates as readonly string[]).includes(row.state);

/**
 * A long poll: answers at once with every watched generation whose version differs from the caller's,
 * otherwise waits until some change, up to `maxWaitMs`. A finished clip reaches its watchers the moment
 * the server learns of it. The sweeper refreshes tasks at their due times; one already due is done here.
 */
export async function watchGenerations(
  { teamId, known, maxWaitMs }: { teamId: string; known: ReadonlyMap<string, string>; maxWaitMs: number },
  deps: Pick<TrackerDeps, 'wan' | 'now' | 'pollScale'>,
  signal?: AbortSignal,
): Promise<GenerationView[]> {
  const ids = [...known.keys()];
  const deadline = deps.now().getTime() + Math.min(maxWaitMs, MAX_WATCH_MS);
  let toRead = ids;
  for (;;) {
    let rows = await listGenerationsByIds({ ids: toRead, teamId });
    const now = deps.now();
    const due = rows.filter((row) => isOpen(row) && row.nextPollAt !== null && row.nextPollAt <= now);
    if (due.length > 0) {
      await Promise.all(due.map((row) => refreshIfDue(row.id, deps)));
      rows = await listGenerationsByIds({ ids: toRead, teamId });
    }
    const views = await Promise.all(rows.map(viewOf));
    const changed = views.filter((view) => known.get(view.id) !== view.version);
    const left = deadline - deps.now().getTime();
    if (changed.length > 0 || left <= 0 || signal?.aborted) return changed;

    const notified = await waitForChanges(ids, { timeoutMs: left, settleMs: SETTLE_MS }, signal);
    // Only what changed needs reading again; at the deadline, everything (another process may have changed it).
    toRead = notified.size > 0 ? [...notified] : ids;
  }
}
