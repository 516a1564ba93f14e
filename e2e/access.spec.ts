import fs from 'node:fs';
import path from 'node:path';
import { E2E } from './env';
import { expect, generate, test } from './fixtures';

const someId = '00000000-0000-4000-8000-000000000000';
const someToken = 'a'.repeat(43);
// Every page behind a session: the studio, the gallery and its parts, the team, the administrator's page, an invite.
const pages = ['/', '/gallery', `/gallery/${someId}`, `/?remix=${someId}`, '/gallery/trash', '/gallery/import', `/compare?ids=${someId}`, '/team', '/admin', `/invite/${someToken}`];

test('every page sends a signed-out visitor to sign in', async ({ signedOut }) => {
  for (const pathname of pages) {
    await signedOut.goto(pathname);
    await expect(signedOut).toHaveURL(/\/sign-in\?callbackUrl=/);
    await expect(signedOut.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  }
});

test('API routes answer 401 to a signed-out request', async ({ request }) => {
  for (const url of [`/api/generations/${someId}`, `/api/generations/${someId}/video`, `/api/generations/${someId}/poster`, '/api/gallery', '/api/gallery/stack', '/api/generations/watch', `/api/gallery/export?ids=${someId}`]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(401);
  }
  // Writes too, sent as our own pages would (the origin checks pass, so the session is what refuses them).
  const headers = { origin: E2E.baseUrl };
  const writes = [
    request.post('/api/generations', { headers, data: { prompt: 'signed out' } }),
    request.post('/api/images', { headers, multipart: { file: { name: 'frame.png', mimeType: 'image/png', buffer: Buffer.from('png') } } }),
    request.post('/api/gallery/export', { headers, form: { ids: someId } }),
    request.post('/api/gallery/import', { headers, multipart: { file: { name: 'recipes.json', mimeType: 'application/json', buffer: Buffer.from('{}') } } }),
  ];
  for (const response of await Promise.all(writes)) expect(response.status(), response.url()).toBe(401);
});

test('another team’s clip is a plain 404, on the page and in the API', async ({ owner: { page }, outsider: { page: stranger } }) => {
  await page.goto('/');
  const card = await generate(page, 'A secret project teaser, neon city');
  const id = await card.getAttribute('data-generation-id');
  expect(id).toBeTruthy();

  await stranger.goto(`/gallery/${id}`);
  await expect(stranger.getByRole('heading', { name: 'Nothing here' })).toBeVisible();
  await expect(stranger.getByText('secret project')).toHaveCount(0);
  for (const url of [`/api/generations/${id}`, `/api/generations/${id}/video`, `/api/generations/${id}/poster`, `/api/gallery/export?ids=${id}`]) {
    const response = await stranger.request.get(url);
    expect(response.status(), url).toBe(404);
    expect(await response.text()).not.toContain('secret');
  }
});

test('the API key reaches no browser: not in built client files, not in any response', async ({ owner: { page } }) => {
  const staticDir = path.join('.next', 'static');
  const leaks: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (fs.readFileSync(file).includes(E2E.apiKey)) leaks.push(file);
    }
  };
  walk(staticDir);
  expect(leaks).toEqual([]);

  // Every response passes through here whole, headers and body. Video streams (which the browser
  // cancels and re-requests by range at will) are checked by their headers only: their bodies are the clip.
  let inspected = 0;
  const isVideo = (url: URL) => url.pathname.endsWith('.mp4') || url.pathname.endsWith('/video');
  page.on('response', async (response) => {
    if (!isVideo(new URL(response.url()))) return;
    inspected += 1;
    if (JSON.stringify(await response.allHeaders()).includes(E2E.apiKey)) leaks.push(response.url());
  });
  await page.route((url) => !isVideo(url), async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    const body = await response.body();
    inspected += 1;
    if (JSON.stringify(response.headers()).includes(E2E.apiKey) || body.includes(E2E.apiKey)) leaks.push(route.request().url());
    await route.fulfill({ response, body });
  });
  await page.goto('/');
  const card = await generate(page, 'A quiet forest clearing, morning mist');
  await expect(card.getByTestId('clip-video')).toBeVisible({ timeout: 30_000 });
  await card.getByRole('link', { name: 'Details →' }).click();
  await expect(page.getByTestId('sha256')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 20_000 });
  await page.goto('/gallery');
  await expect(page.getByTestId('gallery-card')).toHaveCount(1);

  await page.unrouteAll({ behavior: 'wait' });
  expect(inspected).toBeGreaterThan(10);
  expect(leaks).toEqual([]);
});
