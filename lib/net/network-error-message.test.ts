import { describe, expect, it } from 'vitest';
import { closedPort } from '@/test/net';
import { networkErrorMessage } from './network-error-message';
import { safeGet, SafeGetError } from './safe-get';

/** An error shaped as Node's socket, DNS and TLS layers make them. */
const nodeError = (code: string, message: string) => Object.assign(new Error(message), { code, hostname: 'cdn.nowhere.example', address: '203.0.113.9' });

describe('networkErrorMessage', () => {
  it.each([
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND cdn.nowhere.example', 'That address could not be found — check the link.'],
    ['EAI_AGAIN', 'getaddrinfo EAI_AGAIN cdn.nowhere.example', 'That address could not be looked up right now — try again in a moment.'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 203.0.113.9:443', 'The site behind that link refused the connection — check the link, or try again later.'],
    ['ETIMEDOUT', 'connect ETIMEDOUT 203.0.113.9:443', 'The site behind that link took too long to answer — try again later.'],
    ['ECONNRESET', 'read ECONNRESET', 'The site behind that link closed the connection — try again in a moment.'],
    ['EHOSTUNREACH', 'connect EHOSTUNREACH 203.0.113.9:443', 'The site behind that link cannot be reached from here.'],
    ['CERT_HAS_EXPIRED', 'certificate has expired', 'The site behind that link has no valid secure (HTTPS) certificate, so it was not trusted.'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate', 'The site behind that link has no valid secure (HTTPS) certificate, so it was not trusted.'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames", 'The site behind that link has no valid secure (HTTPS) certificate, so it was not trusted.'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'wrong version number', 'A secure (HTTPS) connection to the site behind that link could not be made.'],
    ['EPROTO', 'write EPROTO', 'A secure (HTTPS) connection to the site behind that link could not be made.'],
    ['HPE_INVALID_CONSTANT', 'Parse Error: Expected HTTP/', 'The site behind that link sent an answer that could not be read.'],
    ['ESOMETHINGNEW', 'something new 203.0.113.9', 'The link could not be downloaded — check it, or try again later.'],
  ])('%s becomes a plain sentence with no code, host or address', (code, message, expected) => {
    const text = networkErrorMessage(nodeError(code, message));
    expect(text).toBe(expected);
    for (const leak of [code, 'cdn.nowhere.example', '203.0.113.9', 'getaddrinfo']) expect(text).not.toContain(leak);
  });

  it('reads the code of a wrapped cause (fetch), and survives what is not an error', () => {
    expect(networkErrorMessage(new TypeError('fetch failed', { cause: nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND x') }))).toBe('That address could not be found — check the link.');
    expect(networkErrorMessage('boom')).toBe('The link could not be downloaded — check it, or try again later.');
    expect(networkErrorMessage(undefined)).toBe('The link could not be downloaded — check it, or try again later.');
  });
});

describe('safeGet answers real network failures in plain words', () => {
  it('a port where nothing listens: refused, with no code or address in the message', async () => {
    const port = await closedPort();
    const error = await safeGet(`http://127.0.0.1:${port}/frame.png`, { allowHosts: new Set([`127.0.0.1:${port}`]) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SafeGetError);
    expect((error as Error).message).toBe('The site behind that link refused the connection — check the link, or try again later.');
    expect((error as Error).message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  });
});
