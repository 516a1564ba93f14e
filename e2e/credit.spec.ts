import AxeBuilder from '@axe-core/playwright';
import { setBalance } from '../emulator/admin-client';
import { E2E } from './env';
import { expect, generate, test } from './fixtures';

test.afterEach(async () => {
  await setBalance(E2E.emulatorUrl, 1000);
});

test('out of credit: the first clip says so with a top-up link, the next waits queued under a banner, and both resume once the balance is back', async ({ owner: { page } }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(page.getByTestId('balance-badge')).toHaveText(/\$[\d,]+\.\d\d/);

  await setBalance(E2E.emulatorUrl, 0);
  const refused = await generate(page, 'A lighthouse keeper climbing the stairs at dusk');
  await expect(refused.getByTestId('failure')).toContainText('The API key is out of credit');
  await expect(refused.getByRole('link', { name: 'Top up the balance →' })).toHaveAttribute('href', '/api/wan/top-up');
  const banner = page.getByTestId('credit-paused-banner');
  await expect(banner).toContainText('Sending is paused: the API key is out of credit.');

  const waiting = await generate(page, 'Rain on a greenhouse roof, seen from inside');
  await expect(waiting.getByTestId('state')).toHaveAttribute('data-state', 'queued');
  // Paused, not failing: it is still waiting a few checks of the balance later.
  await page.waitForTimeout(3_000);
  await expect(waiting.getByTestId('state')).toHaveAttribute('data-state', 'queued');
  await expect(banner).toBeVisible();
  // The activity panel says why it waits, not only where.
  const id = (await waiting.getAttribute('data-generation-id')) ?? '';
  await expect(page.locator(`[data-testid="activity-item"][data-generation-id="${id}"]`).getByTestId('activity-status')).toContainText('waits for credit');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).include('[data-testid="credit-paused-banner"]').include('[data-testid="balance-badge"]').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${colorScheme}: ${v.id}`)).toEqual([]);
  }

  await setBalance(E2E.emulatorUrl, 1000);
  await expect(waiting.getByTestId('clip-video')).toBeVisible({ timeout: 45_000 });
  await expect(banner).toBeHidden({ timeout: 15_000 });
  // The failed clip stays failed: it was never sent twice behind the person's back.
  await expect(refused.getByTestId('failure')).toBeVisible();
});

test('the balance is read on the server only, and shown only to members who may generate', async ({ owner: { page: ownerPage }, viewer: { page } }) => {
  const answer = await ownerPage.request.get('/api/wan/credit');
  expect(answer.status()).toBe(200);
  const text = await answer.text();
  expect(text).not.toContain(E2E.apiKey);
  expect(JSON.parse(text)).toMatchObject({ balanceUsd: expect.any(Number), sendingPaused: false });

  const topUp = await ownerPage.request.get('/api/wan/top-up', { maxRedirects: 0 });
  expect(topUp.status()).toBe(303);
  expect(topUp.headers().location).toMatch(/^https:\/\/apixo\.ai\/?$/);

  await page.goto('/gallery');
  await expect(page.getByTestId('app-header')).toBeVisible();
  await expect(page.getByTestId('balance-badge')).toHaveCount(0);
  expect((await page.request.get('/api/wan/credit')).status()).toBe(404);
});
