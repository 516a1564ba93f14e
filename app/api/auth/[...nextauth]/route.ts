import NextAuth from 'next-auth';
import { decode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { deviceCookieHeader, issueDeviceCookie } from '@/lib/auth/device-cookie';
import { getAuthOptions } from '@/lib/auth/options';
import { getAuthSecret } from '@/lib/auth/secret';
import { getEnv } from '@/lib/env';
import { bodyRefused, readBytes } from '@/lib/read-body';

type Context = { params: Promise<{ nextauth: string[] }> };

// A sign-in form is a few hundred bytes; next-auth itself would read any body whole (`await req.text()`).
const MAX_BODY_BYTES = 16 * 1024;
const sessionCookie = /^(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=[^;]/;

function GET(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(request, context, getAuthOptions());
}

async function POST(request: Request, context: Context): Promise<Response> {
  const read = await readBytes(request, { maxBytes: MAX_BODY_BYTES, tooLarge: 'A sign-in request is at most 16 KiB.' });
  if (!read.ok) return bodyRefused(read);
  const headers = new Headers(request.headers);
  // The bytes are the body now; their length is the new request's own.
  headers.delete('transfer-encoding');
  headers.delete('content-length');
  const capped = new NextRequest(request.url, { method: 'POST', headers, body: read.value });
  const response = await NextAuth(capped, context, getAuthOptions());

  const route = (await context.params).nextauth.join('/');
  if (route !== 'callback/credentials' || !(await signedIn(response))) return response;
  // The account next-auth actually signed in (from the session it issued), never a field of the body.
  const email = await sessionEmail(response);
  if (email === undefined) return response;
  // This browser now proves it signed in to this account: strangers' failures stop counting against it.
  const withCookie = new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
  withCookie.headers.append('set-cookie', deviceCookieHeader(issueDeviceCookie({ email, secret: getAuthSecret() }), { secure: getEnv().https }));
  return withCookie;
}

/** The email in the session token next-auth just set (its value split over `.0`, `.1`… when large). */
async function sessionEmail(response: Response): Promise<string | undefined> {
  const parts = response.headers
    .getSetCookie()
    .map((cookie) => /^(?:__Secure-)?next-auth\.session-token(?:\.(\d+))?=([^;]*)/.exec(cookie))
    .filter((match) => match !== null)
    .sort((a, b) => Number(a[1] ?? 0) - Number(b[1] ?? 0));
  const token = parts.map((match) => match[2] ?? '').join('');
  const claims = token ? await decode({ token, secret: getAuthSecret() }).catch(() => null) : null;
  return typeof claims?.email === 'string' ? claims.email : undefined;
}

/** next-auth v4 answers a failed sign-in with an `error=` url (a redirect, or `{ url }` for `redirect: false`), a success with a session cookie. */
async function signedIn(response: Response): Promise<boolean> {
  if (response.status >= 400) return false;
  if (!response.headers.getSetCookie().some((cookie) => sessionCookie.test(cookie))) return false;
  const location = response.headers.get('location') ?? (response.headers.get('content-type')?.includes('application/json') ? urlOf(await response.clone().json().catch(() => undefined)) : undefined);
  return location !== undefined && !new URL(location, 'http://studio.invalid').searchParams.has('error');
}

const urlOf = (body: unknown) => (typeof body === 'object' && body !== null && 'url' in body && typeof body.url === 'string' ? body.url : undefined);

export { GET, POST };
