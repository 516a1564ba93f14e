import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECK_EVERY_BYTES, DiskFullError, setStatfsForTests } from './disk-space';
import { createLocalVideoStore } from './local-video-store';
import { ArchiveRejectedError, isVideoHead } from './video-store';

const root = () => path.join(process.env.DATA_DIR ?? '', 'store-test');
const GiB = 1024 ** 3;

/** An MP4 head, then `megabytes` MiB of data, one MiB at a time. */
async function* video(megabytes: number): AsyncGenerator<Uint8Array> {
  const head = new Uint8Array(1024 * 1024);
  head.set([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]);
  yield head;
  for (let i = 1; i < megabytes; i++) yield new Uint8Array(1024 * 1024);
}

afterEach(() => setStatfsForTests());

describe('local video store on a filling disk', () => {
  it('refuses an archive before writing when the disk is below its reserve: a retryable error, no file', async () => {
    setStatfsForTests(async () => ({ bavail: 0.5 * GiB, bsize: 1 }));
    const put = createLocalVideoStore(root()).put('clip.mp4', video(2), { maxBytes: 100 * 1024 * 1024, accept: isVideoHead });
    await expect(put).rejects.toBeInstanceOf(DiskFullError);
    await expect(put).rejects.not.toBeInstanceOf(ArchiveRejectedError);
    expect(fs.readdirSync(root())).toEqual([]);
  });

  it('aborts a write when free space drops below the reserve midway, deleting the partial file', async () => {
    let free = 3 * GiB;
    let asked = 0;
    setStatfsForTests(async () => {
      asked++;
      // Someone else fills the disk while this clip is being written.
      free -= 1.5 * GiB;
      return { bavail: free, bsize: 1 };
    });
    const put = createLocalVideoStore(root()).put('clip.mp4', video((3 * CHECK_EVERY_BYTES) / (1024 * 1024)), { maxBytes: 100 * 1024 * 1024, accept: isVideoHead });
    await expect(put).rejects.toThrow(/^The studio's disk is almost full/);
    expect(asked).toBe(2);
    expect(fs.readdirSync(root())).toEqual([]);
  });

  it('writes a clip when there is room', async () => {
    const stored = await createLocalVideoStore(root()).put('ok.mp4', video(2), { maxBytes: 100 * 1024 * 1024, accept: isVideoHead });
    expect(stored.bytes).toBe(2 * 1024 * 1024);
    expect(fs.readdirSync(root())).toEqual(['ok.mp4']);
  });
});

describe('local video store layout', () => {
  it('names the file of a key under its root, and refuses keys that would leave it', async () => {
    const store = createLocalVideoStore(root());
    await store.put('ok.mp4', video(1), { maxBytes: 100 * 1024 * 1024, accept: isVideoHead });
    expect((await store.localCopy('ok.mp4'))?.path).toBe(path.join(root(), 'ok.mp4'));
    await expect(store.localCopy('../studio.db')).rejects.toThrow(/Invalid storage key/);
    await expect(store.read('../studio.db')).rejects.toThrow(/Invalid storage key/);
  });

  it('tells whether more bytes fit with the reserve still free', async () => {
    setStatfsForTests(async () => ({ bavail: 2 * GiB, bsize: 1 }));
    const store = createLocalVideoStore(root());
    await expect(store.ensureRoom(0.5 * GiB)).resolves.toBeUndefined();
    await expect(store.ensureRoom(1.5 * GiB)).rejects.toBeInstanceOf(DiskFullError);
  });
});
