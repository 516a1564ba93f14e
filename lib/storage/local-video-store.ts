import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { crashPoint } from '@/lib/crash-point';
import { diskGuard, ensureFreeSpace } from './disk-space';
import { checkedBody } from './checked-body';
import { checkedKey, MissingObjectError, type PutOptions, type StoredObject, type VideoStore } from './video-store';

export function createLocalVideoStore(root: string): VideoStore {
  const fileOf = (key: string) => path.join(root, checkedKey(key));

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
    async read(key, range) {
      // Opened first, so a missing file rejects here rather than failing the stream later.
      const handle = await fs.promises.open(fileOf(key), 'r').catch((error: unknown) => {
        throw isMissing(error) ? new MissingObjectError(key) : error;
      });
      return handle.createReadStream(range);
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
    async localCopy(key) {
      const file = fileOf(key);
      const stat = await fs.promises.stat(file).catch(() => undefined);
      // The file itself: nothing to clean up.
      return stat?.isFile() ? { path: file, release: async () => undefined } : undefined;
    },
    async ensureRoom(bytes) {
      await ensureFreeSpace(root, bytes);
    },
  };
}

async function writeChecked(
  file: string,
  body: AsyncIterable<Uint8Array>,
  options: PutOptions,
  guard: (written: number) => Promise<void>,
): Promise<Omit<StoredObject, 'key'>> {
  const checked = checkedBody(body, options);
  const handle = await fs.promises.open(file, 'wx');
  let written = 0;
  try {
    for await (const chunk of checked.chunks) {
      written += chunk.byteLength;
      await guard(written);
      await handle.write(chunk);
      crashPoint('mid-archive');
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return checked.result();
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
