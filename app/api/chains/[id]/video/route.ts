import { z } from 'zod';
import { getChain, listChainTakes } from '@/db/queries/chains';
import { authorize } from '@/lib/auth/session';
import { denied, missing } from '@/lib/http';
import { cacheFor, serveVideo } from '@/lib/storage/serve-archive';

export const dynamic = 'force-dynamic';

/** A chain's rendered MP4, to members of its team, with Range; `?download` answers as a file to save. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize('video:play');
  if (!auth.ok) return denied(auth.status);
  const id = z.uuid().safeParse((await params).id);
  const teamId = auth.context.team.teamId;
  const chain = id.success ? await getChain({ id: id.data, teamId }) : undefined;
  if (!chain?.renderKey) return missing();
  // A render of shots since deleted (in the trash or for good) is not handed out: what was deleted stays gone.
  const live = new Set((await listChainTakes({ teamId, chainId: chain.id })).map((take) => take.id));
  if (!(chain.renderOf ?? []).every((clipId) => live.has(clipId))) return missing();
  const download = new URL(request.url).searchParams.has('download') ? `wan-chain-${chain.id.slice(0, 8)}.mp4` : undefined;
  // The same address serves the next render: revalidated every time (its ETag is the render's sha256).
  return serveVideo(request, { id: chain.id, archivePath: chain.renderKey, archiveSha256: chain.renderSha256 }, cacheFor.private, { downloadName: download });
}
