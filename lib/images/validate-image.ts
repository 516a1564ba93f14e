import { type AcceptedFormat, acceptedFormats, detectImageFormat, imageSize, type Size } from './image-header';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MIN_SIDE = 128;
export const MAX_SIDE = 8_000;
export const MAX_RATIO = 4;

export type ImageCheck = { ok: true; format: AcceptedFormat; size: Size } | { ok: false; message: string };

const names = { gif: 'a GIF' } as const;

/** Everything checked before a start frame is used: real type by bytes, size, complete file, sane dimensions. */
export function validateImage(bytes: Uint8Array): ImageCheck {
  if (bytes.byteLength > MAX_IMAGE_BYTES) return { ok: false, message: 'The image is larger than 10 MB. Use a smaller or more compressed file.' };
  if (bytes.byteLength === 0) return { ok: false, message: 'The file is empty.' };
  const format = detectImageFormat(bytes);
  if (!format || !(acceptedFormats as readonly string[]).includes(format)) {
    const looksLike = format ? ` (it is ${names[format as keyof typeof names]})` : '';
    return { ok: false, message: `That file is not a JPG, PNG or WebP image${looksLike}.` };
  }
  const accepted = format as AcceptedFormat;
  const size = imageSize(bytes, accepted);
  if (!size || !complete(bytes, accepted)) return { ok: false, message: 'The image file is incomplete or damaged.' };
  if (Math.min(size.width, size.height) < MIN_SIDE) {
    return { ok: false, message: `The image is ${size.width}×${size.height}; it needs at least ${MIN_SIDE} pixels on each side.` };
  }
  if (Math.max(size.width, size.height) > MAX_SIDE) {
    return { ok: false, message: `The image is ${size.width}×${size.height}; it can be at most ${MAX_SIDE} pixels on a side.` };
  }
  if (Math.max(size.width, size.height) / Math.min(size.width, size.height) > MAX_RATIO) {
    return { ok: false, message: `The image is ${size.width}×${size.height}; sides more than ${MAX_RATIO}× apart cannot become a video.` };
  }
  return { ok: true, format: accepted, size };
}

/** The format's end marker is there: the download or upload was not cut short. */
function complete(bytes: Uint8Array, format: AcceptedFormat): boolean {
  const end = bytes.byteLength;
  if (format === 'jpeg') {
    // An end-of-image marker near the end (some encoders pad after it).
    for (let i = end - 2; i >= Math.max(0, end - 64); i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
    return false;
  }
  if (format === 'png') {
    const iend = [0x49, 0x45, 0x4e, 0x44];
    return iend.every((byte, i) => bytes[end - 8 + i] === byte);
  }
  // WebP: the RIFF size field must cover the file.
  const riffSize = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  return riffSize + 8 <= end;
}
