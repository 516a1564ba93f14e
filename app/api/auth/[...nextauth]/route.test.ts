import { createRequire } from 'node:module';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createUserWithPersonalTeam } from '@/db/queries/users';
import { DEVICE_COOKIE, verifyDeviceCookie } from '@/lib/auth/device-cookie';
import { hashPassword } from '@/lib/auth/password';
import { getAuthSecret } from '@/lib/auth/secret';
import { resetEnvForTests } from '@/lib/env';
import { countedStream, streamingRequest } from '@/test/streams';

// next-auth's route handler reads the incoming request's headers and cookies through next/headers, which only
// exist inside a Next request (and which it `require`s, out of vi.mock's reach): here they are those of the
// request the test is sending (cookie values decoded, as Next does).
const incoming = { headers: new Headers() };
type Jar = { getAll: () => { name: string; value: string }[] };
const nextHeaders: { headers: () => Promise<Headers>; cookies: () => Promise<Jar> } = createRequire(import.meta.url)('next/headers');
vi.spyOn(nextHeaders, 'headers').mockImplementation(async () => incoming.headers);
vi.spyOn(nextHeaders, 'cookies').mockImplementation(async () => ({
  getAll: () =>
    (incoming.headers.get('cookie') ?? '')
      .split(';')
      .map((part) => part.trim().split('='))
      .filter(([name]) => name)
      .map(([name = '', ...value]) => ({ name, value: decodeURIComponent(value.join('=')) })),
}));

const { GET, POST } = await import('./route');

const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'correct horse battery';
const context = (path: string) => ({ params: Promise.resolve({ nextauth: path.split('/') }) });

