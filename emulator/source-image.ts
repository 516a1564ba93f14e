import { sniffImageFormat, type ImageFormat } from './image-format';
import { readImageSize, type ImageSize } from './image-size';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Real time: a slow image host is slow regardless of the emulator's time scale. */
export const IMAGE_FETCH_TIMEOUT_MS = 10_000;

export const INVALID_IMAGE_URL = 'INVALID_IMAGE_URL';

export const IMAGE_FAIL_MESSAGES = {
  notImage: 'Image is not a JPG, PNG or WebP',
  undecodable: 'Image could not be decoded',
  tooLarge: 'Image is larger than 10 MB',
  timedOut: 'Image could not be downloaded (timed out after 10 s)',
  unreachable: 'Image could not be downloaded (connection failed)',
  httpStatus: (status: number) => `Image could not be downloaded (HTTP ${status})`,
} as const;

export type SourceImage = { format: ImageFormat; bytes: Buffer } & ImageSize;
export type SourceImageResult = ({ ok: true } & SourceImage) | { ok: false; failMsg: string };

/** Downloads the image-to-video source the way the service does, stopping as soon as it is too large. */
export async function fetchSourceImage(url: string, timeoutMs = IMAGE_FETCH_TIMEOUT_MS): Promise<SourceImageResult> {
  const aborter = new AbortController();
  const timer = setTimeout(() => aborter.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: aborter.signal, redirect: 'follow' });
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, failMsg: IMAGE_FAIL_MESSAGES.httpStatus(response.status) };
    }
    const declaredLength = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declaredLength > MAX_IMAGE_BYTES) {
      await response.body?.cancel();
      return { ok: false, failMsg: IMAGE_FAIL_MESSAGES.tooLarge };
    }
    const bytes = await readAtMost(response, MAX_IMAGE_BYTES);
    if (!bytes) return { ok: false, failMsg: IMAGE_FAIL_MESSAGES.tooLarge };
    const format = sniffImageFormat(bytes);
    if (!format) return { ok: false, failMsg: IMAGE_FAIL_MESSAGES.notImage };
    const size = readImageSize(bytes, format);
    return size ? { ok: true, format, bytes, ...size } : { ok: false, failMsg: IMAGE_FAIL_MESSAGES.undecodable };
  } catch {
    return { ok: false, failMsg: aborter.signal.aborted ? IMAGE_FAIL_MESSAGES.timedOut : IMAGE_FAIL_MESSAGES.unreachable };
  } finally {
    clearTimeout(timer);
  }
}

/** The whole body, or undefined (and the download cancelled) once it passes `limit` bytes. */
async function readAtMost(response: Response, limit: number): Promise<Buffer | undefined> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
}
