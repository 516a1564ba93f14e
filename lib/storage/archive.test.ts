import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getGenerationForWorker, listSuccessesWithoutArchive, listUnarchivedSuccessIds } from '@/db/queries/generations';
import { createOwner, insertTestGeneration, type Owner } from '@/test/fixtures';
import { archiveGeneration } from './archive';

// A 1 MB cap for this file (read once, at the first archive).
process.env.ARCHIVE_MAX_BYTES = String(1024 * 1024);

// A stand-in for the service's CDN whose answers each test chooses.
let serve: { status: number; type: string; body: Buffer } = { status: 200, type: 'video/mp4', body: Buffer.alloc(0) };
const server = http.createServer((_req, res) => {
  res.writeHead(serve.status, { 'content-type': serve.type, 'content-length': serve.body.length });
  res.end(serve.body);
});
let base = '';
let owner: Owner;
const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), crypto.randomBytes(4_000)]);

async function finishedClip() {
  return insertTestGeneration(owner, { state: 'success', resultUrls: [`${base}/result.mp4`], completedAt: new Date() });
}

const videosDir = () => path.join(process.env.DATA_DIR ?? '', 'videos');

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  owner = await createOwner('ar@example.test');
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('archiveGeneration', () => {
  it('stores the exact bytes with their sha256 and size', async () => {
    serve = { status: 200, type: 'video/mp4', body: mp4 };
    const row = await finishedClip();
    await archiveGeneration(row.id);
    const archived = await getGenerationForWorker({ id: row.id });
    expect(archived?.archiveSha256).toBe(crypto.createHash('sha256').update(mp4).digest('hex'));
    expect(archived?.archiveBytes).toBe(mp4.length);
    expect(fs.readFileSync(path.join(videosDir(), archived?.archivePath ?? '')).equals(mp4)).toBe(true);
  });

  it.each([
    ['an HTML error page', { status: 200, type: 'text/html', body: Buffer.from('<html>oops</html>') }, /content-type text\/html/],
    ['bytes that are not a video', { status: 200, type: 'video/mp4', body: Buffer.from('definitely not an mp4 file') }, /not a video file/],
    ['a 404', { status: 404, type: 'text/plain', body: Buffer.from('gone') }, /HTTP 404/],
  ])('refuses %s, keeps no partial file, and schedules a retry', async (_name, answer, reason) => {
    serve = answer;
    const row = await finishedClip();
    await expect(archiveGeneration(row.id)).rejects.toThrow(reason);
    const after = await getGenerationForWorker({ id: row.id });
    expect(after).toMatchObject({ archivedAt: null, archiveAttempts: 1 });
    expect(after?.archiveError).toMatch(reason);
    expect(after?.archiveNextAt?.getTime()).toBeGreaterThan(Date.now());
    expect(fs.readdirSync(videosDir()).filter((name) => name.startsWith(row.id))).toEqual([]);
    // Not retried before its backoff; listed by the expiry guard meanwhile.
    expect(await listUnarchivedSuccessIds({ limit: 100, maxAttempts: 8, now: new Date() })).not.toContain(row.id);
    expect((await listSuccessesWithoutArchive({ limit: 100 })).map((r) => r.id)).toContain(row.id);
    expect(await listUnarchivedSuccessIds({ limit: 100, maxAttempts: 8, now: new Date(Date.now() + 60 * 60_000) })).toContain(row.id);
  });

  it('refuses a file over the size cap while streaming', async () => {
    serve = { status: 200, type: 'video/mp4', body: Buffer.concat([mp4, Buffer.alloc(1024 * 1024)]) };
    const row = await finishedClip();
    await expect(archiveGeneration(row.id)).rejects.toThrow(/larger than 1048576 bytes/);
    expect(fs.readdirSync(videosDir()).filter((name) => name.startsWith(row.id))).toEqual([]);
  });
});
