import type { ImageFormat } from './image-format';

export interface ImageSize {
  width: number;
  height: number;
}

const READERS: Record<ImageFormat, (bytes: Buffer) => ImageSize | undefined> = { png: pngSize, jpeg: jpegSize, webp: webpSize, bmp: bmpSize };

/** Pixel size from the file header alone (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X, BMP DIB); undefined when unreadable. */
export function readImageSize(bytes: Buffer, format: ImageFormat): ImageSize | undefined {
  const size = READERS[format](bytes);
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}

/** Whether a PNG can be transparent: a colour type with alpha (4, 6) or a tRNS chunk before the image data. */
export function pngHasAlpha(bytes: Buffer): boolean {
  const colourType = bytes[25];
  if (colourType === 4 || colourType === 6) return true;
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (type === 'tRNS') return true;
    if (type === 'IDAT') return false;
    offset += 12 + bytes.readUInt32BE(offset);
  }
  return false;
}

/** BITMAPCOREHEADER keeps 16-bit sizes; the others 32-bit, the height negative for top-down rows. */
function bmpSize(bytes: Buffer): ImageSize | undefined {
  if (bytes.length < 26) return undefined;
  if (bytes.readUInt32LE(14) === 12) return { width: bytes.readUInt16LE(18), height: bytes.readUInt16LE(20) };
  return { width: bytes.readInt32LE(18), height: Math.abs(bytes.readInt32LE(22)) };
}

function pngSize(bytes: Buffer): ImageSize | undefined {
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegSize(bytes: Buffer): ImageSize | undefined {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image, or scan data before any frame
    const length = bytes.readUInt16BE(offset + 2);
    if (SOF_MARKERS.has(marker)) {
      if (offset + 9 > bytes.length) return undefined;
      return { width: bytes.readUInt16BE(offset + 7), height: bytes.readUInt16BE(offset + 5) };
    }
    offset += 2 + length;
  }
  return undefined;
}

function webpSize(bytes: Buffer): ImageSize | undefined {
  if (bytes.length < 30) return undefined;
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') {
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return undefined;
    return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (bytes[20] !== 0x2f) return undefined;
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
  return undefined;
}
