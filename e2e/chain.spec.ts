import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { describeStreams, frameRgb, meanDifference } from '../emulator/test-video-probe';
import { expect, test } from './fixtures';

type View = { id: string; state: string; sha256: string | null; mode: string; duration: number };

const view = async (page: Page, id: string) => (await (await page.request.get(`/api/generations/${id}`)).json()) as View;

/** From a finished clip's page: Continue, then the next shot's prompt, then Generate; lands on the chain's page. */
async function continueWith(page: Page, clipId: string, prompt: string, position: number) {
  await page.goto(`/gallery/${clipId}`);
  await page.getByTestId('continue-clip').click();
  await page.waitForURL(/\/\?chain=[\w-]+&after=/);
  await expect(page.getByTestId('continuing')).toContainText(`Shot ${position} of a chain`);
  // The form is image-to-video, starting from the last frame, with the same settings.
  await expect(page.getByRole('img', { name: /start/i }).first()).toBeVisible();
  await page.locator('#prompt').fill(prompt);
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.waitForURL(/\/chains\/[\w-]+$/);
  const shot = page.locator(`[data-testid="chain-shot"][data-position="${position}"]`);
  await expect(shot).toHaveAttribute('data-state', 'success', { timeout: 60_000 });
  return (await shot.getByRole('link', { name: `Shot ${position}` }).getAttribute('href'))?.split('/gallery/')[1] ?? '';
}

test('a chain of 3 shots: each starts from the last frame of the one before, plays back to back, and renders to one MP4 as long as the three', async ({ owner: { page }, signedOut: anonymous }, testInfo) => {
  const created = await page.request.post('/api/generations', { data: { prompt: 'A lighthouse on a cliff at dawn, slow dolly in', seed: 101 } });
  const first = (await created.json()) as View;
  await expect.poll(async () => (await view(page, first.id)).sha256, { timeout: 60_000 }).toMatch(/^[0-9a-f]{64}$/);

  const second = await continueWith(page, first.id, 'The lighthouse beam sweeps over the sea', 2);
  await expect.poll(async () => (await view(page, second)).sha256, { timeout: 30_000 }).toMatch(/^[0-9a-f]{64}$/);
  expect((await view(page, second)).mode).toBe('image-to-video');
  const third = await continueWith(page, second, 'Gulls lift off the rocks below the lighthouse', 3);
  await expect.poll(async () => (await view(page, third)).sha256, { timeout: 30_000 }).toMatch(/^[0-9a-f]{64}$/);
  const chainUrl = page.url();

  // The clip pages say where they are; the chain page plays all three.
  await page.goto(`/gallery/${second}`);
  await expect(page.getByTestId('chain-link')).toContainText('Shot 2 of a chain of 3 shots');
  // The lineage shows the chain: shot 1 above, shot 3 below as the next shot.
  await expect(page.getByTestId('lineage-ancestor')).toContainText('shot 1');
  await expect(page.getByTestId('lineage-child')).toContainText('next shot · shot 3');
  // Only the chain's last shot continues it.
  await expect(page.getByTestId('continue-clip')).toHaveCount(0);
  await page.goto(chainUrl);
  await expect(page.getByTestId('chain-shot')).toHaveCount(3);
  await page.getByTestId('chain-play').click();
  await expect(page.getByTestId('chain-now')).toHaveText('Shot 2, 2 of 3', { timeout: 15_000 });
  await page.screenshot({ path: testInfo.outputPath('chain.png'), fullPage: true });
  const shots = path.join('reports', 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'chain-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(shots, 'chain-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Rendered to one file: its length is the three shots', and shot 2's first frame is shot 1's last.
  await page.getByTestId('chain-render').click();
  await expect(page.getByTestId('chain-render-sha256')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 30_000 });
  const chainId = new URL(chainUrl).pathname.split('/').at(-1) ?? '';
  const file = testInfo.outputPath('chain.mp4');
  const response = await page.request.get(`/api/chains/${chainId}/video?download`);
  expect(response.headers()['content-disposition']).toContain(`wan-chain-${chainId.slice(0, 8)}.mp4`);
  const { writeFile } = await import('node:fs/promises');
  await writeFile(file, await response.body());
  const streams = await describeStreams(file);
  const durations = await Promise.all([first.id, second, third].map(async (id) => (await view(page, id)).duration));
  expect(streams.video?.seconds).toBeCloseTo(durations.reduce((a, b) => a + b, 0), 1);
  const framesPerShot = 24 * (durations[0] ?? 5);
  const lastOfShot1 = await frameRgb(file, 320, 180, framesPerShot - 1);
  const firstOfShot2 = await frameRgb(file, 320, 180, framesPerShot);
  // Within a small tolerance (the H.264 of two encodes), and far closer than shot 1's own opening frame is.
  const seam = meanDifference(lastOfShot1, firstOfShot2);
  expect(seam).toBeLessThan(4.5);
  expect(seam).toBeLessThan(meanDifference(await frameRgb(file, 320, 180, 0), firstOfShot2) / 2);

  // Shared like a clip: anyone with the link gets the rendered file, and the shots' prompts.
  await page.goto(chainUrl);
  await page.getByTestId('chain-share-create').click();
  const link = await page.getByTestId('chain-share-link').inputValue();
  await anonymous.goto(link);
  await expect(anonymous.getByTestId('shared-shots').getByRole('listitem')).toHaveCount(3);
  const shared = await anonymous.request.get(`${link}/video`);
  const { createHash } = await import('node:crypto');
  expect(createHash('sha256').update(await shared.body()).digest('hex')).toBe(await page.getByTestId('chain-render-sha256').textContent());

  // A new take of shot 2 keeps the chain: still three shots, shot 2 now has two takes.
  await page.goto(chainUrl);
  await page.locator('[data-testid="chain-shot"][data-position="2"]').getByTestId('chain-new-take').click();
  await expect(page.locator('[data-testid="chain-shot"][data-position="2"]')).toContainText('2 takes');
  await expect(page.getByTestId('chain-shot')).toHaveCount(3);
});
