import { teamClip } from '@/lib/auth/team-clip';
import { cacheFor, servePoster } from '@/lib/storage/serve-archive';

export const dynamic = 'force-dynamic';

/** A still of our archived copy for gallery cards. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const clip = await teamClip('video:play', await params);
  return clip.ok ? servePoster(request, clip.row, cacheFor.members) : clip.response;
}
