import type { APIResponse } from '@playwright/test';
import { makeImage } from '../lib/images/test-images';
import { expect, test } from './fixtures';

const everywhere = { 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff' };

function nonceOf(response: APIResponse): string {
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("form-action 'self'");
  const nonce = /'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(csp)?.[1];
  expect(nonce, csp).toBeDefined();
  return nonce ?? '';
}

/** A page: the shared headers, a nonce policy, and that nonce on every script Next rendered into it. */
async function expectPagePolicy(response: APIResponse): Promise<string> {
  expect(response.status()).toBe(200);
  expect(response.headers()).toMatchObject(everywhere);
  // The e2e studio is served over plain http: HSTS there would be a promise it cannot keep.
  expect(response.headers()).not.toHaveProperty('strict-transport-security');
  const nonce = nonceOf(response);
  const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  return nonce;
}

/** An API answer or a file: the shared headers and a policy under which, opened directly, it runs nothing. */
function expectNonDocumentPolicy(response: APIResponse): void {
  expect(response.headers()).toMatchObject(everywhere);
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain('sandbox');
}

test('signed in, a sign-in link with a smuggled tab or backslash redirects home, never to another site', async ({ owner: { page } }) => {
  for (const attack of ['/%09/evil.example', '/%5Cevil.example', '//evil.example', 'https://evil.example', '/%0a/evil.example', 'javascript:alert(1)']) {
    const response = await page.request.get(`/sign-in?callbackUrl=${attack}`, { maxRedirects: 0 });
    expect(response.status(), attack).toBe(307);
    expect(response.headers()['location'], attack).toBe('/');
  }
  // A same-site path still gets you back where you were going.
  const back = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent('/gallery?q=fox')}`, { maxRedirects: 0 });
  expect(back.headers()['location']).toBe('/gallery?q=fox');
});

test('every page runs under a per-request nonce CSP; API answers and media run nothing and cannot be framed', async ({ owner: { page }, request }) => {
  // Signed out: the sign-in page, and the redirect to it.
  const signInNonces = [await expectPagePolicy(await request.get('/sign-in')), await expectPagePolicy(await request.get('/sign-in'))];
  expect(signInNonces[0]).not.toBe(signInNonces[1]);
  await expectPagePolicy(await request.get('/sign-up'));
  const redirected = await request.get('/gallery', { maxRedirects: 0 });
  expect(redirected.status()).toBe(307);
  expect(redirected.headers()).toMatchObject(everywhere);
  expect(redirected.headers()['location']).toMatch(/\/sign-in\?callbackUrl=%2Fgallery$/);
  const missing = await request.get('/s/not-a-real-share-token-at-all');
  expect(missing.status()).toBe(404);
  nonceOf(missing);

  const studio = [await expectPagePolicy(await page.request.get('/')), await expectPagePolicy(await page.request.get('/'))];
  expect(studio[0]).not.toBe(studio[1]);
  await expectPagePolicy(await page.request.get('/gallery'));
  await expectPagePolicy(await page.request.get('/team'));

  const api = await page.request.get('/api/gallery');
  expect(api.status()).toBe(200);
  expectNonDocumentPolicy(api);
  const refused = await request.get('/api/gallery');
  expect(refused.status()).toBe(401);
  expectNonDocumentPolicy(refused);

  // A start frame, served from our origin by unguessable name.
  const upload = await page.request.post('/api/images', {
    multipart: { file: { name: 'frame.png', mimeType: 'image/png', buffer: makeImage({ format: 'png', width: 400, height: 300, color: '#3366aa' }) } },
  });
  expect(upload.status()).toBe(201);
  // A request with a body never passes through the proxy (it would read the body first): the config sends these.
  expectNonDocumentPolicy(upload);
  const { previewUrl } = (await upload.json()) as { previewUrl: string };
  const frame = await request.get(previewUrl);
  expect(frame.status()).toBe(200);
  expect(frame.headers()['content-type']).toBe('image/png');
  expectNonDocumentPolicy(frame);

  // An archived clip and its still, for members and through a share link.
  const created = await page.request.post('/api/generations', { data: { prompt: 'Paper boats drifting down a rainy street', seed: 5 } });
  expectNonDocumentPolicy(created);
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/gallery/${id}`);
  await expect(page.getByTestId('sha256')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 30_000 });
  await page.getByTestId('share-create').click();
  const link = await page.getByTestId('share-link').inputValue();
  const share = new URL(link).pathname;
  for (const media of [`/api/generations/${id}/video`, `/api/generations/${id}/poster`, `${share}/video?clip=${id}`, `${share}/poster?clip=${id}`]) {
    const response = await page.request.get(media);
    expect(response.status(), media).toBe(200);
    expect(response.headers()['content-type'], media).toMatch(/^(video\/mp4|image\/jpeg)$/);
    expectNonDocumentPolicy(response);
  }
  await expectPagePolicy(await request.get(share));
});
