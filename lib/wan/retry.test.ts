import { describe, expect, it } from 'vitest';
import { WanApiError, WanNetworkError, WanProtocolError } from './errors';
import { backoffDelayMs, isRetryableCreate, isRetryableRead, withRetry, type RetryPolicy } from './retry';

function policy(overrides: Partial<RetryPolicy> = {}) {
  const slept: number[] = [];
  return {
    slept,
    policy: { retries: 4, baseMs: 100, capMs: 1_000, random: () => 1, sleep: async (ms: number) => void slept.push(ms), ...overrides },
  };
}

describe('which failures are retried', () => {
  it('retries a status read on 429, 5xx gateway errors, broken connections and garbage', () => {
    for (const status of [429, 500, 502, 503, 504]) expect(isRetryableRead(new WanApiError(status, status, 'x'))).toBe(true);
    expect(isRetryableRead(new WanNetworkError('reset', true))).toBe(true);
    expect(isRetryableRead(new WanProtocolError('bad', '{'))).toBe(true);
    for (const status of [400, 401, 402, 403, 404]) expect(isRetryableRead(new WanApiError(status, status, 'x'))).toBe(false);
  });

  it('retries a create only when it provably never reached the service', () => {
    expect(isRetryableCreate(new WanApiError(429, 429, 'x'))).toBe(true);
    expect(isRetryableCreate(new WanApiError(503, 503, 'x'))).toBe(true);
    expect(isRetryableCreate(new WanNetworkError('refused', false))).toBe(true);
    // Sent, then no answer: the task may exist. Never create a second one behind the user's back.
    expect(isRetryableCreate(new WanNetworkError('timed out', true))).toBe(false);
    expect(isRetryableCreate(new WanApiError(500, 500, 'x'))).toBe(false);
    expect(isRetryableCreate(new WanProtocolError('bad', '{'))).toBe(false);
  });
});

describe('backoff', () => {
  it('grows exponentially up to the cap, with full jitter below it', () => {
    const { policy: p } = policy();
    expect([0, 1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, p))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(backoffDelayMs(3, { ...p, random: () => 0.25 })).toBe(200);
  });

  it('waits at least as long as Retry-After asks', () => {
    const { policy: p } = policy({ random: () => 0 });
    expect(backoffDelayMs(0, p, 3_000)).toBe(3_000);
  });

  it('gives up after the configured retries and reports the last error', async () => {
    const { policy: p, slept } = policy({ retries: 2 });
    let calls = 0;
    const error = await withRetry(
      async () => {
        calls += 1;
        throw new WanApiError(503, 503, 'busy');
      },
      isRetryableRead,
      p,
    ).catch((caught: unknown) => caught);
    expect(calls).toBe(3);
    expect(slept).toEqual([100, 200]);
    expect(error).toMatchObject({ status: 503 });
  });

  it('returns the first success and honours Retry-After on a 429', async () => {
    const { policy: p, slept } = policy({ random: () => 0 });
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls === 1) throw new WanApiError(429, 429, 'Rate limit exceeded', undefined, 1_500);
        return 'ok';
      },
      isRetryableRead,
      p,
    );
    expect(result).toBe('ok');
    expect(slept).toEqual([1_500]);
  });
});

describe('a deadline on retries (a send holds a lease that must not run out while it waits)', () => {
  it('a long Retry-After past the deadline is not waited for: the 429 is thrown at once', async () => {
    let clock = 0;
    const slept: number[] = [];
    const policy = { retries: 5, baseMs: 10, capMs: 100, random: () => 1, now: () => clock, sleep: async (ms: number) => void slept.push((clock += ms)) };
    let calls = 0;
    const busy = new WanApiError(429, 429, 'Rate limit exceeded', undefined, 60_000);
    const error = await withRetry(() => Promise.reject(busy).finally(() => void (calls += 1)), isRetryableCreate, policy, 30_000).catch((caught: unknown) => caught);
    expect(error).toBe(busy);
    expect(calls).toBe(1);
    expect(slept).toEqual([]);
  });

  it('short waits within the deadline still happen', async () => {
    let clock = 0;
    const policy = { retries: 5, baseMs: 10, capMs: 100, random: () => 1, now: () => clock, sleep: async (ms: number) => void (clock += ms) };
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw new WanApiError(429, 429, 'Rate limit exceeded', undefined, 1_000);
        return 'created';
      },
      isRetryableCreate,
      policy,
      30_000,
    );
    expect(result).toBe('created');
    expect(clock).toBe(2_000);
  });
});
