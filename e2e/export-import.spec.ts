import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { readContainerTags } from '../emulator/test-video-probe';
import { expect, test } from './fixtures';
import { startTeam } from './personas';

type RecipesFile = { format: string; clips: { id: string; file: string | null; sha256: string | null; fileSha256?: string; recipe: Record<string, unknown> }[] };

/** Selects every card in the grid, downloads the zip, and returns its folder and recipes.json. */
async function exportAll(page: Page, count: number): Promise<{ dir: string; recipes: RecipesFile }> {
  await page.goto('/gallery');
  const cards = page.getByTestId('gallery-card');
  await expect(cards).toHaveCount(count);
  for (const card of await cards.all()) {
    await card.hover();
    await card.getByTestId('select-clip').click();
  }
  await expect(page.getByTestId('selection-count')).toHaveText(`${count} selected`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulk-export').click()]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wan-export-'));
  const zip = path.join(dir, 'export.zip');
  await download.saveAs(zip);
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  return { dir, recipes: JSON.parse(fs.readFileSync(path.join(dir, 'recipes.json'), 'utf8')) as RecipesFile };
}

test('export a zip of clips and recipes.json, import it, and the recipes round-trip exactly', async ({ owner: { page } }) => {
  test.setTimeout(90_000);
  const made = [
    { prompt: 'A brass orrery turning slowly, candle light', seed: 7, resolution: '720p', aspectRatio: '1:1', duration: 5, negativePrompt: 'blur' },
    { prompt: 'Kelp forest, sun rays, it\'s quiet', seed: 2_000_000_000, resolution: '1080p', aspectRatio: '9:16', duration: 10, enablePromptExpansion: false },
  ];
  for (const body of made) expect((await page.request.post('/api/generations', { data: body })).status()).toBe(201);
  // Wait until both are archived, so the zip has their videos.
  await expect.poll(async () => (await (await page.request.get('/api/gallery')).json()).items.filter((i: { view: { sha256: string | null } }) => i.view.sha256).length, { timeout: 45_000 }).toBe(2);

  const first = await exportAll(page, 2);
  expect(first.recipes.format).toBe('wan-studio.recipes');
  expect(first.recipes.clips).toHaveLength(2);
  const gallerySha256s = ((await (await page.request.get('/api/gallery')).json()).items as { view: { sha256: string | null } }[]).map((item) => item.view.sha256);
  for (const clip of first.recipes.clips) {
    // Every video in the zip is the copy that carries its recipe: recorded as zipped, and known by the
    // sha256 of the video as made (the gallery's), which it is not byte for byte.
    const file = path.join(first.dir, clip.file ?? 'missing');
    const sha = execFileSync('sha256sum', [file]).toString().split(' ')[0];
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    expect(sha).toBe(clip.fileSha256);
    expect(gallerySha256s).toContain(clip.sha256);
    expect(sha).not.toBe(clip.sha256);
    const tag = JSON.parse((await readContainerTags(file)).comment ?? '{}') as { recipe?: { seed?: number; prompt?: string } };
    expect(tag.recipe).toMatchObject({ seed: clip.recipe.seed, prompt: clip.recipe.prompt });
  }

  await page.goto('/gallery/import');
  await page.getByTestId('import-file').setInputFiles(path.join(first.dir, 'recipes.json'));
  await expect(page.getByTestId('import-preview')).toContainText('2 clips');
  await page.getByTestId('import-run').click();
  await page.waitForURL(/\/gallery$/);
  // Same requests, so each re-run joins its original's stack.
  await expect(page.getByTestId('gallery-card')).toHaveCount(2);
  await expect(page.getByTestId('stack-toggle')).toHaveText(['2 clips', '2 clips']);

  // The re-runs, exported again, carry exactly the same recipes.
  const ids = ((await (await page.request.get('/api/gallery')).json()).items as { view: { id: string } }[]).map((item) => item.view.id);
  expect(ids).toHaveLength(4);
  const zip = await page.request.post('/api/gallery/export', { form: { ids: ids.join(',') } });
  expect(zip.headers()['content-type']).toBe('application/zip');
  const againDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wan-export-'));
  fs.writeFileSync(path.join(againDir, 'export.zip'), await zip.body());
  execFileSync('unzip', ['-q', path.join(againDir, 'export.zip'), '-d', againDir]);
  const again = { recipes: JSON.parse(fs.readFileSync(path.join(againDir, 'recipes.json'), 'utf8')) as RecipesFile };
  const recipes = (file: RecipesFile, ids?: Set<string>) =>
    file.clips
      .filter((clip) => !ids || !ids.has(clip.id))
      .map((clip) => clip.recipe)
      .sort((a, b) => Number(a.seed) - Number(b.seed));
  const originals = new Set(first.recipes.clips.map((clip) => clip.id));
  expect(recipes(again.recipes, originals)).toEqual(recipes(first.recipes));
  expect(recipes(first.recipes)[0]).toMatchObject({ prompt: made[0]?.prompt, seed: 7, negativePrompt: 'blur', aspectRatio: '1:1' });

  // The whole zip, back into the team that holds its clips: nothing to re-create, and the page says so.
  await page.goto('/gallery/import');
  await page.getByTestId('import-file').setInputFiles(path.join(first.dir, 'export.zip'));
  await page.getByTestId('import-recreate').click();
  await expect(page.getByTestId('import-result')).toHaveText('0 clips imported, 2 already in the gallery.');
  expect(((await (await page.request.get('/api/gallery')).json()).items as unknown[])).toHaveLength(4);

  // Into another team it re-creates the clips from their videos, at no cost: same files, same recipes.
  await startTeam(page.request, 'Restored here');
  await page.goto('/gallery/import');
  await page.getByTestId('import-file').setInputFiles(path.join(first.dir, 'export.zip'));
  await page.getByTestId('import-recreate').click();
  await expect(page.getByTestId('import-result')).toHaveText('2 clips imported, 0 already in the gallery.');
  const items = ((await (await page.request.get('/api/gallery')).json()).items as { view: { id: string; sha256: string | null; state: string } }[]);
  expect(items).toHaveLength(2);
  expect(items.every((item) => item.view.state === 'success')).toBe(true);
  expect(new Set(items.map((item) => item.view.sha256))).toEqual(new Set(first.recipes.clips.map((clip) => clip.sha256)));

  // A re-created clip's file is the tagged copy, yet reproducing it makes the service's file again, byte for byte.
  const restored = items.find((item) => item.view.sha256 === first.recipes.clips[0]?.sha256);
  await page.goto(`/gallery/${restored?.view.id ?? 'missing'}`);
  await page.getByRole('button', { name: 'Reproduce' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith(restored?.view.id ?? 'missing'));
  await expect(page.getByTestId('sha256')).toHaveText(first.recipes.clips[0]?.sha256 ?? 'missing', { timeout: 30_000 });
  await expect(page.getByTestId('receipt')).toContainText('Byte-identical');

  // A broken file is explained and starts nothing.
  const broken = path.join(first.dir, 'broken.json');
  fs.writeFileSync(broken, JSON.stringify({ ...first.recipes, clips: [{ ...first.recipes.clips[0], recipe: { ...first.recipes.clips[0]?.recipe, seed: -1 } }] }));
  await page.goto('/gallery/import');
  await page.getByTestId('import-file').setInputFiles(broken);
  await expect(page.getByTestId('import-error')).toContainText('Clip 1 (clips[0]) recipe.seed');
  await expect(page.getByTestId('import-run')).toHaveCount(0);
});
