import 'server-only';
import { queuePositions } from '@/lib/queue/positions';
import { queueVersion } from './notify';

/**
 * Queue places, computed once per queue version (`notifyQueueMoved` bumps it wherever the send order changes)
 * and shared by every long poll and page load of this process: N watchers of a team cost one computation per
 * change, not one per pass each. A change made by another process bumps nothing here, so places are also
 * recomputed once they are `maxAgeMs` old (another process's changes reached watchers at their deadline before, too).
 */
export const POSITIONS_MAX_AGE_MS = 10_000;

type Compute = (ids: readonly string[]) => Promise<Map<string, number>>;
type Options = { compute: Compute; version: () => number; now: () => number; maxAgeMs: number };
/** One version's places: each id asked for, to its place (null: not queued), settled or on its way. */
type Entry = { version: number; at: number; places: Map<string, Promise<number | null>> };

export function createPositionsCache({ compute, version, now, maxAgeMs }: Options): Compute {
  let entry: Entry | undefined;
  return async (ids) => {
    const current = version();
    if (!entry || entry.version !== current || now() - entry.at > maxAgeMs) entry = { version: current, at: now(), places: new Map() };
    const { places } = entry;
    const missing = [...new Set(ids)].filter((id) => !places.has(id));
    if (missing.length > 0) {
      // Set before awaiting, so watchers woken together by one change wait on this one computation.
      const computed = compute(missing);
      for (const id of missing) places.set(id, computed.then((positions) => positions.get(id) ?? null));
      computed.catch(() => missing.forEach((id) => places.delete(id)));
    }
    const known = await Promise.all(ids.map(async (id) => [id, await places.get(id)] as const));
    return new Map(known.filter((pair): pair is readonly [string, number] => pair[1] !== null && pair[1] !== undefined));
  };
}

/** `queuePositions` for the watchers and the gallery: the same places, computed once per change of the queue. */
export const cachedQueuePositions = createPositionsCache({ compute: queuePositions, version: queueVersion, now: Date.now, maxAgeMs: POSITIONS_MAX_AGE_MS });
