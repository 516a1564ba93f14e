import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NextConfig } from 'next';
import { describe, expect, it } from 'vitest';
import { baseSecurityHeaders, newNonce, nonDocumentCsp, originOf, pageCsp } from './headers';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name ?? '', values]));
}

describe('pageCsp', () => {
  const policy = directives(pageCsp({ nonce: 'abc123', dev: false, mediaOrigins: ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'] }));

  it('runs only scripts carrying this render’s nonce (an injected <script> has none)', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('allows eval only under next dev', () => {
    expect(directives(pageCsp({ nonce: 'n', dev: true, mediaOrigins: [] })).get('script-src')).toContain("'unsafe-eval'");
  });

  it('cannot be framed (clickjacking), rebased, or post forms to another site', () => {
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it('plays media from our origin and the configured API’s host only, once each', () => {
    expect(policy.get('media-src')).toEqual(["'self'", 'http://127.0.0.1:8787']);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });
});

describe('newNonce', () => {
  it('differs on every call and is long enough not to be guessed', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});

describe('originOf', () => {
  it('keeps only the scheme, host and port of an http(s) URL', () => {
    expect(originOf('https://api.apixo.ai/api/v1')).toBe('https://api.apixo.ai');
    expect(originOf('http://127.0.0.1:8787/api/v1')).toBe('http://127.0.0.1:8787');
    expect(originOf('javascript:alert(1)')).toBeUndefined();
    expect(originOf('not a url')).toBeUndefined();
  });
});

describe('baseSecurityHeaders', () => {
  it('sends HSTS only when the studio is served over https', () => {
    expect(baseSecurityHeaders(true)['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    expect(baseSecurityHeaders(false)).not.toHaveProperty('strict-transport-security');
  });

  it('never leaks a share token in Referer, never frames, never sniffs', () => {
    expect(baseSecurityHeaders(false)).toEqual({ 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff' });
  });

  it('gives non-documents a policy that loads nothing and sandboxes them', () => {
    expect(directives(nonDocumentCsp).get('default-src')).toEqual(["'none'"]);
    expect(directives(nonDocumentCsp).has('sandbox')).toBe(true);
  });
});

describe('next.config.mjs headers (for API requests with a body, which proxy.ts never sees)', () => {
  it('sends the same headers as the proxy, and the load-nothing policy on API routes, start frames and sound tracks', async () => {
    const url = pathToFileURL(path.resolve('next.config.mjs')).href;
    const { default: config } = (await import(/* @vite-ignore */ url)) as { default: NextConfig };
    const rules = (await config.headers?.()) ?? [];
    const valuesOf = (source: string) =>
      Object.fromEntries((rules.find((rule) => rule.source === source)?.headers ?? []).map(({ key, value }) => [key.toLowerCase(), value]));
    expect(valuesOf('/:path*')).toEqual(baseSecurityHeaders(false));
    expect(valuesOf('/(api|i|a)/:path*')).toEqual({ 'content-security-policy': nonDocumentCsp });
  });
});

describe('media origins', () => {
  it('pages may play clips from the configured result hosts, else only from the API’s own origin', async () => {
    const { getEnv, resetEnvForTests } = await import('@/lib/env');
    process.env.WAN_BASE_URL = 'https://api.example.test/api/v1';
    process.env.WAN_RESULT_ORIGINS = 'https://cdn.example.test/files, javascript:alert(1), not a url';
    resetEnvForTests();
    expect(getEnv().wan.resultOrigins).toEqual(['https://cdn.example.test']);
    process.env.WAN_RESULT_ORIGINS = '';
    resetEnvForTests();
    expect(getEnv().wan.resultOrigins).toEqual(['https://api.example.test']);
    delete process.env.WAN_BASE_URL;
    resetEnvForTests();
  });
});
