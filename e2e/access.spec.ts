import fs from 'node:fs';
import path from 'node:path';
import { E2E } from './env';
import { expect, generate, test } from './fixtures';

const someId = '00000000-0000-4000-8000-000000000000';

test('every page sends a signed-out visitor to sign in', async ({ signedOut }) => {
  for (const pathname of ['/', '/gallery', `/gallery/${someId}`, `/?remix=${someId}`]) {
    await signedOut.goto(pathname);
    await expect(signedOut).toHaveURL(/\/sign-in\?callbackUrl=/);
    await expect(signedOut.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  }
});

test('API routes answer 401 to a signed-out request', async ({ request }) => {
  for (const url of [`/api/generations/${someId}`, `/api/generations/${someId}/video`]) {
    const response = await request.get(url);
    expect(response.status()).toBe(401);
  }
});

test('another team’s clip is a plain 404, on the page and in the API', async ({ owner: { page }, outsider: { page: stranger } }) => {
  await page.goto('/');
  const card = await generate(page, 'A secret project teaser, neon city');
  const id = await card.getAttribute('data-generation-id');
  expect(id).toBeTruthy();

  await stranger.goto(`/gallery/${id}`);
  await expect(stranger.getByRole('heading', { name: 'Nothing here' })).toBeVisible();
  await expect(stranger.getByText('secret project')).toHaveCount(0);
  for (const url of [`/api/generations/${id}`, `/api/generations/${id}/video`]) {
    const response = await stranger.request.get(url);
    expect(response.status()).toBe(404);
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
