import { makeImage } from '../lib/images/test-images';
import { expect, test } from './fixtures';

const COLOR = { r: 200, g: 60, b: 40 };
const hex = `0x${[COLOR.r, COLOR.g, COLOR.b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;

test('upload a PNG start frame, generate, and the video’s first frame is that image', async ({ owner: { page } }) => {
  await page.goto('/');
  await page.getByRole('radio', { name: 'Image → video' }).check({ force: true });
  await expect(page.getByRole('radio', { name: '16:9' })).toBeDisabled();

  const png = makeImage({ format: 'png', width: 400, height: 300, color: hex });
  await page.getByLabel('Start image file').setInputFiles({ name: 'frame.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('start-image-preview')).toBeVisible();
  await expect(page.getByText('400×300')).toBeVisible();

  await page.getByLabel('Prompt', { exact: true }).fill('The red wall slowly comes alive');
  await page.getByRole('button', { name: 'Generate' }).click();
  const card = page.getByTestId('clip-card').filter({ hasText: 'red wall' });
  await expect(card.getByTestId('clip-video')).toBeVisible({ timeout: 30_000 });

  // Our archived copy is same-origin, so its pixels can be read.
  await card.getByRole('link', { name: 'Details →' }).click();
  await expect(page.getByTestId('sha256')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 20_000 });
  await page.reload();
  await expect(page.getByTestId('start-frame')).toBeVisible();
  const average = await page.getByTestId('clip-video').evaluate(async (video: HTMLVideoElement) => {
    video.pause();
    if (video.readyState < 2) await new Promise((resolve) => video.addEventListener('loadeddata', resolve, { once: true }));
    video.currentTime = 0;
    await new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(video, 0, 0);
    // The middle half of the frame: inside the fitted image whatever the letterboxing.
    const { data } = context.getImageData(canvas.width / 4, canvas.height / 4, canvas.width / 2, canvas.height / 2);
    const sum = [0, 0, 0];
    for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (data[i + c] ?? 0);
    const n = data.length / 4;
    return { r: (sum[0] ?? 0) / n, g: (sum[1] ?? 0) / n, b: (sum[2] ?? 0) / n };
  });
  expect(Math.abs(average.r - COLOR.r)).toBeLessThan(25);
  expect(Math.abs(average.g - COLOR.g)).toBeLessThan(25);
  expect(Math.abs(average.b - COLOR.b)).toBeLessThan(25);
});

test('a bad start frame is explained before anything is spent', async ({ owner: { page } }) => {
  await page.goto('/');
  await page.getByRole('radio', { name: 'Image → video' }).check({ force: true });
  await page.getByLabel('Start image file').setInputFiles({ name: 'cat.png', mimeType: 'image/png', buffer: Buffer.from('not really a png\n'.repeat(40)) });
  await expect(page.getByTestId('image-problem')).toHaveText('That file is not a JPG, PNG or WebP image.');

  await page.getByLabel('Image link').fill('http://169.254.169.254/latest/meta-data/');
  await page.getByRole('button', { name: 'Use link' }).click();
  await expect(page.getByTestId('image-problem')).toHaveText('That link points to a private or local network address, which cannot be used.');

  await page.getByLabel('Prompt', { exact: true }).fill('No frame yet');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('imageUrls-error')).toHaveText('Image-to-video needs exactly one start image');
  await expect(page.getByTestId('clip-card')).toHaveCount(0);
});
