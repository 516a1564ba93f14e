import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, or } from 'drizzle-orm';
import { getDb } from '../index';
import { shares, type Share } from '../schema';

export async function createShare({ teamId, generationId, sweepId, chainId, showRecipe, createdBy }: { teamId: string; generationId?: string; sweepId?: string; chainId?: string; showRecipe: boolean; createdBy: string }): Promise<Share> {
  return getDb()
    .insert(shares)
    .values({ id: crypto.randomUUID(), teamId, token: randomBytes(32).toString('base64url'), generationId: generationId ?? null, sweepId: sweepId ?? null, chainId: chainId ?? null, showRecipe, createdBy })
    .returning()
    .get();
}

/** A live share by its token; revoked or unknown tokens give nothing. */
export async function getActiveShare({ token }: { token: string }): Promise<Share | undefined> {
  return getDb().select().from(shares).where(and(eq(shares.token, token), isNull(shares.revokedAt))).get();
}

/** The live links of one clip (or of the sweep it belongs to), for its page. */
export async function listActiveShares({ teamId, generationId, sweepId }: { teamId: string; generationId: string; sweepId: string | null }): Promise<Share[]> {
  return getDb()
    .select()
    .from(shares)
    .where(and(eq(shares.teamId, teamId), isNull(shares.revokedAt), or(eq(shares.generationId, generationId), sweepId ? eq(shares.sweepId, sweepId) : undefined)))
    .orderBy(desc(shares.createdAt))
    .all();
}

export async function revokeShare({ id, teamId, now }: { id: string; teamId: string; now: Date }): Promise<boolean> {
  return getDb().update(shares).set({ revokedAt: now }).where(and(eq(shares.id, id), eq(shares.teamId, teamId), isNull(shares.revokedAt))).run().changes === 1;
}

/** The live links of one chain, for its page. */
export async function listChainShares({ teamId, chainId }: { teamId: string; chainId: string }): Promise<Share[]> {
  return getDb()
    .select()
    .from(shares)
    .where(and(eq(shares.teamId, teamId), isNull(shares.revokedAt), eq(shares.chainId, chainId)))
    .orderBy(desc(shares.createdAt))
    .all();
}
