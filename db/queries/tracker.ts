import 'server-only';
import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { openStates, unconfirmedSendStates } from '@/lib/generation/states';
import { getDb, preparedFor } from '../index';
import { generations, type Generation, type NewGeneration } from '../schema';

/**
 * The server's own work on generations: the tracker, the callback, the sweeper and the archiver.
 * Tenant rule: NOT scoped by team. These run for every team, keyed by a generation id the server already
 * holds (never one taken from a request without a team check first). Anything a person asks for goes
 * through the team-scoped reads of `./generations` instead.
 */

// Hot single-row read, compiled once per database.
const byId = preparedFor((db) => db.select().from(generations).where(eq(generations.id, sql.placeholder('id'))).prepare());

export async function getGenerationForWorker({ id }: { id: string }): Promise<Generation | undefined> {
  return byId().get({ id });
}

export async function updateGeneration({ id, values }: { id: string; values: Partial<NewGeneration> }): Promise<Generation | undefined> {
  return getDb().update(generations).set(values).where(eq(generations.id, id)).returning().get();
}

/** Applies a finished status only while the task is still open: a replayed callback changes nothing. */
export async function applyCallbackStatus({ id, values }: { id: string; values: Partial<NewGeneration> }): Promise<boolean> {
  const result = getDb()
    .update(generations)
    .set(values)
    .where(
      and(
        eq(generations.id, id),
        or(inArray(generations.state, openStates), and(isNull(generations.taskId), inArray(generations.state, unconfirmedSendStates))),
      ),
    )
    .run();
  return result.changes === 1;
}

/** Tracker lease: only one caller (tab, sweeper or process) wins the right to refresh a due task. */
export async function claimDueGeneration({ id, now, leaseMs }: { id: string; now: Date; leaseMs: number }): Promise<boolean> {
  const result = getDb()
    .update(generations)
    .set({ leaseUntil: new Date(now.getTime() + leaseMs) })
    .where(
      and(
        eq(generations.id, id),
        inArray(generations.state, openStates),
        lte(generations.nextPollAt, now),
        or(isNull(generations.leaseUntil), lt(generations.leaseUntil, now)),
      ),
    )
    .run();
  return result.changes === 1;
}

/** The earliest time any open task is due for a refresh. */
export async function getNextDueAt(): Promise<Date | undefined> {
  const row = getDb()
    .select({ at: generations.nextPollAt })
    .from(generations)
    .where(and(inArray(generations.state, openStates), isNotNull(generations.nextPollAt)))
    .orderBy(asc(generations.nextPollAt))
    .limit(1)
    .get();
  return row?.at ?? undefined;
}

export async function listDueGenerationIds({ now, limit }: { now: Date; limit: number }): Promise<string[]> {
  const rows = getDb()
    .select({ id: generations.id })
    .from(generations)
    .where(and(inArray(generations.state, openStates), lte(generations.nextPollAt, now)))
    .orderBy(asc(generations.nextPollAt))
    .limit(limit)
    .all();
  return rows.map((row) => row.id);
}

/**
 * Finished clips whose copy is due another attempt: never tried, or past the previous one's backoff,
 * while the service's link still works (completed after `completedAfter`). A row whose attempts
 * stopped (no next attempt planned) is left alone.
 */
export async function listUnarchivedSuccessIds({ limit, now, completedAfter }: { limit: number; now: Date; completedAfter: Date }): Promise<string[]> {
  const rows = getDb()
    .select({ id: generations.id })
    .from(generations)
    .where(
      and(
        eq(generations.state, 'success'),
        isNull(generations.archivedAt),
        or(isNull(generations.archiveNextAt), lte(generations.archiveNextAt, now)),
        sql`coalesce(${generations.apiCompleteTime}, ${generations.completedAt}, ${generations.createdAt}) > ${completedAfter.getTime()}`,
      ),
    )
    .limit(limit)
    .all();
  return rows.map((row) => row.id);
}

/** Every finished clip that still has no copy of ours, oldest first: the expiry guard's list. */
export async function listSuccessesWithoutArchive({ limit }: { limit: number }): Promise<Pick<Generation, 'id' | 'teamId' | 'completedAt' | 'archiveAttempts' | 'archiveError'>[]> {
  return getDb()
    .select({
      id: generations.id,
      teamId: generations.teamId,
      completedAt: generations.completedAt,
      archiveAttempts: generations.archiveAttempts,
      archiveError: generations.archiveError,
    })
    .from(generations)
    .where(and(eq(generations.state, 'success'), isNull(generations.archivedAt)))
    .orderBy(asc(generations.completedAt))
    .limit(limit)
    .all();
}
