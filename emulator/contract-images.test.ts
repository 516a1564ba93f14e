import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffImageFormat } from './image-format';
import { fetchSourceImage } from './source-image';
import { buildPng, JPEG_HEADER, startImageHost, WEBP_HEADER, type ImageHost } from './test-image-host';
import { startTestEmulator, type TestEmulator } from './test-kit';

/** Contract § input.image_urls (JPG, PNG or WebP, ≤ 10 MB) and fail code INVALID_IMAGE_URL. */
let emulator: TestEmulator;
let images: ImageHost;
beforeAll(async () => {
  [emulator, images] = await Promise.all([startTestEmulator(), startImageHost()]);
});
afterAll(async () => {
  await Promise.all([emulator.stop(), images.close()]);
});

const imageToVideo = (imageUrl: string) => ({ mode: 'image-to-video', image_urls: [imageUrl], prompt: 'the picture comes alive', seed: 21 });

async function finalOf(imageUrl: string) {
  return (await emulator.waitForFinish(await emulator.createTask(imageToVideo(imageUrl)))).final;
}

describe.concurrent('image_urls: JPG, PNG or WebP are accepted (by their bytes)', () => {
  it.each([
    ['a real PNG', '/image.png', 'png'],
    ['a JPG', '/photo.jpg', 'jpg'],
    ['a WebP', '/picture.webp', 'webp'],
  ])('%s renders and is kept for the task', async (_label, path, extension) => {
    const taskId = await emulator.createTask(imageToVideo(images.url(path)));
    const { final } = await emulator.waitForFinish(taskId);
    expect(final.state).toBe('success');
    const kept = await readFile(join(emulator.dataDir, 'source-images', `${taskId}.${extension}`));
    const served = Buffer.from(await (await fetch(images.url(path))).arrayBuffer());
    expect(kept.equals(served)).toBe(true);
  });
});

describe.concurrent('INVALID_IMAGE_URL: the task ends failed with a failMsg saying why', () => {
  it.each([
    ['an image that answers 404', '/missing.png', 'Image could not be downloaded (HTTP 404)'],
    ['a text file served as image/png', '/notes.png', 'Image is not a JPG, PNG or WebP'],
    ['a JPG with only its magic bytes (no size to read)', '/header-only.jpg', 'Image could not be decoded'],
    ['a WebP with only its magic bytes', '/header-only.webp', 'Image could not be decoded'],
    ['an 11 MB image with Content-Length', '/huge-declared.png', 'Image is larger than 10 MB'],
    ['an 11 MB image streamed without Content-Length', '/huge-streamed.png', 'Image is larger than 10 MB'],
  ])('%s (the create itself succeeds)', async (_label, path, failMsg) => {
    expect(await finalOf(images.url(path))).toMatchObject({ state: 'failed', failCode: 'INVALID_IMAGE_URL', failMsg });
  });

  it('an unreachable host', async () => {
    expect(await finalOf('http://127.0.0.1:9/image.png')).toMatchObject({
      failCode: 'INVALID_IMAGE_URL',
      failMsg: 'Image could not be downloaded (connection failed)',
    });
  });

  it('a host that never answers, after the timeout', async () => {
    expect(await fetchSourceImage(images.url('/never-answers.png'), undefined, 100)).toEqual({
      ok: false,
      failMsg: 'Image could not be downloaded (timed out after 10 s)',
    });
  });
});

describe('image format is decided by magic bytes', () => {
  it('recognises PNG, JPG and WebP signatures and nothing else', () => {
    expect(sniffImageFormat(buildPng())).toBe('png');
    expect(sniffImageFormat(JPEG_HEADER)).toBe('jpeg');
    expect(sniffImageFormat(WEBP_HEADER)).toBe('webp');
    expect(sniffImageFormat(Buffer.from('RIFF0000WAVE'))).toBeUndefined();
    expect(sniffImageFormat(Buffer.from('GIF89a'))).toBeUndefined();
    expect(sniffImageFormat(Buffer.alloc(0))).toBeUndefined();
  });
});
