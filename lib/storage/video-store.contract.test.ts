// The promises of VideoStore, checked against both stores: local disk and a real S3-compatible server (s3rver).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3, type TestS3 } from '@/test/s3-server';
import { createLocalVideoStore } from './local-video-store';
import { createS3VideoStore, s3ClientFor } from './s3-video-store';
import { ArchiveRejectedError, isVideoHead, MissingObjectError, type VideoStore } from './video-store';

const MiB = 1024 * 1024;
const dataDir = () => process.env.DATA_DIR ?? '';
let s3: TestS3;

beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => {
  await s3?.stop();
});

type Fixture = { store: VideoStore; leftovers(): Promise<string[]> };

const fixtures: [string, () => Fixture][] = [
  [
    'local disk',
    () => {
      const root = path.join(dataDir(), 'contract-videos');
      return { store: createLocalVideoStore(root), leftovers: async () => (fs.existsSync(root) ? fs.readdirSync(root).sort() : []) };
    },
  ],
  [
    'S3 (s3rver)',
    () => {
      const client = s3ClientFor(s3.config);
      return {
        store: createS3VideoStore(s3.config, path.join(dataDir(), 's3-copies'), client),
        async leftovers() {
          const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.config.bucket }));
          return (listed.Contents ?? []).map((object) => object.Key ?? '').sort();
        },
      };
    },
  ],
];

/** Bytes the stores accept as an MP4 (an `ftyp` box first), different every time. */
function fakeMp4(size: number): Buffer {
  return Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), crypto.randomBytes(size - 12)]);
}

