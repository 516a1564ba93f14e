import { readCapped, safeGet, SafeGetError } from '@/lib/net/safe-get';

/** The image link's refusals: the same class as the safe GET's, so one `instanceof` catches both. */
export { SafeGetError as ImageFetchError };

export type SafeFetchOptions = {
  maxBytes: number;
  /** host:port pairs allowed even on private addresses: our own PUBLIC_URL and the local emulator. */
  allowHosts?: ReadonlySet<string>;
  maxRedirects?: number;
  timeoutMs?: number;
};

/**
 * Downloads a user-supplied image link without letting it probe our network (see safeGet): http(s)
 * only, public addresses only, every redirect checked again, and the body capped while streaming.
 */
export async function fetchPublicImage(link: string, { maxBytes, allowHosts, maxRedirects, timeoutMs }: SafeFetchOptions): Promise<{ bytes: Buffer; url: string }> {
  const response = await safeGet(link, { allowHosts, maxRedirects, idleTimeoutMs: timeoutMs, accept: 'image/jpeg, image/png, image/webp' });
  const tooLarge = () => new SafeGetError(`The image is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  try {
    return { bytes: await readCapped(response, maxBytes, tooLarge), url: response.url };
  } catch (error) {
    throw error instanceof SafeGetError ? error : new SafeGetError(`The link could not be downloaded (${error instanceof Error ? error.message : String(error)}).`);
  }
}
