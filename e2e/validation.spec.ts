import { expect, test } from './fixtures';

test('a prompt over 800 characters shows the limit and stores nothing', async ({ owner: { page } }) => {
  await page.goto('/');
  await page.getByLabel('Prompt', { exact: true }).fill('a'.repeat(801));
  await expect(page.getByTestId('prompt-counter')).toHaveText('801/800');
  await expect(page.getByTestId('prompt-error')).toHaveText('Prompt must be at most 800 characters');

  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('prompt-error')).toBeVisible();
  await expect(page.getByTestId('clip-card')).toHaveCount(0);

  await page.goto('/gallery');
  await expect(page.getByText('No clips yet')).toBeVisible();
  await expect(page.getByTestId('gallery-card')).toHaveCount(0);
});

test('an empty prompt and an out-of-range seed are explained next to their fields', async ({ owner: { page } }) => {
  await page.goto('/');
  await page.getByLabel('Seed', { exact: true }).fill('2147483648');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('prompt-error')).toHaveText('Describe the video you want');
  await expect(page.getByTestId('seed-error')).toHaveText('Seed must be at most 2147483647');
  await expect(page.getByTestId('clip-card')).toHaveCount(0);
});

test('a prompt the service refuses ends as a clear failure, not a spinner', async ({ owner: { page } }) => {
  await page.goto('/');
  await page.getByLabel('Prompt', { exact: true }).fill('A forbidden scene in a library');
  await page.getByRole('button', { name: 'Generate' }).click();
  const card = page.getByTestId('clip-card').first();
  await expect(card.getByTestId('failure')).toContainText('refused by the safety filter', { timeout: 30_000 });
  await expect(card.getByTestId('failure')).toContainText('CONTENT_VIOLATION');
});
