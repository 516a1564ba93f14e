import 'server-only';
import { listSweep } from '@/db/queries/gallery';
import type { GenerationWithAuthor } from '@/db/queries/generations';
import { getGenerationById } from '@/db/queries/generations';
import { getActiveShare } from '@/db/queries/shares';
import type { Chain, Share } from '@/db/schema';
import { renderIsCurrent } from '@/lib/chains/chain-shots';
import { chainShots } from '@/lib/chains/chains';

const TOKEN = /^[\w-]{40,64}$/;
const SWEEP_MAX = 32;

export type SharedClips = { share: Share; clips: GenerationWithAuthor[]; chain?: Chain & { renderKey: string } };

/**
 * What a public link shows: its clip, or every clip of its sweep, that is archived and not deleted.
 * Anything else (bad token, revoked, nothing left to show) is the same "nothing".
 */
export async function sharedClips(token: string): Promise<SharedClips | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const share = await getActiveShare({ token });
  if (!share) return undefined;
  if (share.chainId) return sharedChain(share, share.chainId);
  const rows = share.generationId
    ? [await getGenerationById({ id: share.generationId, teamId: share.teamId })].filter((row) => row !== undefined)
    : share.sweepId
      ? (await listSweep({ teamId: share.teamId, sweepId: share.sweepId, limit: SWEEP_MAX })).reverse()
      : [];
  const clips = rows.filter((row) => row.deletedAt === null && row.state === 'success' && row.archivePath !== null);
  return clips.length > 0 ? { share, clips } : undefined;
}

/** A shared chain: its current render, while it is the render of the shots as they are (none deleted since). */
async function sharedChain(share: Share, chainId: string): Promise<SharedClips | undefined> {
  const found = await chainShots({ teamId: share.teamId, chainId });
  if (!found?.chain.renderKey) return undefined;
  if (!renderIsCurrent(found.chain, found.shots)) return undefined;
  const clips = found.shots.map((shot) => shot.current);
  return { share, clips, chain: { ...found.chain, renderKey: found.chain.renderKey } };
}
