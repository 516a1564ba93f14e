import type { Generation } from '@/db/schema';
import type { GenerationRequest } from './schema';

// The service's documented timings: how long a clip takes, when to ask about it, how long its result link lives.

type Timing = Pick<GenerationRequest, 'resolution'> & { duration: number };

/** The documented typical generation time: ≈50–70 s at 720p, ≈70–90 s at 1080p; a 10 s clip takes longer. */
export function expectedDurationMs({ resolution, duration }: Timing): number {
  const base = resolution === '1080p' ? 80_000 : 60_000;
  return duration === 10 ? base * 1.5 : base;
}

/** The documented advice: wait before the first status call, then poll every few seconds. */
export function firstPollDelayMs({ resolution, duration }: Timing): number {
  const base = resolution === '1080p' ? 70_000 : 50_000;
  return duration === 10 ? base * 1.5 : base;
}

export const POLL_INTERVAL_MS = 5_000;

/** The service keeps result files this long after a task completes (doc: 15 days). */
export const RESULT_URL_LIFETIME_MS = 15 * 24 * 60 * 60_000;

/** The start of the archive error that ends the retries: nothing can be saved any more. */
export const LINK_EXPIRED = 'The service’s link expired before a copy could be saved';

/** When the service's result URL stops working: 15 days after the task completed. */
export function linkExpiryOf(row: Pick<Generation, 'apiCompleteTime' | 'completedAt' | 'createdAt'>): Date {
  return new Date((row.apiCompleteTime ?? row.completedAt ?? row.createdAt).getTime() + RESULT_URL_LIFETIME_MS);
}

const CALLBACK_GRACE_MS = 30_000;

/**
 * When to first ask the service about a task just sent: after the documented wait when polling;
 * in webhook mode only if no callback has come well after the expected time (a fallback).
 */
export function firstRefreshAt(row: Pick<Generation, 'resolution' | 'duration' | 'requestType'>, sentAt: Date, pollScale: number): Date {
  const wait = row.requestType === 'callback' ? expectedDurationMs(row) * 2 + CALLBACK_GRACE_MS : firstPollDelayMs(row);
  return new Date(sentAt.getTime() + wait * pollScale);
}
