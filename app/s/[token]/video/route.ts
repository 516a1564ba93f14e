import { missing } from '@/lib/http';
import { sharedClips } from '@/lib/shares/share-clips';
import { taggedCopyOf } from '@/lib/export/tagged-copy';
import { cacheFor, serveVideo } from '@/lib/storage/serve-archive';

export const dynamic = 'force-dynamic';

/** A shared clip's video, without sign-in, while the link is live; ?clip= picks one clip of a shared sweep. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const shared = await sharedClips((await params).token);
  // A shared chain is its one rendered file (which carries the AI notice and its shots' list already).
  if (shared?.chain) return serveVideo(request, { id: shared.chain.id, archivePath: shared.chain.renderKey, archiveSha256: shared.chain.renderSha256 }, cacheFor.share);
  const clipId = new URL(request.url).searchParams.get('clip');
  const clip = shared && (clipId ? shared.clips.find((candidate) => candidate.id === clipId) : shared.clips[0]);
  if (!shared || !clip) return missing();
  // The file says it is AI-generated, and carries the recipe only where the link shows it.
  return serveVideo(request, clip, cacheFor.share, { tagged: () => taggedCopyOf(clip, shared.share.showRecipe ? 'recipe' : 'notice') });
}
