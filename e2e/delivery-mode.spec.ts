import { readGeneration } from './db';
import { expect, test } from './fixtures';

test('a webhook clip says webhook on its page, in its recipe and in Remix, and never shows its secret', async ({ owner: { page } }) => {
  const response = await page.request.post('/api/generations', { data: { prompt: 'A kingfisher diving into a pond', seed: 5, requestType: 'callback' } });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  await page.goto(`/gallery/${id}`);
  await expect(page.getByTestId('sha256')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 30_000 });
  const secret = readGeneration(id)?.callback_secret ?? '';
  expect(secret).not.toBe('');

  await expect(page.getByTestId('param-delivery')).toHaveText('webhook');
  const recipe = page.getByTestId('recipe');
  await expect(recipe).toContainText('"requestType": "callback"');
  for (const tab of ['curl', 'typescript'] as const) {
    await page.getByTestId(`recipe-tab-${tab}`).click();
    await expect(recipe).toContainText('"request_type": "callback"');
    await expect(recipe).toContainText('"callback_url": "https://');
    await expect(recipe).not.toContainText(secret);
    await expect(recipe).not.toContainText('/api/wan/callback/');
  }

  await page.getByRole('link', { name: 'Remix' }).click();
  await expect(page.getByRole('radio', { name: 'Webhook' })).toBeChecked();
});

test('a polling clip says polling and its recipe sends no callback', async ({ owner: { page } }) => {
  const response = await page.request.post('/api/generations', { data: { prompt: 'A heron standing in reeds', seed: 6 } });
  const { id } = (await response.json()) as { id: string };
  await page.goto(`/gallery/${id}`);
  await expect(page.getByTestId('param-delivery')).toHaveText('polling');
  await expect(page.getByTestId('recipe')).toContainText('"requestType": "async"');
  await page.getByTestId('recipe-tab-curl').click();
  await expect(page.getByTestId('recipe')).not.toContainText('callback_url');
});
