import type { WanClient } from './client';
import { WanApiError, WanNetworkError, WanProtocolError } from './errors';
import type { RateLimiter } from './rate-limiter';

export type RetryPolicy = {
  retries: number;
  baseMs: number;
  capMs: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  now?: () => number;
};

export const defaultRetryPolicy: RetryPolicy = {
  retries: 4,
  baseMs: 500,
  capMs: 8_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const transientStatuses = new Set([429, 500, 502, 503, 504]);

/** A status call is safe to repeat: retry rate limits, server errors, garbage and broken connections. */
export function isRetryableRead(error: unknown): boolean {
  if (error instanceof WanApiError) return transientStatuses.has(error.status);
  return error instanceof WanNetworkError || error instanceof WanProtocolError;
}

/** A create is not idempotent: retry only when it provably never reached the service. */
export function isRetryableCreate(error: unknown): boolean {
  if (error instanceof WanApiError) return error.status === 429 || error.status === 503;
  return error instanceof WanNetworkError && !error.outcomeUnknown;
}

/** Capped exponential backoff with full jitter; a Retry-After from the service wins when it is longer. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, retryAfterMs?: number): number {
  const jittered = policy.random() * Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Retries `run` per `policy`; with `retryUntil` (epoch ms), no wait or retry may end after it: the last error is thrown instead. */
export async function withRetry<T>(run: () => Promise<T>, retryable: (error: unknown) => boolean, policy: RetryPolicy, retryUntil?: number): Promise<T> {
  const now = policy.now ?? Date.now;
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= policy.retries || !retryable(error)) throw error;
      const retryAfter = error instanceof WanApiError ? error.retryAfterMs : undefined;
      const delay = backoffDelayMs(attempt, policy, retryAfter);
      if (retryUntil !== undefined && now() + delay >= retryUntil) throw error;
      await policy.sleep(delay);
    }
  }
}

/** The client the studio uses: every call under the process-wide rate limit, with safe retries. */
export function createResilientClient(inner: WanClient, { limiter, policy }: { limiter: RateLimiter; policy: RetryPolicy }): WanClient {
  const limited =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await limiter.acquire();
      return call(...args);
    };
  const createTask = limited(inner.createTask);
  const getTask = limited(inner.getTask);
  return {
    createTask: (body, options) => withRetry(() => createTask(body, options), isRetryableCreate, policy, options?.retryUntil),
    getTask: (taskId, model) => withRetry(() => getTask(taskId, model), isRetryableRead, policy),
  };
}
