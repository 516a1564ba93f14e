import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from './env';
import { cannotGenerate, crossSite, denied, missing, problem, sameOrigin } from './http';

const savedPublicUrl = process.env.PUBLIC_URL;
afterEach(() => {
  if (savedPublicUrl === undefined) delete process.env.PUBLIC_URL;
  else process.env.PUBLIC_URL = savedPublicUrl;
  resetEnvForTests();
});

function withPublicUrl(url: string | undefined): void {
  if (url === undefined) delete process.env.PUBLIC_URL;
  else process.env.PUBLIC_URL = url;
  resetEnvForTests();
}

async function answer(response: Response) {
  return { status: response.status, cache: response.headers.get('cache-control'), body: (await response.json()) as unknown };
}

describe('problem', () => {
  it('answers { error, ...extra } as JSON and is never cached', async () => {
    const response = problem(400, 'Invalid request', { fieldErrors: { prompt: ['Write a prompt'] } });
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await answer(response)).toEqual({ status: 400, cache: 'no-store', body: { error: 'Invalid request', fieldErrors: { prompt: ['Write a prompt'] } } });
  });

  it('keeps no-store even when the caller passes its own cache-control', async () => {
    const response = problem(416, 'Range not satisfiable', undefined, { 'cache-control': 'public, max-age=60', 'content-range': 'bytes */10' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-range')).toBe('bytes */10');
  });

  it('the named refusals: no existence oracle, and a viewer may know it cannot generate', async () => {
    expect(await answer(denied(401))).toEqual({ status: 401, cache: 'no-store', body: { error: 'Sign in to continue' } });
    expect(await answer(denied(403))).toEqual(await answer(missing()));
    expect(await answer(missing())).toEqual({ status: 404, cache: 'no-store', body: { error: 'Not found' } });
    expect(await answer(cannotGenerate(401))).toEqual(await answer(denied(401)));
    expect(await answer(cannotGenerate(403))).toEqual({ status: 403, cache: 'no-store', body: { error: 'Your role cannot generate' } });
    expect(await answer(crossSite())).toEqual({ status: 400, cache: 'no-store', body: { error: 'Cross-site request refused' } });
  });
});

const post = (headers: Record<string, string>) => new Request('http://localhost:3100/api/gallery/export', { method: 'POST', headers });

describe('requests from our own pages only', () => {
  it('accepts our own form post, which under no-referrer carries Origin: null', () => {
    withPublicUrl(undefined);
    expect(sameOrigin(post({ 'sec-fetch-site': 'same-origin', origin: 'null' }))).toBe(true);
    expect(sameOrigin(post({ origin: 'http://localhost:3100' }))).toBe(true);
    withPublicUrl('https://studio.example.test/');
    expect(sameOrigin(post({ origin: 'https://studio.example.test' }))).toBe(true);
  });

  it('refuses another site’s form, also from a sandboxed frame (Origin: null)', () => {
    withPublicUrl(undefined);
    expect(sameOrigin(post({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }))).toBe(false);
    expect(sameOrigin(post({ 'sec-fetch-site': 'cross-site', origin: 'null' }))).toBe(false);
    expect(sameOrigin(post({ 'sec-fetch-site': 'same-site', origin: 'http://other.localhost:3100' }))).toBe(false);
    expect(sameOrigin(post({ origin: 'https://evil.example' }))).toBe(false);
    expect(sameOrigin(post({ origin: 'null' }))).toBe(false);
  });

  it('reads the public address from the environment, not a stale copy', () => {
    withPublicUrl('https://studio.example.test');
    expect(sameOrigin(post({ origin: 'https://other.example.test' }))).toBe(false);
    withPublicUrl('https://other.example.test');
    expect(sameOrigin(post({ origin: 'https://other.example.test' }))).toBe(true);
  });

  it('lets a script with the session cookie through, as before (no browser headers)', () => {
    withPublicUrl(undefined);
    expect(sameOrigin(post({}))).toBe(true);
  });
});
