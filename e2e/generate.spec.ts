import { expect, generate, test, videoFacts } from './fixtures';

test('generate a 5 s 16:9 clip, watch it finish and play, then reproduce it byte for byte', async ({ owner: { page } }) => {
  await page.goto('/');
  await expect(page.getByTestId('emulator-badge')).toBeVisible();
  await expect(page.getByRole('radio', { name: '16:9' })).toBeChecked();
  await expect(page.getByRole('radio', { name: '5 s' })).toBeChecked();

  const prompt = 'A lighthouse on a sea cliff at golden hour, waves crashing below';
  const seed = await page.getByLabel('Seed', { exact: true }).inputValue();
  const card = await generate(page, prompt);

  // Progress while the service works, then the clip plays inline.
  await expect(card.getByRole('progressbar')).toBeVisible();
  await expect(card.getByTestId('clip-video')).toBeVisible({ timeout: 30_000 });
  await expect(card.getByTestId('seed')).toHaveText(`seed ${seed}`);
  const facts = await videoFacts(page);
  expect(facts.readyState).toBeGreaterThanOrEqual(2);
  expect(Math.abs(facts.duration - 5)).toBeLessThan(0.25);
  expect(facts.width / facts.height).toBeCloseTo(16 / 9, 1);

  // It is in the gallery, with its seed.
  await page.getByRole('link', { name: 'Gallery' }).click();
  const galleryCard = page.getByTestId('gallery-card').filter({ hasText: prompt });
  await expect(galleryCard).toHaveCount(1);
  await expect(galleryCard.getByTestId('seed')).toHaveText(`seed ${seed}`);
  await galleryCard.click();

  await expect(page.getByTestId('prompt')).toHaveText(prompt);
  const original = page.url();
  const originalSha = page.getByTestId('sha256');
  await expect(originalSha).toHaveText(/^[0-9a-f]{64}$/, { timeout: 20_000 });
  const sha = await originalSha.innerText();

  // Reproduce: same request, same seed → the identical file.
  await page.getByRole('button', { name: 'Reproduce' }).click();
  await page.waitForURL((url) => url.href !== original);
  await expect(page.getByTestId('param-seed')).toHaveText(seed);
  await expect(page.getByTestId('sha256')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 30_000 });
  await expect(page.getByTestId('sha256')).toHaveText(sha);
  await expect(page.getByTestId('receipt')).toContainText('Byte-identical');
  const reproduced = await videoFacts(page);
  expect(Math.abs(reproduced.duration - 5)).toBeLessThan(0.25);

  // A new seed → a different file.
  await page.goto(original);
  await page.getByRole('button', { name: 'New seed' }).click();
  await page.waitForURL((url) => url.href !== original);
  await expect(page.getByTestId('param-seed')).not.toHaveText(seed);
  await expect(page.getByTestId('sha256')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 30_000 });
  await expect(page.getByTestId('sha256')).not.toHaveText(sha);
  await expect(page.getByTestId('receipt')).toHaveText('A different file from the original.');
});

test('remix opens the studio with the clip’s settings and a locked seed', async ({ owner: { page } }) => {
  await page.goto('/');
  await page.getByRole('radio', { name: '1:1' }).check({ force: true });
  await page.getByLabel('Seed', { exact: true }).fill('4242');
  const card = await generate(page, 'Origami cranes taking flight from a desk');
  await card.getByRole('link', { name: 'Details →' }).click();
  await page.getByRole('link', { name: 'Remix' }).click();

  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue('Origami cranes taking flight from a desk');
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('4242');
  await expect(page.getByRole('radio', { name: '1:1' })).toBeChecked();
  await expect(page.getByRole('button', { name: 'Unlock seed' })).toBeVisible();
});
