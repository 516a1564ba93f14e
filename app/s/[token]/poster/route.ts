import { missing } from '@/lib/http';
import { sharedClip } from '@/lib/shares/share-clips';
import { cacheFor, servePoster } from '@/lib/storage/serve-archive';

export const dynamic = 'force-dynamic';

/** A shared clip's still (the Open Graph image), while the link is live. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const clip = await sharedClip((await params).token, new URL(request.url).searchParams.get('clip'));
  if (!clip) return missing();
  return servePoster(request, clip, cacheFor.share);
}
