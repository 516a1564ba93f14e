import { describe, expect, it } from 'vitest';
import { fromOurPages } from './same-origin';

const post = (headers: Record<string, string>) => new Request('http://localhost:3100/api/gallery/export', { method: 'POST', headers });

describe('requests from our own pages only', () => {
  it('accepts our own form post, which under no-referrer carries Origin: null', () => {
    expect(fromOurPages(post({ 'sec-fetch-site': 'same-origin', origin: 'null' }), undefined)).toBe(true);
    expect(fromOurPages(post({ origin: 'http://localhost:3100' }), undefined)).toBe(true);
    expect(fromOurPages(post({ origin: 'https://studio.example.test' }), 'https://studio.example.test/')).toBe(true);
  });

  it('refuses another site’s form, also from a sandboxed frame (Origin: null)', () => {
    expect(fromOurPages(post({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }), undefined)).toBe(false);
    expect(fromOurPages(post({ 'sec-fetch-site': 'cross-site', origin: 'null' }), undefined)).toBe(false);
    expect(fromOurPages(post({ 'sec-fetch-site': 'same-site', origin: 'http://other.localhost:3100' }), undefined)).toBe(false);
    expect(fromOurPages(post({ origin: 'https://evil.example' }), undefined)).toBe(false);
    expect(fromOurPages(post({ origin: 'null' }), undefined)).toBe(false);
  });

  it('lets a script with the session cookie through, as before (no browser headers)', () => {
    expect(fromOurPages(post({}), undefined)).toBe(true);
  });
});
