import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPublicImage } from './start-image';
import { makeImage } from './test-images';

const png = makeImage({ format: 'png', width: 200, height: 200, color: 'red' });
let server: http.Server;
let host = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/image.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    if (req.url === '/to-private') return res.writeHead(302, { location: 'http://10.0.0.7/secret.png' }).end();
    if (req.url === '/to-loopback') return res.writeHead(302, { location: `http://127.0.0.1:${(server.address() as AddressInfo).port + 1}/x` }).end();
    if (req.url === '/to-metadata') return res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/big') return res.writeHead(200).end(Buffer.alloc(2 * 1024 * 1024));
    if (req.url === '/missing') return res.writeHead(404).end();
    return res.writeHead(302, { location: '/image.png' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// The test server lives on loopback, so it stands in for "a public host" by being allowed explicitly.
const asPublic = () => ({ maxBytes: 1024 * 1024, allowHosts: new Set([host]) });
const strict = { maxBytes: 1024 * 1024 };
const PRIVATE = 'That link points to a private or local network address, which cannot be used.';

describe('fetchPublicImage refuses every way to reach our own network', () => {
  it.each([
    ['loopback', 'http://127.0.0.1/a.png'],
    ['loopback, other /8 address', 'http://127.45.3.2/a.png'],
    ['localhost by name', 'http://localhost/a.png'],
    ['private 10/8', 'http://10.1.2.3/a.png'],
    ['private 172.16/12', 'http://172.20.0.1/a.png'],
    ['private 192.168/16', 'http://192.168.1.1/a.png'],
    ['link-local (cloud metadata)', 'http://169.254.169.254/latest/meta-data/'],
    ['carrier-grade NAT', 'http://100.64.0.1/a.png'],
    ['unspecified', 'http://0.0.0.0/a.png'],
    ['IPv6 loopback', 'http://[::1]/a.png'],
    ['IPv6 link-local', 'http://[fe80::1]/a.png'],
    ['IPv6 unique local', 'http://[fd12:3456::1]/a.png'],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]/a.png'],
    ['IPv4-mapped IPv6 private, hex form', 'http://[::ffff:a00:1]/a.png'],
    ['NAT64 of a private address', 'http://[64:ff9b::10.0.0.1]/a.png'],
    ['decimal IP', 'http://2130706433/a.png'],
    ['hex IP', 'http://0x7f000001/a.png'],
    ['octal IP', 'http://0177.0.0.1/a.png'],
    ['short IP', 'http://127.1/a.png'],
  ])('%s: %s', async (_name, link) => {
    await expect(fetchPublicImage(link, strict)).rejects.toThrow(PRIVATE);
  });

  it.each([
    ['a redirect to a private address', '/to-private'],
    ['a redirect to another loopback port', '/to-loopback'],
    ['a redirect to the metadata service', '/to-metadata'],
  ])('%s', async (_name, path) => {
    await expect(fetchPublicImage(`http://${host}${path}`, asPublic())).rejects.toThrow(PRIVATE);
  });

  it('refuses other schemes and credentials in links', async () => {
    await expect(fetchPublicImage('file:///etc/passwd', strict)).rejects.toThrow('Only http and https links can be used.');
    await expect(fetchPublicImage('ftp://example.com/a.png', strict)).rejects.toThrow('Only http and https links can be used.');
    await expect(fetchPublicImage('http://user:pw@example.com/a.png', strict)).rejects.toThrow('user name or password');
    await expect(fetchPublicImage('not a link', strict)).rejects.toThrow('That is not a valid link.');
  });

  it('limits redirects, caps the size while streaming, and reports HTTP errors', async () => {
    await expect(fetchPublicImage(`http://${host}/loop`, asPublic())).rejects.toThrow('The link redirects too many times.');
    await expect(fetchPublicImage(`http://${host}/big`, asPublic())).rejects.toThrow('The image is larger than 1 MB.');
    await expect(fetchPublicImage(`http://${host}/missing`, asPublic())).rejects.toThrow('The link answered HTTP 404.');
  });

  it('downloads an allowed link, following a redirect', async () => {
    const { bytes, url } = await fetchPublicImage(`http://${host}/elsewhere`, asPublic());
    expect(bytes.equals(png)).toBe(true);
    expect(url).toBe(`http://${host}/image.png`);
  });
});
