import type { WanClient } from './client';
import type { RateLimiter } from './rate-limiter';
import { isRetryableCreate, isRetryableRead, withRetry, type RetryPolicy } from './retry';

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
    createTask: (body, options) => withRetry(() => createTask(body), isRetryableCreate, policy, options?.retryUntil),
    getTask: (taskId) => withRetry(() => getTask(taskId), isRetryableRead, policy),
  };
}
