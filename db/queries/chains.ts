import 'server-only';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { getDb } from '../index';
import { chains, generations, type Chain } from '../schema';
import { selectWithAuthor, withAuthor, type GenerationWithAuthor } from './generations';

// Chains: shots continued one from another's last frame. Every read is scoped to the asking member's team.

export async function createChain({ id, teamId, userId }: { id: string; teamId: string; userId: string }): Promise<Chain> {
  const [row] = getDb().insert(chains).values({ id, teamId, userId }).returning().all();
  if (!row) throw new Error('the insert returned no chain');
  return row;
}

export async function getChain({ id, teamId }: { id: string; teamId: string }): Promise<Chain | undefined> {
  return getDb().select().from(chains).where(and(eq(chains.id, id), eq(chains.teamId, teamId))).get();
}

/** Every take of every shot of a chain still in the gallery: by place, the newest take first. */
export async function listChainTakes({ teamId, chainId }: { teamId: string; chainId: string }): Promise<GenerationWithAuthor[]> {
  return selectWithAuthor()
    .where(and(eq(generations.teamId, teamId), eq(generations.chainId, chainId), isNull(generations.deletedAt)))
    .orderBy(asc(generations.chainPosition), desc(generations.createdAt), desc(generations.id))
    .all()
    .map(withAuthor);
}

/** Makes a clip the first shot of a chain (a clip belongs to one chain at most: only an unchained clip changes). */
export async function startChainAt({ teamId, clipId, chainId }: { teamId: string; clipId: string; chainId: string }): Promise<boolean> {
  const changed = getDb()
    .update(generations)
    .set({ chainId, chainPosition: 1 })
    .where(and(eq(generations.id, clipId), eq(generations.teamId, teamId), isNull(generations.chainId)))
    .run();
  return changed.changes === 1;
}

/** Remembers the start frame made from a clip's last frame, so continuing again reuses it. */
export async function setLastFrame({ teamId, clipId, imageId }: { teamId: string; clipId: string; imageId: string }): Promise<void> {
  getDb().update(generations).set({ lastFrameId: imageId }).where(and(eq(generations.id, clipId), eq(generations.teamId, teamId))).run();
}

export async function saveChainRender({ teamId, chainId, ...render }: { teamId: string; chainId: string; renderKey: string; renderSha256: string; renderBytes: number; renderOf: string[]; renderedAt: Date }): Promise<void> {
  getDb().update(chains).set(render).where(and(eq(chains.id, chainId), eq(chains.teamId, teamId))).run();
}
