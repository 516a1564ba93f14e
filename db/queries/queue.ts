import 'server-only';
import { and, asc, count, desc, eq, gt, inArray, lt, lte, max, min, sql } from 'drizzle-orm';
import { frontRank } from './queue-rank';
import { getDb } from '../index';
import { cancellableStates, inFlightStates } from '@/lib/generation/states';
import { dispatchTurns, generations } from '../schema';
import { findLimitRefusal, withoutOneSend, type LimitRefusal, type Prices, type SpendGuard } from './spend';

/**
 * The send queue. Tenant rule, two halves: the dispatcher's side (`countInFlight`, `listQueuedHeads`, the
 * turns, `claimQueued`, `markStaleSendsUnknown`, `largestQueuedTeam`) works across every team by generation id,
 * like `./tracker`; a person's commands (`moveQueued`, `moveQueuedToFront`, `cancelGeneration`, `requeueUnknown`) take `teamId`
 * and filter by it.
 */

export async function countInFlight(): Promise<number> {
  const row = getDb().select({ n: count() }).from(generations).where(inArray(generations.state, inFlightStates)).get();
  return row?.n ?? 0;
}

/** The first `perPerson` queued clips of every person in every team, in queue order: the dispatcher's choices. */
export async function listQueuedHeads({ perPerson }: { perPerson: number }): Promise<{ id: string; teamId: string; userId: string }[]> {
  const ranked = getDb()
    .select({
      id: generations.id,
      teamId: generations.teamId,
      userId: generations.userId,
      queueRank: generations.queueRank,
      createdAt: generations.createdAt,
      n: sql<number>`row_number() over (partition by ${generations.teamId}, ${generations.userId} order by ${generations.queueRank}, ${generations.createdAt})`.as('n'),
    })
    .from(generations)
    .where(eq(generations.state, 'queued'))
    .as('ranked');
  return getDb()
    .select({ id: ranked.id, teamId: ranked.teamId, userId: ranked.userId })
    .from(ranked)
    .where(lte(ranked.n, perPerson))
    .orderBy(asc(ranked.queueRank), asc(ranked.createdAt))
    .all();
}

/** When each of these teams and people was last served (the dispatcher's logical clock), and the clock's latest value. */
export async function getDispatchTurns({ keys }: { keys: string[] }): Promise<{ turns: Map<string, number>; clock: number }> {
  const db = getDb();
  const turns = new Map(keys.length ? db.select().from(dispatchTurns).where(inArray(dispatchTurns.key, keys)).all().map((row) => [row.key, row.lastServedAt]) : []);
  return { turns, clock: db.select({ at: max(dispatchTurns.lastServedAt) }).from(dispatchTurns).get()?.at ?? 0 };
}

