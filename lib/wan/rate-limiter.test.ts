import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter';

describe('createRateLimiter', () => {
  it('lets a second’s worth through at once, then spaces calls at the configured rate', async () => {
    let clock = 0;
    const limiter = createRateLimiter({
      perMinute: 600, // 10 per second
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      await limiter.acquire();
      times.push(clock);
    }
    expect(times.slice(0, 10).every((t) => t === 0)).toBe(true);
    // 20 more at 10/s take 2 s: never faster than the limit.
    expect(times[29]).toBeGreaterThanOrEqual(2_000);
    expect(times[29]).toBeLessThanOrEqual(2_100);
    const perMinute = times.filter((t) => t < 60_000).length;
    expect(perMinute).toBeLessThanOrEqual(600);
  });
});
