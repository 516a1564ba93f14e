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
  // Only files under the data dir, never the build's own: nothing here for the output tracer to follow.
  const root = () => path.join(/* turbopackIgnore: true */ getEnv().dataDir, folder);
  const fileOf = (fileName: string) => path.join(/* turbopackIgnore: true */ root(), fileName);
  const safeName = new RegExp(`^[A-Za-z0-9_-]{22}\\.(${extensions.join('|')})$`);
  const isName = (name: string) => safeName.test(name);
  return {
    isName,
    async write(bytes, extension) {
      const fileName = `${crypto.randomBytes(16).toString('base64url')}.${extension}`;
      if (!isName(fileName)) throw new Error(`not a kept ${folder} extension: ${extension}`);
      await fs.promises.mkdir(root(), { recursive: true });
      await ensureFreeSpace(root(), bytes.byteLength);
      const final = fileOf(fileName);
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
      return fs.promises.readFile(/* turbopackIgnore: true */ fileOf(fileName)).catch(() => undefined);
    },
    async exists(fileName) {
      if (!isName(fileName)) return false;
      return fs.promises.access(/* turbopackIgnore: true */ fileOf(fileName)).then(
        () => true,
        () => false,
      );
    },
  };
}
