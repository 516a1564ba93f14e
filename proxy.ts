import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/lib/env';
import { signInRedirectPath } from '@/lib/sign-in-redirect';
import { baseSecurityHeaders, newNonce, nonDocumentCsp, pageCsp } from '@/lib/security/headers';

const sessionCookies = ['next-auth.session-token', '__Secure-next-auth.session-token'];
const publicPaths = ['/sign-in', '/sign-up'];
// Share media are route handlers under a page path: not documents, and public. They also set `sandbox` themselves.
const nonDocumentPath = /^\/s\/[^/]+\/(?:video|poster)$/;

/** Security headers on every response, a fresh CSP nonce for every page, and the optimistic sign-in redirect. */
export function proxy(request: NextRequest) {
  const env = getEnv();
  if (nonDocumentPath.test(request.nextUrl.pathname)) return secured(NextResponse.next(), env.https, nonDocumentCsp);
  const nonce = newNonce();
  const csp = pageCsp({
    nonce,
    dev: process.env.NODE_ENV === 'development',
    // A clip not yet archived plays straight from the API's result host.
    mediaOrigins: env.wan.resultOrigins,
  });
  const redirect = signInRedirect(request);
  if (redirect) return secured(redirect, env.https, csp);
  // Next reads the nonce from the request's CSP header and puts it on every script it renders.
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  return secured(NextResponse.next({ request: { headers } }), env.https, csp);
}

/** Optimistic redirect only: every page, action and route still checks the session itself. */
function signInRedirect(request: NextRequest): NextResponse | undefined {
  const { pathname, search } = request.nextUrl;
  if (publicPaths.includes(pathname) || pathname.startsWith('/s/')) return undefined;
  if (sessionCookies.some((name) => request.cookies.has(name))) return undefined;
  const signIn = new URL('/sign-in', request.url);
  signIn.searchParams.set('callbackUrl', signInRedirectPath(`${pathname}${search}`));
  return NextResponse.redirect(signIn);
}

function secured(response: NextResponse, https: boolean, csp: string): NextResponse {
  for (const [name, value] of Object.entries(baseSecurityHeaders(https))) response.headers.set(name, value);
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  matcher: [
    // Pages only. API routes, start frames (i/) and sound tracks (a/) get their (static) headers from next.config.mjs: a proxied request
    // with a body would be read whole by Next before the route's own limits run, and every long poll would pay
    // the proxy's cost (bench:tracker: webhook upstream→watcher p95 4.1 s with it, see the closing note of issue 11).
    '/((?!api/|i/|a/|_next/|favicon.ico|.*\\.(?:svg|png|jpg|ico|webmanifest|woff2?)$).*)',
  ],
};
