import 'server-only';
import { getEnv } from '@/lib/env';
import { getWanClient, type WanClient } from '@/lib/wan';

export type TrackerDeps = {
  wan: WanClient;
  now: () => Date;
  /** Compresses the documented waits (tests, benchmarks); 1 in production. */
  pollScale: number;
  maxConcurrentTasks: number;
  /** Our externally reachable base URL; webhook delivery needs it. */
  publicUrl: string | undefined;
};

/** The real clock, client and schedule; tests pass their own. */
export function trackerDeps(): TrackerDeps {
  const env = getEnv();
  return {
    wan: getWanClient(),
    now: () => new Date(),
    pollScale: env.pollScale,
    maxConcurrentTasks: env.wan.maxConcurrentTasks,
    publicUrl: env.publicUrl,
  };
}
