import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test } from './fixtures';

type View = { id: string; state: string; resolution: string; duration: number; seed: number; prompt: string; sha256: string | null };

// A shot list as a spreadsheet saves it: a BOM, a notes column the studio does not read, a prompt with a
// comma and one that looks like a formula.
const SHOTS = [
  '\uFEFFshot,prompt,resolution,duration,seed,notes',
  '1,"A lighthouse at dawn, slow dolly in",720p,5,11,opening',
  '2,Waves breaking on black rocks,1080p,10,12,',
  '3,"=HYPERLINK(""http://evil.example"",""go"")",720p,10,13,closing',
].join('\r\n');

test('a 3-row CSV makes 3 clips with exactly the settings of their rows, as one batch the gallery, compare and a CSV export open', async ({ owner: { page } }, testInfo) => {
  await page.goto('/batch');
  await page.getByTestId('batch-text').fill(SHOTS);
  await page.getByTestId('batch-check').click();

  // The preview: every row as it will be made, its cost, and the column that is ignored.
  const rows = page.getByTestId('batch-row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('batch-row-size')).toHaveText(['720p · 16:9', '1080p · 16:9', '720p · 16:9']);
  await expect(page.getByTestId('batch-row-duration')).toHaveText(['5 s', '10 s', '10 s']);
  await expect(page.getByTestId('batch-summary')).toContainText('3 rows · all ready');
  await expect(page.getByTestId('batch-summary')).toContainText('Ignored columns: shot, notes.');
  const shots = path.join('reports', 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'batch-preview-desktop.png'), fullPage: true });

  await page.getByTestId('batch-start').click();
  await expect(page.getByTestId('batch-started')).toContainText('Started 3 clips as one batch');
  await page.getByTestId('batch-open').click();
  await page.waitForURL(/\/gallery\?batch=/);
  const batchId = new URL(page.url()).searchParams.get('batch') ?? '';
  await expect(page.getByTestId('batch-bar')).toContainText('3 clips');

  // Each clip has exactly its row's settings.
  const exported = async () => parse((await (await page.request.get(`/api/batches/${batchId}/csv`)).text()), { bom: true, columns: true }) as Record<string, string>[];
  await expect.poll(async () => (await exported()).map((row) => row.state), { timeout: 60_000 }).toEqual(['success', 'success', 'success']);
  const csv = await exported();
  expect(csv.map((row) => [row.row, row.resolution, row.duration, row.seed])).toEqual([
    ['1', '720p', '5', '11'],
    ['2', '1080p', '10', '12'],
    ['3', '720p', '10', '13'],
  ]);
  // The formula-looking prompt comes back as text a spreadsheet shows, never as a formula it runs.
  expect(csv[2]?.prompt).toBe('\'=HYPERLINK("http://evil.example","go")');
  const ids = csv.map((row) => row.clip_link?.split('/gallery/')[1] ?? '');
  const views = await Promise.all(ids.map(async (id) => (await (await page.request.get(`/api/generations/${id}`)).json()) as View));
  expect(views.map((view) => [view.resolution, view.duration, view.seed, view.prompt])).toEqual([
    ['720p', 5, 11, 'A lighthouse at dawn, slow dolly in'],
    ['1080p', 10, 12, 'Waves breaking on black rocks'],
    ['720p', 10, 13, '=HYPERLINK("http://evil.example","go")'],
  ]);
  // Each row's video link plays our copy.
  await expect.poll(async () => (await exported()).every((row) => row.video_link?.endsWith(`/api/generations/${row.clip_link?.split('/gallery/')[1]}/video`)), { timeout: 20_000 }).toBe(true);

  // The gallery filtered to the batch shows its three clips, and compare opens them.
  await page.reload();
  await expect(page.getByTestId('gallery-card')).toHaveCount(3);
  await page.getByTestId('batch-compare').click();
  await page.waitForURL(/\/compare\?batch=/);
  await expect(page.getByTestId('compare-video')).toHaveCount(3);
  testInfo.annotations.push({ type: 'batch', description: batchId });
});

test('a row with a bad cell is named before anything is stored, and a JSON Lines file can be picked instead of pasted', async ({ owner: { page } }) => {
  await page.goto('/batch');
  await page.getByTestId('batch-text').fill('prompt,duration,resolution\nA paper boat,5,720p\nA crane in fog,7,480p\n');
  await page.getByTestId('batch-check').click();
  const bad = page.locator('[data-testid="batch-row"][data-invalid="true"]');
  await expect(bad).toHaveCount(1);
  await expect(bad).toContainText('duration: Duration must be 5 or 10 seconds');
  await expect(bad).toContainText('resolution:');
  await expect(page.getByTestId('batch-summary')).toContainText('1 needs attention');
  await expect(page.getByTestId('batch-start')).toBeDisabled();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join('reports', 'screenshots', 'batch-problems-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Sent anyway (a script, a stale page), the start refuses it whole and stores nothing.
  const refused = await page.request.post('/api/batches?format=csv', { headers: { 'content-type': 'text/csv' }, data: 'prompt,duration\nA paper boat,5\nA crane,7\n' });
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toMatchObject({ error: 'Some rows need attention; nothing was started.', problems: ['Row 2, duration: Duration must be 5 or 10 seconds'] });
  const gallery = (await (await page.request.get('/api/gallery')).json()) as { items: unknown[] };
  expect(gallery.items).toHaveLength(0);

  await page.getByTestId('batch-file').setInputFiles({ name: 'shots.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from('{"prompt":"A kite over dunes","duration":10}\n{"prompt":"A kite at dusk","seed":5}\n') });
  await expect(page.getByTestId('batch-file-name')).toContainText('shots.jsonl');
  await page.getByTestId('batch-check').click();
  await expect(page.getByTestId('batch-row-duration')).toHaveText(['10 s', '5 s']);
  await expect(page.getByTestId('batch-start')).toBeEnabled();
});
