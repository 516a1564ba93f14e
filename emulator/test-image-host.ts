import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';

/** A real 2×2 PNG, built by hand so the test needs no fixture files. */
export function buildPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typeAndData));
    return Buffer.concat([length, typeAndData, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const JPEG_HEADER = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
export const WEBP_HEADER = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
export const ELEVEN_MB = 11 * 1024 * 1024;

export interface ImageHost {
  url: (path: string) => string;
  close: () => Promise<void>;
}

/**
 * Serves the images the image-to-video rows need: valid ones, a text file dressed as a PNG,
 * 11 MB with and without Content-Length, a 404, and one that never answers.
 */
export async function startImageHost(): Promise<ImageHost> {
  const png = buildPng();
  const huge = Buffer.concat([png, Buffer.alloc(ELEVEN_MB - png.length)]);
  const files = new Map<string, { type: string; body: Buffer; declareLength: boolean }>([
    ['/image.png', { type: 'image/png', body: png, declareLength: true }],
    ['/photo.jpg', { type: 'image/jpeg', body: JPEG_HEADER, declareLength: true }],
    ['/picture.webp', { type: 'image/webp', body: WEBP_HEADER, declareLength: true }],
    ['/notes.png', { type: 'image/png', body: Buffer.from('just some text, not an image'), declareLength: true }],
    ['/huge-declared.png', { type: 'image/png', body: huge, declareLength: true }],
    ['/huge-streamed.png', { type: 'image/png', body: huge, declareLength: false }],
  ]);
  const server: Server = createServer((req, res) => {
    if (req.url === '/never-answers.png') return;
    const file = files.get(req.url ?? '');
    if (!file) {
      res.writeHead(404).end('not here');
      return;
    }
    const length = file.declareLength ? { 'Content-Length': file.body.length } : {};
    res.writeHead(200, { 'Content-Type': file.type, ...length }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${base}${path}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
