// A start frame: kept for the team (uploaded, or fetched from a public link without letting the link probe our
// network), and the URL the service is sent for it.
import 'server-only';
import crypto from 'node:crypto';
import { getImageById, insertImage } from '@/db/queries/storage';
import type { Image } from '@/db/schema';
import { getEnv } from '@/lib/env';
import type { GenerationRequest } from '@/lib/generation/schema';
import { fetchPublicFile, type SafeFetchOptions, trustedHosts } from '@/lib/net/fetch-public';
import { SafeGetError } from '@/lib/net/safe-get';
import { UPLOADS_NEED_PUBLIC_URL } from '@/lib/reachable-messages';
import { checkTeamQuota, DiskFullError } from '@/lib/storage/disk-space';
import { writeImageFile } from '@/lib/storage/image-files';
import { extensions } from './image-header';
import { MAX_IMAGE_BYTES, validateImage } from './validate-image';

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

/** A start frame's link, fetched like every user-supplied link (fetchPublicFile). */
export function fetchPublicImage(link: string, options: Omit<SafeFetchOptions, 'what' | 'accept'>): Promise<{ bytes: Buffer; url: string }> {
  return fetchPublicFile(link, { ...options, what: 'image', accept: 'image/jpeg, image/png, image/webp' });
}

/** Fetches a start frame from a public link (SSRF-safe), checks it and keeps it for the team; a refused link is a SafeGetError. */
export async function keepImageFromLink(url: string, owner: { teamId: string; userId: string }): Promise<KeptImage> {
  try {
    const { bytes, url: sourceUrl } = await fetchPublicImage(url, { maxBytes: MAX_IMAGE_BYTES, allowHosts: trustedHosts() });
    return keepImage(bytes, owner, sourceUrl);
  } catch (error) {
    if (error instanceof SafeGetError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Where the service can fetch our copy (PUBLIC_URL, or loopback for the emulator); undefined when it cannot reach us. */
export function publicImageUrl(image: Pick<Image, 'fileName'>): string | undefined {
  const base = getEnv().reachableUrl;
  return base ? `${base.replace(/\/+$/, '')}/i/${image.fileName}` : undefined;
}

/** What to send as `image_urls[0]`: the pasted link as given, or our copy of an upload. */
export function imageUrlForService(image: Pick<Image, 'fileName' | 'sourceUrl'>): string | undefined {
  return image.sourceUrl ?? publicImageUrl(image);
}

export type Resolved = { ok: true; request: GenerationRequest } | { ok: false; message: string };

/**
 * An image-to-video request names one of the team's kept images; the URL sent to the service comes
 * from that record, never from the browser. `preferCopy` (reproduce, remix) sends our archived copy
 * when the studio is reachable, since the original link may be gone by then.
 */
export async function resolveStartImage(request: GenerationRequest, teamId: string, { preferCopy = false } = {}): Promise<Resolved> {
  if (request.mode !== 'image-to-video') return { ok: true, request: { ...request, imageId: undefined, imageUrls: undefined } };
  const image = request.imageId ? await getImageById({ id: request.imageId, teamId }) : undefined;
  if (!image) return { ok: false, message: 'Choose a start image (upload one or paste a link).' };
  const url = (preferCopy ? publicImageUrl(image) : undefined) ?? imageUrlForService(image);
  if (!url) return { ok: false, message: UPLOADS_NEED_PUBLIC_URL };
  return { ok: true, request: { ...request, imageUrls: [url] } };
}
