import 'server-only';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import { getDb } from '../index';
import { withoutOneSend, type Prices } from './spend';
import { generations, generationTags } from '../schema';
import { terminalStates } from '@/lib/generation/states';

/** The clips among `ids` that belong to the team (and are not in the trash unless `deleted`), with their author. */
export async function listOwnedClips({ teamId, ids, deleted = false }: { teamId: string; ids: string[]; deleted?: boolean }) {
  if (ids.length === 0) return [];
  return getDb()
    .select({ id: generations.id, userId: generations.userId, state: generations.state, archivePath: generations.archivePath })
    .from(generations)
    .where(and(eq(generations.teamId, teamId), inArray(generations.id, ids), deleted ? isNotNull(generations.deletedAt) : isNull(generations.deletedAt)))
    .all();
}

export async function setFavorite({ teamId, ids, favorite }: { teamId: string; ids: string[]; favorite: boolean }): Promise<number> {
  if (ids.length === 0) return 0;
  return getDb()
    .update(generations)
    .set({ favorite })
    .where(and(eq(generations.teamId, teamId), inArray(generations.id, ids)))
    .run().changes;
}

export async function addTags({ teamId, ids, tags }: { teamId: string; ids: string[]; tags: string[] }): Promise<void> {
  const rows = ids.flatMap((generationId) => tags.map((tag) => ({ generationId, teamId, tag })));
  if (rows.length === 0) return;
  getDb().insert(generationTags).values(rows).onConflictDoNothing().run();
}

export async function removeTag({ teamId, ids, tag }: { teamId: string; ids: string[]; tag: string }): Promise<void> {
  if (ids.length === 0) return;
  getDb()
    .delete(generationTags)
    .where(and(eq(generationTags.teamId, teamId), eq(generationTags.tag, tag), inArray(generationTags.generationId, ids)))
    .run();
}

export async function listTagsFor({ teamId, ids }: { teamId: string; ids: string[] }): Promise<Map<string, string[]>> {
  const tags = new Map<string, string[]>();
  if (ids.length === 0) return tags;
  const rows = getDb()
    .select({ id: generationTags.generationId, tag: generationTags.tag })
    .from(generationTags)
    .where(and(eq(generationTags.teamId, teamId), inArray(generationTags.generationId, ids)))
    .orderBy(asc(generationTags.tag))
    .all();
  for (const row of rows) tags.set(row.id, [...(tags.get(row.id) ?? []), row.tag]);
  return tags;
}

/** Every tag the team uses, most used first: the filter's suggestions. */
export async function listTeamTags({ teamId, limit = 200 }: { teamId: string; limit?: number }): Promise<{ tag: string; clips: number }[]> {
  const clips = count();
  return getDb()
    .select({ tag: generationTags.tag, clips })
    .from(generationTags)
    .where(eq(generationTags.teamId, teamId))
    .groupBy(generationTags.tag)
    .orderBy(desc(clips), asc(generationTags.tag))
    .limit(limit)
    .all();
}

/** Soft delete: the clips leave the gallery but keep everything, so Undo and the trash can restore them. */
export async function moveToTrash({ teamId, ids, userId, now, prices }: { teamId: string; ids: string[]; userId: string; now: Date; prices: Prices }): Promise<number> {
  if (ids.length === 0) return 0;
  const scope = and(eq(generations.teamId, teamId), inArray(generations.id, ids), isNull(generations.deletedAt));
  return getDb().transaction((tx) => {
    // A deleted clip that has not been sent yet never will be: nobody pays for a clip in the trash, and the price
    // of that send is given back to the daily budgets.
    tx.update(generations).set({ state: 'cancelled', queueRank: null, costCents: withoutOneSend(prices), completedAt: now, updatedAt: now }).where(and(scope, eq(generations.state, 'queued'))).run();
    return tx.update(generations).set({ deletedAt: now, deletedBy: userId }).where(scope).run().changes;
  });
}

export async function restoreFromTrash({ teamId, ids }: { teamId: string; ids: string[] }): Promise<number> {
  if (ids.length === 0) return 0;
  return getDb()
    .update(generations)
    .set({ deletedAt: null, deletedBy: null })
    .where(and(eq(generations.teamId, teamId), inArray(generations.id, ids), isNotNull(generations.deletedAt)))
    .run().changes;
}

export async function countTrash({ teamId }: { teamId: string }): Promise<number> {
  return getDb().select({ n: count() }).from(generations).where(and(eq(generations.teamId, teamId), isNotNull(generations.deletedAt))).get()?.n ?? 0;
}

/**
 * Deletes for good what has been in the trash since before `before` (one team's, or every team's),
 * returning the archive files to remove. Open tasks are left alone until they end.
 */
export async function purgeTrash({ before, teamId, limit = 500 }: { before: Date; teamId?: string; limit?: number }): Promise<{ ids: string[]; archivePaths: string[] }> {
  const db = getDb();
  return db.transaction((tx) => {
    const rows = tx
      .select({ id: generations.id, archivePath: generations.archivePath })
      .from(generations)
      .where(
        and(
          isNotNull(generations.deletedAt),
          lt(generations.deletedAt, before),
          inArray(generations.state, terminalStates),
          teamId ? eq(generations.teamId, teamId) : undefined,
        ),
      )
      .limit(limit)
      .all();
    const ids = rows.map((row) => row.id);
    if (ids.length > 0) tx.delete(generations).where(inArray(generations.id, ids)).run();
    return { ids, archivePaths: rows.flatMap((row) => (row.archivePath ? [row.archivePath] : [])) };
  });
}
