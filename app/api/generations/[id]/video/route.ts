import { teamClip } from '@/lib/auth/team-clip';
import { taggedCopyOf } from '@/lib/export/tagged-copy';
import { cacheFor, serveVideo } from '@/lib/storage/serve-archive';

export const dynamic = 'force-dynamic';

/**
 * Plays our archived copy to members of the clip's team, with Range so the browser can seek. `?download` answers
 * with the file to save: the copy with the recipe in its metadata (the original stays as it is).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const clip = await teamClip('video:play', await params);
  if (!clip.ok) return clip.response;
  const download = new URL(request.url).searchParams.has('download') ? `wan-${clip.row.seed}-${clip.row.id.slice(0, 8)}.mp4` : undefined;
  if (!download) return serveVideo(request, clip.row, cacheFor.members);
  return serveVideo(request, clip.row, cacheFor.private, { tagged: () => taggedCopyOf(clip.row), downloadName: download });
}
