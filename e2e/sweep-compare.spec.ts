import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

type View = { id: string; seed: number; state: string; sha256: string | null };

async function view(page: Page, id: string): Promise<View> {
  return (await (await page.request.get(`/api/generations/${id}`)).json()) as View;
}

/** Every compared video's position, in seconds. */
const positions = (page: Page) => page.getByTestId('compare-video').evaluateAll((videos) => (videos as HTMLVideoElement[]).map((video) => video.currentTime));

test('a sweep of 4 seeds makes 4 distinct clips in the stack of the clip it came from, and the compare view plays them in sync', async ({ owner: { page } }) => {
  const created = await page.request.post('/api/generations', { data: { prompt: 'A glass marble rolling across a wooden floor', seed: 41 } });
  const origin = (await created.json()) as View;
  await page.goto(`/gallery/${origin.id}`);

  // The estimate is there before anything runs.
  await page.getByText('Sweep seeds of this clip…').click();
  const sweep = page.getByTestId('sweep-form');
  await expect(sweep.getByTestId('sweep-estimate')).toContainText('4 clips · about $1.20');
  await expect(sweep.getByText('Seeds 42–45')).toBeVisible();
  await sweep.getByTestId('sweep-run').click();

  // The compare view opens, waits for the clips, then shows all four.
  await page.waitForURL(/\/compare\?ids=/);
  const ids = new URL(page.url()).searchParams.get('ids')?.split(',') ?? [];
  expect(ids).toHaveLength(4);
  await expect(page.getByTestId('compare-video')).toHaveCount(4, { timeout: 45_000 });

  const views = await Promise.all(ids.map((id) => view(page, id)));
  expect(views.map((v) => v.seed)).toEqual([42, 43, 44, 45]);
  await expect.poll(async () => (await Promise.all(ids.map((id) => view(page, id)))).every((v) => v.sha256), { timeout: 20_000 }).toBe(true);
  const files = (await Promise.all(ids.map((id) => view(page, id)))).map((v) => v.sha256);
  expect(new Set(files).size).toBe(4);
  // Only the seed differs between the recipes.
  await expect(page.getByTestId('diff-row-seed')).toHaveAttribute('data-differs', 'true');
  await expect(page.getByTestId('diff-row-prompt')).toHaveAttribute('data-differs', 'false');

  // Synchronized: play, seek, and every clip is at the same moment.
  const videos = page.getByTestId('compare-video');
  await expect.poll(() => videos.evaluateAll((list) => (list as HTMLVideoElement[]).every((v) => v.readyState >= 2)), { timeout: 20_000 }).toBe(true);
  await page.getByTestId('compare-play').click();
  await expect.poll(() => videos.evaluateAll((list) => (list as HTMLVideoElement[]).every((v) => !v.paused))).toBe(true);
  await page.getByTestId('compare-seek').fill('2.5');
  await expect.poll(async () => {
    const times = await positions(page);
    return Math.max(...times) - Math.min(...times);
  }).toBeLessThan(0.1);
  const times = await positions(page);
  expect(Math.min(...times)).toBeGreaterThan(2.3);
  await page.getByTestId('compare-play').click();
  await expect.poll(() => videos.evaluateAll((list) => (list as HTMLVideoElement[]).every((v) => v.paused))).toBe(true);
  const paused = await positions(page);
  expect(Math.max(...paused) - Math.min(...paused)).toBeLessThan(0.1);

  // The gallery shows the clip and its sweep as one stack card of 5 (one recipe but for the seed); opened, the
  // sweep is one group with its seeds and the clip made alone another.
  await page.goto('/gallery');
  const stack = page.getByTestId('gallery-card').filter({ has: page.getByTestId('stack-toggle') });
  await expect(page.getByTestId('gallery-card')).toHaveCount(1);
  await expect(stack).toHaveAttribute('data-stack-count', '5');
  await expect(stack.getByTestId('stack-toggle')).toHaveText('5 clips');
  await stack.getByTestId('stack-toggle').click();
  await expect(page.getByTestId('gallery-card')).toHaveCount(5);
  const groups = page.getByTestId('stack-group');
  await expect(groups).toHaveCount(2);
  await expect(groups.first()).toContainText('Sweep of 4 seeds');
  await expect(groups.first()).toContainText('seeds 42 · 43 · 44 · 45');
  await expect(groups.last()).toContainText('Made on its own');
  await expect(groups.last()).toContainText('seed 41');

  // The stack card opens its clips in the compare view: the first made first, the sweep's seeds in the order asked.
  await stack.hover();
  await stack.getByTestId('stack-compare').click();
  await page.waitForURL(/\/compare\?stack=/);
  await expect(page.getByTestId('compare-video')).toHaveCount(5);
  await expect(page.getByRole('region', { name: 'Compared clips' }).getByRole('link')).toHaveText(['seed 41', 'seed 42', 'seed 43', 'seed 44', 'seed 45']);

  // Two clips: the A/B wipe.
  await page.goto(`/compare?ids=${ids.slice(0, 2).join(',')}&view=wipe`);
  await expect(page.getByTestId('wipe-slider')).toBeVisible();
  await expect(page.getByTestId('compare-video')).toHaveCount(2);
});
