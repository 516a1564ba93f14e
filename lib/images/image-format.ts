export const acceptedFormats = ['jpeg', 'png', 'webp'] as const;
export type AcceptedFormat = (typeof acceptedFormats)[number];
export type ImageFormat = AcceptedFormat | 'gif';

export const mimeTypes: Record<AcceptedFormat, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
export const extensions: Record<AcceptedFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** What an image really is, by its first bytes; its name and declared type do not count. */
export function detectImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  return undefined;
}
