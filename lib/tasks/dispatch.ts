import 'server-only';
import { claimQueued, countInFlight, getDispatchTurns, listQueuedHeads, saveDispatchTurns } from '@/db/queries/queue';
import { coalescing } from './coalesce';
import { fairOrder, personTurnKey, teamTurnKey } from './fair-order';
import type { TrackerDeps } from './deps';
import { sendGeneration } from './send';

const PARALLEL_SENDS = 8;

let current: TrackerDeps | undefined;
const run = coalescing(async () => {
  if (current) await dispatch(current);
});

/**
 * Sends queued generations while the service has free task slots, teams (and people within a team) taking
 * turns, each in its own queue order.
 * Beyond the cap they wait as `queued`; nothing is rejected because the team is busy.
 */
export function dispatchQueued(deps: TrackerDeps): Promise<void> {
  current = deps;
  return run();
}

async function dispatch(deps: TrackerDeps): Promise<void> {
  for (;;) {
    const free = deps.maxConcurrentTasks - (await countInFlight());
    if (free <= 0) return;
    const slots = Math.min(free, PARALLEL_SENDS);
    const heads = await listQueuedHeads({ perPerson: slots });
    const keys = heads.flatMap((clip) => [teamTurnKey(clip.teamId), personTurnKey(clip.teamId, clip.userId)]);
    const picked = fairOrder(heads, await getDispatchTurns({ keys: [...new Set(keys)] }), slots);
    const ids = picked.ids;
    if (ids.length === 0) return;
    await saveDispatchTurns(picked.turns);
    const claimed: string[] = [];
    for (const id of ids) if (await claimQueued({ id, now: deps.now(), leaseMs: deps.sendLeaseMs })) claimed.push(id);
    if (claimed.length === 0) return;
    const states = await Promise.all(claimed.map((id) => sendGeneration(id, deps)));
    // Rate limited even after retries: leave the rest queued until the next sweep.
    if (states.includes('queued') || ids.length < PARALLEL_SENDS) return;
  }
}
