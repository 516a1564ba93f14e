import { describe, expect, it } from 'vitest';
import { createSignInLimiter } from './sign-in-limiter';

const MINUTE = 60_000;

function clockedLimiter(options: Parameters<typeof createSignInLimiter>[0] = {}) {
  let now = 1_000_000;
  const limiter = createSignInLimiter({ ...options, now: () => now });
  return { limiter, advance: (ms: number) => (now += ms) };
}

function fail(limiter: ReturnType<typeof createSignInLimiter>, email: string, ip: string, times: number) {
  for (let i = 0; i < times; i += 1) expect(limiter.begin({ email, ip }).limited).toBe(false);
}

describe('sign-in limiter', () => {
  it('allows 5 failures per email in 15 minutes, then says how long to wait', () => {
    const { limiter, advance } = clockedLimiter();
    fail(limiter, 'ada@example.test', '10.0.0.1', 5);
    advance(MINUTE);
    const sixth = limiter.begin({ email: 'ada@example.test', ip: '10.0.0.2' });
    expect(sixth).toEqual({ limited: true, retryAfterMs: 14 * MINUTE });
  });

  it('normalises the email, so case and spaces do not make a new bucket', () => {
    const { limiter } = clockedLimiter();
    fail(limiter, 'ada@example.test', '10.0.0.1', 5);
    expect(limiter.begin({ email: '  ADA@Example.test ', ip: '10.0.0.9' }).limited).toBe(true);
  });

  it('is a sliding window: each failure frees its slot 15 minutes after it happened', () => {
    const { limiter, advance } = clockedLimiter();
    fail(limiter, 'ada@example.test', '10.0.0.1', 1);
    advance(5 * MINUTE);
    fail(limiter, 'ada@example.test', '10.0.0.1', 4);
    advance(10 * MINUTE - 1);
    expect(limiter.begin({ email: 'ada@example.test', ip: '10.0.0.1' }).limited).toBe(true);
    advance(1); // the first failure leaves the window; the other four are still in it
    fail(limiter, 'ada@example.test', '10.0.0.1', 1);
    expect(limiter.begin({ email: 'ada@example.test', ip: '10.0.0.1' }).limited).toBe(true);
  });

  it('does not count attempts refused while limited, so waiting always ends the lock', () => {
    const { limiter, advance } = clockedLimiter();
    fail(limiter, 'ada@example.test', '10.0.0.1', 5);
    for (let i = 0; i < 10; i += 1) {
      advance(MINUTE);
      expect(limiter.begin({ email: 'ada@example.test', ip: '10.0.0.1' }).limited).toBe(true);
    }
    advance(5 * MINUTE);
    expect(limiter.begin({ email: 'ada@example.test', ip: '10.0.0.1' }).limited).toBe(false);
  });

  it('allows 20 failures per IP across emails, then refuses every email from it', () => {
    const { limiter } = clockedLimiter();
    for (let user = 0; user < 5; user += 1) fail(limiter, `user${user}@example.test`, '10.0.0.1', 4);
    const limited = limiter.begin({ email: 'fresh@example.test', ip: '10.0.0.1' });
    expect(limited.limited).toBe(true);
    expect(limiter.begin({ email: 'fresh@example.test', ip: '10.0.0.2' }).limited).toBe(false);
  });

  it('a success clears the email and does not use up the IP', () => {
    const { limiter } = clockedLimiter();
    fail(limiter, 'ada@example.test', '10.0.0.1', 4);
    const attempt = limiter.begin({ email: 'ada@example.test', ip: '10.0.0.1' });
    if (attempt.limited) throw new Error('expected an allowed attempt');
    attempt.succeeded();
    fail(limiter, 'ada@example.test', '10.0.0.1', 5);
    expect(limiter.begin({ email: 'ada@example.test', ip: '10.0.0.1' }).limited).toBe(true);
    // IP: 4 + 5 failures; 11 more fit before its limit of 20.
    for (let i = 0; i < 11; i += 1) fail(limiter, `other${i}@example.test`, '10.0.0.1', 1);
    expect(limiter.begin({ email: 'last@example.test', ip: '10.0.0.1' }).limited).toBe(true);
  });

  it('counts an attempt before the password is checked, so parallel guesses cannot pass together', () => {
    const { limiter } = clockedLimiter();
    const attempts = Array.from({ length: 10 }, () => limiter.begin({ email: 'ada@example.test', ip: '10.0.0.1' }));
    expect(attempts.filter((attempt) => !attempt.limited)).toHaveLength(5);
  });

  it('stays bounded: expired keys are dropped first, then the least recently touched', () => {
    const { limiter, advance } = clockedLimiter({ maxKeys: 10 });
    fail(limiter, 'old@example.test', '10.0.0.1', 1); // 2 keys
    advance(16 * MINUTE);
    for (let i = 0; i < 4; i += 1) fail(limiter, `new${i}@example.test`, '10.0.0.2', 1); // 2 + 5 keys
    expect(limiter.size()).toBe(7);
    for (let i = 4; i < 8; i += 1) fail(limiter, `new${i}@example.test`, '10.0.0.2', 1);
    expect(limiter.size()).toBe(9); // full at new7: the two expired keys went, no live one
    for (let i = 8; i < 50; i += 1) fail(limiter, `new${i}@example.test`, `10.0.1.${i}`, 1);
    expect(limiter.size()).toBeLessThanOrEqual(10);
    // Live keys are evicted least recently touched first: the newest one keeps its count.
    fail(limiter, 'new49@example.test', '10.0.0.4', 4);
    expect(limiter.begin({ email: 'new49@example.test', ip: '10.0.0.5' }).limited).toBe(true);
    expect(limiter.size()).toBeLessThanOrEqual(10);
  });
});
