// The studio with STORAGE_URL set, against a real S3-compatible server (s3rver): serving with Range,
// the export zip, the import, and posters all work from the bucket, with nothing archived on local disk.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/index';
import { generations } from '@/db/schema';
import { purgeTrashed } from '@/lib/gallery/trash';
import { listGenerationsByIds } from '@/db/queries/generations';
import { getEnv, resetEnvForTests } from '@/lib/env';
import { readiness } from '@/lib/ops/readiness';
import { exportZip } from '@/lib/export/export-clips';
import { recreateFromZip } from '@/lib/export/recreate';
import { createOwner, insertTestGeneration, type Owner } from '@/test/fixtures';
import { startS3, type TestS3 } from '@/test/s3-server';
import { bucketProbe } from './bucket-probe';
import { posterOf } from './poster';
import { s3ClientFor } from './s3-video-store';
import { cacheFor, serveVideo } from './serve-archive';
import { getVideoStore, resetVideoStoreForTests } from './video-storage';
import { isVideoHead } from './video-store';

const dataDir = () => process.env.DATA_DIR ?? '';
const ffmpegPath = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
let s3: TestS3;
let owner: Owner;
const saved = { ...process.env };

beforeAll(async () => {
  s3 = await startS3();
  Object.assign(process.env, s3.env);
  resetEnvForTests();
  resetVideoStoreForTests();
  owner = await createOwner('s3-owner@example.test');
});
afterAll(async () => {
  process.env = { ...saved };
  resetEnvForTests();
  resetVideoStoreForTests();
  await s3?.stop();
});

function fakeMp4(size: number): Buffer {
  return Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), crypto.randomBytes(size - 12)]);
}

async function* once(bytes: Buffer): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** A clip archived the way the tracker does it: through the app's video store, here the bucket. */
async function archived(video: Buffer, teamOwner = owner) {
  const id = crypto.randomUUID();
  const stored = await getVideoStore().put(`${id}.mp4`, once(video), { maxBytes: 64 * 1024 * 1024, accept: isVideoHead });
  return insertTestGeneration(teamOwner, { id, state: 'success', archivePath: stored.key, archiveSha256: stored.sha256, archiveBytes: stored.bytes, archivedAt: new Date() });
}

const localVideos = () => (fs.existsSync(path.join(dataDir(), 'videos')) ? fs.readdirSync(path.join(dataDir(), 'videos')) : []);

