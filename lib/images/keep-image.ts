import 'server-only';
import crypto from 'node:crypto';
import { insertImage } from '@/db/queries/storage';
import type { Image } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { checkTeamQuota, DiskFullError } from '@/lib/storage/disk-space';
import { writeImageFile } from '@/lib/storage/image-files';
import { extensions } from './image-header';
import { validateImage } from './validate-image';

/** `status`: 413 past the team's storage quota, 507 when the disk is almost full; otherwise a bad image (400). */
export type KeptImage = { ok: true; image: Image } | { ok: false; message: string; status?: 413 | 507 };

/** Checks a start frame and keeps it in our storage, whether uploaded or downloaded from a link. */
export async function keepImage(bytes: Uint8Array, owner: { teamId: string; userId: string }, sourceUrl?: string): Promise<KeptImage> {
  const check = validateImage(bytes);
  if (!check.ok) return check;
  const quota = await checkTeamQuota({ teamId: owner.teamId, adding: bytes.byteLength });
  if (!quota.ok) return { ok: false, message: quota.message, status: 413 };
  let fileName: string;
  try {
    fileName = await writeImageFile(bytes, extensions[check.format]);
  } catch (error) {
    if (error instanceof DiskFullError) return { ok: false, message: error.message, status: 507 };
    throw error;
  }
  const image = await insertImage({
    id: crypto.randomUUID(),
    ...owner,
    fileName,
    format: check.format,
    width: check.size.width,
    height: check.size.height,
    bytes: bytes.byteLength,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    sourceUrl: sourceUrl ?? null,
  });
  return { ok: true, image };
}

/** Where the service can fetch our copy; undefined without PUBLIC_URL. */
export function publicImageUrl(image: Pick<Image, 'fileName'>): string | undefined {
  const base = getEnv().publicUrl;
  return base ? `${base.replace(/\/+$/, '')}/i/${image.fileName}` : undefined;
}

/** What to send as `image_urls[0]`: the pasted link as given, or our copy of an upload. */
export function imageUrlForService(image: Pick<Image, 'fileName' | 'sourceUrl'>): string | undefined {
  return image.sourceUrl ?? publicImageUrl(image);
}
