import { getImageByFileName } from '@/db/queries/storage';
import { missing, storageUnavailable } from '@/lib/http';
import { mimeTypes } from '@/lib/images/image-header';
import { mediaHeaders } from '@/lib/security/headers';
import { isImageFileName, readImageFile } from '@/lib/storage/image-files';

export const dynamic = 'force-dynamic';

/** Start frames, public by unguessable name: the Wan service fetches uploads from here. */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const image = isImageFileName(name) ? await getImageByFileName({ fileName: name }) : undefined;
  let bytes: Buffer | undefined;
  try {
    bytes = image ? await readImageFile(image.fileName) : undefined;
  } catch {
    return storageUnavailable();
  }
  if (!image || !bytes) return missing();
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...mediaHeaders,
      'content-type': mimeTypes[image.format],
      'content-length': String(bytes.length),
      'cache-control': 'public, max-age=31536000, immutable',
    },
  });
}
