import 'server-only';
import { and, asc, count, desc, eq, gt, inArray, lt } from 'drizzle-orm';
import { getDb } from '../index';
import { generations, type GenerationState } from '../schema';

/** States that hold one of the service's concurrent-task slots. */
export const inFlightStates = ['sending', 'pending', 'processing'] as const satisfies GenerationState[];

export async function countInFlight(): Promise<number> {
  const row = getDb().select({ n: count() }).from(generations).where(inArray(generations.state, inFlightStates)).get();
  return row?.n ?? 0;
}

export async function listQueuedIds({ limit }: { limit: number }): Promise<string[]> {
  const rows = getDb()
    .select({ id: generations.id })
    .from(generations)
    .where(eq(generations.state, 'queued'))
    .orderBy(asc(generations.queueRank), asc(generations.createdAt))
    .limit(limit)
    .all();
  return rows.map((row) => row.id);
}

/** Takes a queued generation for sending; only one caller (in any process) wins it. */
export async function claimQueued({ id, now, leaseMs }: { id: string; now: Date; leaseMs: number }): Promise<boolean> {
  const result = getDb()
    .update(generations)
    .set({ state: 'sending', leaseUntil: new Date(now.getTime() + leaseMs), updatedAt: now })
    .where(and(eq(generations.id, id), eq(generations.state, 'queued')))
    .run();
  return result.changes === 1;
}

/**
 * A send whose process died mid-call: the service may or may not have created the task,
 * so the honest state is `unknown` (the user decides to resubmit or dismiss).
 */
export async function markStaleSendsUnknown({ now }: { now: Date }): Promise<number> {
  const result = getDb()
    .update(generations)
    .set({
      state: 'unknown',
      failCode: 'OUTCOME_UNKNOWN',
      failMsg: 'The server stopped while sending this request; the service may or may not have created the task.',
      leaseUntil: null,
      updatedAt: now,
    })
    .where(and(eq(generations.state, 'sending'), lt(generations.leaseUntil, now)))
    .run();
  return result.changes;
}

/** 1 for the next generation to be sent; null when it is not queued. */
export async function getQueuePosition({ id }: { id: string }): Promise<number | null> {
  const db = getDb();
  const row = db.select({ rank: generations.queueRank, state: generations.state }).from(generations).where(eq(generations.id, id)).get();
  if (!row || row.state !== 'queued' || row.rank === null) return null;
  const ahead = db
    .select({ n: count() })
    .from(generations)
    .where(and(eq(generations.state, 'queued'), lt(generations.queueRank, row.rank)))
    .get();
  return (ahead?.n ?? 0) + 1;
}

/** Swaps a queued generation with its team's neighbour before (`up`) or after (`down`) it. */
export async function moveQueued({ id, teamId, direction }: { id: string; teamId: string; direction: 'up' | 'down' }): Promise<boolean> {
  return getDb().transaction((tx) => {
    const scope = and(eq(generations.teamId, teamId), eq(generations.state, 'queued'));
    const self = tx.select({ rank: generations.queueRank }).from(generations).where(and(scope, eq(generations.id, id))).get();
    if (!self || self.rank === null) return false;
    const neighbour = tx
      .select({ id: generations.id, rank: generations.queueRank })
      .from(generations)
      .where(and(scope, direction === 'up' ? lt(generations.queueRank, self.rank) : gt(generations.queueRank, self.rank)))
      .orderBy(direction === 'up' ? desc(generations.queueRank) : asc(generations.queueRank))
      .limit(1)
      .get();
    if (!neighbour) return false;
    tx.update(generations).set({ queueRank: neighbour.rank }).where(eq(generations.id, id)).run();
    tx.update(generations).set({ queueRank: self.rank }).where(eq(generations.id, neighbour.id)).run();
    return true;
  });
}

/** Cancels a queued generation or dismisses an unconfirmed one; nothing else can be cancelled. */
export async function cancelGeneration({ id, teamId, now }: { id: string; teamId: string; now: Date }): Promise<boolean> {
  const result = getDb()
    .update(generations)
    .set({ state: 'cancelled', queueRank: null, completedAt: now, updatedAt: now })
    .where(and(eq(generations.id, id), eq(generations.teamId, teamId), inArray(generations.state, ['queued', 'unknown'])))
    .run();
  return result.changes === 1;
}

/** Puts an unconfirmed generation back in the queue, at the end: the user chose to send it again. */
export async function requeueUnknown({ id, teamId, now, rank }: { id: string; teamId: string; now: Date; rank: number }): Promise<boolean> {
  const result = getDb()
    .update(generations)
    .set({ state: 'queued', queueRank: rank, failCode: null, failMsg: null, taskId: null, updatedAt: now })
    .where(and(eq(generations.id, id), eq(generations.teamId, teamId), eq(generations.state, 'unknown')))
    .run();
  return result.changes === 1;
}

