import { getGenerationForWorker } from '@/db/queries/tracker';
import type { Generation } from '@/db/schema';
import type { TrackerDeps } from '@/lib/tasks/deps';
import { dispatchQueued } from '@/lib/tasks/dispatch';
import { submitGeneration } from '@/lib/tasks/submit';

/** Stores a clip as Generate does, then waits for the dispatcher's pass (which Generate itself never waits for). */
export async function submitAndDispatch(input: Parameters<typeof submitGeneration>[0], deps: TrackerDeps): Promise<Generation> {
  const row = await submitGeneration(input, deps);
  await dispatchQueued(deps);
  return (await getGenerationForWorker({ id: row.id })) ?? row;
}
