import 'server-only';
import { listGenerationsByIds, listGenerationStates } from '@/db/queries/generations';
import { isOpen } from '@/lib/generation/states';
import { versionOf, type GenerationView } from '@/lib/generation/view';
import type { TrackerDeps } from './deps';
import { teamActivityVersion, waitForChanges } from './notify';
import { cachedQueuePositions } from './positions-cache';
import { refreshIfDue } from './refresh';
import { loadViews } from '@/lib/gallery/load';

export const MAX_WATCH_MS = 20_000;
export const MAX_WATCHED = 50;
/** Changes arriving this close together go out in one answer. */
const SETTLE_MS = 150;

/**
 * A long poll: answers at once with every watched generation whose version differs from the caller's,
 * otherwise waits until some change, up to `maxWaitMs`. A finished clip reaches its watchers the moment
 * the server learns of it. The sweeper refreshes tasks at their due times; one already due is done here.
 * With `activitySeen` (the team's activity version the caller's list was read at), it also answers as soon as a
 * member of the team stores a new clip: an in-memory comparison, no read.
 */
export async function watchGenerations(
  { teamId, known, maxWaitMs, activitySeen }: { teamId: string; known: ReadonlyMap<string, string>; maxWaitMs: number; activitySeen?: number },
  deps: Pick<TrackerDeps, 'wan' | 'now' | 'pollScale'>,
  signal?: AbortSignal,
): Promise<GenerationView[]> {
  const ids = [...known.keys()];
  const deadline = deps.now().getTime() + Math.min(maxWaitMs, MAX_WATCH_MS);
  const newClips = () => activitySeen !== undefined && teamActivityVersion(teamId) > activitySeen;
  let toCheck = ids;
  for (;;) {
    const now = deps.now();
    let rows = await listGenerationStates({ ids: toCheck, teamId });
    const due = rows.filter((row) => isOpen(row.state) && row.nextPollAt !== null && row.nextPollAt <= now);
    if (due.length > 0) {
      await Promise.all(due.map((row) => refreshIfDue(row.id, deps)));
      rows = await listGenerationStates({ ids: toCheck, teamId });
    }
    // Versions from the narrow read (read again only after a refresh); full views only for what changed.
    const { changedIds, queued } = await changedSince(rows, known);
    const left = deadline - deps.now().getTime();
    if (changedIds.length > 0) return loadViews(await listGenerationsByIds({ ids: changedIds, teamId }), cachedQueuePositions);
    if (left <= 0 || signal?.aborted || newClips()) return [];

    // A queued clip's place moves when anyone's clips are stored or sent (a clip not read this round may be queued).
    const notified = await waitForChanges(ids, { timeoutMs: left, settleMs: SETTLE_MS, queued: queued || toCheck !== ids, team: activitySeen === undefined ? undefined : teamId }, signal);
    if (notified.size === 0 && newClips()) return [];
    // Only what changed needs checking again; at the deadline, everything (another process may have changed it).
    toCheck = notified.size > 0 ? [...notified] : ids;
  }
}

type StateRow = Awaited<ReturnType<typeof listGenerationStates>>[number];

/** The ids whose version differs from the caller's, and whether any of them waits in the queue (its place can move). */
async function changedSince(rows: StateRow[], known: ReadonlyMap<string, string>): Promise<{ changedIds: string[]; queued: boolean }> {
  const queued = rows.filter((row) => row.state === 'queued').map((row) => row.id);
  // Computed once per change of the queue for all watchers of this process, not on every pass of each.
  const positions = queued.length ? await cachedQueuePositions(queued) : new Map<string, number>();
  const changed: string[] = [];
  for (const row of rows) {
    const queuePosition = positions.get(row.id) ?? null;
    const archived = row.archivedAt !== null && row.archivePath !== null;
    const version = versionOf({ state: row.state, archived, queuePosition, archiveNextAt: archived ? null : (row.archiveNextAt?.getTime() ?? null) });
    if (known.get(row.id) !== version) changed.push(row.id);
  }
  return { changedIds: changed, queued: queued.length > 0 };
}
