import 'server-only';
import { and, count, eq, gte, min } from 'drizzle-orm';
import { getDb } from '../index';
import { generations } from '../schema';

/** How many clips a member started in the team since `since`, and when the oldest of them was. */
export async function recentGenerations({ teamId, userId, since }: { teamId: string; userId: string; since: Date }): Promise<{ count: number; oldest: Date | null }> {
  const row = getDb()
    .select({ n: count(), oldest: min(generations.createdAt) })
    .from(generations)
    .where(and(eq(generations.teamId, teamId), eq(generations.userId, userId), gte(generations.createdAt, since)))
    .get();
  return { count: row?.n ?? 0, oldest: row?.oldest ?? null };
}
