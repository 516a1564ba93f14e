export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'bmp';

export const IMAGE_EXTENSIONS: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', bmp: 'bmp' };
/** How the formats are named in fail messages. */
export const IMAGE_FORMAT_NAMES: Record<ImageFormat, string> = { jpeg: 'JPG', png: 'PNG', webp: 'WebP', bmp: 'BMP' };

/** BITMAPCOREHEADER, BITMAPINFOHEADER and its later versions: the sizes a real BMP's DIB header has. */
const BMP_DIB_HEADER_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);

/** The format by magic bytes; the URL's extension and Content-Type are not trusted. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  const startsWith = (signature: readonly number[], offset = 0) =>
    bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
  if (startsWith([0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith([0x52, 0x49, 0x46, 0x46]) && startsWith([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  if (startsWith([0x42, 0x4d]) && bytes.length >= 18) {
    const dibHeaderSize = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readUInt32LE(14);
    if (BMP_DIB_HEADER_SIZES.has(dibHeaderSize)) return 'bmp';
  }
  return undefined;
}
