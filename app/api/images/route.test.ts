import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getTeamStorageUsage } from '@/db/queries/storage';
import { resetEnvForTests } from '@/lib/env';
import { makeImage } from '@/lib/images/test-images';
import { formatBytes, setStatfsForTests } from '@/lib/storage/disk-space';
import { createOwner, type Owner } from '@/test/fixtures';
import { countedStream, streamingRequest } from '@/test/streams';
import { withEnv } from '@/test/zip-bomb';
import { signInAs } from '@/test/session';

vi.mock('@/lib/auth/session', () => import('@/test/session'));

const { POST } = await import('./route');

const URL = 'http://localhost:3000/api/images';
const imagesDir = () => path.join(process.env.DATA_DIR ?? '', 'images');
const imageFiles = () => (fs.existsSync(imagesDir()) ? fs.readdirSync(imagesDir()) : []);
let owner: Owner;
let png: Buffer<ArrayBuffer>;

function upload(bytes: Uint8Array<ArrayBuffer>): Promise<Response> {
  const form = new FormData();
  form.set('file', new File([bytes], 'frame.png', { type: 'image/png' }));
  return POST(new Request(URL, { method: 'POST', body: form }));
}

beforeAll(async () => {
  process.env.PUBLIC_URL = 'https://studio.example';
  resetEnvForTests();
  owner = await createOwner('images@example.test');
  signInAs(owner, { email: 'images@example.test' });
  png = Buffer.from(makeImage({ format: 'png', width: 320, height: 180, color: 'teal' }));
});
afterEach(() => setStatfsForTests());

describe('POST /api/images', () => {
  it('keeps an upload and counts it in the team’s storage', async () => {
    const response = await upload(png);
    expect(response.status).toBe(201);
    expect((await getTeamStorageUsage({ teamId: owner.teamId })).imageBytes).toBe(png.byteLength);
  });

  it('stops an endless upload at 10 MB and a bit, and answers malformed bodies 400', async () => {
    const { stream, stats } = countedStream({ chunkBytes: 256 * 1024 });
    const response = await POST(streamingRequest(URL, stream, { 'content-type': 'multipart/form-data; boundary=x' }));
    expect(response.status).toBe(413);
    expect(stats.pulled).toBeLessThanOrEqual(10 * 1024 * 1024 + 64 * 1024 + 256 * 1024);
    expect((await POST(new Request(URL, { method: 'POST', body: '{"url":', headers: { 'content-type': 'application/json' } }))).status).toBe(400);
    expect((await POST(new Request(URL, { method: 'POST', body: 'garbage', headers: { 'content-type': 'multipart/form-data; boundary=x' } }))).status).toBe(400);
  });

  it('refuses an upload on an almost full disk, with no file left behind', async () => {
    const before = imageFiles();
    setStatfsForTests(async () => ({ bavail: 1000, bsize: 4096 }));
    const response = await upload(png);
    expect(response.status).toBe(507);
    expect(((await response.json()) as { error: string }).error).toMatch(/^The studio's disk is almost full/);
    expect(imageFiles()).toEqual(before);
  });

  it('refuses an upload past the team’s storage quota, saying what is used of what', async () => {
    const before = imageFiles();
    const used = (await getTeamStorageUsage({ teamId: owner.teamId })).totalBytes;
    await withEnv({ TEAM_STORAGE_QUOTA_BYTES: String(used + 100) }, resetEnvForTests, async () => {
      const response = await upload(png);
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: string }).error).toContain(`${formatBytes(used)} of ${formatBytes(used + 100)} used`);
    });
    expect(imageFiles()).toEqual(before);
  });
});
