import { NextRequest } from 'next/server';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { config, proxy } from '@/proxy';

const ORIGIN = 'https://studio.example.test';
const signedIn = { cookie: 'next-auth.session-token=x' };
const saved = { PUBLIC_URL: process.env.PUBLIC_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL };

function useEnv(publicUrl: string): void {
  process.env.PUBLIC_URL = publicUrl;
  delete process.env.NEXTAUTH_URL;
  resetEnvForTests();
}

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

beforeEach(() => useEnv(ORIGIN));
afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvForTests();
});

describe('proxy', () => {
  it('serves a signed-in page over https with HSTS and a nonce CSP, handing Next the same nonce', () => {
    const response = proxy(new NextRequest(`${ORIGIN}/gallery`, { headers: signedIn }));
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    const csp = response.headers.get('content-security-policy');
    const nonce = nonceOf(csp);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    // Next renders its scripts with the nonce it finds in the (overridden) request's CSP header.
    expect(response.headers.get('x-middleware-override-headers')?.split(',')).toEqual(expect.arrayContaining(['x-nonce', 'content-security-policy']));
    expect(response.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    expect(response.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
    // A fresh nonce per render: one seen in an earlier page cannot be reused by an injected script.
    expect(nonceOf(proxy(new NextRequest(`${ORIGIN}/gallery`, { headers: signedIn })).headers.get('content-security-policy'))).not.toBe(nonce);
  });

  it('sends no HSTS when the studio is served over plain http', () => {
    useEnv('http://studio.example.test');
    const response = proxy(new NextRequest('http://studio.example.test/gallery', { headers: signedIn }));
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(nonceOf(response.headers.get('content-security-policy'))).toBeDefined();
  });

  it('redirects a signed-out page request to sign-in with a same-origin callbackUrl, headers and all', () => {
    const response = proxy(new NextRequest(`${ORIGIN}/gallery?x=1`));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(`${ORIGIN}/sign-in`);
    expect(location.searchParams.get('callbackUrl')).toBe('/gallery?x=1');
    expect(response.headers.get('strict-transport-security')).not.toBeNull();
    expect(nonceOf(response.headers.get('content-security-policy'))).toBeDefined();
  });

  it('never turns a path into an off-site callbackUrl', () => {
    // "/.//evil.example" normalises to the scheme-relative "//evil.example".
    const response = proxy(new NextRequest(`${ORIGIN}/.//evil.example`));
    expect(new URL(response.headers.get('location') ?? '').searchParams.get('callbackUrl')).toBe('/');
  });

  it('lets the sign-in page itself through whatever its callbackUrl says', () => {
    const response = proxy(new NextRequest(`${ORIGIN}/sign-in?callbackUrl=/%09/evil.example`));
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('x-middleware-next')).toBe('1');
  });

  it('answers share media (route handlers under a page path) with the sandboxed non-document policy, no sign-in redirect', () => {
    const response = proxy(new NextRequest(`${ORIGIN}/s/some-token/video`));
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(response.headers.get('x-middleware-request-x-nonce')).toBeNull();
  });
});

describe('config.matcher', () => {
  it('runs on pages only: never on API routes, start frames or sound tracks, so Next never buffers an upload and long polls pay nothing', () => {
    expect(config.matcher).toHaveLength(1);
    const [pages] = config.matcher;
    expect(pages).toContain('(?!api/|i/|a/|_next/');
  });
});
