import { missing } from '@/lib/http';
import { sharedClips } from '@/lib/shares/share-clips';
import { taggedCopyOf } from '@/lib/export/tagged-copy';
import { cacheFor, serveVideo } from '@/lib/storage/serve-archive';

export const dynamic = 'force-dynamic';

/** A shared clip's video, without sign-in, while the link is live; ?clip= picks one clip of a shared sweep. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const shared = await sharedClips((await params).token);
  const clipId = new URL(request.url).searchParams.get('clip');
  const clip = shared && (clipId ? shared.clips.find((candidate) => candidate.id === clipId) : shared.clips[0]);
  if (!shared || !clip) return missing();
  // The file says it is AI-generated, and carries the recipe only where the link shows it.
  return serveVideo(request, clip, cacheFor.share, { tagged: () => taggedCopyOf(clip, shared.share.showRecipe ? 'recipe' : 'notice') });
}
