import { beforeAll, describe, expect, it } from 'vitest';
import { createUserWithPersonalTeam } from '@/db/queries/users';
import { resetEnvForTests } from '@/lib/env';
import { authorizeCredentials } from './authorize-credentials';
import { DEVICE_COOKIE, issueDeviceCookie } from './device-cookie';
import { createHashBudget, createKeyedHashBudget } from './hash-budget';
import { hashPassword } from './password';
import { getAuthSecret } from './secret';
import { signInErrorMessage } from './credentials';
import { createSignInLimiter, type SignInLimiter } from './sign-in-limiter';

// The default install: no TRUST_PROXY, so the client's address is unknown and only per-account keys exist.
const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;
const PASSWORD = 'correct horse battery';

let clock = 10_000_000;
const now = () => clock;
const roomy = () => createHashBudget({ perSecond: 1_000_000, burst: 1_000_000, now });

/** The cookie the route sets on this browser after the owner's last successful sign-in. */
const deviceOf = (email: string) => issueDeviceCookie({ email, secret: getAuthSecret() });
const browser = (cookie?: string) => ({ headers: cookie === undefined ? {} : { cookie: `next-auth.csrf-token=x; ${DEVICE_COOKIE}=${cookie}` } });

async function signIn(limiter: SignInLimiter, email: string, password: string, cookie?: string): Promise<string> {
  try {
    const user = await authorizeCredentials({ email, password }, browser(cookie), limiter);
    return user ? `user:${user.email}` : 'null';
  } catch (error) {
    return `thrown:${error instanceof Error ? signInErrorMessage(error.message) : 'unknown'}`;
  }
}

/** The attacker's failure, landed the moment the account's delay ends (begin counts it; the password check then fails). */
function failWhenItExpires(limiter: SignInLimiter, email: string): void {
  let attempt = limiter.begin({ email, ip: undefined });
  if (attempt.limited === true) {
    clock += attempt.retryAfterMs;
    attempt = limiter.begin({ email, ip: undefined });
  }
  expect(attempt.limited).toBe(false);
}

beforeAll(async () => {
  delete process.env.TRUST_PROXY;
  resetEnvForTests();
  const passwordHash = await hashPassword(PASSWORD);
  for (const email of ['owner@example.test', 'victim@example.test', 'mallory@example.test', 'busy-owner@example.test']) {
    const created = await createUserWithPersonalTeam({ email, name: email.split('@')[0] ?? 'x', passwordHash });
    if (!('user' in created)) throw new Error('not created');
  }
});

describe('device cookies on the default install (no trusted proxy)', () => {
  it('an attacker keeping the per-account delay armed for hours never delays the owner on their own browser, who signs in on the first try', async () => {
    const limiter = createSignInLimiter({ now, budget: roomy(), deviceBudget: createKeyedHashBudget({ now }) });
    const cookie = deviceOf('owner@example.test');
    for (let i = 0; i < 6; i += 1) failWhenItExpires(limiter, 'owner@example.test');
    const start = clock;
    let checks = 0;
    while (clock - start < 6 * HOUR) {
      failWhenItExpires(limiter, 'owner@example.test');
      // Every ~20 minutes the owner comes back: a new browser is held up, their own browser is not.
      if (Math.floor((clock - start) / (20 * 60 * SECOND)) >= checks) {
        checks += 1;
        expect(await signIn(limiter, 'owner@example.test', PASSWORD)).toMatch(/^thrown:Too many attempts; try again in \d+ s\.$/);
        expect(await signIn(limiter, 'owner@example.test', PASSWORD, cookie)).toBe('user:owner@example.test');
      }
    }
    expect(checks).toBeGreaterThanOrEqual(18);
  });

  it('the owner’s own typos on their browser are throttled on its key: 10 free, then growing delays', async () => {
    const limiter = createSignInLimiter({ now, budget: roomy(), deviceBudget: createKeyedHashBudget({ perKeyBurst: 100, perSecond: 1000, burst: 1000, now }) });
    const cookie = deviceOf('owner@example.test');
    for (let i = 0; i < 10; i += 1) expect(await signIn(limiter, 'owner@example.test', 'typo', cookie)).toBe('null');
    expect(await signIn(limiter, 'owner@example.test', 'typo', cookie)).toBe('null');
    expect(await signIn(limiter, 'owner@example.test', PASSWORD, cookie)).toBe('thrown:Too many attempts; try again in 1 s.');
    clock += SECOND;
    expect(await signIn(limiter, 'owner@example.test', PASSWORD, cookie)).toBe('user:owner@example.test');
    // The success cleared the browser's counter.
    expect(await signIn(limiter, 'owner@example.test', 'typo', cookie)).toBe('null');
    expect(await signIn(limiter, 'owner@example.test', PASSWORD, cookie)).toBe('user:owner@example.test');
  });

  it('a forged cookie, or the attacker’s cookie for their own account, gives no way past the victim’s delay', async () => {
    const limiter = createSignInLimiter({ now, budget: roomy(), deviceBudget: createKeyedHashBudget({ now }) });
    for (let i = 0; i < 6; i += 1) failWhenItExpires(limiter, 'victim@example.test');
    const mallorys = deviceOf('mallory@example.test');
    const [victimId] = deviceOf('victim@example.test').split('.');
    const [, malloryMac] = mallorys.split('.');
    for (const cookie of [mallorys, `${victimId}.${malloryMac}`, `${victimId}.${'x'.repeat(43)}`, 'garbage']) {
      expect(await signIn(limiter, 'victim@example.test', PASSWORD, cookie)).toBe('thrown:Too many attempts; try again in 1 s.');
    }
    // Mallory's cookie still works for Mallory only.
    expect(await signIn(limiter, 'mallory@example.test', PASSWORD, mallorys)).toBe('user:mallory@example.test');
  });

  it('a flood of 1 000 wrong attempts for random emails spends the hash budget, yet the owner with a device cookie signs in', async () => {
    const limiter = createSignInLimiter({ now, budget: createHashBudget({ now }), deviceBudget: createKeyedHashBudget({ now }) });
    const flood = Array.from({ length: 1000 }, (_, i) => limiter.begin({ email: `bot${i}-${Math.random()}@example.test`, ip: undefined }));
    expect(flood.filter((attempt) => attempt.limited === 'busy').length).toBeGreaterThanOrEqual(980);
    // Everyone without a device cookie is now told the studio is busy…
    expect(await signIn(limiter, 'busy-owner@example.test', PASSWORD)).toBe('thrown:The studio is busy; try again in a moment.');
    // …but the owner on their own browser is not.
    expect(await signIn(limiter, 'busy-owner@example.test', PASSWORD, deviceOf('busy-owner@example.test'))).toBe('user:busy-owner@example.test');
  });

  it('one account signing in again and again (minting device cookies) cannot spend the hash budget other device holders need', async () => {
    const limiter = createSignInLimiter({ now, budget: roomy(), deviceBudget: createKeyedHashBudget({ now }) });
    const spent = Array.from({ length: 200 }, () => limiter.begin({ email: 'mallory@example.test', ip: undefined, device: Math.random().toString(36) }));
    expect(spent.filter((attempt) => attempt.limited === false)).toHaveLength(5);
    expect(await signIn(limiter, 'owner@example.test', PASSWORD, deviceOf('owner@example.test'))).toBe('user:owner@example.test');
  });
});
