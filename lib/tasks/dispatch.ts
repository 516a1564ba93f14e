import 'server-only';
import { claimQueued, countInFlight, getDispatchTurns, listQueuedHeads, saveDispatchTurns } from '@/db/queries/queue';
import { coalescing } from '@/lib/async/concurrency';
import { fairOrder, personTurnKey, teamTurnKey, type QueuedClip } from '@/lib/queue/fair-order';
import { sendingPaused } from './credit-pause';
import type { TrackerDeps } from './deps';
import { notifyQueueMoved } from './notify';
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
    // Out of credit: queued clips wait, in place, until the balance is back.
    if (await sendingPaused(deps)) return;
    const free = deps.maxConcurrentTasks - (await countInFlight());
    if (free <= 0) return;
    const slots = Math.min(free, PARALLEL_SENDS);
    const heads = await listQueuedHeads({ perPerson: slots });
    const keys = heads.flatMap((clip) => [teamTurnKey(clip.teamId), personTurnKey(clip.teamId, clip.userId)]);
    const picked = fairOrder(heads, await getDispatchTurns({ keys: [...new Set(keys)] }), slots);
    const ids = picked.ids;
    if (ids.length === 0) return;
    const claimed: string[] = [];
    for (const id of ids) if (await claimQueued({ id, now: deps.now(), leaseMs: deps.sendLeaseMs })) claimed.push(id);
    if (claimed.length === 0) return;
    // Only a clip actually taken uses up its team's and person's turn (another process may have won the rest).
    await saveDispatchTurns(turnsOf(claimed, heads, picked.turns));
    notifyQueueMoved();
    const states = await Promise.all(claimed.map((id) => sendGeneration(id, deps)));
    // Rate limited even after retries: leave the rest queued until the next sweep.
    if (states.includes('queued') || ids.length < PARALLEL_SENDS) return;
  }
}

/** The turns of the claimed clips' teams and people, at the latest time each was served in this pass. */
function turnsOf(claimed: string[], heads: QueuedClip[], turns: Map<string, number>): Map<string, number> {
  const keys = new Set(heads.filter((clip) => claimed.includes(clip.id)).flatMap((clip) => [teamTurnKey(clip.teamId), personTurnKey(clip.teamId, clip.userId)]));
  return new Map([...turns].filter(([key]) => keys.has(key)));
}
