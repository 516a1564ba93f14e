import { imageUrlForService, keepImage, keepImageFromLink, type KeptImage } from '@/lib/images/start-image';
import { MAX_IMAGE_BYTES } from '@/lib/images/validate-image';
import { type Kept, memberKeptUpload } from '@/lib/kept-upload';
import { UPLOADS_NEED_PUBLIC_URL } from '@/lib/reachable-messages';

export const dynamic = 'force-dynamic';

const asKept = (kept: KeptImage): Kept<Extract<KeptImage, { ok: true }>['image']> => (kept.ok ? { ok: true, value: kept.image } : kept);

/**
 * A start frame for image-to-video, as a file upload (multipart, field `file`) or a link (JSON {url}).
 * Checked before anything is spent, kept in our storage, and answered with the URL to send the service.
 */
export async function POST(request: Request) {
  return memberKeptUpload(
    request,
    (owner) => ({
      maxBytes: MAX_IMAGE_BYTES,
      tooLarge: 'The image is larger than 10 MB. Use a smaller or more compressed file.',
      needsPublicUrl: UPLOADS_NEED_PUBLIC_URL,
      chooseFile: 'Choose an image file to upload.',
      pasteLink: 'Paste an image link',
      keepFile: async (bytes) => asKept(await keepImage(bytes, owner)),
      keepLink: async (url) => asKept(await keepImageFromLink(url, owner)),
    }),
    (image) =>
      Response.json(
        { id: image.id, url: imageUrlForService(image), previewUrl: `/i/${image.fileName}`, width: image.width, height: image.height, format: image.format },
        { status: 201 },
      ),
  );
}
