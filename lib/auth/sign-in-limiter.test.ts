import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/index';
import { createHashBudget } from './hash-budget';
import { createSignInLimiter, type SignInAttempt } from './sign-in-limiter';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
// Plenty of hash budget, unless a test is about the budget.
const roomy = () => createHashBudget({ perSecond: 1_000_000, burst: 1_000_000 });

let clock = 1_000_000;
function clockedLimiter() {
  const limiter = createSignInLimiter({ now: () => clock, budget: roomy() });
  return { limiter, advance: (ms: number) => (clock += ms) };
}

const waitOf = (attempt: SignInAttempt) => (attempt.limited === true ? attempt.retryAfterMs : 0);

/** One failed guess that is let through (waiting out any delay first, as a patient attacker would). */
function failPatiently(limiter: ReturnType<typeof createSignInLimiter>, advance: (ms: number) => void, email: string, ip: string | undefined): number {
  let attempt = limiter.begin({ email, ip });
  const waited = waitOf(attempt);
  if (waited > 0) {
    advance(waited);
    attempt = limiter.begin({ email, ip });
  }
  expect(attempt.limited).toBe(false);
  return waited;
}

describe('sign-in throttling (counters in SQLite)', () => {
  it('an attacker guessing the victim’s password from one address never keeps the victim, at another address, waiting more than 30 s', () => {
    const { limiter, advance } = clockedLimiter();
    for (let i = 0; i < 60; i += 1) failPatiently(limiter, advance, 'victim@example.test', '203.0.113.66');
    // The attacker's own address now waits long; the victim from home waits at most the per-account cap.
    expect(waitOf(limiter.begin({ email: 'victim@example.test', ip: '203.0.113.66' }))).toBeGreaterThan(5 * MINUTE);
    const victim = limiter.begin({ email: 'victim@example.test', ip: '198.51.100.7' });
    expect(waitOf(victim)).toBeLessThanOrEqual(30 * SECOND);
    advance(waitOf(victim));
    const later = limiter.begin({ email: 'victim@example.test', ip: '198.51.100.7' });
    expect(later.limited).toBe(false);
  });

  it('an attacker spread over many addresses still leaves the account owner at most 30 s behind', () => {
    const { limiter, advance } = clockedLimiter();
    let longest = 0;
    for (let i = 0; i < 200; i += 1) longest = Math.max(longest, failPatiently(limiter, advance, 'victim2@example.test', `192.0.2.${i % 250}`));
    expect(longest).toBeLessThanOrEqual(30 * SECOND);
    expect(waitOf(limiter.begin({ email: 'victim2@example.test', ip: '198.51.100.8' }))).toBeLessThanOrEqual(30 * SECOND);
  });

  it('5 failures are free, then each further failure makes the next attempt wait longer, up to 15 minutes from one address', () => {
    const { limiter, advance } = clockedLimiter();
    const waits: number[] = [];
    for (let i = 0; i < 20; i += 1) waits.push(failPatiently(limiter, advance, 'ada@example.test', '10.0.0.1'));
    expect(waits.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(waits.slice(6, 9)).toEqual([1 * SECOND, 2 * SECOND, 4 * SECOND]);
    for (let i = 7; i < waits.length; i += 1) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1] ?? 0);
    expect(Math.max(...waits)).toBe(15 * MINUTE);
  });

  it('answers an attempt that comes too early at once, without counting it, so waiting always ends the delay', () => {
    const { limiter, advance } = clockedLimiter();
    for (let i = 0; i < 8; i += 1) failPatiently(limiter, advance, 'bo@example.test', '10.0.0.2');
    const first = waitOf(limiter.begin({ email: 'bo@example.test', ip: '10.0.0.2' }));
    expect(first).toBe(4 * SECOND);
    for (let i = 0; i < 50; i += 1) expect(waitOf(limiter.begin({ email: 'bo@example.test', ip: '10.0.0.2' }))).toBe(first);
    advance(first);
    expect(limiter.begin({ email: 'bo@example.test', ip: '10.0.0.2' }).limited).toBe(false);
  });

  it('spends no hash budget on an attempt that comes too early', () => {
    let now = 3_000_000;
    const limiter = createSignInLimiter({ now: () => now, budget: createHashBudget({ perSecond: 0.001, burst: 8, now: () => now }) });
    for (let i = 0; i < 6; i += 1) expect(limiter.begin({ email: 'hal@example.test', ip: '10.0.0.9' }).limited).toBe(false);
    for (let i = 0; i < 100; i += 1) expect(limiter.begin({ email: 'hal@example.test', ip: '10.0.0.9' }).limited).toBe(true);
    now += 1 * SECOND;
    expect(limiter.begin({ email: 'hal@example.test', ip: '10.0.0.9' }).limited).toBe(false);
    now += 2 * SECOND;
    expect(limiter.begin({ email: 'hal@example.test', ip: '10.0.0.9' }).limited).toBe(false); // the 8th and last token
    now += 4 * SECOND;
    expect(limiter.begin({ email: 'hal@example.test', ip: '10.0.0.9' }).limited).toBe('busy');
  });

  it('counts an attempt before the password is checked, so parallel guesses cannot all pass together', () => {
    const { limiter } = clockedLimiter();
    const attempts = Array.from({ length: 20 }, () => limiter.begin({ email: 'cy@example.test', ip: '10.0.0.3' }));
    // 5 free, the 6th passes but sets the first delay; the rest come too early.
    expect(attempts.filter((attempt) => attempt.limited === false)).toHaveLength(6);
  });

  it('a success clears the account+address counter: the owner’s earlier typos no longer add to their long delay', () => {
    const { limiter, advance } = clockedLimiter();
    const typos = (email: string, count: number) => {
      for (let i = 0; i < count; i += 1) failPatiently(limiter, advance, email, email.startsWith('di') ? '10.0.0.4' : '10.0.0.14');
    };
    typos('di@example.test', 5);
    const right = limiter.begin({ email: 'di@example.test', ip: '10.0.0.4' });
    if (right.limited !== false) throw new Error('expected an allowed attempt');
    right.succeeded();
    typos('di@example.test', 8);
    expect(waitOf(limiter.begin({ email: 'di@example.test', ip: '10.0.0.4' }))).toBe(30 * SECOND);
    // The same typos without the success in between: the pair's delay has grown past the account's cap.
    typos('el@example.test', 13);
    expect(waitOf(limiter.begin({ email: 'el@example.test', ip: '10.0.0.14' }))).toBeGreaterThan(60 * SECOND);
  });

  it('forgets a counter after an hour without failures: the delays start again from the free ones', () => {
    const { limiter, advance } = clockedLimiter();
    for (let i = 0; i < 10; i += 1) failPatiently(limiter, advance, 'ivy@example.test', '10.0.0.10');
    advance(61 * MINUTE);
    const waits = Array.from({ length: 6 }, () => failPatiently(limiter, advance, 'ivy@example.test', '10.0.0.10'));
    expect(waits).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('normalises the email, so case and spaces do not make a new counter', () => {
    const { limiter, advance } = clockedLimiter();
    for (let i = 0; i < 6; i += 1) failPatiently(limiter, advance, 'ed@example.test', '10.0.0.5');
    expect(limiter.begin({ email: '  ED@Example.test ', ip: '10.0.0.5' }).limited).toBe(true);
  });

  it('without a trusted proxy (no address) only the small per-account delay applies', () => {
    const { limiter, advance } = clockedLimiter();
    const waits = Array.from({ length: 40 }, () => failPatiently(limiter, advance, 'fi@example.test', undefined));
    expect(Math.max(...waits)).toBe(30 * SECOND);
  });

  it('an address guessing across many accounts is slowed down as a whole', () => {
    const { limiter, advance } = clockedLimiter();
    for (let i = 0; i < 20; i += 1) failPatiently(limiter, advance, `user${i}@example.test`, '10.0.0.6');
    failPatiently(limiter, advance, 'user-next@example.test', '10.0.0.6');
    expect(waitOf(limiter.begin({ email: 'fresh@example.test', ip: '10.0.0.6' }))).toBeGreaterThan(0);
    expect(limiter.begin({ email: 'fresh@example.test', ip: '10.0.0.7' }).limited).toBe(false);
  });

  it('survives a restart: a new limiter on a new database handle of the same file still makes the attacker wait', () => {
    const { limiter, advance } = clockedLimiter();
    for (let i = 0; i < 12; i += 1) failPatiently(limiter, advance, 'gus@example.test', '10.0.0.8');
    const before = waitOf(limiter.begin({ email: 'gus@example.test', ip: '10.0.0.8' }));
    expect(before).toBeGreaterThan(0);

    getDb().$client.close();
    delete (globalThis as { __wanStudioDb?: unknown }).__wanStudioDb;
    const restarted = createSignInLimiter({ now: () => clock, budget: roomy() });
    expect(waitOf(restarted.begin({ email: 'gus@example.test', ip: '10.0.0.8' }))).toBe(before);
  });

  it('caps password-hash work for the whole process: over the budget an attempt is answered "busy" and not counted', () => {
    let now = 5_000_000;
    const limiter = createSignInLimiter({ now: () => now, budget: createHashBudget({ perSecond: 10, burst: 20, now: () => now }) });
    const burst = Array.from({ length: 30 }, (_, i) => limiter.begin({ email: `flood${i}@example.test`, ip: `198.18.0.${i}` }));
    expect(burst.filter((attempt) => attempt.limited === false)).toHaveLength(20);
    expect(burst.filter((attempt) => attempt.limited === 'busy')).toHaveLength(10);
    // A busy answer counted nothing: that account is as fresh as before.
    now += 1000; // 10 more hashes' worth of budget
    const retried = Array.from({ length: 5 }, () => limiter.begin({ email: 'flood25@example.test', ip: '198.18.0.25' }));
    expect(retried.every((attempt) => attempt.limited === false)).toBe(true);
  });
});
