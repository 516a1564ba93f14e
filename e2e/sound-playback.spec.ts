import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Clips of wan-2-5-video have sound (the emulator renders a tone); wan-2-5 clips are silent.
type View = { id: string; archived: boolean };

async function finishedClip(page: Page, data: { prompt: string; seed: number; model?: 'wan-2-5-video' }): Promise<string> {
  const response = await page.request.post('/api/generations', { data });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as View;
  await expect.poll(async () => ((await (await page.request.get(`/api/generations/${id}`)).json()) as View).archived, { timeout: 45_000 }).toBe(true);
  return id;
}

const SOUND_PROMPT = 'Waves breaking on a pebble beach at dusk';
const soundClip = (page: Page, seed = 7) => finishedClip(page, { prompt: SOUND_PROMPT, seed, model: 'wan-2-5-video' });
const silentClip = (page: Page) => finishedClip(page, { prompt: 'A quiet snowfield under a grey sky', seed: 7 });

const isMuted = (video: Locator) => video.evaluate((element: HTMLVideoElement) => element.muted);
const isPlaying = (video: Locator) => video.evaluate((element: HTMLVideoElement) => !element.paused && element.currentTime > 0);

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.help}`);
}

test('a clip with sound is marked wherever clips are listed; a silent one is not', async ({ owner: { page } }) => {
  const silent = await silentClip(page);
  const sound = await soundClip(page);

  await page.goto('/gallery');
  const tile = (id: string) => page.locator(`[data-testid="gallery-card"][data-generation-id="${id}"]`);
  await expect(tile(sound).getByRole('img', { name: 'Has sound' })).toBeVisible();
  await expect(tile(silent)).toBeVisible();
  await expect(tile(silent).getByTestId('sound-mark')).toHaveCount(0);

  await page.goto('/');
  const card = (id: string) => page.locator(`[data-testid="clip-card"][data-generation-id="${id}"]`);
  await expect(card(sound).getByRole('img', { name: 'Has sound' })).toBeVisible();
  await expect(card(silent)).toBeVisible();
  await expect(card(silent).getByTestId('sound-mark')).toHaveCount(0);

  await page.goto(`/gallery/${sound}`);
  await expect(page.getByTestId('param-sound')).toHaveText('the model’s own');
  await page.goto(`/gallery/${silent}`);
  await expect(page.getByTestId('param-model')).toHaveText('wan-2-5');
  await expect(page.getByTestId('param-sound')).toHaveCount(0);
});

test('players start muted; Unmute gives the clip its sound and it plays on; a silent clip has no Unmute', async ({ owner: { page } }) => {
  const silent = await silentClip(page);
  const sound = await soundClip(page);

  // The clip page: it plays by itself, muted (browsers refuse sound before a gesture), with Unmute over it.
  await page.goto(`/gallery/${sound}`);
  const video = page.getByTestId('clip-video');
  await expect.poll(() => isPlaying(video), { timeout: 15_000 }).toBe(true);
  expect(await isMuted(video)).toBe(true);
  await page.getByRole('button', { name: 'Unmute', exact: true }).click();
  expect(await isMuted(video)).toBe(false);
  await expect.poll(() => isPlaying(video)).toBe(true);
  // The emulator's tone really reaches the decoder.
  await expect.poll(() => video.evaluate((element: HTMLVideoElement & { webkitAudioDecodedByteCount?: number }) => element.webkitAudioDecodedByteCount ?? 0)).toBeGreaterThan(0);
  // Keyboard: the same button, now Mute, mutes again.
  const mute = page.getByRole('button', { name: 'Mute', exact: true });
  await mute.focus();
  await page.keyboard.press('Enter');
  expect(await isMuted(video)).toBe(true);
  await expect(page.getByRole('button', { name: 'Unmute', exact: true })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(`/gallery/${silent}`);
  await expect.poll(() => isPlaying(page.getByTestId('clip-video')), { timeout: 15_000 }).toBe(true);
  await expect(page.getByTestId('sound-toggle')).toHaveCount(0);

  // The studio's cards: the older (silent) card has no toggle; the newest plays muted and unmutes in place.
  await page.goto('/');
  const card = (id: string) => page.locator(`[data-testid="clip-card"][data-generation-id="${id}"]`);
  const cardVideo = card(sound).getByTestId('clip-video');
  await expect.poll(() => isPlaying(cardVideo), { timeout: 15_000 }).toBe(true);
  expect(await isMuted(cardVideo)).toBe(true);
  await expect(card(silent).getByTestId('sound-toggle')).toHaveCount(0);
  await card(sound).getByRole('button', { name: 'Unmute' }).click();
  expect(await isMuted(cardVideo)).toBe(false);
  // Listening, it plays on when the pointer leaves it.
  await page.getByRole('heading', { name: 'New clip' }).hover();
  await expect.poll(() => isPlaying(cardVideo)).toBe(true);
});

test('an older card unmutes from its still and plays with its sound; the card heard before it falls quiet', async ({ owner: { page } }) => {
  const older = await soundClip(page, 7);
  const newest = await soundClip(page, 8);
  await page.goto('/');
  const card = (id: string) => page.locator(`[data-testid="clip-card"][data-generation-id="${id}"]`);
  const newestVideo = card(newest).getByTestId('clip-video');
  await expect.poll(() => isPlaying(newestVideo), { timeout: 15_000 }).toBe(true);
  await card(newest).getByRole('button', { name: 'Unmute', exact: true }).click();
  expect(await isMuted(newestVideo)).toBe(false);

  await expect(card(older).getByTestId('clip-video-still')).toBeVisible();
  await card(older).getByRole('button', { name: 'Unmute', exact: true }).click();
  const olderVideo = card(older).getByTestId('clip-video');
  await expect.poll(() => isPlaying(olderVideo), { timeout: 15_000 }).toBe(true);
  expect(await isMuted(olderVideo)).toBe(false);
  // One clip is heard at a time on a page.
  expect(await isMuted(newestVideo)).toBe(true);
  await expect(card(newest).getByRole('button', { name: 'Unmute', exact: true })).toBeVisible();
});

test('compare plays the sound of one clip at a time: unmuting B mutes A', async ({ owner: { page } }) => {
  const a = await soundClip(page, 7);
  const b = await soundClip(page, 8);
  await page.goto(`/compare?ids=${a},${b}`);
  const videos = page.getByTestId('compare-video');
  await expect(videos).toHaveCount(2);
  await expect.poll(() => videos.evaluateAll((list) => (list as HTMLVideoElement[]).every((video) => video.readyState >= 2)), { timeout: 20_000 }).toBe(true);
  const muted = () => videos.evaluateAll((list) => (list as HTMLVideoElement[]).map((video) => video.muted));
  const toggles = page.getByTestId('sound-toggle');
  await expect(toggles).toHaveCount(2);
  expect(await muted()).toEqual([true, true]);

  await page.getByTestId('compare-play').click();
  await page.getByRole('button', { name: 'Unmute seed 7' }).click();
  expect(await muted()).toEqual([false, true]);
  await page.getByRole('button', { name: 'Unmute seed 8' }).click();
  expect(await muted()).toEqual([true, false]);
  await expect(page.getByRole('button', { name: 'Unmute seed 7' })).toBeVisible();
  await expect.poll(() => videos.evaluateAll((list) => (list as HTMLVideoElement[]).every((video) => !video.paused))).toBe(true);
  await page.getByRole('button', { name: 'Mute seed 8' }).click();
  expect(await muted()).toEqual([true, true]);
  expect(await seriousViolations(page)).toEqual([]);

  // The A/B wipe: the same rule, its toggles outside the divider's reach.
  await page.goto(`/compare?ids=${a},${b}&view=wipe`);
  await expect(videos).toHaveCount(2);
  await page.getByRole('button', { name: 'Unmute A' }).click();
  expect(await muted()).toEqual([false, true]);
  await page.getByRole('button', { name: 'Unmute B' }).click();
  expect(await muted()).toEqual([true, false]);
});

test('the share page of a clip with sound starts muted and unmutes', async ({ owner: { page }, signedOut: anonymous }) => {
  const sound = await soundClip(page);
  await page.goto(`/gallery/${sound}`);
  await page.getByTestId('share-create').click();
  const link = await page.getByTestId('share-link').inputValue();

  await anonymous.goto(link);
  const video = anonymous.getByTestId('shared-video');
  await expect.poll(() => isPlaying(video), { timeout: 15_000 }).toBe(true);
  expect(await isMuted(video)).toBe(true);
  await anonymous.getByRole('button', { name: 'Unmute', exact: true }).click();
  expect(await isMuted(video)).toBe(false);
  await expect.poll(() => isPlaying(video)).toBe(true);
  await expect(anonymous.getByTestId('param-sound')).toHaveText('the model’s own');
});
