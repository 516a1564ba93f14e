import { missing } from '@/lib/http';
import { sharedClips } from '@/lib/shares/share-clips';
import { cacheFor, servePoster } from '@/lib/storage/serve-archive';

export const dynamic = 'force-dynamic';

/** A shared clip's (or chain's) still (the Open Graph image), while the link is live. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const shared = await sharedClips((await params).token);
  if (shared?.chain) return servePoster(request, { id: shared.chain.id, archivePath: shared.chain.renderKey, archiveSha256: shared.chain.renderSha256 }, cacheFor.share);
  const clipId = new URL(request.url).searchParams.get('clip');
  const clip = shared && (clipId ? shared.clips.find((candidate) => candidate.id === clipId) : shared.clips[0]);
  if (!clip) return missing();
  return servePoster(request, clip, cacheFor.share);
}
