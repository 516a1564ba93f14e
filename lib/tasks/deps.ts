import 'server-only';
import { getEnv } from '@/lib/env';
import { getWanClient, type WanClient } from '@/lib/wan';
import { currentBalanceUsd } from '@/lib/wan/current-balance';

export type TrackerDeps = {
  wan: WanClient;
  now: () => Date;
  /** Compresses the documented waits (tests, benchmarks); 1 in production. */
  pollScale: number;
  maxConcurrentTasks: number;
  /** Where the service reaches us (env.reachableUrl: PUBLIC_URL, or loopback with the emulator); webhook delivery needs it. */
  publicUrl: string | undefined;
  /** How long a send may take before a crash is assumed (the row becomes `unknown`). */
  sendLeaseMs: number;
  /** The key's balance in USD, undefined when unreadable (the credit pause's check, the sweep's estimate). */
  balanceUsd?: (options?: { fresh?: boolean }) => Promise<number | undefined>;
};

/** The real clock, client and schedule; tests pass their own. */
export function trackerDeps(): TrackerDeps {
  const env = getEnv();
  return {
    wan: getWanClient(),
    now: () => new Date(),
    pollScale: env.pollScale,
    maxConcurrentTasks: env.wan.maxConcurrentTasks,
    publicUrl: env.reachableUrl,
    sendLeaseMs: env.wan.timeoutMs * 2 + 10_000,
    balanceUsd: currentBalanceUsd,
  };
}
