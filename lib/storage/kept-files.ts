import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { ensureFreeSpace } from './disk-space';

/**
 * Files a team keeps for its requests (start frames, sound tracks), one folder each under the data dir,
 * under fresh unguessable names (128 random bits) that are also their public URL's last segment.
 */
export type KeptFiles = {
  isName: (name: string) => boolean;
  /** Writes atomically under a new name; DiskFullError when it cannot fit. */
  write: (bytes: Uint8Array, extension: string) => Promise<string>;
  read: (fileName: string) => Promise<Buffer | undefined>;
  exists: (fileName: string) => Promise<boolean>;
};

export function keptFiles(folder: string, extensions: readonly string[]): KeptFiles {
  const root = () => path.join(getEnv().dataDir, folder);
  const safeName = new RegExp(`^[A-Za-z0-9_-]{22}\\.(${extensions.join('|')})$`);
  const isName = (name: string) => safeName.test(name);
  return {
    isName,
    async write(bytes, extension) {
      const fileName = `${crypto.randomBytes(16).toString('base64url')}.${extension}`;
      if (!isName(fileName)) throw new Error(`not a kept ${folder} extension: ${extension}`);
      await fs.promises.mkdir(root(), { recursive: true });
      await ensureFreeSpace(root(), bytes.byteLength);
      const final = path.join(root(), fileName);
      const partial = `${final}.part`;
      try {
        await fs.promises.writeFile(partial, bytes, { flag: 'wx' });
        await fs.promises.rename(partial, final);
      } catch (error) {
        await fs.promises.rm(partial, { force: true });
        throw error;
      }
      return fileName;
    },
    async read(fileName) {
      if (!isName(fileName)) return undefined;
      return fs.promises.readFile(path.join(root(), fileName)).catch(() => undefined);
    },
    async exists(fileName) {
      if (!isName(fileName)) return false;
      return fs.promises.access(path.join(root(), fileName)).then(
        () => true,
        () => false,
      );
    },
  };
}
