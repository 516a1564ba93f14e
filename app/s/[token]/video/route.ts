import { missing } from '@/lib/http';
import { sharedClip } from '@/lib/shares/share-clips';
import { taggedCopyOf } from '@/lib/export/tagged-copy';
import { cacheFor, serveVideo } from '@/lib/storage/serve-archive';

export const dynamic = 'force-dynamic';

/** A shared clip's video, without sign-in, while the link is live; ?clip= picks one clip of a shared sweep. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const clip = await sharedClip((await params).token, new URL(request.url).searchParams.get('clip'));
  if (!clip) return missing();
  // The recipe travels in the file, as with every MP4 we hand out.
  return serveVideo(request, clip, cacheFor.share, { tagged: () => taggedCopyOf(clip) });
}
