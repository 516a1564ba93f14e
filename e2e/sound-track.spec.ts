import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { buildSineWav, encodeSineMp3 } from '../emulator/test-audio-host';
import { decodeAudio, describeStreams, peakLevel } from '../emulator/test-video-probe';
import { E2E } from './env';
import { expect, generate, test } from './fixtures';

/** Where the studio archived a clip, read from its database. */
function archiveOf(id: string): string {
  const db = new Database(path.join(E2E.dir, 'data', 'studio.db'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('select archive_path from generations where id = ?').get(id) as { archive_path: string | null } | undefined;
    if (!row?.archive_path) throw new Error(`clip ${id} is not archived`);
    return path.join(E2E.dir, 'data', 'videos', row.archive_path);
  } finally {
    db.close();
  }
}

const radio = (page: Page, name: string) => page.getByRole('radio', { name, exact: true });

test('a 480p draft on wan-2-5-video with an uploaded wav has its sound, as long as the clip, and reproduces byte for byte', async ({ owner: { page } }) => {
  await page.goto('/');
  await expect(page.getByTestId('sound-track')).toHaveCount(0);
  await radio(page, 'Wan 2.5 Video').check({ force: true });
  await radio(page, '480p').check({ force: true });
  await expect(page.getByTestId('sound-note')).toContainText('This clip will have sound.');

  await page.getByLabel('Sound track file').setInputFiles({ name: 'chime.wav', mimeType: 'audio/wav', buffer: buildSineWav(4, 523) });
  await expect(page.getByTestId('sound-track-label')).toHaveText('chime.wav');
  await expect(page.getByTestId('sound-track-fit')).toHaveText('The track is 4 s and the clip 5 s: the last 1 s of the clip is silent.');
  // Ten seconds: the same track now ends earlier in the clip, and the form says so.
  await page.getByRole('radio', { name: '10 s', exact: true }).check({ force: true });
  await expect(page.getByTestId('sound-track-fit')).toHaveText('The track is 4 s and the clip 10 s: the last 6 s of the clip are silent.');
  await page.getByRole('radio', { name: '5 s', exact: true }).check({ force: true });

  const card = await generate(page, 'A bell tower at dawn, ringing over a misty valley');
  await expect(card.getByTestId('clip-video')).toBeVisible({ timeout: 30_000 });
  const id = (await card.getAttribute('data-generation-id')) ?? '';
  await card.getByRole('link', { name: 'Details →' }).click();
  await expect(page.getByTestId('param-resolution')).toHaveText('480p');
  await expect(page.getByTestId('param-sound')).toHaveText('chime.wav (4 s)');
  await expect(page.getByTestId('sha256')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 20_000 });
  const sha = await page.getByTestId('sha256').innerText();

  // The archived file (ffmpeg's stream summary): one audio stream, exactly the clip's 5 s, the track padded with silence.
  const streams = await describeStreams(archiveOf(id));
  expect(streams.audio).toHaveLength(1);
  expect(streams.audio[0]?.seconds).toBeCloseTo(5, 1);
  expect(streams.video?.seconds).toBeCloseTo(5, 1);
  // It is the uploaded track, not the model's own sound: 4 s of tone, then the last second silent.
  const samples = await decodeAudio(archiveOf(id));
  expect(peakLevel(samples.subarray(0, 3 * 8000))).toBeGreaterThan(0.1);
  expect(peakLevel(samples.subarray(-6000))).toBeLessThan(0.01);

  const original = page.url();
  await page.getByRole('button', { name: 'Reproduce' }).click();
  await page.waitForURL((url) => url.href !== original);
  await expect(page.getByTestId('sha256')).toHaveText(sha, { timeout: 30_000 });
  await expect(page.getByTestId('receipt')).toContainText('Byte-identical');

  // Remix brings the track back into the form.
  await page.getByRole('link', { name: 'Remix' }).click();
  await expect(page.getByTestId('sound-track-label')).toHaveText('chime.wav');
  // And a switch to the silent model says the track goes.
  await radio(page, 'Wan 2.5').check({ force: true });
  await expect(page.getByTestId('model-changes')).toContainText('The sound track is removed: Wan 2.5 makes silent clips.');
});

test('a 40-second mp3 is refused before anything is uploaded, and a track link on a private address is refused', async ({ owner: { page } }) => {
  const uploads: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/audio') uploads.push(request.method());
  });
  await page.goto('/');
  await radio(page, 'Wan 2.5 Video').check({ force: true });

  await page.getByLabel('Sound track file').setInputFiles({ name: 'long.mp3', mimeType: 'audio/mpeg', buffer: await encodeSineMp3(40) });
  await expect(page.getByTestId('sound-track-problem')).toHaveText('The track is 40 s; it can be at most 30 s. Trim it first.');
  expect(uploads).toEqual([]);

  await page.getByLabel('Sound track link').fill('http://10.20.30.40/voice.wav');
  await page.getByRole('button', { name: 'Use link' }).click();
  await expect(page.getByTestId('sound-track-problem')).toHaveText('That link points to a private or local network address, which cannot be used.');
  expect(uploads).toEqual(['POST']);
  await expect(page.getByTestId('sound-track-label')).toHaveCount(0);
});
