import 'server-only';
import { getGenerationForWorker, updateGeneration } from '@/db/queries/generations';
import type { Generation, NewGeneration } from '@/db/schema';
import { requestOf } from '@/lib/generation/recipe';
import { toWanCreateBody, WanApiError, WanNetworkError } from '@/lib/wan';
import { callbackUrl } from './callback-url';
import type { TrackerDeps } from './deps';
import { notifyChanged } from './notify';
import { firstRefreshAt } from './schedule';

/** Sends one claimed (`sending`) generation. Every outcome is stored, and returned; nothing is thrown. */
export async function sendGeneration(id: string, { wan, now, pollScale, publicUrl }: TrackerDeps): Promise<Generation['state'] | undefined> {
  const row = await getGenerationForWorker({ id });
  if (!row || row.state !== 'sending') return row?.state;
  const webhook = row.requestType === 'callback' && row.callbackSecret && publicUrl ? callbackUrl(publicUrl, row.id, row.callbackSecret) : undefined;

  try {
    const { taskId } = await wan.createTask(toWanCreateBody(requestOf(row), webhook));
    const sentAt = now();
    const updated = await updateGeneration({
      id,
      values: { taskId, state: 'pending', submittedAt: sentAt, nextPollAt: firstRefreshAt(row, sentAt, pollScale), leaseUntil: null, updatedAt: sentAt },
    });
    return updated?.state;
  } catch (error) {
    const updated = await updateGeneration({ id, values: { ...afterFailedSend(error, row), leaseUntil: null, updatedAt: now() } });
    return updated?.state;
  } finally {
    notifyChanged(id);
  }
}

function afterFailedSend(error: unknown, row: Generation): Partial<NewGeneration> {
  if (error instanceof WanApiError && error.status === 429) {
    // The service is busy, not refusing: wait in the queue, in the same place.
    return { state: 'queued' };
  }
  if (error instanceof WanApiError) {
    return { state: 'failed', failCode: `HTTP_${error.status}`, failMsg: error.detail ?? error.message, completedAt: new Date(), queueRank: null };
  }
  if (error instanceof WanNetworkError && !error.outcomeUnknown) {
    return { state: 'failed', failCode: 'UNREACHABLE', failMsg: 'The Wan API could not be reached; nothing was created.', completedAt: new Date(), queueRank: null };
  }
  console.error(`[send] ${row.id}: outcome unknown`, error instanceof Error ? error.message : error);
  return {
    state: 'unknown',
    failCode: 'OUTCOME_UNKNOWN',
    failMsg: 'The Wan API did not confirm the task. It may or may not have been created.',
    queueRank: null,
  };
}
