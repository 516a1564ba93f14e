import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

type View = { id: string; state: string; archived: boolean };

async function finishedClip(page: Page, prompt: string): Promise<string> {
  const response = await page.request.post('/api/generations', { data: { prompt } });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as View;
  await expect.poll(async () => ((await (await page.request.get(`/api/generations/${id}`)).json()) as View).archived, { timeout: 45_000 }).toBe(true);
  return id;
}

test('on the studio page only the newest clip plays by itself; an older one waits on its still until hovered', async ({ owner: { page } }) => {
  const older = await finishedClip(page, 'Rain on a greenhouse roof, slow drops');
  const newest = await finishedClip(page, 'A kite over dunes in the late wind');
  const videoRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/video')) videoRequests.push(new URL(request.url()).pathname);
  });
  await page.goto('/');
  const card = (id: string) => page.locator(`[data-testid="clip-card"][data-generation-id="${id}"]`);
  const newestVideo = card(newest).getByTestId('clip-video');
  const olderVideo = card(older).getByTestId('clip-video');

  // The newest plays, muted and looping, once the page has settled.
  await expect.poll(() => newestVideo.evaluate((video: HTMLVideoElement) => !video.paused && video.currentTime > 0 && video.muted && video.loop), { timeout: 15_000 }).toBe(true);
  // The older one shows its still and has not asked for a byte of video.
  await expect(olderVideo).toHaveAttribute('poster', `/api/generations/${older}/poster`);
  expect(await olderVideo.evaluate((video: HTMLVideoElement) => video.paused)).toBe(true);
  expect(videoRequests).not.toContain(`/api/generations/${older}/video`);

  // Hovering plays it; leaving pauses it where it was.
  await olderVideo.hover();
  await expect.poll(() => olderVideo.evaluate((video: HTMLVideoElement) => !video.paused && video.currentTime > 0), { timeout: 15_000 }).toBe(true);
  await page.getByRole('heading', { name: 'New clip' }).hover();
  await expect.poll(() => olderVideo.evaluate((video: HTMLVideoElement) => video.paused)).toBe(true);
});

test('the clip page plays its clip by itself once the page has settled', async ({ owner: { page } }) => {
  const id = await finishedClip(page, 'Lanterns drifting on a dark river');
  await page.goto(`/gallery/${id}`);
  const clipVideo = page.getByTestId('clip-video');
  await expect.poll(() => clipVideo.evaluate((video: HTMLVideoElement) => !video.paused && video.currentTime > 0), { timeout: 15_000 }).toBe(true);
});
