import type { TrackerDeps } from '@/lib/tasks/deps';

/** Deps for tests that store clips and send none: no slot is ever free, and the clock stands at `now`. */
export function storeOnlyDeps(now: Date, balanceUsd?: TrackerDeps['balanceUsd']): TrackerDeps {
  return {
    wan: { createTask: () => Promise.reject(new Error('not sent in this test')), getTask: () => Promise.reject(new Error('not polled in this test')) },
    now: () => now,
    pollScale: 1,
    maxConcurrentTasks: 0,
    publicUrl: undefined,
    sendLeaseMs: 30_000,
    balanceUsd,
  };
}
