import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { packetDigests, readContainerTags } from '../emulator/test-video-probe';
import { expect, test } from './fixtures';

type View = { id: string; state: string; seed: number; prompt: string; sha256: string | null };

const view = async (page: Page, id: string) => (await (await page.request.get(`/api/generations/${id}`)).json()) as View;
const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const PROMPT = 'A paper lantern drifting over a still lake at night; "calm", slow orbit';

test('a downloaded clip carries its recipe in its metadata, and dropping it on the studio offers to reproduce it byte for byte', async ({ owner: { page } }, testInfo) => {
  const created = await page.request.post('/api/generations', { data: { prompt: PROMPT, seed: 2718, negativePrompt: 'blurry' } });
  const original = (await created.json()) as View;
  await expect.poll(async () => (await view(page, original.id)).sha256, { timeout: 60_000 }).toMatch(/^[0-9a-f]{64}$/);
  const archived = await view(page, original.id);

  // Download it from its page, as a person does.
  await page.goto(`/gallery/${original.id}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('clip-download').click()]);
  expect(download.suggestedFilename()).toBe(`wan-2718-${original.id.slice(0, 8)}.mp4`);
  const file = testInfo.outputPath('downloaded.mp4');
  await download.saveAs(file);

  // Its metadata: the prompt and seed in words and in the recipe, and that it is AI-generated.
  const tags = await readContainerTags(file);
  expect(tags.title).toBe(PROMPT);
  expect(tags.description).toContain('AI-generated');
  expect(tags.description).toContain('Seed: 2718');
  const tag = JSON.parse(tags.comment ?? '{}') as { aiGenerated: boolean; clipId: string; recipe: { prompt: string; seed: number; negativePrompt: string } };
  expect(tag).toMatchObject({ aiGenerated: true, clipId: original.id, recipe: { prompt: PROMPT, seed: 2718, negativePrompt: 'blurry' } });

  // The archived original is untouched: our copy's sha256 is still the one the page shows, and the
  // downloaded file holds the very same streams (no re-encoding), only its metadata differs.
  const archive = Buffer.from(await (await page.request.get(`/api/generations/${original.id}/video`, { headers: { range: 'bytes=0-' } })).body());
  expect(sha256(fs.readFileSync(file))).not.toBe(archived.sha256);
  expect((await view(page, original.id)).sha256).toBe(archived.sha256);
  const plain = testInfo.outputPath('served.mp4');
  fs.writeFileSync(plain, archive);
  expect(await packetDigests(file)).toEqual(await packetDigests(plain));

  // Picked on the import page, the file is named for what it is and sent to the studio, where it is read.
  await page.goto('/gallery/import');
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('import-clip-file')).toContainText('downloaded.mp4 is one clip’s video');
  await expect(page.getByTestId('import-error')).toHaveCount(0);

  // Dropped on the studio, the file offers its recipe; Reproduce makes the same clip again.
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'New clip' })).toBeVisible();
  const bytes = fs.readFileSync(file).toString('base64');
  await page.evaluate((data) => {
    // Built in the page from the bytes (a fetch of a data: URL is refused by our own CSP, as it should be).
    const blob = new Blob([Uint8Array.from(atob(data), (char) => char.charCodeAt(0))], { type: 'video/mp4' });
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], 'downloaded.mp4', { type: 'video/mp4' }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
  }, bytes);
  const found = page.getByTestId('clip-file-recipe');
  await expect(found.getByTestId('clip-file-prompt')).toHaveText(PROMPT);
  await expect(found.getByTestId('clip-file-settings')).toContainText('Seed 2718');
  await found.getByTestId('clip-file-reproduce').click();
  await expect(found).toBeHidden();

  // The new clip is byte-identical to the original.
  const card = page.getByTestId('clip-card').first();
  await expect(card).toBeVisible();
  const list = (await (await page.request.get('/api/gallery')).json()) as { items: { view: View }[] };
  const again = list.items.map((item) => item.view).find((item) => item.id !== original.id && item.prompt === PROMPT);
  expect(again).toBeDefined();
  await expect.poll(async () => (await view(page, again?.id ?? '')).sha256, { timeout: 60_000 }).toBe(archived.sha256);
});

test('a video without our recipe is named as such, and Use these settings fills the form from a clip file', async ({ owner: { page } }, testInfo) => {
  const created = await page.request.post('/api/generations', { data: { prompt: 'A red kite over dunes', seed: 31, duration: 10, resolution: '1080p' } });
  const clip = (await created.json()) as View;
  await expect.poll(async () => (await view(page, clip.id)).sha256, { timeout: 60_000 }).toMatch(/^[0-9a-f]{64}$/);
  const file = testInfo.outputPath('kite.mp4');
  fs.writeFileSync(file, Buffer.from(await (await page.request.get(`/api/generations/${clip.id}/video?download`)).body()));

  await page.goto('/');
  await page.getByTestId('clip-file-input').setInputFiles({ name: 'notes.mp4', mimeType: 'video/mp4', buffer: Buffer.from('not a video at all') });
  await expect(page.getByTestId('clip-file-message')).toHaveText('This is not an MP4 video: drop a clip downloaded from Wan Studio.');

  await page.getByTestId('clip-file-input').setInputFiles(file);
  await page.getByTestId('clip-file-use').click();
  await expect(page.locator('#prompt')).toHaveValue('A red kite over dunes');
  await expect(page.locator('#seed')).toHaveValue('31');
});

test('a share link carries the recipe in its file only when it shows the recipe; both say the clip is AI-generated', async ({ owner: { page }, signedOut: anonymous }, testInfo) => {
  const created = await page.request.post('/api/generations', { data: { prompt: 'A secret recipe: moths around a porch lamp', seed: 8080 } });
  const clip = (await created.json()) as View;
  await expect.poll(async () => (await view(page, clip.id)).sha256, { timeout: 60_000 }).toMatch(/^[0-9a-f]{64}$/);
  const tagsOf = async (showRecipe: boolean) => {
    await page.goto(`/gallery/${clip.id}`);
    const panel = page.getByTestId('share-panel');
    if (await panel.getByTestId('share-link-row').count()) await panel.getByTestId('share-revoke').first().click();
    await expect(panel.getByTestId('share-show-recipe')).toBeVisible();
    await panel.getByTestId('share-show-recipe').setChecked(showRecipe);
    await panel.getByTestId('share-create').click();
    const link = await page.getByTestId('share-link').inputValue();
    const file = testInfo.outputPath(`shared-${showRecipe}.mp4`);
    fs.writeFileSync(file, Buffer.from(await (await anonymous.request.get(`${link}/video`)).body()));
    return readContainerTags(file);
  };
  const withRecipe = await tagsOf(true);
  expect(withRecipe.comment).toContain('"seed":8080');
  expect(withRecipe.description).toContain('AI-generated');
  const hidden = await tagsOf(false);
  expect(hidden.description).toContain('AI-generated');
  expect(JSON.stringify(hidden)).not.toContain('moths');
  expect(JSON.stringify(hidden)).not.toContain('8080');
});
