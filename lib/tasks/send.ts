import 'server-only';
import { getGenerationForWorker } from '@/db/queries/tracker';
import { CREDIT_FAIL_CODE } from '@/db/queries/credit';
import { extendSendLease, finishSend, keepLateTask, type SendLease } from '@/db/queries/sends';
import type { Generation, NewGeneration } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { costCents } from '@/lib/generation/schema';
import { requestOf } from '@/lib/generation/recipe';
import { toWanCreateBody, WanApiError, WanNetworkError } from '@/lib/wan';
import { callbackUrl } from './callback';
import { creditRefused, sendAccepted } from './credit-pause';
import type { TrackerDeps } from './deps';
import { notifyChanged, notifyQueueMoved } from './notify';
import { firstRefreshAt } from '@/lib/generation/timings';
import { log } from '@/lib/ops/log';

/** Retries (and their waits) must end this long before the lease would, so a send never outlives its lease. */
const RETRY_MARGIN_FRACTION = 0.25;

/**
 * Sends one claimed (`sending`) generation. Every outcome is stored, and returned; nothing is thrown.
 * One paid task per clip: the lease is extended while the create call runs, retries stop before it would
 * end, the outcome is written only while the lease is held, and a task id that arrives after the lease was
 * lost anyway is kept (recorded and tracked), never dropped.
 */
export async function sendGeneration(id: string, deps: TrackerDeps): Promise<Generation['state'] | undefined> {
  const { wan, now, pollScale, publicUrl, sendLeaseMs } = deps;
  const row = await getGenerationForWorker({ id });
  if (!row || row.state !== 'sending' || !row.leaseUntil) return row?.state;
  const webhook = row.requestType === 'callback' && row.callbackSecret && publicUrl ? callbackUrl(publicUrl, row.id, row.callbackSecret) : undefined;
  const lease: SendLease = { id, leaseUntil: row.leaseUntil };
  const heartbeat = keepLease(lease, sendLeaseMs, now);

  try {
    const retryUntil = row.leaseUntil.getTime() - sendLeaseMs * RETRY_MARGIN_FRACTION;
    const { taskId } = await wan.createTask(toWanCreateBody(requestOf(row), webhook), { model: row.model, retryUntil });
    heartbeat.stop();
    const sentAt = now();
    const values = { state: 'pending', submittedAt: sentAt, nextPollAt: firstRefreshAt(row, sentAt, pollScale), leaseUntil: null, updatedAt: sentAt } as const;
    sendAccepted();
    if (await finishSend(heartbeat.lease(), { ...values, taskId })) return 'pending';
    const trackedBy = await keepLateTask({ row, taskId, values, now: sentAt });
    log().warn({ event: 'send', clip_id: id, task_id: taskId, tracked_by: trackedBy }, 'task arrived after the send lease was lost');
    if (trackedBy !== id) notifyChanged(trackedBy);
    return (await getGenerationForWorker({ id }))?.state;
  } catch (error) {
    heartbeat.stop();
    const failedAt = now();
    const values = { ...afterFailedSend(error, row, failedAt, pollScale), leaseUntil: null, updatedAt: failedAt };
    await finishSend(heartbeat.lease(), values);
    // Back in the queue (the service was busy): the places behind it move.
    if (values.state === 'queued') notifyQueueMoved();
    return (await getGenerationForWorker({ id }))?.state;
  } finally {
    heartbeat.stop();
    notifyChanged(id);
  }
}

/** Moves the lease on every third of its length while the call runs, so a slow answer is not taken for a crash. */
function keepLease(initial: SendLease, leaseMs: number, now: () => Date) {
  let current = initial;
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped) return;
    const until = new Date(now().getTime() + leaseMs);
    // better-sqlite3 runs the update synchronously, so `current` is never behind the stored lease when another callback reads it.
    void extendSendLease(current, until).then((kept) => {
      if (kept && !stopped) current = { ...current, leaseUntil: until };
    });
  }, Math.max(50, leaseMs / 3));
  timer.unref();
  return {
    lease: () => current,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

function afterFailedSend(error: unknown, row: Generation, failedAt: Date, pollScale: number): Partial<NewGeneration> {
  const outOfCredit = error instanceof WanApiError && error.status === 402;
  if ((error instanceof WanApiError && error.status === 429) || (outOfCredit && creditRefused(failedAt, pollScale) === 'requeue')) {
    // The service is busy, or sending is already paused for credit: wait in the queue, in the same place.
    return { state: 'queued' };
  }
  // This send provably created nothing: its price is given back (an earlier unconfirmed send's stays).
  const refunded = { costCents: Math.max(0, row.costCents - costCents([row], getEnv().prices)) };
  if (outOfCredit) {
    return { state: 'failed', failCode: CREDIT_FAIL_CODE, failMsg: outOfCreditMessage(error.detail), completedAt: failedAt, queueRank: null, ...refunded };
  }
  if (error instanceof WanApiError) {
    // A 4xx is a refusal: nothing was created. A 5xx may have created it after all.
    const refused = error.status < 500 ? refunded : {};
    return { state: 'failed', failCode: `HTTP_${error.status}`, failMsg: error.detail ?? error.message, completedAt: failedAt, queueRank: null, ...refused };
  }
  if (error instanceof WanNetworkError && !error.outcomeUnknown) {
    return { state: 'failed', failCode: 'UNREACHABLE', failMsg: 'The Wan API could not be reached; nothing was created.', completedAt: failedAt, queueRank: null, ...refunded };
  }
  log().error({ event: 'send', clip_id: row.id, error: error instanceof Error ? error.message : String(error) }, 'send outcome unknown');
  return {
    state: 'unknown',
    failCode: 'OUTCOME_UNKNOWN',
    failMsg: 'The Wan API did not confirm the task. It may or may not have been created.',
    queueRank: null,
  };
}

/** The stored words of the send that started a credit pause: what happened, where to top up, what happens next. */
function outOfCreditMessage(detail: string | undefined): string {
  const why = detail ? ` (${detail.replace(/\.$/, '')})` : '';
  return `The API key is out of credit${why}. Top up at ${getEnv().wan.topUpUrl}; queued clips wait and are sent once the balance is back.`;
}
