import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getEnv, type StorageConfig } from '@/lib/env';
import { ensureFreeSpace } from './disk-space';
import { isNotFound, s3ClientFor } from './s3-video-store';

/**
 * Files a team keeps for its requests (start frames, sound tracks), one folder each, under fresh unguessable
 * names (128 random bits) that are also their public URL's last segment. They live where the videos do: under
 * the data dir, or with `STORAGE_URL` in the bucket (`<prefix><folder>/<name>`), so every instance behind a
 * load balancer can serve what any of them kept. Each is at most a few MB and is written and read whole.
 */
export type KeptFiles = {
  isName: (name: string) => boolean;
  /** Writes atomically under a new name; DiskFullError when it cannot fit (local disk). */
  write: (bytes: Uint8Array, extension: string) => Promise<string>;
  read: (fileName: string) => Promise<Buffer | undefined>;
  exists: (fileName: string) => Promise<boolean>;
};

type Place = { write: (fileName: string, bytes: Uint8Array) => Promise<void>; read: (fileName: string) => Promise<Buffer | undefined>; exists: (fileName: string) => Promise<boolean> };

const contentTypes: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', wav: 'audio/wav', mp3: 'audio/mpeg' };

export function keptFiles(folder: string, extensions: readonly string[]): KeptFiles {
  const safeName = new RegExp(`^[A-Za-z0-9_-]{22}\\.(${extensions.join('|')})$`);
  const isName = (name: string) => safeName.test(name);
  // Chosen at each call, from the configuration as it is now (tests switch it).
  const place = (): Place => {
    const { storage, dataDir } = getEnv();
    return storage.kind === 's3' ? inBucket(storage, folder) : onDisk(path.join(/* turbopackIgnore: true */ dataDir, folder));
  };
  return {
    isName,
    async write(bytes, extension) {
      const fileName = `${crypto.randomBytes(16).toString('base64url')}.${extension}`;
      if (!isName(fileName)) throw new Error(`not a kept ${folder} extension: ${extension}`);
      await place().write(fileName, bytes);
      return fileName;
    },
    read: async (fileName) => (isName(fileName) ? place().read(fileName) : undefined),
    exists: async (fileName) => isName(fileName) && place().exists(fileName),
  };
}

function onDisk(root: string): Place {
  // Only files under the data dir, never the build's own: nothing here for the output tracer to follow.
  const fileOf = (fileName: string) => path.join(/* turbopackIgnore: true */ root, fileName);
  return {
    async write(fileName, bytes) {
      await fs.promises.mkdir(root, { recursive: true });
      await ensureFreeSpace(root, bytes.byteLength);
      const final = fileOf(fileName);
      const partial = `${final}.part`;
      try {
        await fs.promises.writeFile(partial, bytes, { flag: 'wx' });
        await fs.promises.rename(partial, final);
      } catch (error) {
        await fs.promises.rm(partial, { force: true });
        throw error;
      }
    },
    read: (fileName) => fs.promises.readFile(/* turbopackIgnore: true */ fileOf(fileName)).catch(() => undefined),
    exists: (fileName) =>
      fs.promises.access(/* turbopackIgnore: true */ fileOf(fileName)).then(
        () => true,
        () => false,
      ),
  };
}

const clients = new Map<string, S3Client>();
const clientFor = (config: Extract<StorageConfig, { kind: 's3' }>) => {
  const key = JSON.stringify([config.endpoint, config.region, config.bucket, config.credentials?.accessKeyId]);
  const known = clients.get(key) ?? s3ClientFor(config);
  clients.set(key, known);
  return known;
};

function inBucket(config: Extract<StorageConfig, { kind: 's3' }>, folder: string): Place {
  const client = clientFor(config);
  const Bucket = config.bucket;
  const Key = (fileName: string) => `${config.prefix}${folder}/${fileName}`;
  return {
    async write(fileName, bytes) {
      // One PUT: the object appears whole or not at all.
      const ContentType = contentTypes[fileName.split('.').pop() ?? ''] ?? 'application/octet-stream';
      await client.send(new PutObjectCommand({ Bucket, Key: Key(fileName), Body: bytes, ContentType }));
    },
    async read(fileName) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: Key(fileName) }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : undefined;
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async exists(fileName) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: Key(fileName) }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
  };
}
