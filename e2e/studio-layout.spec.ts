import type { Page } from '@playwright/test';
import { setFaults } from '../emulator/admin-client';
import { E2E } from './env';
import { expect, generate, test } from './fixtures';

// How the studio's frame holds together: the header over the page's column, an even grid of clips, one bar at the bottom of a phone.

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

test.afterEach(async () => {
  await setFaults(E2E.emulatorUrl, {});
});

/** The left edges of the header's first item (the logo) and of main's content. */
async function leftEdges(page: Page) {
  const logo = await page.getByTestId('app-header').getByRole('link', { name: 'Wan Studio' }).boundingBox();
  const content = await page.locator('main > *').first().boundingBox();
  return { header: Math.round(logo?.x ?? -1), main: Math.round(content?.x ?? -2) };
}

test('desktop: the header’s column lines up with the page’s, with the activity panel open and collapsed to its rail', async ({ owner: { page } }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto('/gallery');
  const toggle = page.getByTestId('activity-toggle');
  for (const expanded of ['true', 'false']) {
    // Until hydration a click does nothing: press again until the panel follows.
    await expect(async () => {
      if ((await toggle.getAttribute('aria-expanded')) !== expanded) await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', expanded, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    const state = expanded === 'true' ? 'open' : 'collapsed';
    // Polled: the panel's width settles a frame after the click.
    await expect.poll(async () => { const { header, main } = await leftEdges(page); return header - main; }, { message: `panel ${state}: header left minus main left (px)` }).toBe(0);
  }

  // The narrowest side-panel window, panel open: the header keeps one row, its menu clear of the panel.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.setViewportSize({ width: 1024, height: 800 });
  const header = await page.getByTestId('app-header').boundingBox();
  const account = await page.getByTestId('account-button').boundingBox();
  const panel = await page.getByTestId('activity-panel').boundingBox();
  expect(header?.height, 'header height at 1024 px').toBeLessThanOrEqual(57);
  expect((account?.x ?? 0) + (account?.width ?? 0), 'account menu right edge').toBeLessThanOrEqual(panel?.x ?? 0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'page width').toBeLessThanOrEqual(1024);
});

test('a failed clip keeps the frame of a finished one, its reason inside it, so the grid stays even', async ({ owner: { page } }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto('/');
  const finished = await generate(page, 'A quiet harbour at dawn, gulls over the water');
  await expect(finished.getByTestId('clip-video')).toBeVisible({ timeout: 30_000 });
  // "forbidden" makes the emulator refuse the task (CONTENT_VIOLATION).
  const failed = await generate(page, 'A forbidden garden behind a stone wall');
  const failure = failed.getByTestId('failure');
  await expect(failure).toContainText('refused', { timeout: 30_000 });

  const frame = await finished.getByTestId('clip-frame').boundingBox();
  const failedFrame = await failure.boundingBox();
  expect(failedFrame?.height, 'the failed card’s frame is as tall as its finished neighbour’s').toBeCloseTo(frame?.height ?? 0, 0);
  expect(failedFrame?.width).toBeCloseTo(frame?.width ?? 0, 0);

  // Back on the studio later, the newest clip with a video is the one that plays by itself, not the failed one above it.
  await page.reload();
  await expect(page.getByTestId('clip-card').first()).toContainText('A forbidden garden');
  // It plays by itself once the page has settled (clip-player's idle start).
  const harbour = page.getByTestId('clip-card').filter({ hasText: 'A quiet harbour at dawn' }).getByTestId('clip-video');
  await expect.poll(() => harbour.evaluate((video: HTMLVideoElement) => !video.paused && video.currentTime > 0), { timeout: 15_000 }).toBe(true);
});

/** Visible fixed or sticky boxes stuck to the bottom of the viewport (outermost only; a toast is a passing notice, not a bar). */
function bottomBars(page: Page) {
  return page.evaluate(() => {
    const stuck = (element: Element) => ['fixed', 'sticky'].includes(getComputedStyle(element).position);
    const bars: string[] = [];
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      if (!stuck(element) || element.closest('[data-sonner-toaster]')) continue;
      let parent = element.parentElement;
      while (parent && !stuck(parent)) parent = parent.parentElement;
      if (parent) continue;
      const box = element.getBoundingClientRect();
      if (box.height > 0 && box.width > 0 && box.top < window.innerHeight && box.bottom > window.innerHeight - 200) bars.push(element.innerText.replace(/\s+/g, ' ').trim());
    }
    return bars;
  });
}

test('phone: after Generate one bar sits at the bottom of the screen, and it says a clip is running', async ({ owner: { page } }) => {
  // Slow status answers and no callback keep the clip on its way while the bars are counted (the e2e clock makes a clip last ~1 s).
  await setFaults(E2E.emulatorUrl, { latencyMs: 6_000, routes: ['status'], callbacksNeverCome: true });
  await page.setViewportSize(PHONE);
  await page.goto('/');
  await generate(page, 'A paper lantern rising over a dark lake');
  // “Nothing running” also says running: wait for the clip itself to be counted, once sent (the bar names a running clip).
  await expect(page.getByTestId('activity-summary')).toContainText(/1 running/);
  const bars = await bottomBars(page);
  expect(bars, 'bars at the bottom of the screen').toHaveLength(1);
  expect(bars[0]).toMatch(/1 running/);
  expect(bars[0], 'the bar names the running clip').toContain('A paper lantern rising over a dark lake');
  await page.screenshot({ path: test.info().outputPath('phone-running-bar.png') });
});
