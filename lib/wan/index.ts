import 'server-only';
import { getEnv } from '@/lib/env';
import { log, logUpstreamCall } from '@/lib/ops/log';
import { countUpstreamCall } from '@/lib/ops/metrics';
import { createWanClient, type WanClient } from './client';
import { createRateLimiter } from './rate-limiter';
import { createResilientClient, defaultRetryPolicy } from './retry';

let client: WanClient | undefined;

/** The process-wide client, holding the server-side key. Nothing outside lib/wan ever sees the key. */
export function getWanClient(): WanClient {
  if (client) return client;
  const { wan } = getEnv();
  const inner = createWanClient({
    baseUrl: wan.baseUrl,
    apiKey: wan.apiKey,
    timeoutMs: wan.timeoutMs,
    onCall: (call) => {
      countUpstreamCall(call);
      logUpstreamCall(call);
    },
    onProblem: (problem) => log().warn(problem, 'unusable upstream answer'),
  });
  client = createResilientClient(inner, {
    limiter: createRateLimiter({ perMinute: wan.ratePerMinute }),
    policy: { ...defaultRetryPolicy, retries: wan.retries },
  });
  return client;
}

export { toWanCreateBody } from './request-body';
export { WanApiError, WanNetworkError, WanProtocolError } from './errors';
export type { WanClient } from './client';
export type { TaskStatus } from './envelope';
