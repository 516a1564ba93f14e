import { teamClip } from '@/lib/auth/team-clip';
import { cacheFor, serveVideo } from '@/lib/storage/serve-archive';

export const dynamic = 'force-dynamic';

/** Plays our archived copy to members of the clip's team, with Range so the browser can seek. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const clip = await teamClip('video:play', await params);
  return clip.ok ? serveVideo(request, clip.row, cacheFor.members) : clip.response;
}
