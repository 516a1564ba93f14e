import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { crc32, deflateSync } from 'node:zlib';
import { ffmpegBinaryPath } from './render-video';
import { type FileHost, startFileHost } from './test-file-host';

export type Rgb = readonly [number, number, number];
export const RED: Rgb = [255, 0, 0];
export const GREEN: Rgb = [0, 255, 0];
export const BLUE: Rgb = [0, 0, 255];

/** A real 2×2 PNG (red, green / blue, white), built by hand so the test needs no fixture files. */
export function buildPng(): Buffer {
  const pixels: Rgb[] = [RED, GREEN, BLUE, [255, 255, 255]];
  return buildRgbPng(2, 2, (x, y) => pixels[y * 2 + x] ?? RED);
}

export function buildSolidPng(width: number, height: number, colour: Rgb): Buffer {
  return buildRgbPng(width, height, () => colour);
}

/** An 8-bit RGB PNG with each pixel from `pixel(x, y)`. */
export function buildRgbPng(width: number, height: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typeAndData));
    return Buffer.concat([length, typeAndData, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows = Buffer.alloc(height * (1 + width * 3)); // each row: filter type 0, then RGB triples
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) rows.set(pixel(x, y), y * (1 + width * 3) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** One frame of a solid colour encoded by ffmpeg, e.g. `['-c:v', 'mjpeg', '-f', 'image2pipe']`; half transparent with `alpha`. */
export async function encodeStill(width: number, height: number, encoderArgs: string[], alpha = false): Promise<Buffer> {
  const source = alpha ? `color=c=0x3366cc@0.5:s=${width}x${height},format=rgba` : `color=c=0x3366cc:s=${width}x${height}`;
  const args = ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', source];
  const { stdout } = await promisify(execFile)(ffmpegBinaryPath(), [...args, '-frames:v', '1', ...encoderArgs, '-'], {
    encoding: 'buffer',
  });
  return stdout;
}

export const STILL_JPEG = ['-c:v', 'mjpeg', '-pix_fmt', 'yuvj420p', '-f', 'image2pipe'];
export const STILL_WEBP = ['-c:v', 'libwebp', '-f', 'webp'];
export const STILL_BMP = ['-c:v', 'bmp', '-f', 'image2pipe'];
export const STILL_PNG = ['-c:v', 'png', '-f', 'image2pipe'];

/** Magic bytes only: accepted by the format check, but no size can be read from them. */
export const JPEG_HEADER = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
export const WEBP_HEADER = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
export const ELEVEN_MB = 11 * 1024 * 1024;
export const TWENTY_ONE_MB = 21 * 1024 * 1024;

export type ImageHost = FileHost;

/** A 400×300 picture: a red-to-black gradient left to right, green growing downwards. */
export const gradientPixel = (x: number, y: number): Rgb => [255 - Math.round((x * 255) / 399), Math.round((y * 255) / 299), 64];

/**
 * Serves the images the image-to-video rows need: valid ones (solid colours and a gradient for the renders, a
 * BMP), files with only the magic bytes, a text file dressed as a PNG, a PNG with alpha, 11 MB with and without
 * Content-Length, 21 MB, a 404, and one that never answers.
 */
export async function startImageHost(): Promise<ImageHost> {
  const png = buildPng();
  const huge = Buffer.concat([png, Buffer.alloc(ELEVEN_MB - png.length)]);
  const [jpeg, webp, bmp, alphaPng] = await Promise.all([
    encodeStill(64, 48, STILL_JPEG),
    encodeStill(48, 64, STILL_WEBP),
    encodeStill(320, 240, STILL_BMP),
    encodeStill(320, 240, STILL_PNG, true),
  ]);
  const image = (type: string, body: Buffer, declareLength = true) => ({ type, body, declareLength });
  const files = new Map([
    ['/image.png', image('image/png', png)],
    ['/red-400x300.png', image('image/png', buildSolidPng(400, 300, RED))],
    ['/green-400x300.png', image('image/png', buildSolidPng(400, 300, GREEN))],
    ['/blue-300x400.png', image('image/png', buildSolidPng(300, 400, BLUE))],
    ['/gradient-400x300.png', image('image/png', buildRgbPng(400, 300, gradientPixel))],
    ['/photo.jpg', image('image/jpeg', jpeg)],
    ['/picture.webp', image('image/webp', webp)],
    ['/header-only.jpg', image('image/jpeg', JPEG_HEADER)],
    ['/header-only.webp', image('image/webp', WEBP_HEADER)],
    ['/notes.png', image('image/png', Buffer.from('just some text, not an image'))],
    ['/huge-declared.png', image('image/png', huge)],
    ['/huge-streamed.png', image('image/png', huge, false)],
    ['/picture-320x240.bmp', image('image/bmp', bmp)],
    ['/alpha-320x240.png', image('image/png', alphaPng)],
    ['/huge-21mb.png', image('image/png', Buffer.concat([buildSolidPng(400, 300, RED), Buffer.alloc(TWENTY_ONE_MB)]))],
  ]);
  return startFileHost(files, '/never-answers.png');
}
