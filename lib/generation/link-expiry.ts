import type { Generation } from '@/db/schema';

/** The service keeps result files this long after a task completes (doc: 15 days). */
export const RESULT_URL_LIFETIME_MS = 15 * 24 * 60 * 60_000;

/** The start of the archive error that ends the retries: nothing can be saved any more. */
export const LINK_EXPIRED = 'The service’s link expired before a copy could be saved';

/** When the service's result URL stops working: 15 days after the task completed. */
export function linkExpiryOf(row: Pick<Generation, 'apiCompleteTime' | 'completedAt' | 'createdAt'>): Date {
  return new Date((row.apiCompleteTime ?? row.completedAt ?? row.createdAt).getTime() + RESULT_URL_LIFETIME_MS);
}
