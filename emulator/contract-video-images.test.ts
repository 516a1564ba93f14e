import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameAspectFor } from './scene';
import { startAudioHost, type AudioHost } from './test-audio-host';
import { RED, startImageHost, type ImageHost } from './test-image-host';
import { KEY_A, resultUrlOf, startTestEmulator, type TestEmulator } from './test-kit';
import { averageRgb, describeStreams, describeVideo, frameRgb } from './test-video-probe';

/** Contract § The second model, image_urls: JPEG/JPG, PNG (no alpha), BMP, WebP; 240–8000 px per side; ≤ 20 MB. */
let emulator: TestEmulator;
let images: ImageHost;
let tracks: AudioHost;
beforeAll(async () => {
  [emulator, images, tracks] = await Promise.all([startTestEmulator(), startImageHost(), startAudioHost()]);
});
afterAll(async () => {
  await Promise.all([emulator.stop(), images.close(), tracks.close()]);
});

const VIDEO = 'wan-2-5-video';
const imageToVideo = (imagePath: string, extra: Record<string, unknown> = {}) => ({
  mode: 'image-to-video',
  image_urls: [images.url(imagePath)],
  seed: 31,
  ...extra,
});

async function finalOf(input: Record<string, unknown>) {
  return (await emulator.waitForFinish(await emulator.createTask(input, {}, KEY_A, VIDEO), VIDEO)).final;
}

async function renderedPath(input: Record<string, unknown>): Promise<string> {
  const final = await finalOf(input);
  expect(final.state).toBe('success');
  const url = resultUrlOf(final);
  return join(emulator.dataDir, url.slice(url.lastIndexOf('/') + 1));
}

describe.concurrent('accepted by their bytes, and the frame follows the image among the model’s frames', () => {
  it('a 400×300 PNG without a prompt at 720p gives a 4:3 frame (280×210), red from the first frame', async () => {
    const path = await renderedPath(imageToVideo('/red-400x300.png', { resolution: '720p' }));
    expect(await describeVideo(path)).toMatch(/Video: h264 .*280x210/);
    averageRgb(await frameRgb(path, 280, 210)).forEach((channel, index) => expect(Math.abs(channel - (RED[index] ?? 0))).toBeLessThanOrEqual(6));
  });

  it('the same image at 480p (no 4:3 there) gives the wide 16:9 frame', async () => {
    expect(await describeVideo(await renderedPath(imageToVideo('/red-400x300.png', { resolution: '480p' })))).toMatch(/320x180/);
  });

  it('a BMP renders, kept for the task', async () => {
    const final = await finalOf(imageToVideo('/picture-320x240.bmp', { resolution: '480p' }));
    expect(final.state).toBe('success');
  });

  it('an image with a track has the track as its sound, as long as the clip', async () => {
    const path = await renderedPath(imageToVideo('/red-400x300.png', { resolution: '480p', audio_urls: [tracks.url('/chime-4s.wav')] }));
    expect((await describeStreams(path)).audio).toEqual([{ codec: 'aac (LC)', sampleRate: 48_000, layout: 'stereo', seconds: 5 }]);
  });
});

describe.concurrent('INVALID_IMAGE_URL with the second model’s own rules', () => {
  it.each([
    ['a PNG with an alpha channel', '/alpha-320x240.png', 'Image must not have an alpha channel (transparency)'],
    ['a 64×48 JPG (under 240 px)', '/photo.jpg', 'Image must be 240–8000 px per side (this one is 64×48)'],
    ['an 11 MB file of a 2×2 PNG (size allowed, sides not)', '/huge-declared.png', 'Image must be 240–8000 px per side (this one is 2×2)'],
    ['a 21 MB PNG', '/huge-21mb.png', 'Image is larger than 20 MB'],
    ['a text file served as image/png', '/notes.png', 'Image is not a JPG, PNG, BMP or WebP'],
  ])('%s', async (_label, path, failMsg) => {
    expect(await finalOf(imageToVideo(path))).toMatchObject({ state: 'failed', failCode: 'INVALID_IMAGE_URL', failMsg });
  });

  it('the first model keeps its rules: BMP is not one of its formats, and a small JPG is fine', async () => {
    const first = async (path: string) => (await emulator.waitForFinish(await emulator.createTask({ ...imageToVideo(path), prompt: 'alive' }))).final;
    expect(await first('/picture-320x240.bmp')).toMatchObject({ failCode: 'INVALID_IMAGE_URL', failMsg: 'Image is not a JPG, PNG or WebP' });
    expect((await first('/photo.jpg')).state).toBe('success');
  });
});

describe('frameAspectFor: the nearest frame on a log scale, ties away from square', () => {
  it.each([
    [400, 300, '4:3'],
    [1600, 900, '16:9'],
    [1000, 1000, '1:1'],
    [300, 400, '3:4'],
    [900, 1600, '9:16'],
    [1539, 1000, '4:3'],
    [1540, 1000, '16:9'],
  ] as const)('%i×%i → %s among the five frames', (width, height, aspect) => {
    expect(frameAspectFor(width, height, ['16:9', '9:16', '1:1', '4:3', '3:4'])).toBe(aspect);
  });
});
