import 'server-only';
import { listSweep } from '@/db/queries/gallery';
import type { GenerationWithAuthor } from '@/db/queries/generations';
import { getGenerationById } from '@/db/queries/generations';
import { getActiveShare } from '@/db/queries/shares';
import type { Share } from '@/db/schema';

const TOKEN = /^[\w-]{40,64}$/;
const SWEEP_MAX = 32;

export type SharedClips = { share: Share; clips: GenerationWithAuthor[] };

/**
 * What a public link shows: its clip, or every clip of its sweep, that is archived and not deleted.
 * Anything else (bad token, revoked, nothing left to show) is the same "nothing".
 */
export async function sharedClips(token: string): Promise<SharedClips | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const share = await getActiveShare({ token });
  if (!share) return undefined;
  const rows = share.generationId
    ? [await getGenerationById({ id: share.generationId, teamId: share.teamId })].filter((row) => row !== undefined)
    : share.sweepId
      ? (await listSweep({ teamId: share.teamId, sweepId: share.sweepId, limit: SWEEP_MAX })).reverse()
      : [];
  const clips = rows.filter((row) => row.deletedAt === null && row.state === 'success' && row.archivePath !== null);
  return clips.length > 0 ? { share, clips } : undefined;
}

/** One clip of a live share, by id (the share's video and poster routes). */
export async function sharedClip(token: string, clipId: string | null): Promise<GenerationWithAuthor | undefined> {
  const shared = await sharedClips(token);
  if (!shared) return undefined;
  return clipId ? shared.clips.find((clip) => clip.id === clipId) : shared.clips[0];
}
