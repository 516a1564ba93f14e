import { getStats, setFaults } from '../emulator/admin-client';
import { E2E } from './env';
import { expect, generate, test } from './fixtures';

test.afterEach(async () => {
  await setFaults(E2E.emulatorUrl, {});
});

test('a flaky service (5xx, garbage, dropped connections, 429 bursts): the clip still arrives, once, and the studio never answers 500', async ({ owner: { page } }) => {
  const studioErrors: string[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(E2E.baseUrl) && response.status() >= 500) studioErrors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto('/');
  await setFaults(E2E.emulatorUrl, {
    // Half the status calls fail one way or another; the client's retries and the tracker's backoff absorb it.
    errorRate: 0.3,
    malformedRate: 0.1,
    dropRate: 0.1,
    rateLimitBurst: { count: 2 },
    routesFor: { errorRate: ['status'], malformedRate: ['status'], dropRate: ['status'], rateLimitBurst: ['create', 'status'] },
  });
  const before = await getStats(E2E.emulatorUrl);

  const card = await generate(page, 'Fireflies over a summer meadow at night');
  await expect(card.getByTestId('clip-video')).toBeVisible({ timeout: 45_000 });
  const after = await getStats(E2E.emulatorUrl);
  expect(after.tasksCreated - before.tasksCreated).toBe(1);
  expect(studioErrors).toEqual([]);
});

test('a create whose answer is lost: the clip says so plainly, and the person decides to send again or dismiss', async ({ owner: { page } }) => {
  await page.goto('/');
  await setFaults(E2E.emulatorUrl, { createSucceedsButDrops: { count: 1 } });
  const card = await generate(page, 'A tram crossing a bridge in the fog');
  await expect(card.getByTestId('failure')).toContainText('We could not confirm the task was created');
  await expect(card.getByTestId('state')).toHaveAttribute('data-state', 'unknown');

  await card.getByRole('button', { name: 'Send again' }).click();
  await expect(card.getByTestId('clip-video')).toBeVisible({ timeout: 30_000 });
});
