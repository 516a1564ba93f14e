import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderKey, type RenderParams } from './scene';
import { BLUE, gradientPixel, RED, startImageHost, type ImageHost, type Rgb } from './test-image-host';
import { resultUrlOf, startTestEmulator, type TestEmulator } from './test-kit';
import { averageRgb, countWhitePixels, describeVideo, frameRgb, meanDifference } from './test-video-probe';

/** Image-to-video clips start from the image: it covers the first frame, then zooms slowly; the frame follows its aspect. */
let emulator: TestEmulator;
let images: ImageHost;
let downloads: string;
beforeAll(async () => {
  [emulator, images, downloads] = await Promise.all([startTestEmulator(), startImageHost(), mkdtemp(join(tmpdir(), 'wan-i2v-'))]);
});
afterAll(async () => {
  await Promise.all([emulator.stop(), images.close(), rm(downloads, { recursive: true, force: true })]);
});

const imageToVideo = (imagePath: string, extra: Record<string, unknown> = {}) => ({
  mode: 'image-to-video',
  image_urls: [images.url(imagePath)],
  prompt: 'the picture comes alive',
  seed: 77,
  ...extra,
});

/** Creates the task, waits for success and downloads the result, as the studio does. */
async function renderedVideo(input: Record<string, unknown>) {
  const { final } = await emulator.waitForFinish(await emulator.createTask(input));
  expect(final.state).toBe('success');
  const url = resultUrlOf(final);
  const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
  const path = join(downloads, `${createHash('sha256').update(bytes).digest('hex')}.mp4`);
  await writeFile(path, bytes);
  const summary = await describeVideo(path);
  const [, width = '0', height = '0'] = /Video: h264 .*yuv420p.*?(\d+)x(\d+)/.exec(summary) ?? [];
  return { url, bytes, path, summary, width: Number(width), height: Number(height) };
}

function expectColourNear(actual: number[], expected: readonly number[], tolerance: number) {
  actual.forEach((channel, index) => expect(Math.abs(channel - (expected[index] ?? 0))).toBeLessThanOrEqual(tolerance));
}

describe.concurrent('image-to-video renders from the image', () => {
  it('a 4:3 red PNG gives a 5 s 320×180 clip whose first frame is red all over', async () => {
    const video = await renderedVideo(imageToVideo('/red-400x300.png'));
    expect(video.summary).toContain('Duration: 00:00:05.00');
    expect(video.summary).toMatch(/Video: h264 .*yuv420p.*320x180.* 24 fps/);
    expectColourNear(averageRgb(await frameRgb(video.path, 320, 180)), RED, 6);
  });

  it('a 3:4 blue PNG gives a portrait 10 s clip, whatever aspect_ratio says', async () => {
    const video = await renderedVideo(imageToVideo('/blue-300x400.png', { duration: 10, aspect_ratio: '16:9' }));
    expect(video.summary).toContain('Duration: 00:00:10.00');
    expect([video.width, video.height]).toEqual([180, 320]);
    expectColourNear(averageRgb(await frameRgb(video.path, 180, 320)), BLUE, 6);
  });

  it('a picture: frame 0 is its centre crop with no caption; later the captions are in and the picture has moved', async () => {
    const video = await renderedVideo(imageToVideo('/gradient-400x300.png'));
    const [first, later] = await Promise.all([frameRgb(video.path, 320, 180), frameRgb(video.path, 320, 180, 72)]);
    // 400×300 covering 320×180 keeps the middle 400×225 rows of the image.
    const sums = [0, 0, 0];
    for (let y = 38; y < 263; y += 1) {
      for (let x = 0; x < 400; x += 1) gradientPixel(x, y).forEach((value, channel) => (sums[channel] = (sums[channel] ?? 0) + value));
    }
    expectColourNear(averageRgb(first), sums.map((sum) => sum / (225 * 400)) as unknown as Rgb, 4);
    const header = { x: 0, y: 0, width: 80, height: 40 };
    expect(countWhitePixels(first, header)).toBe(0);
    expect(countWhitePixels(later, header)).toBeGreaterThan(20);
    const middle = (frame: typeof first) => ({ ...frame, pixels: frame.pixels.subarray(320 * 3 * 50, 320 * 3 * 130) });
    expect(meanDifference(middle(first), middle(later))).toBeGreaterThan(2);
  });

  it('is reproducible: the same request gives the same bytes, another image of the same size other bytes', async () => {
    const [first, again, otherImage] = await Promise.all([
      renderedVideo(imageToVideo('/red-400x300.png', { seed: 9 })),
      renderedVideo(imageToVideo('/red-400x300.png', { seed: 9 })),
      renderedVideo(imageToVideo('/green-400x300.png', { seed: 9 })),
    ]);
    expect(again.url).toBe(first.url);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect(otherImage.url).not.toBe(first.url);
    expect(otherImage.bytes.equals(first.bytes)).toBe(false);
  });
});

describe('the render key', () => {
  const params: RenderParams = { prompt: 'p', negativePrompt: '', seed: 1, aspectRatio: '1:1', duration: 5, resolution: '720p' };
  const sourceImage = { path: '/a/task_1.png', format: 'png' as const, sha256: 'a'.repeat(64) };

  it('follows the image digest, not where the image was kept', () => {
    const withImage = renderKey({ ...params, sourceImage });
    expect(renderKey({ ...params, sourceImage: { ...sourceImage, path: '/b/task_2.png' } })).toBe(withImage);
    expect(renderKey({ ...params, sourceImage: { ...sourceImage, sha256: 'b'.repeat(64) } })).not.toBe(withImage);
    expect(renderKey(params)).not.toBe(withImage);
  });
});
