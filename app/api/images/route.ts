import { z } from 'zod';
import { authorize } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { cannotGenerate, problem } from '@/lib/http';
import { imageUrlForService, keepImage, keepImageFromLink, type KeptImage } from '@/lib/images/start-image';
import { MAX_IMAGE_BYTES } from '@/lib/images/validate-image';
import { UPLOADS_NEED_PUBLIC_URL } from '@/lib/reachable-messages';
import { bodyRefused, readForm, readJson } from '@/lib/read-body';

export const dynamic = 'force-dynamic';

const linkSchema = z.object({ url: z.string().trim().min(1, 'Paste an image link').max(2_048, 'That link is too long') });

/**
 * A start frame for image-to-video, as a file upload (multipart, field `file`) or a link (JSON {url}).
 * Checked before anything is spent, kept in our storage, and answered with the URL to send the service.
 */
export async function POST(request: Request) {
  const auth = await authorize('generation:create');
  if (!auth.ok) return cannotGenerate(auth.status);
  const owner = { teamId: auth.context.team.teamId, userId: auth.context.user.id };
  const type = request.headers.get('content-type') ?? '';

  let kept: KeptImage;
  if (type.startsWith('multipart/form-data')) {
    if (!getEnv().reachableUrl) return problem(400, UPLOADS_NEED_PUBLIC_URL);
    // The image plus room for the multipart framing around it.
    const form = await readForm(request, { maxBytes: MAX_IMAGE_BYTES + 64 * 1024, tooLarge: 'The image is larger than 10 MB. Use a smaller or more compressed file.' });
    if (!form.ok) return bodyRefused(form);
    const file = form.value.get('file');
    if (!(file instanceof File)) return problem(400, 'Choose an image file to upload.');
    kept = await keepImage(new Uint8Array(await file.arrayBuffer()), owner);
  } else if (type.startsWith('application/json')) {
    const body = await readJson(request, { maxBytes: 16 * 1024, tooLarge: 'Send only {"url": "…"}: the body is too large.' });
    if (!body.ok) return bodyRefused(body);
    const parsed = linkSchema.safeParse(body.value);
    if (!parsed.success) return problem(400, parsed.error.issues[0]?.message ?? 'Paste an image link');
    kept = await keepImageFromLink(parsed.data.url, owner);
  } else {
    return problem(400, 'Send a file (multipart/form-data) or a link (application/json).');
  }

  if (!kept.ok) return problem(kept.status ?? 400, kept.message);
  const { image } = kept;
  return Response.json(
    { id: image.id, url: imageUrlForService(image), previewUrl: `/i/${image.fileName}`, width: image.width, height: image.height, format: image.format },
    { status: 201 },
  );
}
