import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeImage } from '../lib/images/test-images';
import { E2E } from './env';
import { expect, generate, test } from './fixtures';

const choose = (page: Page, name: string) => page.getByRole('radio', { name, exact: true }).check({ force: true });
const prompt = (page: Page) => page.getByLabel('Prompt', { exact: true });
const negative = (page: Page) => page.getByLabel('Negative prompt', { exact: true });

test('save a setup as a team preset, change everything, apply it: every field is back; a colleague sees it but cannot change it', async ({ owner, editor }) => {
  const { page } = owner;
  await page.goto('/');
  await choose(page, '1080p');
  await choose(page, '10 s');
  await choose(page, '9:16');
  await choose(page, 'Official');
  await page.getByLabel('Seed', { exact: true }).fill('1234');
  await page.getByRole('button', { name: 'Lock seed' }).click();
  await prompt(page).fill('A neon city street in the rain at night');
  await negative(page).fill('blurry, watermark');

  await page.getByRole('button', { name: /^Presets/ }).click();
  await expect(page.getByText('No saved setups yet.')).toBeVisible();
  await page.getByLabel('Save current as').fill('Night city');
  await page.getByLabel('Include the prompt').check();
  await choose(page, 'Team');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('preset-save-message')).toHaveText('Saved “Night city”.');
  await expect(page.getByRole('button', { name: 'Apply preset Night city' })).toBeVisible();
  await page.getByRole('button', { name: /^Presets/ }).click();

  // Change every field the preset holds.
  await choose(page, '720p');
  await choose(page, '5 s');
  await choose(page, '16:9');
  await choose(page, 'Auto');
  await page.getByRole('button', { name: 'Unlock seed' }).click();
  await page.getByLabel('Seed', { exact: true }).fill('99');
  await prompt(page).fill('Something else entirely');
  await negative(page).fill('');

  await page.getByRole('button', { name: /^Presets/ }).click();
  await page.getByRole('button', { name: 'Apply preset Night city' }).click();
  await expect(page.getByText('Applied “Night city”')).toBeVisible();
  await expect(page.getByTestId('preset-notes')).toHaveCount(0);
  for (const name of ['1080p', '10 s', '9:16', 'Official']) await expect(page.getByRole('radio', { name, exact: true })).toBeChecked();
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('1234');
  await expect(page.getByRole('button', { name: 'Unlock seed' })).toBeVisible();
  await expect(prompt(page)).toHaveValue('A neon city street in the rain at night');
  await expect(negative(page)).toHaveValue('blurry, watermark');
  await expect(page.getByTestId('cost-estimate')).toHaveText('≈ $1.00 · 10 s at 1080p');

  // The editor applies the team's preset, but renaming and deleting it are the owner's.
  await editor.page.goto('/');
  await editor.page.getByRole('button', { name: /^Presets/ }).click();
  const row = editor.page.getByTestId('preset-row').filter({ hasText: 'Night city' });
  await expect(row).toContainText(`Team · ${owner.name}`);
  await expect(row.getByRole('button', { name: 'Delete Night city' })).toHaveCount(0);
  await row.getByRole('button', { name: 'Apply preset Night city' }).click();
  await expect(editor.page.getByRole('radio', { name: '1080p', exact: true })).toBeChecked();

  // The owner renames it, then deletes it; the list follows without a reload.
  await page.getByRole('button', { name: /^Presets/ }).click();
  await page.getByRole('button', { name: 'Rename Night city' }).click();
  await page.getByLabel('New name for Night city').fill('Rainy city');
  await page.getByRole('button', { name: 'Save', exact: true }).first().click();
  await expect(page.getByRole('button', { name: 'Apply preset Rainy city' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete Rainy city' }).click();
  await page.getByTestId('preset-row').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText('No saved setups yet.')).toBeVisible();
});

test('reuse a prompt from the history, with or without its negative prompt', async ({ owner: { page } }) => {
  await page.goto('/');
  await negative(page).fill('shaky, blurry');
  await generate(page, 'An old fisherman mending nets on a foggy pier');
  await negative(page).fill('');
  await generate(page, 'A hummingbird hovering over a red flower');

  await prompt(page).fill('');
  await page.getByRole('button', { name: 'History', exact: true }).click();
  const list = page.getByTestId('prompt-history');
  await expect(list.getByRole('button', { name: /^Use prompt:/ })).toHaveCount(2);
  await page.getByLabel('Search your prompts').fill('fisher');
  await expect(list.getByRole('button', { name: /^Use prompt:/ })).toHaveCount(1);
  await list.getByRole('button', { name: 'Use with its negative prompt' }).click();
  await expect(prompt(page)).toHaveValue('An old fisherman mending nets on a foggy pier');
  await expect(negative(page)).toHaveValue('shaky, blurry');

  await page.getByRole('button', { name: 'History', exact: true }).click();
  await page.getByLabel('Search your prompts').fill('nothing like this');
  await expect(page.getByText('No prompt of yours matches “nothing like this”.')).toBeVisible();
});

test('chips insert at the cursor with punctuation, refuse past the limit, and negative presets append', async ({ owner: { page } }) => {
  await page.goto('/');
  await prompt(page).fill('A fox in the snow');
  await page.getByRole('button', { name: 'Camera', exact: true }).click();
  await page.getByRole('button', { name: 'Insert “slow dolly in”' }).click();
  await expect(prompt(page)).toHaveValue('A fox in the snow, slow dolly in');

  // At the caret: the start of the prompt.
  await prompt(page).press('Control+Home');
  await page.getByRole('button', { name: 'Motion', exact: true }).click();
  await page.getByRole('button', { name: 'Insert “falling snow”' }).click();
  await expect(prompt(page)).toHaveValue('falling snow, A fox in the snow, slow dolly in');
  await page.getByRole('button', { name: 'Insert “falling snow”' }).click();
  await expect(page.getByTestId('chip-message')).toHaveText('“falling snow” is already in the prompt.');

  const long = 'x'.repeat(795);
  await prompt(page).fill(long);
  await page.getByRole('button', { name: 'Insert “flowing water”' }).click();
  await expect(page.getByTestId('chip-message')).toContainText('over the 800 allowed');
  await expect(prompt(page)).toHaveValue(long);

  await negative(page).fill('watermark');
  await page.getByRole('button', { name: /^Add Low quality/ }).click();
  await expect(negative(page)).toHaveValue('watermark, low quality, blurry, shaky, distorted');

  await page.getByRole('button', { name: 'Tips', exact: true }).click();
  await expect(page.getByTestId('prompt-tips')).toContainText('Camera movement');
});

test('the cost under Generate follows duration and resolution', async ({ owner: { page } }) => {
  await page.goto('/');
  const cost = page.getByTestId('cost-estimate');
  await expect(cost).toHaveText('≈ $0.30 · 5 s at 720p');
  await choose(page, '10 s');
  await expect(cost).toHaveText('≈ $0.60 · 10 s at 720p');
  await choose(page, '1080p');
  await expect(cost).toHaveText('≈ $1.00 · 10 s at 1080p');
});

test('a viewer has no presets to save', async ({ viewer }) => {
  await viewer.page.goto('/');
  await expect(viewer.page.getByTestId('viewer-notice')).toBeVisible();
  await expect(viewer.page.getByRole('button', { name: /^Presets/ })).toHaveCount(0);
});

for (const [width, height] of [
  [390, 844],
  [1440, 900],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot: studio helpers at ${width} px, ${scheme}`, async ({ owner: { page } }) => {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/');
      await prompt(page).fill('A paper boat drifting down a rain-soaked street at dusk');
      await page.getByRole('button', { name: /^Presets/ }).click();
      await page.getByRole('button', { name: 'Camera', exact: true }).click();
      // The form and its helpers fit the screen (the header's own width is the phone layout's part).
      const box = await page.getByRole('form', { name: 'New generation' }).boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? Infinity), 'the form fits the screen').toBeLessThanOrEqual(width);
      const panel = await page.getByRole('list', { name: 'Camera movement' }).boundingBox();
      expect((panel?.x ?? 0) + (panel?.width ?? Infinity), 'chips wrap within the screen').toBeLessThanOrEqual(width);
      await page.screenshot({ path: `test-results/screens/studio-helpers-${width}-${scheme}.png`, fullPage: true });
    });
  }
}

test('an image-to-video preset keeps its start frame for the team, and says so plainly once the frame is gone', async ({ owner, editor }) => {
  const { page } = owner;
  await page.goto('/');
  await choose(page, 'Image → video');
  const png = makeImage({ format: 'png', width: 400, height: 300, color: '0x3060c8' });
  await page.getByLabel('Start image file').setInputFiles({ name: 'frame.png', mimeType: 'image/png', buffer: png });
  const preview = page.getByTestId('start-image-preview');
  await expect(preview).toBeVisible();
  const previewUrl = await preview.getAttribute('src');
  await choose(page, '1080p');
  await page.getByRole('button', { name: /^Presets/ }).click();
  await page.getByLabel('Save current as').fill('Blue wall');
  await choose(page, 'Team');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('preset-save-message')).toHaveText('Saved “Blue wall”.');
  await page.getByRole('button', { name: /^Presets/ }).click();

  // Another setup, no frame: applying the preset brings the mode and the frame back.
  await page.getByRole('button', { name: 'Change' }).click();
  await choose(page, 'Text → video');
  await choose(page, '720p');
  await page.getByRole('button', { name: /^Presets/ }).click();
  await page.getByRole('button', { name: 'Apply preset Blue wall' }).click();
  await expect(page.getByRole('radio', { name: 'Image → video', exact: true })).toBeChecked();
  await expect(preview).toHaveAttribute('src', previewUrl ?? '');
  await expect(page.getByText('400×300')).toBeVisible();
  await expect(page.getByTestId('preset-notes')).toHaveCount(0);
  await page.getByRole('button', { name: /^Presets/ }).click();
  await expect(page.getByTestId('preset-row').filter({ hasText: 'Blue wall' }).getByTestId('preset-frame')).toHaveAttribute('src', previewUrl ?? '');
  await page.getByRole('button', { name: /^Presets/ }).click();

  // A colleague of the same team gets the frame with the shared preset, and can generate from it.
  await editor.page.goto('/');
  await editor.page.getByRole('button', { name: /^Presets/ }).click();
  await editor.page.getByRole('button', { name: 'Apply preset Blue wall' }).click();
  await expect(editor.page.getByTestId('start-image-preview')).toHaveAttribute('src', previewUrl ?? '');
  await editor.page.getByLabel('Prompt', { exact: true }).fill('The blue wall slowly ripples like water');
  await editor.page.getByRole('button', { name: 'Generate' }).click();
  await expect(editor.page.getByTestId('clip-card').filter({ hasText: 'blue wall' })).toBeVisible();

  // The frame's file is gone from storage: the preset says so, and applies the rest.
  fs.rmSync(path.join(E2E.dir, 'data', 'images', path.basename(previewUrl ?? '')));
  await page.reload();
  await choose(page, 'Text → video');
  await choose(page, '720p');
  await page.getByRole('button', { name: /^Presets/ }).click();
  await expect(page.getByTestId('preset-row').filter({ hasText: 'Blue wall' })).toContainText('Start image gone');
  await page.getByRole('button', { name: 'Apply preset Blue wall' }).click();
  await expect(page.getByTestId('preset-notes')).toContainText('The start image saved with this preset is no longer in the team’s storage');
  await expect(page.getByRole('radio', { name: 'Image → video', exact: true })).toBeChecked();
  await expect(page.getByRole('radio', { name: '1080p', exact: true })).toBeChecked();
  await expect(preview).toHaveCount(0);
});
