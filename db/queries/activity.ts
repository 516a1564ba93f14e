import 'server-only';
import { and, desc, eq, gte, inArray, isNull, type SQL } from 'drizzle-orm';
import { stateGroups } from '@/lib/generation/states';
import { generations } from '../schema';
import { selectWithAuthor, withAuthor, type GenerationWithAuthor } from './generations';

/** Not finished, or waiting for a person's decision (an unconfirmed send): what the activity panel always lists. */
const activeStates = [...stateGroups.running, 'unknown'] as const;
/** Finished with a result to see (a clip or a failure); a cancelled clip leaves the panel at once. */
const doneStates = ['success', 'failed'] as const;

/**
 * The activity panel's clips in one team, newest first: every one still on its way (or unconfirmed), and those
 * finished since `doneSince`. With `userId`, only that person's. Tenant rule: scoped by `teamId`.
 * Finished ones are looked for among clips created in the last `lookBackMs` (the team/created index).
 */
export async function listActivity({
  teamId,
  userId,
  doneSince,
  lookBackMs,
  limit,
}: {
  teamId: string;
  userId?: string;
  doneSince: Date;
  lookBackMs: number;
  limit: number;
}): Promise<GenerationWithAuthor[]> {
  const scope = (more: SQL | undefined) => and(eq(generations.teamId, teamId), isNull(generations.deletedAt), userId ? eq(generations.userId, userId) : undefined, more);
  const newest = [desc(generations.createdAt), desc(generations.id)] as const;
  const active = selectWithAuthor()
    .where(scope(inArray(generations.state, activeStates)))
    .orderBy(...newest)
    .limit(limit)
    .all();
  const done = selectWithAuthor()
    .where(scope(and(inArray(generations.state, doneStates), gte(generations.createdAt, new Date(doneSince.getTime() - lookBackMs)), gte(generations.completedAt, doneSince))))
    .orderBy(...newest)
    .limit(limit)
    .all();
  const byId = new Map([...active, ...done].map((row) => [row.generation.id, withAuthor(row)]));
  return [...byId.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).slice(0, limit);
}
