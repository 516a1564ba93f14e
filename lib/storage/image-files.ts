import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { ensureFreeSpace } from './disk-space';

const root = () => path.join(getEnv().dataDir, 'images');
const safeName = /^[A-Za-z0-9_-]{22}\.(jpg|png|webp)$/;

export function isImageFileName(name: string): boolean {
  return safeName.test(name);
}

/** Writes a start frame under a fresh unguessable name (128 random bits), atomically; DiskFullError when it cannot fit. */
export async function writeImageFile(bytes: Uint8Array, extension: string): Promise<string> {
  const fileName = `${crypto.randomBytes(16).toString('base64url')}.${extension}`;
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
}

export async function readImageFile(fileName: string): Promise<Buffer | undefined> {
  if (!isImageFileName(fileName)) return undefined;
  return fs.promises.readFile(path.join(root(), fileName)).catch(() => undefined);
}

/** Whether a kept start frame's file is still on disk. */
export async function imageFileExists(fileName: string): Promise<boolean> {
  if (!isImageFileName(fileName)) return false;
  return fs.promises.access(path.join(root(), fileName)).then(
    () => true,
    () => false,
  );
}
