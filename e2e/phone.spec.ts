import type { Locator, Page } from '@playwright/test';
import { expect, generate, test } from './fixtures';
import { E2E } from './env';
import { startTeam } from './personas';

const PHONE = { width: 390, height: 844 };

/** Nothing on the page reaches past the right edge of a 390 px screen. */
async function expectFitsPhone(page: Page, parts: Locator[]) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'page width').toBeLessThanOrEqual(PHONE.width);
  for (const part of parts) {
    const box = await part.boundingBox();
    expect(box, `${part} is on the page`).not.toBeNull();
    expect(box!.x, `${part} left edge`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${part} right edge`).toBeLessThanOrEqual(PHONE.width);
  }
}

test('phone: a running clip is in view right after Generate, in the activity bar, without scrolling past the form', async ({ owner: { page } }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/');
  const prompt = 'A paper boat drifting down a rain gutter, reflections of neon signs';
  const card = await generate(page, prompt);
  // Where the person is looking (the Generate button), not below the whole form: the bar at the bottom tells of it.
  const bar = page.getByTestId('activity-toggle');
  await expect(bar).toBeInViewport();
  await expect(page.getByTestId('activity-summary')).toContainText(/1 (running|queued|done)/);

  // Tapping the bar opens the sheet with the clip, which says when it is done; its card below plays it.
  await bar.click();
  const item = page.getByTestId('activity-item').filter({ hasText: prompt });
  await expect(item).toBeInViewport();
  await expect(item).toHaveAttribute('data-state', 'success', { timeout: 30_000 });
  await expect(card.getByTestId('clip-video')).toBeVisible();
  await expectFitsPhone(page, [card, page.getByTestId('activity-panel')]);
});

test('phone: a clip’s page fits the screen: the sha256 wraps, video, recipe and its tabs stay inside', async ({ owner: { page } }) => {
  await page.goto('/');
  const card = await generate(page, 'Slow dolly in on a lighthouse keeper reading by lamplight, rain on the window');
  await card.getByRole('link', { name: 'Details →' }).click();
  await expect(page.getByTestId('sha256')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 30_000 });

  await page.setViewportSize(PHONE);
  await expectFitsPhone(page, [
    page.getByTestId('sha256'),
    page.getByTestId('clip-video'),
    page.getByTestId('recipe'),
    page.getByTestId('recipe-code'),
    page.getByTestId('recipe-tab-typescript'),
    page.getByTestId('prompt'),
  ]);
  await page.getByTestId('recipe-tab-curl').click();
  await expectFitsPhone(page, [page.getByTestId('recipe-code'), page.getByTestId('recipe-copy')]);
  await page.screenshot({ path: test.info().outputPath('phone-clip-page.png'), fullPage: true });
});

test('phone: the recipe wraps its long lines (prompt, links) in every format instead of scrolling sideways', async ({ owner: { page } }) => {
  const prompt =
    'A long tracking shot along a harbour at dawn, fishing boats rocking gently, gulls circling overhead, mist lifting off the water, ' +
    'in the style of https://example.com/reference/harbour-at-dawn/a-very-long-path-segment-without-any-breaks-0123456789abcdef';
  const created = await page.request.post('/api/generations', { data: { prompt }, headers: { origin: E2E.baseUrl } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.setViewportSize(PHONE);
  await page.goto(`/gallery/${id}`);
  const code = page.getByTestId('recipe-code');
  for (const tab of ['json', 'curl', 'typescript'] as const) {
    await page.getByTestId(`recipe-tab-${tab}`).click();
    await expect(code).toContainText('a-very-long-path-segment-without-any-breaks');
    const { scrollWidth, clientWidth } = await code.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
    expect(scrollWidth, `${tab}: nothing hidden to the right`).toBeLessThanOrEqual(clientWidth);
    // Still code: monospace, as written.
    expect(await code.evaluate((element) => getComputedStyle(element).fontFamily)).toMatch(/mono/i);
    await expectFitsPhone(page, [code, page.getByTestId('recipe-copy')]);
  }
  await code.screenshot({ path: test.info().outputPath('phone-recipe-typescript.png') });
});

test('phone: with two teams the header fits on every page and keeps the switcher and the account menu', async ({ owner: { page } }) => {
  await startTeam(page.request, 'Harbour Films International Productions');
  await page.setViewportSize(PHONE);
  for (const path of ['/', '/gallery', '/team']) {
    await page.goto(path);
    await expect(page.getByTestId('team-switcher')).toBeVisible();
    await expectFitsPhone(page, [page.locator('header').first(), page.getByTestId('team-switcher'), page.getByRole('link', { name: 'Team', exact: true })]);
    await expectFitsPhone(page, [page.getByTestId('account-button')]);
  }
  await page.getByTestId('account-button').click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expectFitsPhone(page, [page.getByTestId('account-menu')]);
  await page.screenshot({ path: test.info().outputPath('phone-two-team-header.png') });

  // Clear at 1440 as well: one row, everything visible.
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1440, height: 900 });
  const header = await page.getByTestId('app-header').boundingBox();
  expect(header!.height).toBeLessThanOrEqual(57);
  await expect(page.getByTestId('emulator-badge')).toBeVisible();
  await expect(page.getByTestId('account-button')).toContainText(/\S/);
});
