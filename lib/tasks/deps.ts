import 'server-only';
import { getEnv } from '@/lib/env';
import { getWanClient } from '@/lib/wan';
import type { RefreshDeps } from './refresh';

/** The real clock, client and schedule; tests pass their own. */
export function trackerDeps(): RefreshDeps {
  return { wan: getWanClient(), now: () => new Date(), pollScale: getEnv().pollScale };
}
