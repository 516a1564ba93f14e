import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import net from 'node:net';
import { isPublicAddress } from './address-policy';
import { networkErrorMessage } from './network-error-message';

/** A link we refuse to follow or that did not answer usefully; its message is shown to people as is. */
export class SafeGetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SafeGetError';
  }
}

export type SafeGetOptions = {
  /** host:port pairs allowed even on private addresses: our own PUBLIC_URL and the local emulator. */
  allowHosts?: ReadonlySet<string>;
  /** host:port pairs that may be reached over plain http; unset: any host may. */
  httpHosts?: ReadonlySet<string>;
  maxRedirects?: number;
  /** The longest silence on the socket (connecting included). */
  idleTimeoutMs?: number;
  signal?: AbortSignal;
  accept?: string;
};

export type SafeResponse = {
  /** Where the body finally came from, after redirects. */
  url: string;
  contentType: string;
  declaredBytes: number | undefined;
  /** The body as it arrives; reading it may still fail (timeout, abort). */
  body: http.IncomingMessage;
};

/**
 * A GET that cannot be pointed at our own network: http(s) only (plain http only to `httpHosts` when
 * given), every address the name resolves to must be public (checked at connect time, so DNS
 * rebinding cannot slip in), each redirect is checked again, at most `maxRedirects`. Answers a
 * 200's streaming body; anything else is a SafeGetError.
 */
export async function safeGet(link: string, options: SafeGetOptions = {}): Promise<SafeResponse> {
  let url = parseLink(link, options);
  for (let redirects = 0; ; redirects++) {
    const answer = await get(url, options);
    if (answer.kind === 'body') return { ...answer.response, url: url.href };
    if (redirects >= (options.maxRedirects ?? 3)) throw new SafeGetError('The link redirects too many times.');
    url = parseLink(new URL(answer.location, url).href, options);
  }
}

/** Reads a whole body, refusing it as soon as it passes `maxBytes` (declared or counted). */
export async function readCapped(response: SafeResponse, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  if (response.declaredBytes !== undefined && response.declaredBytes > maxBytes) {
    response.body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      response.body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function parseLink(link: string, { httpHosts }: SafeGetOptions): URL {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new SafeGetError('That is not a valid link.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SafeGetError('Only http and https links can be used.');
  if (url.username || url.password) throw new SafeGetError('Links with a user name or password cannot be used.');
  if (url.protocol === 'http:' && httpHosts && !httpHosts.has(url.host)) throw new SafeGetError(`Only https links can be used (${url.host} was asked over plain http).`);
  return url;
}

const refusal = () => new SafeGetError('That link points to a private or local network address, which cannot be used.');

type Answer = { kind: 'body'; response: Omit<SafeResponse, 'url'> } | { kind: 'redirect'; location: string };

function get(url: URL, { allowHosts, idleTimeoutMs = 15_000, signal, accept }: SafeGetOptions): Promise<Answer> {
  const allowed = allowHosts?.has(url.host) ?? false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // The URL parser has already turned 2130706433, 0x7f.1 and 0177.0.0.1 into 127.0.0.1.
  if (net.isIP(host) && !allowed && !isPublicAddress(host)) return Promise.reject(refusal());

  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dns.lookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = Array.isArray(addresses) ? addresses : [];
      if (list.length === 0) return callback(new SafeGetError('That link’s host name does not resolve.'), '', 0);
      if (!allowed && list.some((entry) => !isPublicAddress(entry.address))) return callback(refusal(), '', 0);
      const first = list[0];
      if (lookupOptions.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      return callback(null, first?.address ?? '', first?.family ?? 4);
    });
  };

  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const headers = accept ? { accept } : undefined;
    const request = client.get(url, { lookup, timeout: idleTimeoutMs, headers, signal }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        return resolve({ kind: 'redirect', location: response.headers.location });
      }
      if (status !== 200) {
        response.resume();
        return reject(new SafeGetError(`The link answered HTTP ${status}.`));
      }
      const length = Number(response.headers['content-length']);
      resolve({ kind: 'body', response: { contentType: response.headers['content-type'] ?? '', declaredBytes: Number.isSafeInteger(length) ? length : undefined, body: response } });
    });
    request.on('timeout', () => request.destroy(new SafeGetError('The link took too long to answer.')));
    request.on('error', (error) => reject(error instanceof SafeGetError ? error : new SafeGetError(networkErrorMessage(error))));
  });
}
