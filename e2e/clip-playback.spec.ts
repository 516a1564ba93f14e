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
  const olderStill = card(older).getByTestId('clip-video-still');
  const olderVideo = card(older).getByTestId('clip-video');

  // The newest plays, muted and looping, once the page has settled.
  await expect.poll(() => newestVideo.evaluate((video: HTMLVideoElement) => !video.paused && video.currentTime > 0 && video.muted && video.loop), { timeout: 15_000 }).toBe(true);
  // The older one shows its still, is no video yet and has not asked for a byte of one.
  await expect(olderStill).toHaveAttribute('src', `/api/generations/${older}/poster`);
  await expect(olderVideo).toHaveCount(0);
  expect(videoRequests).not.toContain(`/api/generations/${older}/video`);

  // Hovering plays it, with the browser's controls; leaving pauses it where it was.
  await olderStill.hover();
  await expect.poll(() => olderVideo.evaluate((video: HTMLVideoElement) => !video.paused && video.currentTime > 0 && video.controls), { timeout: 15_000 }).toBe(true);
  await page.getByRole('heading', { name: 'New clip' }).hover();
  await expect.poll(() => olderVideo.evaluate((video: HTMLVideoElement) => video.paused)).toBe(true);
});

test('the clip page plays its clip by itself once the page has settled', async ({ owner: { page } }) => {
  const id = await finishedClip(page, 'Lanterns drifting on a dark river');
  await page.goto(`/gallery/${id}`);
  const clipVideo = page.getByTestId('clip-video');
  await expect.poll(() => clipVideo.evaluate((video: HTMLVideoElement) => !video.paused && video.currentTime > 0 && video.controls), { timeout: 15_000 }).toBe(true);
});

test('from the keyboard, a clip among many is reached on its still and plays with its controls', async ({ owner: { page } }) => {
  const older = await finishedClip(page, 'Fog lifting off a mountain lake');
  await finishedClip(page, 'Sparks from a grinder in a dark workshop');
  await page.goto('/');
  const card = page.locator(`[data-testid="clip-card"][data-generation-id="${older}"]`);
  const still = card.getByRole('button', { name: 'Play the clip' });
  await still.focus();
  const video = card.getByTestId('clip-video');
  await expect(video).toBeFocused();
  await expect(video).toHaveJSProperty('controls', true);
});
