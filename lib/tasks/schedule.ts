import type { Generation } from '@/db/schema';
import { expectedDurationMs, firstPollDelayMs } from '@/lib/generation/timings';

const CALLBACK_GRACE_MS = 30_000;

/**
 * When to first ask the service about a task just sent: after the documented wait when polling;
 * in webhook mode only if no callback has come well after the expected time (a fallback).
 */
export function firstRefreshAt(row: Pick<Generation, 'resolution' | 'duration' | 'requestType'>, sentAt: Date, pollScale: number): Date {
  const wait = row.requestType === 'callback' ? expectedDurationMs(row) * 2 + CALLBACK_GRACE_MS : firstPollDelayMs(row);
  return new Date(sentAt.getTime() + wait * pollScale);
}
