import { describe, expect, it } from 'vitest';
import { sniffImageFormat } from './image-format';
import { pngHasAlpha, readImageSize } from './image-size';
import { frameAspectFor } from './scene';
import { buildPng, buildSolidPng, encodeStill, JPEG_HEADER, RED, STILL_BMP, STILL_JPEG, STILL_PNG, STILL_WEBP, WEBP_HEADER } from './test-image-host';

const marker = (code: number, payload: number[]) => [0xff, code, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
/** SOF payload: precision, height, width (both big-endian), one component. */
const sofPayload = (width: number, height: number) => [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0];

describe('readImageSize reads the pixel size from the header', () => {
  it('PNG: from IHDR', () => {
    expect(readImageSize(buildSolidPng(400, 300, RED), 'png')).toEqual({ width: 400, height: 300 });
    expect(readImageSize(buildPng(), 'png')).toEqual({ width: 2, height: 2 });
    expect(readImageSize(buildSolidPng(400, 300, RED).subarray(0, 20), 'png')).toBeUndefined();
  });

  it('JPEG: from ffmpeg’s baseline file, and from a progressive SOF2 behind APP0, fill bytes and a DHT', async () => {
    expect(readImageSize(await encodeStill(64, 48, STILL_JPEG), 'jpeg')).toEqual({ width: 64, height: 48 });
    const progressive = Buffer.from([
      0xff, 0xd8,
      ...marker(0xe0, [...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
      0xff, // a fill byte before the next marker
      ...marker(0xc4, [0, 0]), // DHT sits among the SOF codes but carries no size
      ...marker(0xc2, sofPayload(4000, 3000)),
    ]);
    expect(readImageSize(progressive, 'jpeg')).toEqual({ width: 4000, height: 3000 });
  });

  it('JPEG: nothing when the scan starts before any frame header, or the file is only a signature', () => {
    const scanFirst = Buffer.from([0xff, 0xd8, ...marker(0xda, [0, 0]), ...marker(0xc0, sofPayload(10, 10))]);
    expect(readImageSize(scanFirst, 'jpeg')).toBeUndefined();
    expect(readImageSize(JPEG_HEADER, 'jpeg')).toBeUndefined();
  });

  it('WebP: lossy VP8, lossless VP8L and extended VP8X', async () => {
    const [lossy, lossless, extended] = await Promise.all([
      encodeStill(48, 64, STILL_WEBP),
      encodeStill(32, 70, ['-c:v', 'libwebp', '-lossless', '1', '-f', 'webp']),
      encodeStill(30, 18, ['-c:v', 'libwebp', '-pix_fmt', 'yuva420p', '-f', 'webp'], true),
    ]);
    expect(lossy.toString('latin1', 12, 16)).toBe('VP8 ');
    expect(readImageSize(lossy, 'webp')).toEqual({ width: 48, height: 64 });
    expect(lossless.toString('latin1', 12, 16)).toBe('VP8L');
    expect(readImageSize(lossless, 'webp')).toEqual({ width: 32, height: 70 });
    expect(extended.toString('latin1', 12, 16)).toBe('VP8X');
    expect(readImageSize(extended, 'webp')).toEqual({ width: 30, height: 18 });
    expect(readImageSize(WEBP_HEADER, 'webp')).toBeUndefined();
  });
});

describe('frameAspectFor: image-to-video takes the nearest frame aspect', () => {
  it.each([
    [1920, 1080, '16:9'],
    [400, 300, '16:9'], // 4:3 is exactly between 1:1 and 16:9: the wide frame wins
    [3000, 2000, '16:9'],
    [1399, 1050, '1:1'],
    [1000, 1000, '1:1'],
    [1050, 1399, '1:1'],
    [300, 400, '9:16'], // 3:4 likewise goes to the tall frame
    [1080, 1920, '9:16'],
    [100, 900, '9:16'],
  ] as const)('%i×%i → %s', (width, height, aspect) => {
    expect(frameAspectFor(width, height)).toBe(aspect);
  });
});

describe('BMP and PNG alpha, for the second model', () => {
  it('BMP: sniffed by its signature and DIB header, sized from it (top-down rows too)', async () => {
    const bmp = await encodeStill(320, 240, STILL_BMP);
    expect(sniffImageFormat(bmp)).toBe('bmp');
    expect(readImageSize(bmp, 'bmp')).toEqual({ width: 320, height: 240 });
    const topDown = Buffer.from(bmp);
    topDown.writeInt32LE(-240, 22);
    expect(readImageSize(topDown, 'bmp')).toEqual({ width: 320, height: 240 });
    expect(sniffImageFormat(Buffer.from('BM and then some text'))).toBeUndefined();
  });

  it('PNG: alpha from the colour type or a tRNS chunk', async () => {
    expect(pngHasAlpha(await encodeStill(8, 8, STILL_PNG, true))).toBe(true);
    expect(pngHasAlpha(buildSolidPng(8, 8, RED))).toBe(false);
    const png = buildSolidPng(8, 8, RED);
    const trns = Buffer.from([0, 0, 0, 6, ...Buffer.from('tRNS'), 0, 255, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(pngHasAlpha(Buffer.concat([png.subarray(0, 33), trns, png.subarray(33)]))).toBe(true);
  });
});
