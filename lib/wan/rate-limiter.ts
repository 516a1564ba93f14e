export type RateLimiter = { acquire(): Promise<void> };

/**
 * A token bucket refilled continuously at `perMinute`, shared by every call of this process,
 * so bursts from many watchers or a large sweep stay under the service's per-key limit.
 */
export function createRateLimiter({
  perMinute,
  now = Date.now,
  sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
}: {
  perMinute: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}): RateLimiter {
  const capacity = Math.max(1, Math.floor(perMinute / 60)); // at most one second's worth at once
  const perMs = perMinute / 60_000;
  let tokens = capacity;
  let last = now();
  let chain: Promise<void> = Promise.resolve();

  function refill() {
    const at = now();
    tokens = Math.min(capacity, tokens + (at - last) * perMs);
    last = at;
  }

  async function take() {
    refill();
    while (tokens < 1) {
      await sleep(Math.ceil((1 - tokens) / perMs));
      refill();
    }
    tokens -= 1;
  }

  return {
    // Callers queue in order, so nobody starves under load.
    acquire() {
      const turn = chain.then(take);
      chain = turn.catch(() => undefined);
      return turn;
    },
  };
}