describe('with STORAGE_URL set', () => {
  it('reads the bucket settings, and keeps no archive on local disk', async () => {
    expect(getEnv().storage).toMatchObject({ kind: 's3', bucket: s3.config.bucket, prefix: s3.config.prefix, endpoint: s3.config.endpoint, forcePathStyle: true });
    await archived(fakeMp4(1000));
    expect(localVideos()).toEqual([]);
  });

  it('serves a clip from the bucket with Range: explicit, suffix and open-ended ranges, 416 past the end', async () => {
    const video = fakeMp4(1000);
    const row = await archived(video);
    const ask = (range?: string) => serveVideo(new Request('http://studio.test/v', { headers: range ? { range } : {} }), row, cacheFor.members);
    const cases = [
      ['bytes=0-99', 0, 99],
      ['bytes=-100', 900, 999],
      ['bytes=100-', 100, 999],
      ['bytes=0-0', 0, 0],
      ['bytes=999-999', 999, 999],
    ] as const;
    for (const [range, start, end] of cases) {
      const response = await ask(range);
      expect(response.status, range).toBe(206);
      expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/1000`);
      expect(response.headers.get('content-length')).toBe(String(end - start + 1));
      expect(Buffer.from(await response.arrayBuffer()).equals(video.subarray(start, end + 1)), range).toBe(true);
    }
    const whole = await ask();
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(video)).toBe(true);
    const past = await ask('bytes=1000-');
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */1000');
  });

  it('answers HEAD from the stored size without opening the object (a bucket stream nobody reads would hold a socket)', async () => {
    const row = await archived(fakeMp4(1000));
    const read = vi.spyOn(getVideoStore(), 'read');
    try {
      const head = await serveVideo(new Request('http://studio.test/v', { method: 'HEAD', headers: { range: 'bytes=100-' } }), row, cacheFor.members);
      expect([head.status, head.headers.get('content-length'), head.headers.get('content-range'), head.body]).toEqual([206, '900', 'bytes 100-999/1000', null]);
      expect(read).not.toHaveBeenCalled();
    } finally {
      read.mockRestore();
    }
  });

  it('answers 503 (try again), not a 500, while the bucket does not answer; a purge carries on past it', async () => {
    const row = await archived(fakeMp4(500));
    const trashed = await archived(fakeMp4(500));
    getDb().update(generations).set({ deletedAt: new Date(Date.now() - 40 * 24 * 3600_000) }).where(eq(generations.id, trashed.id)).run();
    process.env.S3_ENDPOINT = 'http://127.0.0.1:9';
    resetEnvForTests();
    resetVideoStoreForTests();
    try {
      const response = await serveVideo(new Request('http://studio.test/v'), row, cacheFor.members);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      // The row goes; its object could not be removed, which is logged rather than stopping the purge.
      expect(await purgeTrashed({ before: new Date(Date.now() - 30 * 24 * 3600_000), teamId: owner.teamId })).toBe(1);
    } finally {
      process.env.S3_ENDPOINT = s3.env.S3_ENDPOINT;
      resetEnvForTests();
      resetVideoStoreForTests();
    }
  });

  it('answers 404 for a clip whose object is gone from the bucket', async () => {
    const row = await archived(fakeMp4(500));
    await getVideoStore().remove(row.archivePath ?? '');
    const response = await serveVideo(new Request('http://studio.test/v'), row, cacheFor.members);
    expect(response.status).toBe(404);
  });

  it('exports clips stored in the bucket with their exact bytes, and imports them back into the bucket', async () => {
    const videos = [fakeMp4(300_000), fakeMp4(5000)];
    const rows = [];
    for (const video of videos) rows.push(await archived(video));
    const listed = await listGenerationsByIds({ ids: rows.map((row) => row.id), teamId: owner.teamId });
    const zip = path.join(dataDir(), `${crypto.randomUUID()}.zip`);
    await fs.promises.writeFile(zip, exportZip(listed, new Date()));
    for (const [index, row] of rows.entries()) {
      expect(execFileSync('unzip', ['-p', zip, `videos/${row.id}.mp4`], { maxBuffer: 16 * 1024 * 1024 }).equals(videos[index] ?? Buffer.alloc(0))).toBe(true);
    }
    expect(execFileSync('unzip', ['-tq', zip]).toString()).toMatch(/No errors/);

    const other = await createOwner('s3-importer@example.test');
    const imported = await recreateFromZip({ file: zip, teamId: other.teamId, userId: other.userId });
    expect(imported).toMatchObject({ ok: true, skipped: 0 });
    const copies = await listGenerationsByIds({ ids: imported.ok ? imported.ids : [], teamId: other.teamId });
    expect(copies.map((copy) => copy.archiveSha256).sort()).toEqual(rows.map((row) => row.archiveSha256).sort());
    for (const copy of copies) expect(await getVideoStore().size(copy.archivePath ?? '')).toBe(copy.archiveBytes);
    expect(localVideos()).toEqual([]);
  });

  it('makes a poster of a clip stored in the bucket, leaving no temporary copy behind', async () => {
    const file = path.join(dataDir(), 'source.mp4');
    execFileSync(ffmpegPath, [
      ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'color=c=blue:s=320x240:r=24:d=1'],
      ...['-vf', 'format=yuv420p', '-c:v', 'libx264', '-preset', 'ultrafast', '-f', 'mp4', '-y', file],
    ]);
    const row = await archived(fs.readFileSync(file));
    fs.rmSync(file);
    const poster = await posterOf(row.archivePath ?? '');
    expect(poster).not.toBeNull();
    expect([...fs.readFileSync(poster?.path ?? '').subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const copies = path.join(dataDir(), 'tmp', 's3-copies');
    expect(fs.existsSync(copies) ? fs.readdirSync(copies) : []).toEqual([]);
    expect(await posterOf('missing.mp4')).toBeNull();
  });

  it('is ready when the bucket takes a write, and down when it does not answer', async () => {
    const ready = await readiness({ creditPaused: async () => false, checkStorage: bucketProbe() });
    expect(ready.checks.storage).toEqual({ ok: true });
    const leftover = await s3ClientFor(s3.config).send(new ListObjectsV2Command({ Bucket: s3.config.bucket, Prefix: `${s3.config.prefix}ready-` }));
    expect(leftover.Contents ?? []).toEqual([]);
    process.env.S3_ENDPOINT = 'http://127.0.0.1:9';
    resetEnvForTests();
    resetVideoStoreForTests();
    try {
      const down = await readiness({ creditPaused: async () => false, checkStorage: bucketProbe() });
      expect(down.status).toBe('down');
      expect(down.checks.storage.ok).toBe(false);
    } finally {
      process.env.S3_ENDPOINT = s3.env.S3_ENDPOINT;
      resetEnvForTests();
      resetVideoStoreForTests();
    }
  });
});
