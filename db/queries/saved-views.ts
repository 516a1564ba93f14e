import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '../index';
import { savedViews, type SavedView } from '../schema';

export async function listSavedViews({ teamId, userId }: { teamId: string; userId: string }): Promise<SavedView[]> {
  return getDb()
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.teamId, teamId), eq(savedViews.userId, userId)))
    .orderBy(asc(savedViews.name))
    .all();
}

/** Saving under an existing name replaces that view's filters. */
export async function saveView({ teamId, userId, name, query }: { teamId: string; userId: string; name: string; query: string }): Promise<SavedView> {
  return getDb()
    .insert(savedViews)
    .values({ id: crypto.randomUUID(), teamId, userId, name, query })
    .onConflictDoUpdate({ target: [savedViews.teamId, savedViews.userId, savedViews.name], set: { query } })
    .returning()
    .get();
}

export async function deleteSavedView({ id, teamId, userId }: { id: string; teamId: string; userId: string }): Promise<boolean> {
  return getDb()
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.teamId, teamId), eq(savedViews.userId, userId)))
    .run().changes === 1;
}