/** The body as a download delivers it: in chunks. */
async function* chunked(bytes: Buffer, size = 256 * 1024): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function bytesOf(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const options = { maxBytes: 64 * MiB, accept: isVideoHead };

describe.each(fixtures)('the %s video store', (_name, make) => {
  let fixture: Fixture;
  beforeAll(() => {
    fixture = make();
  });

  it('stores a clip and gives back its size, its bytes, and any inclusive range of them', async () => {
    const { store } = fixture;
    const video = fakeMp4(3 * MiB + 17);
    const stored = await store.put('whole.mp4', chunked(video), options);
    expect(stored).toEqual({ key: 'whole.mp4', sha256: sha256(video), bytes: video.length });
    expect(await store.size('whole.mp4')).toBe(video.length);
    expect((await bytesOf(await store.read('whole.mp4'))).equals(video)).toBe(true);
    const last = video.length - 1;
    for (const [start, end] of [[0, 99], [0, 0], [last, last], [100, last], [MiB - 5, MiB + 5]] as const) {
      const part = await bytesOf(await store.read('whole.mp4', { start, end }));
      expect(part.equals(video.subarray(start, end + 1)), `bytes ${start}-${end}`).toBe(true);
    }
    await store.remove('whole.mp4');
  });

  it('gives a local file with the bytes, for ffmpeg', async () => {
    const { store } = fixture;
    const video = fakeMp4(200_000);
    await store.put('copy.mp4', chunked(video), options);
    const copy = await store.localCopy('copy.mp4');
    expect(copy && fs.readFileSync(copy.path).equals(video)).toBe(true);
    await copy?.release();
    expect((await bytesOf(await store.read('copy.mp4'))).equals(video)).toBe(true);
    await store.remove('copy.mp4');
  });

  it('refuses a body that grows past the cap mid-stream (even after whole parts went up), leaving nothing behind', async () => {
    const { store, leftovers } = fixture;
    const before = await leftovers();
    const put = store.put('big.mp4', chunked(fakeMp4(20 * MiB), MiB), { maxBytes: 17 * MiB, accept: isVideoHead });
    await expect(put).rejects.toThrow(new ArchiveRejectedError(`larger than ${17 * MiB} bytes`));
    expect(await leftovers()).toEqual(before);
    expect(await store.size('big.mp4')).toBeUndefined();
  });

  it.each([
    ['a web page', Buffer.from('<!doctype html><html><body>not a video</body></html>'.repeat(2000))],
    ['a tiny file', Buffer.from('ftyp')],
    ['an empty body', Buffer.alloc(0)],
  ])('refuses %s, leaving nothing behind', async (_what, body) => {
    const { store, leftovers } = fixture;
    const before = await leftovers();
    await expect(store.put('bad.mp4', chunked(body), options)).rejects.toThrow(new ArchiveRejectedError('not a video file'));
    expect(await leftovers()).toEqual(before);
    expect(await store.size('bad.mp4')).toBeUndefined();
  });

  it('answers a missing key with undefined or MissingObjectError, and removes it without complaint', async () => {
    const { store } = fixture;
    expect(await store.size('never.mp4')).toBeUndefined();
    await expect(store.read('never.mp4')).rejects.toBeInstanceOf(MissingObjectError);
    await expect(store.read('never.mp4', { start: 0, end: 9 })).rejects.toBeInstanceOf(MissingObjectError);
    expect(await store.localCopy('never.mp4')).toBeUndefined();
    await expect(store.remove('never.mp4')).resolves.toBeUndefined();
  });

  it('removes a stored clip for good', async () => {
    const { store } = fixture;
    await store.put('gone.mp4', chunked(fakeMp4(1000)), options);
    await store.remove('gone.mp4');
    expect(await store.size('gone.mp4')).toBeUndefined();
    await expect(store.read('gone.mp4')).rejects.toBeInstanceOf(MissingObjectError);
  });

  it('keeps concurrent puts of different keys apart', async () => {
    const { store } = fixture;
    const videos = Array.from({ length: 4 }, (_, index) => fakeMp4(MiB + index * 1000));
    const stored = await Promise.all(videos.map((video, index) => store.put(`parallel-${index}.mp4`, chunked(video, 64 * 1024), options)));
    for (const [index, video] of videos.entries()) {
      expect(stored[index]).toEqual({ key: `parallel-${index}.mp4`, sha256: sha256(video), bytes: video.length });
      expect(sha256(await bytesOf(await store.read(`parallel-${index}.mp4`)))).toBe(sha256(video));
    }
    await Promise.all(videos.map((_, index) => store.remove(`parallel-${index}.mp4`)));
  });

  it('refuses keys outside its alphabet', async () => {
    const { store } = fixture;
    await expect(store.put('../escape.mp4', chunked(fakeMp4(100)), options)).rejects.toThrow(/Invalid storage key/);
    await expect(store.size('a/b.mp4')).rejects.toThrow(/Invalid storage key/);
    await expect(store.read('../studio.db')).rejects.toThrow(/Invalid storage key/);
  });
});

describe('the S3 video store on a shared bucket', () => {
  it('keeps its objects under the URL’s prefix', async () => {
    const store = createS3VideoStore(s3.config, path.join(dataDir(), 's3-copies'));
    await store.put('prefixed.mp4', chunked(fakeMp4(1000)), options);
    const listed = await s3ClientFor(s3.config).send(new ListObjectsV2Command({ Bucket: s3.config.bucket }));
    expect(listed.Contents?.map((object) => object.Key)).toContain(`${s3.config.prefix}prefixed.mp4`);
    await store.remove('prefixed.mp4');
  });

  it('never removes anything at start: another instance may be uploading into the same bucket', async () => {
    const store = createS3VideoStore(s3.config, path.join(dataDir(), 's3-copies'));
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    async function* slow(): AsyncGenerator<Uint8Array> {
      yield fakeMp4(6 * MiB);
      await held;
      yield Buffer.alloc(4 * MiB);
    }
    const inFlight = store.put('in-flight.mp4', slow(), options);
    expect(await store.removePartials()).toBe(0);
    release();
    await expect(inFlight).resolves.toMatchObject({ bytes: 10 * MiB });
    await store.remove('in-flight.mp4');
  });

  it('reports a bucket that does not answer as an error a caller can handle, not as a missing clip', async () => {
    const store = createS3VideoStore({ ...s3.config, endpoint: 'http://127.0.0.1:9' }, path.join(dataDir(), 's3-copies'));
    const failure = await store.read('any.mp4').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(MissingObjectError);
  });
});
