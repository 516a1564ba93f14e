import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { createUser, signIn, startHarness, type Harness } from '../scripts/bench/studio-harness';
import { activityItem, generateFromForm, signedInContext } from './own-studio';

// The activity panel against a studio of its own: one upstream slot (so clips really wait in the queue,
// in the order the dispatcher will send them) and 10 clips an hour per person.

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const EMAIL = 'activity@example.test';
const PASSWORD = 'activity-password';
let harness: Harness;
let cookie = '';

test.beforeAll(async () => {
  harness = await startHarness({
    dir: '.e2e/activity',
    studioPort: 3260,
    emulatorPort: 8802,
    timeScale: 0.1,
    env: { WAN_MAX_CONCURRENT_TASKS: '1', HOURLY_QUOTA: '10' },
  });
  await createUser(harness.dataDir, EMAIL, PASSWORD);
  cookie = await signIn(harness.studioUrl, EMAIL, PASSWORD);
});
test.afterAll(async () => {
  await harness?.stop();
});

async function signedIn(browser: Browser, viewport = { width: 1440, height: 900 }): Promise<BrowserContext> {
  const context = await signedInContext(browser, harness.studioUrl, cookie, { viewport });
  await context.grantPermissions(['notifications'], { origin: harness.studioUrl });
  return context;
}

const generate = generateFromForm;
const item = activityItem;

test('the panel lists clips in flight in their real send order; cancel removes one; the title counts them; a toast opens the clip', async ({ browser }, testInfo) => {
  const context = await signedIn(browser);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByTestId('quota-line')).toHaveText('10 of 10 clips left this hour');
  await expect(page.getByTestId('activity-panel')).toContainText('Nothing in flight');

  await generate(page, 'a lighthouse at dusk');
  await generate(page, 'waves over black sand');
  await generate(page, 'fog rolling over a ridge');
  await expect(page.getByTestId('quota-line')).toHaveText('7 of 10 clips left this hour');

  await expect(page.getByTestId('activity-item')).toHaveCount(3);
  await expect(item(page, 'waves over black sand').getByTestId('activity-status')).toContainText('1st to be sent');
  await expect(item(page, 'fog rolling over a ridge').getByTestId('activity-status')).toContainText('2nd to be sent');
  await expect(page).toHaveTitle(/^\(3\) Studio · Wan Studio$/);
  await expect(page.getByTestId('activity-summary')).toHaveText('1 running · 2 queued');
  await page.getByTestId('activity-panel').screenshot({ path: testInfo.outputPath('activity-1440-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('studio-activity-1440-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  await item(page, 'fog rolling over a ridge').getByRole('button', { name: /^Cancel/ }).click();
  await expect(item(page, 'fog rolling over a ridge')).toHaveCount(0);
  await expect(page).toHaveTitle(/^\(2\) Studio/);

  const toast = page.locator('[data-sonner-toast]').filter({ hasText: 'Your clip is ready' }).filter({ hasText: 'a lighthouse at dusk' });
  await expect(toast).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath('studio-toast-1440-light.png') });
  const id = await item(page, 'a lighthouse at dusk').getAttribute('data-generation-id');
  await toast.getByRole('button', { name: 'Open' }).click();
  await expect(page).toHaveURL(new RegExp(`/gallery/${id}$`));

  // Both left clips finish: the count leaves the title, and the finished ones stay in the panel with a poster.
  await expect(page).not.toHaveTitle(/^\(\d+\)/, { timeout: 30_000 });
  await expect(item(page, 'waves over black sand')).toHaveAttribute('data-state', 'success');
  await expect(item(page, 'a lighthouse at dusk').getByTestId('activity-poster')).toBeVisible();
  await item(page, 'a lighthouse at dusk').getByRole('button', { name: /^Dismiss/ }).click();
  await expect(item(page, 'a lighthouse at dusk')).toHaveCount(0);
  await context.close();
});

test('on a phone the panel is a bar at the bottom that opens into a sheet', async ({ browser }, testInfo) => {
  const context = await signedIn(browser, { width: 390, height: 844 });
  const page = await context.newPage();
  await page.goto('/');
  await generate(page, 'a paper boat on a rain gutter');
  await generate(page, 'steam rising from a cup');
  const bar = page.getByTestId('activity-toggle');
  await expect(page.getByTestId('activity-summary')).toHaveText(/1 running · 1 queued/);
  await expect(bar).toHaveAttribute('aria-expanded', 'false');
  // The bar never hides Generate for good: the page scrolls it clear.
  await page.getByRole('button', { name: 'Generate' }).scrollIntoViewIfNeeded();
  const generateBox = await page.getByRole('button', { name: 'Generate' }).boundingBox();
  const barBox = await bar.boundingBox();
  expect((generateBox?.y ?? 0) + (generateBox?.height ?? 0)).toBeLessThanOrEqual(barBox?.y ?? 0);
  await page.screenshot({ path: testInfo.outputPath('activity-390-light-bar.png') });

  await bar.click();
  await expect(bar).toHaveAttribute('aria-expanded', 'true');
  await expect(item(page, 'steam rising from a cup')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('activity-390-light-sheet.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('activity-390-dark-sheet.png') });
  await expect(item(page, 'steam rising from a cup')).toHaveAttribute('data-state', 'success', { timeout: 30_000 });
  await context.close();
});

test('two tabs of one browser: one toast for a finished clip, not two', async ({ browser }) => {
  const context = await signedIn(browser);
  // Every toast that ever appears in a tab, so one that has already timed out still counts.
  await context.addInitScript(() => {
    const seen: string[] = [];
    const counted = new WeakSet<Element>();
    Object.assign(window, { seenToasts: seen });
    new MutationObserver(() => {
      for (const toast of document.querySelectorAll('[data-sonner-toast]'))
        if (!counted.has(toast)) {
          counted.add(toast);
          seen.push(toast.textContent ?? '');
        }
    }).observe(document, { childList: true, subtree: true });
  });
  const [first, second] = [await context.newPage(), await context.newPage()];
  await Promise.all([first.goto('/'), second.goto('/gallery')]);
  await generate(first, 'one toast for two tabs');
  // The other tab learns of it from the first (a BroadcastChannel) and watches it too.
  await expect(item(second, 'one toast for two tabs')).toBeVisible();
  for (const page of [first, second]) await expect(item(page, 'one toast for two tabs')).toHaveAttribute('data-state', 'success', { timeout: 30_000 });

  // Every tab's claim runs under the same Web Lock, in turn: once we hold it, both tabs have decided.
  const toasts = async () => {
    let count = 0;
    for (const page of [first, second]) {
      await page.evaluate(() => navigator.locks.request('wan-studio:announce', () => undefined));
      count += await page.evaluate(() => (window as unknown as { seenToasts: string[] }).seenToasts.filter((text) => text.includes('one toast for two tabs')).length);
    }
    return count;
  };
  await expect.poll(toasts).toBe(1);
  expect(await toasts()).toBe(1);
  await context.close();
});
