import { setFaults } from '../emulator/admin-client';
import { archiveNextAt, makeAdministrator, readGeneration } from './db';
import { E2E } from './env';
import { expect, generate, test } from './fixtures';

// What the person running the studio, and a member waiting for a clip, see of the hardening: a copy that could
// not be saved yet says so and can be retried now; the administrator sees today's spend; the team its storage.

test.afterEach(async () => {
  await setFaults(E2E.emulatorUrl, {});
});

test('a clip whose copy cannot be saved yet says so, and Retry now saves it at once', async ({ owner: { page } }) => {
  await page.goto('/');
  // The service's file host is down: every download of a result answers 5xx.
  await setFaults(E2E.emulatorUrl, { errorRate: 1, routes: ['files'] });
  const card = await generate(page, 'A lighthouse keeper lighting the lamp at dusk');
  const id = (await card.getAttribute('data-generation-id')) ?? '';
  await expect.poll(() => readGeneration(id)?.state, { timeout: 30_000 }).toBe('success');
  // Wait until the backoff has grown past a few seconds, so only the button can save it quickly.
  await expect.poll(() => (archiveNextAt(id) ?? 0) - Date.now(), { timeout: 30_000, intervals: [250] }).toBeGreaterThan(4_000);

  await page.goto(`/gallery/${id}`);
  const status = page.getByTestId('archive-status');
  await expect(status).toContainText('Not yet saved, retrying');
  await expect(status).toContainText('file host was not answering');
  await page.screenshot({ path: 'test-results/screens/archive-retrying.png', fullPage: true });

  await setFaults(E2E.emulatorUrl, {});
  await status.getByRole('button', { name: 'Retry now' }).click();
  await expect.poll(() => readGeneration(id)?.archive_sha256 ?? null, { timeout: 3_000 }).not.toBeNull();
  await expect(page.getByTestId('archive-status')).toHaveCount(0);
});

test('the administrator sees today’s spend; the team page shows its storage against its share', async ({ owner: { page, email } }) => {
  makeAdministrator(email);
  const spentToday = async () => {
    await page.goto('/admin');
    const text = (await page.getByTestId('spend-today').textContent()) ?? '';
    expect(text).toMatch(/Spent today: \$[\d,]+\.\d\d of \$200\.00 used/);
    return Number(/\$([\d,]+\.\d\d)/.exec(text)?.[1]?.replace(/,/g, ''));
  };
  const before = await spentToday();
  await page.goto('/');
  const card = await generate(page, 'A paper crane unfolding on a desk');
  await expect(card.getByTestId('clip-video')).toBeVisible({ timeout: 30_000 });

  // 720p × 5 s at the default 6 ¢/s: the studio's spend today went up by exactly $0.30 (no other spec runs meanwhile).
  expect((await spentToday()) - before).toBeCloseTo(0.3, 2);
  await expect(page.getByRole('row').filter({ hasText: '@example.test' }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/admin.png', fullPage: true });

  await page.goto('/team');
  await expect(page.getByTestId('storage-usage')).toContainText(/Storage: [\d.]+ (B|KB|MB) of 20 GB used/);
  await page.screenshot({ path: 'test-results/screens/team.png', fullPage: true });
});

test('a stranger cannot open the administrator’s page', async ({ outsider: { page } }) => {
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0);
});
