import { describe, expect, it } from 'vitest';
import { makeImage, makeNoisePng } from './test-images';
import { validateImage } from './validate-image';

describe('validateImage', () => {
  it.each([
    ['png', 'png'],
    ['jpg', 'jpeg'],
    ['webp', 'webp'],
  ] as const)('accepts a real %s and reads its size from the header', (format, detected) => {
    const check = validateImage(makeImage({ format, width: 640, height: 360, color: 'red' }));
    expect(check).toEqual({ ok: true, format: detected, size: { width: 640, height: 360 } });
  });

  it('refuses a GIF, naming what it is', () => {
    expect(validateImage(makeImage({ format: 'gif', width: 320, height: 240, color: 'blue' }))).toEqual({
      ok: false,
      message: 'That file is not a JPG, PNG or WebP image (it is a GIF).',
    });
  });

  it('refuses a text file renamed to .png: the bytes decide, not the name', () => {
    expect(validateImage(Buffer.from('hello, I am really a text file\n'.repeat(20)))).toEqual({
      ok: false,
      message: 'That file is not a JPG, PNG or WebP image.',
    });
  });

  it.each(['png', 'jpg', 'webp'] as const)('refuses a truncated %s', (format) => {
    const whole = makeImage({ format, width: 640, height: 360, color: 'green' });
    expect(validateImage(whole.subarray(0, Math.floor(whole.length / 2)))).toEqual({ ok: false, message: 'The image file is incomplete or damaged.' });
  });

  it('refuses an 11 MB image', () => {
    const big = makeNoisePng(1_940, 1_940);
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    expect(validateImage(big)).toEqual({ ok: false, message: 'The image is larger than 10 MB. Use a smaller or more compressed file.' });
  });

  it('refuses images too small, too large or too elongated to become a video', () => {
    expect(validateImage(makeImage({ format: 'png', width: 64, height: 64, color: 'red' }))).toMatchObject({ ok: false, message: expect.stringContaining('at least 128') });
    expect(validateImage(makeImage({ format: 'png', width: 8_100, height: 2_100, color: 'red' }))).toMatchObject({ ok: false, message: expect.stringContaining('at most 8000') });
    expect(validateImage(makeImage({ format: 'png', width: 2_000, height: 200, color: 'red' }))).toMatchObject({ ok: false, message: expect.stringContaining('4× apart') });
  });
});
