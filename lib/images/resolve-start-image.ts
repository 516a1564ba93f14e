import 'server-only';
import { getImageById } from '@/db/queries/storage';
import type { GenerationRequest } from '@/lib/generation/schema';
import { imageUrlForService, publicImageUrl } from './keep-image';

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
  if (!url) return { ok: false, message: 'This image was uploaded, and uploads need PUBLIC_URL so the service can fetch them.' };
  return { ok: true, request: { ...request, imageUrls: [url] } };
}