export async function saveDispatchTurns(turns: Map<string, number>): Promise<void> {
  const db = getDb();
  db.transaction((tx) => {
    for (const [key, lastServedAt] of turns) {
      tx.insert(dispatchTurns).values({ key, lastServedAt }).onConflictDoUpdate({ target: dispatchTurns.key, set: { lastServedAt } }).run();
    }
  });
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

/**
 * For the queued ones among `ids`: the most clips queued in any one of their teams (0 when none is queued).
 * The send order of a team's clip depends on at most that many picks of every other team and person.
 */
export async function largestQueuedTeam({ ids }: { ids: string[] }): Promise<number> {
  if (ids.length === 0) return 0;
  const db = getDb();
  const teams = db.select({ teamId: generations.teamId }).from(generations).where(and(inArray(generations.id, ids), eq(generations.state, 'queued')));
  const sizes = db
    .select({ n: count().as('n') })
    .from(generations)
    .where(and(eq(generations.state, 'queued'), inArray(generations.teamId, teams)))
    .groupBy(generations.teamId)
    .as('sizes');
  return Number(db.select({ most: max(sizes.n) }).from(sizes).get()?.most ?? 0);
}

/**
 * Swaps a queued generation with its neighbour before (`up`) or after (`down`) it in its author's queue in the
 * team: that is the order the dispatcher keeps (people take turns, so passing a teammate's clip would change nothing).
 */
export async function moveQueued({ id, teamId, direction }: { id: string; teamId: string; direction: 'up' | 'down' }): Promise<boolean> {
  return getDb().transaction((tx) => {
    const scope = and(eq(generations.teamId, teamId), eq(generations.state, 'queued'));
    const self = tx.select({ rank: generations.queueRank, userId: generations.userId }).from(generations).where(and(scope, eq(generations.id, id))).get();
    if (!self || self.rank === null) return false;
    const neighbour = tx
      .select({ id: generations.id, rank: generations.queueRank })
      .from(generations)
      .where(and(scope, eq(generations.userId, self.userId), direction === 'up' ? lt(generations.queueRank, self.rank) : gt(generations.queueRank, self.rank)))
      .orderBy(direction === 'up' ? desc(generations.queueRank) : asc(generations.queueRank))
      .limit(1)
      .get();
    if (!neighbour) return false;
    tx.update(generations).set({ queueRank: neighbour.rank }).where(eq(generations.id, id)).run();
    tx.update(generations).set({ queueRank: self.rank }).where(eq(generations.id, neighbour.id)).run();
    return true;
  });
}

export type FrontMove = 'moved' | 'first' | 'not-queued';

/**
 * Sends a queued generation next among its team's queued clips: its rank goes just below the team's first (one
 * row written). People still take turns, so it is its author's next clip and the team's first at a tie of turns.
 */
export async function moveQueuedToFront({ id, teamId }: { id: string; teamId: string }): Promise<FrontMove> {
  return getDb().transaction(
    (tx) => {
      const scope = and(eq(generations.teamId, teamId), eq(generations.state, 'queued'));
      const self = tx.select({ rank: generations.queueRank }).from(generations).where(and(scope, eq(generations.id, id))).get();
      if (!self || self.rank === null) return 'not-queued';
      const first = tx.select({ rank: min(generations.queueRank) }).from(generations).where(scope).get()?.rank ?? self.rank;
      const rank = frontRank(self.rank, first);
      if (rank === null) return 'first';
      tx.update(generations).set({ queueRank: rank }).where(and(scope, eq(generations.id, id))).run();
      return 'moved';
    },
    { behavior: 'immediate' },
  );
}

/**
 * Cancels a queued generation or dismisses an unconfirmed one; nothing else can be cancelled. A queued one's
 * pending send never happens, so its price is given back to the daily budgets; an unconfirmed send may have been
 * paid for, so it stays.
 */
export async function cancelGeneration({ id, teamId, now, prices }: { id: string; teamId: string; now: Date; prices: Prices }): Promise<boolean> {
  const result = getDb()
    .update(generations)
    .set({ state: 'cancelled', queueRank: null, costCents: sql`case when ${generations.state} = 'queued' then ${withoutOneSend(prices)} else ${generations.costCents} end`, completedAt: now, updatedAt: now })
    .where(and(eq(generations.id, id), eq(generations.teamId, teamId), inArray(generations.state, cancellableStates)))
    .run();
  return result.changes === 1;
}

/**
 * Puts an unconfirmed generation back in the queue, at the end: the user chose to send it again. The earlier
 * send may have been paid for, so this one is counted again, under the same limits as a new clip (checked in the
 * same transaction). A webhook clip gets a new callback secret, so the earlier task (if it exists after all)
 * cannot report into this send.
 */
export async function requeueUnknown({
  id,
  teamId,
  now,
  rank,
  callbackSecret,
  guard,
}: {
  id: string;
  teamId: string;
  now: Date;
  rank: number;
  callbackSecret: string;
  guard?: SpendGuard;
}): Promise<{ ok: true } | { ok: false; refusal?: LimitRefusal }> {
  return getDb().transaction(
    (tx) => {
      const refusal = guard && findLimitRefusal(tx, guard);
      if (refusal) return { ok: false, refusal };
      const result = tx
        .update(generations)
        .set({
          state: 'queued',
          queueRank: rank,
          failCode: null,
          failMsg: null,
          taskId: null,
          nextPollAt: null,
          costCents: sql`${generations.costCents} + ${guard?.cents ?? 0}`,
          callbackSecret: sql`case when ${generations.requestType} = 'callback' then ${callbackSecret} else null end`,
          updatedAt: now,
        })
        .where(and(eq(generations.id, id), eq(generations.teamId, teamId), eq(generations.state, 'unknown')))
        .run();
      return result.changes === 1 ? { ok: true } : { ok: false };
    },
    { behavior: 'immediate' },
  );
}

