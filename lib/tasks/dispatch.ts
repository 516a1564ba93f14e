import 'server-only';
import { claimQueued, countInFlight, listQueuedIds } from '@/db/queries/queue';
import { coalescing } from './coalesce';
import type { TrackerDeps } from './deps';
import { sendGeneration } from './send';

const PARALLEL_SENDS = 8;

let current: TrackerDeps | undefined;
const run = coalescing(async () => {
  if (current) await dispatch(current);
});

/**
 * Sends queued generations in queue order while the service has free task slots.
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
    const ids = await listQueuedIds({ limit: Math.min(free, PARALLEL_SENDS) });
    if (ids.length === 0) return;
    const claimed: string[] = [];
    for (const id of ids) if (await claimQueued({ id, now: deps.now(), leaseMs: deps.sendLeaseMs })) claimed.push(id);
    if (claimed.length === 0) return;
    const states = await Promise.all(claimed.map((id) => sendGeneration(id, deps)));
    // Rate limited even after retries: leave the rest queued until the next sweep.
    if (states.includes('queued') || ids.length < PARALLEL_SENDS) return;
  }
}
