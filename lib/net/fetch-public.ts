// A user-supplied link's file (a start frame, a sound track), fetched without letting the link probe our network.
import 'server-only';
import { getEnv } from '@/lib/env';
import { networkErrorMessage } from './network-error-message';
import { readCapped, safeGet, SafeGetError } from './safe-get';

export type SafeFetchOptions = {
  maxBytes: number;
  /** What the file is, for "The image is larger than 10 MB." */
  what?: string;
  /** The Accept header: the types the caller can use. */
  accept?: string;
  /** host:port pairs allowed even on private addresses: our own PUBLIC_URL and the local emulator. */
  allowHosts?: ReadonlySet<string>;
  maxRedirects?: number;
  timeoutMs?: number;
};

/**
 * Downloads a link (see safeGet): http(s) only, public addresses only, every redirect checked again, and the
 * body capped while streaming. A refused or failed link is a SafeGetError whose message is for people.
 */
export async function fetchPublicFile(link: string, { maxBytes, what = 'file', accept, allowHosts, maxRedirects, timeoutMs }: SafeFetchOptions): Promise<{ bytes: Buffer; url: string }> {
  const response = await safeGet(link, { allowHosts, maxRedirects, idleTimeoutMs: timeoutMs, accept });
  const tooLarge = () => new SafeGetError(`The ${what} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  try {
    return { bytes: await readCapped(response, maxBytes, tooLarge), url: response.url };
  } catch (error) {
    throw error instanceof SafeGetError ? error : new SafeGetError(networkErrorMessage(error));
  }
}

/** Our own addresses may be private in development: PUBLIC_URL's host and the local emulator. */
export function trustedHosts(): Set<string> {
  const env = getEnv();
  const hosts = new Set<string>();
  if (env.publicUrl) hosts.add(new URL(env.publicUrl).host);
  if (env.wan.usingEmulator) hosts.add(new URL(env.wan.baseUrl).host);
  return hosts;
}

/** The last segment of a link, decoded, for naming what it brought: "voice.mp3". */
export function lastSegment(link: string): string {
  try {
    const segment = new URL(link).pathname.split('/').filter(Boolean).at(-1) ?? '';
    return decodeURIComponent(segment).slice(0, 120) || new URL(link).host;
  } catch {
    return link.slice(0, 120);
  }
}
