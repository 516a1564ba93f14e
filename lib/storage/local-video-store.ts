import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { crashPoint } from '@/lib/crash-point';
import { getEnv } from '@/lib/env';
import { diskGuard, ensureFreeSpace } from './disk-space';
import { ArchiveRejectedError, type PutOptions, type StoredObject, type VideoStore } from './video-store';

const HEAD_BYTES = 16;

export function createLocalVideoStore(root: string): VideoStore {
  const fileOf = (key: string) => {
    if (!/^[\w.-]+$/.test(key)) throw new Error(`Invalid storage key: ${key}`);
    return path.join(root, key);
  };

  return {
    async put(key, body, options) {
      await fs.promises.mkdir(root, { recursive: true });
      // A DiskFullError is not an ArchiveRejectedError: the archive retries it later.
      await ensureFreeSpace(root, 0);
      const final = fileOf(key);
      const partial = `${final}.${crypto.randomBytes(6).toString('hex')}.part`;
      try {
        const stored = await writeChecked(partial, body, options, diskGuard(root));
        // Atomic: a reader sees either no file or the whole file, never half of one.
        await fs.promises.rename(partial, final);
        return { key, ...stored };
      } catch (error) {
        await fs.promises.rm(partial, { force: true });
        throw error;
      }
    },
    async size(key) {
      const stat = await fs.promises.stat(fileOf(key)).catch(() => undefined);
      return stat?.isFile() ? stat.size : undefined;
    },
    read(key, range) {
      return fs.createReadStream(fileOf(key), range);
    },
    async remove(key) {
      await fs.promises.rm(fileOf(key), { force: true });
    },
    async removePartials() {
      const names = await fs.promises.readdir(root).catch(() => [] as string[]);
      const partials = names.filter((name) => name.endsWith('.part'));
      await Promise.all(partials.map((name) => fs.promises.rm(path.join(root, name), { force: true })));
      return partials.length;
    },
    localPath: fileOf,
    async ensureRoom(bytes) {
      await ensureFreeSpace(root, bytes);
    },
  };
}

async function writeChecked(
  file: string,
  body: AsyncIterable<Uint8Array>,
  { maxBytes, accept }: PutOptions,
  guard: (written: number) => Promise<void>,
): Promise<Omit<StoredObject, 'key'>> {
  const hash = crypto.createHash('sha256');
  const handle = await fs.promises.open(file, 'wx');
  let bytes = 0;
  let head: Uint8Array = new Uint8Array(0);
  try {
    for await (const chunk of body) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) throw new ArchiveRejectedError(`larger than ${maxBytes} bytes`);
      await guard(bytes);
      if (head.byteLength < HEAD_BYTES) head = concat(head, chunk).subarray(0, HEAD_BYTES);
      hash.update(chunk);
      await handle.write(chunk);
      crashPoint('mid-archive');
    }
    if (bytes === 0 || !accept(head)) throw new ArchiveRejectedError('not a video file');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}

let store: VideoStore | undefined;

/** The app's one video store: local disk under DATA_DIR/videos. */
export function getVideoStore(): VideoStore {
  store ??= createLocalVideoStore(path.join(getEnv().dataDir, 'videos'));
  return store;
}
