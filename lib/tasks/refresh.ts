import 'server-only';
import type { NewGeneration } from '@/db/schema';
import { claimDueGeneration, getGenerationForWorker, updateGeneration } from '@/db/queries/tracker';
import { archiveGeneration } from '@/lib/storage/archive';
import { WanApiError, type WanClient } from '@/lib/wan';
import { applyTaskStatus, backoffAfterError } from './apply-status';
import { notifyChanged } from './notify';
import { singleFlight } from '@/lib/async/concurrency';
import { log } from '@/lib/ops/log';

export type RefreshDeps = { wan: WanClient; now: () => Date; pollScale: number };

const LEASE_MS = 30_000;
const flight = singleFlight<void>();

/**
 * Asks the service for a task's state only when its refresh is due and this caller wins the lease,
 * so any number of watchers and the sweeper cause one upstream call per due time.
 */
export function refreshIfDue(id: string, deps: RefreshDeps): Promise<void> {
  return flight(id, () => refresh(id, deps));
}

async function refresh(id: string, deps: RefreshDeps): Promise<void> {
  if (!(await claimDueGeneration({ id, now: deps.now(), leaseMs: LEASE_MS }))) return;
  try {
    await poll(id, deps);
  } finally {
    notifyChanged(id);
  }
}

async function poll(id: string, { wan, now, pollScale }: RefreshDeps): Promise<void> {
  const row = await getGenerationForWorker({ id });
  if (!row?.taskId) return;

  try {
    const status = await wan.getTask(row.taskId, row.model);
    const updated = await updateGeneration({ id, values: applyTaskStatus(row, status, now(), pollScale) });
    if (updated?.state === 'success') void archiveGeneration(id, { onChange: notifyChanged, now }).catch(() => undefined);
  } catch (error) {
    if (error instanceof WanApiError && error.status === 404) {
      await updateGeneration({ id, values: taskForgotten(now()) });
      return;
    }
    log().warn({ event: 'tracker', clip_id: row.id, task_id: row.taskId, error: error instanceof Error ? error.message : String(error) }, 'status check failed');
    const retryAfter = error instanceof WanApiError ? error.retryAfterMs : undefined;
    await updateGeneration({ id, values: backoffAfterError(row, now(), pollScale, retryAfter) });
  }
}

/** The service lost the task (a restart, an expiry): not a dead failure, since *Send again* can repeat the exact request. */
function taskForgotten(now: Date): Partial<NewGeneration> {
  return {
    state: 'unknown',
    failCode: 'TASK_NOT_FOUND',
    failMsg: 'The Wan API no longer knows this task. Send again sends the identical request, seed included.',
    leaseUntil: null,
    nextPollAt: null,
    queueRank: null,
    updatedAt: now,
  };
}
