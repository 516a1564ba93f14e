// Start frames and sound tracks are kept where the videos are: on local disk, or with STORAGE_URL in the bucket,
// so any instance can serve what another kept. Against a real S3-compatible server (s3rver).
import fs from 'node:fs';
import path from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSineWav } from '@/emulator/test-audio-host';
import { resetEnvForTests } from '@/lib/env';
import { makeImage } from '@/lib/images/test-images';
import { createOwner } from '@/test/fixtures';
import { signInAs } from '@/test/session';
import { startS3, type TestS3 } from '@/test/s3-server';
import { imageFileExists, readImageFile, writeImageFile } from './image-files';
import { s3ClientFor } from './s3-video-store';

vi.mock('@/lib/auth/session', () => import('@/test/session'));

let s3: TestS3;
const saved = { ...process.env };
const onDisk = (folder: string) => (fs.existsSync(path.join(process.env.DATA_DIR ?? '', folder)) ? fs.readdirSync(path.join(process.env.DATA_DIR ?? '', folder)) : []);
const useBucket = (on: boolean) => {
  process.env = { ...saved, ...(on ? s3.env : {}), PUBLIC_URL: 'https://studio.example' };
  resetEnvForTests();
};

beforeAll(async () => {
  s3 = await startS3('kept-files', 'studio/');
});
afterAll(async () => {
  process.env = { ...saved };
  resetEnvForTests();
  await s3.stop();
});

describe.each([
  ['local disk', false],
  ['S3 bucket', true],
] as const)('kept files on %s', (_where, bucket) => {
  it('writes under a fresh unguessable name and reads back the same bytes; a missing or bad name is nothing', async () => {
    useBucket(bucket);
    const png = new Uint8Array(makeImage({ format: 'png', width: 200, height: 150, color: 'teal' }));
    const name = await writeImageFile(png, 'png');
    expect(name).toMatch(/^[A-Za-z0-9_-]{22}\.png$/);
    expect(Buffer.from(png).equals((await readImageFile(name)) ?? Buffer.alloc(0))).toBe(true);
    expect(await imageFileExists(name)).toBe(true);
    const missing = `${'A'.repeat(22)}.png`;
    expect([await readImageFile(missing), await imageFileExists(missing)]).toEqual([undefined, false]);
    expect(await readImageFile('../../etc/passwd')).toBeUndefined();
    expect(onDisk('images').includes(name)).toBe(!bucket);
  });
});

describe('with STORAGE_URL, an uploaded sound track lives in the bucket and is served from it', () => {
  it('keeps the upload as <prefix>audio/<name>, serves its bytes at /a/<name>, and leaves nothing on disk', async () => {
    useBucket(true);
    signInAs(await createOwner('kept-files@example.test'));
    const { POST } = await import('@/app/api/audio/route');
    const { GET } = await import('@/app/a/[name]/route');
    const wav = buildSineWav(4);
    const form = new FormData();
    form.set('file', new File([new Uint8Array(wav)], 'voice.wav', { type: 'audio/wav' }));
    const response = await POST(new Request('http://localhost/api/audio', { method: 'POST', body: form }));
    expect(response.status).toBe(201);
    const { previewUrl } = (await response.json()) as { previewUrl: string };
    const name = previewUrl.slice('/a/'.length);
    const listed = await s3ClientFor(s3.config).send(new ListObjectsV2Command({ Bucket: 'kept-files', Prefix: 'studio/audio/' }));
    expect(listed.Contents?.map((object) => object.Key)).toEqual([`studio/audio/${name}`]);
    expect(onDisk('audio')).toEqual([]);
    const served = await GET(new Request(`http://localhost${previewUrl}`), { params: Promise.resolve({ name }) });
    expect(served.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await served.arrayBuffer()).equals(wav)).toBe(true);
    // The bucket not answering is a 503 to try again, not a 500 and not a 404 that says the track is gone.
    process.env.S3_ENDPOINT = 'http://127.0.0.1:9';
    resetEnvForTests();
    const down = await GET(new Request(`http://localhost${previewUrl}`), { params: Promise.resolve({ name }) });
    expect(down.status).toBe(503);
  });
});
