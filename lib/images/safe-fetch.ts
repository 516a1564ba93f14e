import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import net from 'node:net';
import { isPublicAddress } from './address-policy';

export class ImageFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageFetchError';
  }
}

export type SafeFetchOptions = {
  maxBytes: number;
  /** host:port pairs allowed even on private addresses: our own PUBLIC_URL and the local emulator. */
  allowHosts?: ReadonlySet<string>;
  maxRedirects?: number;
  timeoutMs?: number;
};

/**
 * Downloads a user-supplied image link without letting it probe our network: http(s) only, every
 * address the name resolves to must be public (checked at connect time, so DNS rebinding cannot slip
 * in), each redirect is checked again, at most `maxRedirects`, and the body is capped while streaming.
 */
export async function fetchPublicImage(link: string, options: SafeFetchOptions): Promise<{ bytes: Buffer; url: string }> {
  let url = parseLink(link);
  for (let redirects = 0; ; redirects++) {
    const answer = await get(url, options);
    if (answer.kind === 'bytes') return { bytes: answer.bytes, url: url.href };
    if (redirects >= (options.maxRedirects ?? 3)) throw new ImageFetchError('The link redirects too many times.');
    url = parseLink(new URL(answer.location, url).href);
  }
}

function parseLink(link: string): URL {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new ImageFetchError('That is not a valid link.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ImageFetchError('Only http and https links can be used.');
  if (url.username || url.password) throw new ImageFetchError('Links with a user name or password cannot be used.');
  return url;
}

const refusal = () => new ImageFetchError('That link points to a private or local network address, which cannot be used.');

function get(url: URL, { maxBytes, allowHosts, timeoutMs = 15_000 }: SafeFetchOptions): Promise<{ kind: 'bytes'; bytes: Buffer } | { kind: 'redirect'; location: string }> {
  const allowed = allowHosts?.has(url.host) ?? false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // The URL parser has already turned 2130706433, 0x7f.1 and 0177.0.0.1 into 127.0.0.1.
  if (net.isIP(host) && !allowed && !isPublicAddress(host)) return Promise.reject(refusal());

  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dns.lookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = Array.isArray(addresses) ? addresses : [];
      if (list.length === 0) return callback(new ImageFetchError('That link’s host name does not resolve.'), '', 0);
      if (!allowed && list.some((entry) => !isPublicAddress(entry.address))) return callback(refusal(), '', 0);
      const first = list[0];
      if (lookupOptions.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      return callback(null, first?.address ?? '', first?.family ?? 4);
    });
  };

  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(url, { lookup, timeout: timeoutMs, headers: { accept: 'image/jpeg, image/png, image/webp' } }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        return resolve({ kind: 'redirect', location: response.headers.location });
      }
      if (status !== 200) {
        response.resume();
        return reject(new ImageFetchError(`The link answered HTTP ${status}.`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          request.destroy();
          reject(new ImageFetchError(`The image is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => resolve({ kind: 'bytes', bytes: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new ImageFetchError('The link took too long to answer.')));
    request.on('error', (error) => reject(error instanceof ImageFetchError ? error : new ImageFetchError(`The link could not be downloaded (${error.message}).`)));
  });
}
