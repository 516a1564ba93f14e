/** The documented limits per API key. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 10_000;
export const DEFAULT_MAX_CONCURRENT_TASKS = 1_000;

/** The documented window; real time, because a rate limit is about the caller's clock, not the render's. */
export const RATE_WINDOW_MS = 60_000;

export interface RateLimiterOptions {
  perMinute: number;
  now: () => number;
}

/** A sliding 60 s window of accepted requests per API key. */
export function createRateLimiter({ perMinute, now }: RateLimiterOptions) {
  const acceptedAtByKey = new Map<string, number[]>();

  return {
    /** Records the request and returns true when the key is still under its limit. */
    tryAccept(apiKey: string): boolean {
      const at = now();
      const recent = acceptedAtByKey.get(apiKey) ?? [];
      acceptedAtByKey.set(apiKey, recent);
      const expired = recent.findIndex((time) => at - time < RATE_WINDOW_MS);
      recent.splice(0, expired === -1 ? recent.length : expired);
      if (recent.length >= perMinute) return false;
      recent.push(at);
      return true;
    },
    reset(): void {
      acceptedAtByKey.clear();
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