/** A browser: it keeps the cookies the studio sets and sends them back. */
function browser() {
  const jar = new Map<string, string>();
  async function send(method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<Response> {
    const headers = new Headers({ cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') });
    if (form) headers.set('content-type', 'application/x-www-form-urlencoded');
    incoming.headers = headers;
    const request = new NextRequest(`${ORIGIN}/api/auth/${path}`, { method, headers, body: form ? new URLSearchParams(form).toString() : undefined });
    const response = await (method === 'GET' ? GET : POST)(request, context(path));
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }
  async function signIn(email: string, password: string, { json = true } = {}): Promise<Response> {
    const { csrfToken } = (await (await send('GET', 'csrf')).json()) as { csrfToken: string };
    return send('POST', 'callback/credentials', { email, password, csrfToken, callbackUrl: `${ORIGIN}/`, ...(json ? { json: 'true' } : {}) });
  }
  return { jar, send, signIn };
}

const deviceCookieSet = (response: Response) => response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${DEVICE_COOKIE}=`));
const urlOf = async (response: Response) => ((await response.json()) as { url: string }).url;

beforeAll(async () => {
  process.env.NEXTAUTH_URL = ORIGIN;
  delete process.env.TRUST_PROXY;
  resetEnvForTests();
  const passwordHash = await hashPassword(PASSWORD);
  for (const email of ['ann@example.test', 'kim@example.test']) {
    const created = await createUserWithPersonalTeam({ email, name: email.split('@')[0] ?? 'x', passwordHash });
    if (!('user' in created)) throw new Error('not created');
  }
});

describe('POST /api/auth/[...nextauth]', () => {
  it('refuses a 1.5 GB chunked sign-in body with 413 after pulling at most 16 KiB and one chunk', async () => {
    const { stream, stats } = countedStream();
    const request = streamingRequest(`${ORIGIN}/api/auth/callback/credentials`, stream, { 'content-type': 'application/x-www-form-urlencoded' });
    const response = await POST(request, context('callback/credentials'));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'A sign-in request is at most 16 KiB.' });
    expect(stats.pulled).toBeLessThanOrEqual(16 * 1024 + 64 * 1024);
    expect(stats.cancelled).toBe(true);
  });

  it('refuses a body announced over 16 KiB without reading it', async () => {
    const { stream, stats } = countedStream();
    const request = streamingRequest(`${ORIGIN}/api/auth/callback/credentials`, stream, { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(1.5 * 1024 ** 3) });
    expect((await POST(request, context('callback/credentials'))).status).toBe(413);
    expect(stats.pulled).toBe(0);
  });

  it('signs in through the handler (csrf token and all) and sets a device cookie bound to that account', async () => {
    const ann = browser();
    const response = await ann.signIn('Ann@Example.test', PASSWORD);
    expect(response.status).toBe(200);
    expect(new URL(await urlOf(response)).searchParams.has('error')).toBe(false);
    expect(ann.jar.get('next-auth.session-token')).toBeTruthy();
    const set = deviceCookieSet(response);
    expect(set).toMatch(/; HttpOnly; SameSite=Lax$/);
    const device = ann.jar.get(DEVICE_COOKIE);
    expect(verifyDeviceCookie({ value: device, email: 'ann@example.test', secret: getAuthSecret() })).toBeDefined();
    expect(verifyDeviceCookie({ value: device, email: 'kim@example.test', secret: getAuthSecret() })).toBeUndefined();

    // The session the cookie carries is Ann's.
    const session = (await (await ann.send('GET', 'session')).json()) as { user?: { email?: string } };
    expect(session.user?.email).toBe('ann@example.test');
  });

  it('a device cookie is bound to the account that signed in, never to an email smuggled into the form', async () => {
    const kim = browser();
    const { csrfToken } = (await (await kim.send('GET', 'csrf')).json()) as { csrfToken: string };
    // URLSearchParams.get takes the first `email`, next-auth the last: Kim signs in as herself, naming Ann first.
    const form = new URLSearchParams([['email', 'ann@example.test'], ['email', 'kim@example.test'], ['password', PASSWORD], ['csrfToken', csrfToken], ['json', 'true']]);
    const headers = new Headers({ cookie: [...kim.jar].map(([name, value]) => `${name}=${value}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' });
    incoming.headers = headers;
    const response = await POST(new NextRequest(`${ORIGIN}/api/auth/callback/credentials`, { method: 'POST', headers, body: form.toString() }), context('callback/credentials'));
    const device = deviceCookieSet(response)?.split(';')[0]?.split('=').slice(1).join('=');
    expect(device).toBeDefined();
    expect(verifyDeviceCookie({ value: device, email: 'kim@example.test', secret: getAuthSecret() })).toBeDefined();
    expect(verifyDeviceCookie({ value: device, email: 'ann@example.test', secret: getAuthSecret() })).toBeUndefined();
  });

  it('sets no device cookie for a wrong password, a missing csrf token, or a failed redirect-style sign-in', async () => {
    const stranger = browser();
    const wrong = await stranger.signIn('kim@example.test', 'not the password');
    expect(wrong.status).toBe(401);
    expect(new URL(await urlOf(wrong)).searchParams.get('error')).toBe('CredentialsSignin');
    expect(deviceCookieSet(wrong)).toBeUndefined();

    const noCsrf = await browser().send('POST', 'callback/credentials', { email: 'kim@example.test', password: PASSWORD, json: 'true' });
    expect(deviceCookieSet(noCsrf)).toBeUndefined();
    expect(noCsrf.headers.getSetCookie().some((cookie) => cookie.startsWith('next-auth.session-token='))).toBe(false);

    const redirected = await stranger.signIn('kim@example.test', 'still wrong', { json: false });
    expect(redirected.headers.get('location')).toContain('error=CredentialsSignin');
    expect(deviceCookieSet(redirected)).toBeUndefined();
  });

  it('a redirect-style sign-in (no JavaScript) also sets the device cookie', async () => {
    const response = await browser().signIn('kim@example.test', PASSWORD, { json: false });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${ORIGIN}/`);
    expect(deviceCookieSet(response)).toBeDefined();
  });

  it('an attacker who keeps Ann’s account delayed holds up a new browser, never the one she signed in on', async () => {
    const ann = browser();
    expect((await ann.signIn('ann@example.test', PASSWORD)).status).toBe(200);
    const attacker = browser();
    for (let i = 0; i < 6; i += 1) expect((await attacker.signIn('ann@example.test', 'guess')).status).toBe(401);

    const elsewhere = await browser().signIn('ann@example.test', PASSWORD);
    expect(new URL(await urlOf(elsewhere)).searchParams.get('error')).toMatch(/^TooManyAttempts:\d+$/);
    const home = await ann.signIn('ann@example.test', PASSWORD);
    expect(home.status).toBe(200);
    expect(new URL(await urlOf(home)).searchParams.has('error')).toBe(false);
  });
});
