import { z } from 'zod';
import { getChain } from '@/db/queries/chains';
import { authorize } from '@/lib/auth/session';
import { denied, missing } from '@/lib/http';
import { cacheFor, serveVideo } from '@/lib/storage/serve-archive';

export const dynamic = 'force-dynamic';

/** A chain's rendered MP4, to members of its team, with Range; `?download` answers as a file to save. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize('video:play');
  if (!auth.ok) return denied(auth.status);
  const id = z.uuid().safeParse((await params).id);
  const chain = id.success ? await getChain({ id: id.data, teamId: auth.context.team.teamId }) : undefined;
  if (!chain?.renderKey) return missing();
  const download = new URL(request.url).searchParams.has('download') ? `wan-chain-${chain.id.slice(0, 8)}.mp4` : undefined;
  // A render is replaced by the next (a new key): its bytes never change, so members may cache it like a clip.
  return serveVideo(request, { id: chain.id, archivePath: chain.renderKey, archiveSha256: chain.renderSha256 }, cacheFor.members, { downloadName: download });
}
