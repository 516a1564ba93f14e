import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { E2E } from './env';
import { expect, test } from './fixtures';

/** Starts a clip through the JSON API, as the person whose cookies `request` carries. */
async function start(request: APIRequestContext, prompt: string) {
  const response = await request.post('/api/generations', { data: { prompt }, headers: { origin: E2E.baseUrl } });
  expect(response.status(), await response.text()).toBe(201);
}

type Totals = { clips: number; succeeded: number; failed: number; running: number };

async function seriousViolations(page: Page) {
  // The page's own content: the header's emulator badge has a known contrast finding, the header's to fix.
  const results = await new AxeBuilder({ page }).include('main').analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('after two clips and a refused one, the usage page counts them, explains the failure and draws the chart', async ({ owner: { page, name } }) => {
  await start(page.request, 'A paper boat drifting down a rainy street');
  await start(page.request, 'A koi pond at dawn, slow dolly in');
  // "forbidden" makes the emulator refuse the task with CONTENT_VIOLATION.
  await start(page.request, 'A forbidden door in an old library');
  await expect
    .poll(async () => ((await (await page.request.get('/api/usage?period=7')).json()) as { totals: Totals }).totals, { timeout: 45_000 })
    .toMatchObject({ clips: 3, succeeded: 2, failed: 1, running: 0 });

  await page.goto('/');
  await page.getByRole('link', { name: 'Usage' }).click();
  await expect(page).toHaveURL(/\/usage$/);
  await expect(page.getByRole('heading', { name: 'Usage', level: 1 })).toBeVisible();
  await expect(page.getByTestId('usage-clips')).toContainText('3');
  await expect(page.getByTestId('usage-clips')).toContainText('2 done · 1 failed');
  await expect(page.getByTestId('usage-seconds')).toContainText('10 s');
  await expect(page.getByTestId('usage-success')).toContainText('66.7 %');
  await expect(page.getByTestId('usage-median')).not.toContainText('—');
  await expect(page.getByTestId('usage-fail-codes')).toContainText('The prompt was refused by the safety filter');
  await expect(page.getByTestId('usage-fail-codes')).toContainText('CONTENT_VIOLATION');
  await expect(page.getByTestId('usage-chart').locator('.recharts-wrapper > svg')).toBeVisible();
  // The drawing is hidden from screen readers; its numbers are in a table they read instead.
  await expect(page.getByRole('table', { name: /Clips by outcome and estimated spend per day/ })).toHaveCount(1);

  // The spend chart, the team view with its people, and a period the URL remembers.
  await page.getByRole('radio', { name: 'Spend' }).check({ force: true });
  await expect(page.getByRole('heading', { name: 'Estimated spend per day' })).toBeVisible();
  await expect(page.getByTestId('usage-chart').locator('.recharts-wrapper > svg')).toBeVisible();
  await page.getByRole('radio', { name: 'Team' }).check({ force: true });
  await expect(page.getByTestId('usage-people')).toContainText(name);
  await page.getByRole('radio', { name: '90 days' }).check({ force: true });
  await expect(page).toHaveURL(/period=90&scope=team/);
  await page.reload();
  await expect(page.getByRole('radio', { name: '90 days' })).toBeChecked();
  await expect(page.getByTestId('usage-people')).toContainText(name);
  expect(await seriousViolations(page)).toEqual([]);

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await expect(page.getByTestId('usage-chart').locator('.recharts-wrapper > svg')).toBeVisible();
      // The page itself fits the screen (the header's own fit at 390 px is the header's test).
      expect(await page.locator('main').evaluate((main) => main.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: test.info().outputPath(`usage-${width}-${colorScheme}.png`), fullPage: true });
      await page.screenshot({ path: `test-results/screens/usage-${width}-${colorScheme}.png`, fullPage: true });
    }
    expect(await seriousViolations(page)).toEqual([]);
  }
});

test('a viewer sees only their own usage: no team view, and the team figures are refused', async ({ owner, viewer: { page } }) => {
  await start(owner.page.request, 'A lighthouse in fog');
  await page.goto('/usage?scope=team');
  await expect(page.getByTestId('usage-empty')).toContainText('No clips in the last 30 days');
  await expect(page.getByRole('group', { name: 'Whose usage' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Start a clip' })).toHaveCount(0);
  const refused = await page.request.get('/api/usage?scope=team');
  expect(refused.status()).toBe(403);
  expect((await page.request.get('/api/usage?period=12')).status()).toBe(400);
  expect(await seriousViolations(page)).toEqual([]);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `test-results/screens/usage-empty-390-${colorScheme}.png`, fullPage: true });
  }
});

test('a bad time zone is a clear 400, and a signed-out visitor gets a 401', async ({ owner: { page }, signedOut }) => {
  const bad = await page.request.get('/api/usage?tz=Mars%2FOlympus');
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({ error: 'Unknown time zone' });
  expect((await signedOut.request.get('/api/usage')).status()).toBe(401);
});

test('the usage heading lines up with the gallery’s (the header’s column), on a desktop and a phone', async ({ owner: { page } }) => {
  const leftOf = async (path: string, name: string) => {
    await page.goto(path);
    const box = await page.getByRole('heading', { name, level: 1 }).boundingBox();
    expect(box, `${name} heading`).not.toBeNull();
    return Math.round(box!.x);
  };
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    expect(await leftOf('/usage', 'Usage'), `at ${width} px`).toBe(await leftOf('/gallery', 'Gallery'));
  }
});
