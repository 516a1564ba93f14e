import { makeImage } from '../lib/images/test-images';
import { expect, generate, test, videoFacts } from './fixtures';

test('the form offers each model only what it takes, and says what a switch changed', async ({ owner: { page } }) => {
  await page.goto('/');
  const radio = (name: string) => page.getByRole('radio', { name, exact: true });
  await expect(radio('Wan 2.5')).toBeChecked();
  await expect(radio('480p')).toHaveCount(0);
  await expect(radio('4:3')).toHaveCount(0);
  await expect(page.getByTestId('prompt-counter')).toHaveText('0/800');
  await expect(page.getByTestId('cost-estimate')).toHaveText('≈ $0.30 · 5 s at 720p');

  await radio('Wan 2.5 Video').check({ force: true });
  await expect(page.getByTestId('model-changes')).toHaveText('');
  await expect(page.getByTestId('prompt-counter')).toHaveText('0/1500');
  await expect(page.getByTestId('cost-estimate')).toHaveText('≈ $0.50 · 5 s at 720p on Wan 2.5 Video');
  await radio('4:3').check({ force: true });

  // 480p has no 4:3: the frame changes, and the form says so.
  await radio('480p').check({ force: true });
  await expect(radio('4:3')).toHaveCount(0);
  await expect(radio('16:9')).toBeChecked();
  await expect(page.getByTestId('model-changes')).toHaveText('Aspect ratio is now 16:9: Wan 2.5 Video has no 4:3 at 480p.');
  await expect(page.getByTestId('cost-estimate')).toHaveText('≈ $0.25 · 5 s at 480p on Wan 2.5 Video');

  // Back to the first model: 480p goes, 16:9 and 5 s stay.
  await radio('Wan 2.5').check({ force: true });
  await expect(radio('720p')).toBeChecked();
  await expect(radio('16:9')).toBeChecked();
  await expect(page.getByTestId('model-changes')).toHaveText('Resolution is now 720p: Wan 2.5 has no 480p.');
});

test('a 4:3 clip on wan-2-5-video generates, plays, names its model and reproduces byte for byte', async ({ owner: { page } }) => {
  await page.goto('/');
  await page.getByRole('radio', { name: 'Wan 2.5 Video', exact: true }).check({ force: true });
  await page.getByRole('radio', { name: '4:3', exact: true }).check({ force: true });
  const prompt = 'A paper kite over a wheat field, drawn on the second model';
  const card = await generate(page, prompt);
  await expect(card.getByTestId('clip-model')).toHaveText('Wan 2.5 Video');
  await expect(card.getByTestId('clip-video')).toBeVisible({ timeout: 30_000 });
  const facts = await videoFacts(page);
  expect(facts.width / facts.height).toBeCloseTo(4 / 3, 1);

  await card.getByRole('link', { name: 'Details →' }).click();
  await expect(page.getByTestId('param-model')).toHaveText('wan-2-5-video');
  await expect(page.getByTestId('param-aspect-ratio')).toHaveText('4:3');
  const recipe = page.getByTestId('recipe');
  await expect(recipe).toContainText('"model": "wan-2-5-video"');
  await page.getByTestId('recipe-tab-curl').click();
  await expect(recipe).toContainText('/generateTask/wan-2-5-video');

  const original = page.url();
  await expect(page.getByTestId('sha256')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 20_000 });
  const sha = await page.getByTestId('sha256').innerText();
  await page.getByRole('button', { name: 'Reproduce' }).click();
  await page.waitForURL((url) => url.href !== original);
  await expect(page.getByTestId('param-model')).toHaveText('wan-2-5-video');
  await expect(page.getByTestId('sha256')).toHaveText(sha, { timeout: 30_000 });
  await expect(page.getByTestId('receipt')).toContainText('Byte-identical');

  // Remix keeps the model and its frame.
  await page.getByRole('link', { name: 'Remix' }).click();
  await expect(page.getByRole('radio', { name: 'Wan 2.5 Video', exact: true })).toBeChecked();
  await expect(page.getByRole('radio', { name: '4:3', exact: true })).toBeChecked();
});

test('image-to-video on wan-2-5-video needs no prompt: the clip follows its start image, and says so where it is listed', async ({ owner: { page } }) => {
  await page.goto('/');
  await page.getByRole('radio', { name: 'Image → video' }).check({ force: true });
  // The first model still asks for one.
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.locator('#prompt-error')).toHaveText('Describe the video you want');

  await page.getByRole('radio', { name: 'Wan 2.5 Video', exact: true }).check({ force: true });
  await expect(page.getByLabel('Prompt (optional)', { exact: true })).toBeVisible();
  const png = makeImage({ format: 'png', width: 400, height: 300, color: '0x2060c0' });
  await page.getByLabel('Start image file').setInputFiles({ name: 'frame.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('start-image-preview')).toBeVisible();
  await page.getByRole('button', { name: 'Generate' }).click();
  const card = page.getByTestId('clip-card').filter({ hasText: 'No prompt: from its start image' });
  await expect(card.getByTestId('clip-video')).toBeVisible({ timeout: 30_000 });
  await card.getByRole('link', { name: 'Details →' }).click();
  await expect(page.getByTestId('param-model')).toHaveText('wan-2-5-video');
  await expect(page.getByTestId('sha256')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 20_000 });
  // Sent without a prompt at all: the curl recipe has no "prompt" field.
  await page.getByTestId('recipe-tab-curl').click();
  await expect(page.getByTestId('recipe')).not.toContainText('"prompt"');
});
