import bcrypt from 'bcryptjs';
import type { CredentialsConfig } from 'next-auth/providers/credentials';
import { beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { createUserWithPersonalTeam } from '@/db/queries/users';
import { getAuthOptions } from './options';
import { signInErrorMessage } from './sign-in-errors';

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

async function outcome(email: string, password: string, ip: string): Promise<string> {
  try {
    const user = await authorize({ email, password }, from(ip));
    return user ? `user:${user.email}` : 'null';
  } catch (error) {
    return `thrown:${error instanceof Error ? signInErrorMessage(error.message) : 'unknown'}`;
  }
}

const LIMITED = 'thrown:Too many attempts. Try again in about 15 minutes.';

beforeAll(async () => {
  // Behind a proxy that overwrites X-Forwarded-For, so the per-address limit applies (see lib/auth/client-ip.ts).
  process.env.TRUST_PROXY = '1';
  resetEnvForTests();
  const passwordHash = await bcrypt.hash(PASSWORD, 4);
  await createUserWithPersonalTeam({ email: 'ada@example.test', name: 'Ada', passwordHash });
  await createUserWithPersonalTeam({ email: 'grace@example.test', name: 'Grace', passwordHash });
  await createUserWithPersonalTeam({ email: 'linus@example.test', name: 'Linus', passwordHash });
});

describe('credentials authorize (the one wired into getAuthOptions)', () => {
  it('signs in with the right password and returns our user', async () => {
    expect(await outcome('Ada@Example.test', PASSWORD, '198.51.100.1')).toBe('user:ada@example.test');
  });

  it('after 5 wrong passwords refuses even the right one; other emails from the IP work until its limit', async () => {
    const ip = '198.51.100.2';
    for (let i = 0; i < 5; i += 1) expect(await outcome('grace@example.test', 'wrong password', ip)).toBe('null');
    expect(await outcome('grace@example.test', PASSWORD, ip)).toBe(LIMITED);
    expect(await outcome('grace@example.test', PASSWORD, '198.51.100.99')).toBe(LIMITED); // per email, from anywhere

    expect(await outcome('linus@example.test', PASSWORD, ip)).toBe('user:linus@example.test');
    // 5 failures so far from this IP; 15 more (spread so no email reaches its own limit) fill its 20.
    for (let i = 0; i < 15; i += 1) expect(await outcome(`nobody${i % 4}@example.test`, 'wrong password', ip)).toBe('null');
    expect(await outcome('linus@example.test', PASSWORD, ip)).toBe(LIMITED);
    expect(await outcome('linus@example.test', PASSWORD, '198.51.100.3')).toBe('user:linus@example.test');
  });

  it('treats a wrong password for an unknown email exactly like one for a known email', async () => {
    const known: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      known.push(await outcome('ada@example.test', 'wrong password', `192.0.2.${i}`));
      unknown.push(await outcome('ghost@example.test', 'wrong password', `192.0.2.${i + 10}`));
    }
    expect(unknown).toEqual(known);
    expect(known).toEqual(['null', 'null', 'null', 'null', 'null', LIMITED]);
  });

  it('refuses malformed input without counting it or throwing', async () => {
    expect(await outcome('not-an-email', PASSWORD, '198.51.100.4')).toBe('null');
    expect(await outcome('ada@example.test', '', '198.51.100.4')).toBe('null');
  });
});

describe('without a trusted proxy', () => {
  it('ignores X-Forwarded-For, so a forged address neither dodges nor triggers a per-address limit', async () => {
    const { clientIp } = await import('./client-ip');
    expect(clientIp({ 'x-forwarded-for': '203.0.113.9' }, false)).toBeUndefined();
    expect(clientIp({ 'x-forwarded-for': '203.0.113.9, 10.0.0.1' }, true)).toBe('203.0.113.9');
  });
});
