import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/lib/env';

const root = () => path.join(getEnv().dataDir, 'images');
const safeName = /^[A-Za-z0-9_-]{22}\.(jpg|png|webp)$/;

export function isImageFileName(name: string): boolean {
  return safeName.test(name);
}

/** Writes a start frame under a fresh unguessable name (128 random bits), atomically. */
export async function writeImageFile(bytes: Uint8Array, extension: string): Promise<string> {
  const fileName = `${crypto.randomBytes(16).toString('base64url')}.${extension}`;
  await fs.promises.mkdir(root(), { recursive: true });
  const final = path.join(root(), fileName);
  const partial = `${final}.part`;
  await fs.promises.writeFile(partial, bytes, { flag: 'wx' });
  await fs.promises.rename(partial, final);
  return fileName;
}

export async function readImageFile(fileName: string): Promise<Buffer | undefined> {
  if (!isImageFileName(fileName)) return undefined;
  return fs.promises.readFile(path.join(root(), fileName)).catch(() => undefined);
}
