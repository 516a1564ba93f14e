import bcrypt from 'bcryptjs';
import type { CredentialsConfig } from 'next-auth/providers/credentials';
import { beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { createUserWithPersonalTeam, getUserByEmail } from '@/db/queries/users';
import { authorizeCredentials } from './authorize-credentials';
import { createHashBudget } from './hash-budget';
import { getAuthOptions } from './options';
import { hashPassword } from './password';
import { signInErrorMessage } from './credentials';
import { createSignInLimiter } from './sign-in-limiter';

// next-auth v4 keeps our authorize in `options` (the top-level `authorize` is a stub merged over at request time).
function realAuthorize(): CredentialsConfig['authorize'] {
  const provider = getAuthOptions().providers.find((candidate) => candidate.id === 'credentials');
  const options: { authorize?: CredentialsConfig['authorize'] } | undefined = provider?.options;
  if (!options?.authorize) throw new Error('credentials provider not found');
  return options.authorize;
}

const authorize = realAuthorize();
const from = (ip: string) => ({ headers: { 'x-forwarded-for': `${ip}, 10.0.0.1` }, body: {}, query: {}, method: 'POST' });
const PASSWORD = 'correct horse battery';

// Most tests drive authorizeCredentials with their own limiter: a clock they move and hash budget to spare.
let clock = Date.now();
const limiter = createSignInLimiter({ now: () => clock, budget: createHashBudget({ perSecond: 1_000_000, burst: 1_000_000 }) });

async function outcome(email: string, password: string, ip: string): Promise<string> {
  try {
    const user = await authorizeCredentials({ email, password }, from(ip), limiter);
    return user ? `user:${user.email}` : 'null';
  } catch (error) {
    return `thrown:${error instanceof Error ? signInErrorMessage(error.message) : 'unknown'}`;
  }
}

async function person(email: string, passwordHash: string) {
  const created = await createUserWithPersonalTeam({ email, name: email.split('@')[0] ?? 'x', passwordHash });
  if (!('user' in created)) throw new Error('not created');
}

beforeAll(async () => {
  // Behind a proxy that overwrites X-Forwarded-For, so the per-address delays apply (see lib/auth/client-ip.ts).
  process.env.TRUST_PROXY = '1';
  resetEnvForTests();
  const passwordHash = await hashPassword(PASSWORD);
  for (const name of ['ada', 'grace', 'linus', 'vic']) await person(`${name}@example.test`, passwordHash);
});

describe('credentials authorize (the one wired into getAuthOptions)', () => {
  it('signs in with the right password and returns our user', async () => {
    expect(await authorize({ email: 'Ada@Example.test', password: PASSWORD }, from('198.51.100.1'))).toMatchObject({ email: 'ada@example.test' });
    expect(await authorize({ email: 'ada@example.test', password: 'wrong password' }, from('198.51.100.1'))).toBeNull();
  });

  it('after 5 free wrong passwords the next attempt is answered at once with how many seconds to wait', async () => {
    const ip = '198.51.100.2';
    for (let i = 0; i < 6; i += 1) expect(await outcome('grace@example.test', 'wrong password', ip)).toBe('null');
    expect(await outcome('grace@example.test', PASSWORD, ip)).toBe('thrown:Too many attempts; try again in 1 s.');
    // Other accounts from the same address are not held up by it.
    expect(await outcome('linus@example.test', PASSWORD, ip)).toBe('user:linus@example.test');
  });

  it('wrong passwords from an attacker’s address delay the victim at home by 30 s at most, then the victim signs in', async () => {
    for (let i = 0; i < 40; i += 1) {
      const said = await outcome('vic@example.test', 'guess', '203.0.113.66');
      const seconds = /in (\d+) s/.exec(said)?.[1];
      if (seconds) clock += Number(seconds) * 1000;
    }
    const victim = await outcome('vic@example.test', PASSWORD, '198.51.100.70');
    const seconds = Number(/in (\d+) s/.exec(victim)?.[1] ?? 0);
    expect(seconds).toBeLessThanOrEqual(30);
    clock += seconds * 1000;
    expect(await outcome('vic@example.test', PASSWORD, '198.51.100.70')).toBe('user:vic@example.test');
    // The attacker's own address still waits far longer.
    expect(Number(/in (\d+) s/.exec(await outcome('vic@example.test', 'guess', '203.0.113.66'))?.[1])).toBeGreaterThan(60);
  });

  it('treats a wrong password for an unknown email exactly like one for a known email', async () => {
    const known: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      known.push(await outcome('ada@example.test', 'wrong password', `192.0.2.${i}`));
      unknown.push(await outcome('ghost@example.test', 'wrong password', `192.0.2.${i + 10}`));
    }
    expect(unknown).toEqual(known);
    expect(known).toEqual(['null', 'null', 'null', 'null', 'null', 'null', 'thrown:Too many attempts; try again in 1 s.']);
  });

  it('refuses malformed input without counting it or throwing', async () => {
    expect(await outcome('not-an-email', PASSWORD, '198.51.100.4')).toBe('null');
    expect(await outcome('ada@example.test', '', '198.51.100.4')).toBe('null');
  });

  it('over the process’s hash budget answers "busy" without checking the password', async () => {
    const spent = createSignInLimiter({ budget: createHashBudget({ perSecond: 0, burst: 0 }) });
    const said = await authorizeCredentials({ email: 'linus@example.test', password: PASSWORD }, from('198.51.100.5'), spent).catch((error: Error) => signInErrorMessage(error.message));
    expect(said).toBe('The studio is busy; try again in a moment.');
  });
});

describe('password hashes', () => {
  it('an old bcrypt hash still signs in, is replaced by argon2id, and from then on a long password counts past 72 bytes', async () => {
    const long = `${'x'.repeat(72)}-the-real-ending`;
    const sameStart = `${'x'.repeat(72)}-an-attacker-ending`;
    await person('old@example.test', await bcrypt.hash(long, 4));
    // What bcrypt did: everything past 72 bytes was ignored.
    expect(await bcrypt.compare(sameStart, (await getUserByEmail({ email: 'old@example.test' }))?.passwordHash ?? '')).toBe(true);

    expect(await outcome('old@example.test', long, '198.51.100.9')).toBe('user:old@example.test');
    expect((await getUserByEmail({ email: 'old@example.test' }))?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await outcome('old@example.test', sameStart, '198.51.100.9')).toBe('null');
    expect(await outcome('old@example.test', long, '198.51.100.9')).toBe('user:old@example.test');
  });

  it('new passwords are argon2id, and a wrong one for a bcrypt account does not upgrade it', async () => {
    expect(await hashPassword('anything at all')).toMatch(/^\$argon2id\$/);
    const old = await bcrypt.hash(PASSWORD, 4);
    await person('kept@example.test', old);
    expect(await outcome('kept@example.test', 'not it', '198.51.100.10')).toBe('null');
    expect((await getUserByEmail({ email: 'kept@example.test' }))?.passwordHash).toBe(old);
  });
});

describe('without a trusted proxy', () => {
  it('ignores X-Forwarded-For, so a forged address neither dodges nor triggers a per-address delay', async () => {
    const { clientIp } = await import('./client-ip');
    expect(clientIp({ 'x-forwarded-for': '203.0.113.9' }, false)).toBeUndefined();
    expect(clientIp({ 'x-forwarded-for': '203.0.113.9, 10.0.0.1' }, true)).toBe('203.0.113.9');
  });
});
