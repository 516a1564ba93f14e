// Over https a cookie without `Secure` would still be sent on any plain-http request to the host (a
// downgraded link, a captive portal) and leak the session or team in clear.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOwner } from '@/test/fixtures';
import { resetEnvForTests } from '@/lib/env';

type CookieOptions = { secure?: boolean; httpOnly?: boolean };
const session = vi.hoisted(() => ({ userId: null as string | null, set: [] as { name: string; options: CookieOptions }[] }));
vi.mock('next-auth', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId }, expires: '2999-01-01' } : null),
}));
vi.mock('next/headers', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  cookies: async () => ({ get: () => undefined, set: (name: string, _value: string, options: CookieOptions) => session.set.push({ name, options }), delete: () => undefined }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const { getAuthOptions } = await import('./options');
const team = await import('@/app/(studio)/team/actions');

function servedAt(url: string) {
  vi.stubEnv('PUBLIC_URL', url);
  vi.stubEnv('NEXTAUTH_URL', url);
  resetEnvForTests();
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
  session.set = [];
});

describe('cookies over https', () => {
  // next-auth then names the session cookie `__Secure-next-auth.session-token` and sets Secure on it.
  it('the session cookie is Secure when the public URL is https', () => {
    servedAt('https://studio.example');
    expect(getAuthOptions().useSecureCookies).toBe(true);
  });

  it('stays a plain cookie on an http install, where a Secure one would never be sent back', () => {
    servedAt('http://localhost:3000');
    expect(getAuthOptions().useSecureCookies).toBe(false);
  });

  it.each([
    ['https://studio.example', true],
    ['http://localhost:3000', false],
  ])('the team cookie set on switching team at %s is Secure: %s', async (url, secure) => {
    servedAt(url);
    const owner = await createOwner(`switch-${crypto.randomUUID()}@example.test`);
    session.userId = owner.userId;
    expect(await team.switchTeam(owner.teamId)).toEqual({ ok: true, data: null });
    expect(session.set).toEqual([{ name: 'studio-team', options: expect.objectContaining({ secure, httpOnly: true }) }]);
  });
});
