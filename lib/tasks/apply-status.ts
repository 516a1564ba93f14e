import type { Generation, NewGeneration } from '@/db/schema';
import { expectedDurationMs, POLL_INTERVAL_MS } from '@/lib/generation/timings';
import type { TaskStatus } from '@/lib/wan';

const MAX_BACKOFF_MS = 60_000;
/** Open this many times longer than expected: no longer plausible, though it may still finish. */
const TIMED_OUT_FACTOR = 15;
const TIMED_OUT_POLL_MS = 5 * 60_000;

type PolledRow = Pick<Generation, 'pollCount' | 'submittedAt' | 'resolution' | 'duration'>;

/** What a status answer changes on the row; pure so the schedule is easy to test. */
export function applyTaskStatus(
  row: PolledRow,
  status: TaskStatus,
  now: Date,
  pollScale: number,
): Partial<NewGeneration> {
  const common = {
    pollCount: row.pollCount + 1,
    pollErrors: 0,
    leaseUntil: null,
    updatedAt: now,
    apiCreateTime: status.createTime === undefined ? undefined : new Date(status.createTime),
  };
  if (status.state === 'success') {
    return {
      ...common,
      state: 'success',
      resultUrls: status.resultJson?.resultUrls ?? [],
      apiCompleteTime: status.completeTime === undefined ? null : new Date(status.completeTime),
      apiCostTime: status.costTime ?? null,
      completedAt: now,
      nextPollAt: null,
    };
  }
  if (status.state === 'failed') {
    return {
      ...common,
      state: 'failed',
      failCode: status.failCode ?? 'GENERATION_FAILED',
      failMsg: status.failMsg ?? null,
      apiCompleteTime: status.completeTime === undefined ? null : new Date(status.completeTime),
      apiCostTime: status.costTime ?? null,
      completedAt: now,
      nextPollAt: null,
    };
  }
  const openFor = now.getTime() - (row.submittedAt?.getTime() ?? now.getTime());
  if (openFor > expectedDurationMs(row) * TIMED_OUT_FACTOR * pollScale) {
    // Still asked, rarely, in case it finishes after all.
    return { ...common, state: 'timed_out', nextPollAt: new Date(now.getTime() + TIMED_OUT_POLL_MS * pollScale) };
  }
  return { ...common, state: status.state, nextPollAt: new Date(now.getTime() + POLL_INTERVAL_MS * pollScale) };
}

/** After a failed status call: back off exponentially (or as the service asked), keep the task open. */
export function backoffAfterError(
  row: Pick<Generation, 'pollErrors'>,
  now: Date,
  pollScale: number,
  retryAfterMs?: number,
): Partial<NewGeneration> {
  const errors = row.pollErrors + 1;
  const backoff = Math.min(MAX_BACKOFF_MS, POLL_INTERVAL_MS * 2 ** (errors - 1)) * pollScale;
  return {
    pollErrors: errors,
    leaseUntil: null,
    updatedAt: now,
    nextPollAt: new Date(now.getTime() + Math.max(backoff, retryAfterMs ?? 0)),
  };
}
