import 'server-only';
import { and, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../index';
import { authThrottle } from '../schema';

// Synchronous on purpose: the check and the count run in one immediate transaction, so parallel requests
// (or a second process on the same file) can never all pass a check before any of them is counted.

/** A growing delay: `free` failures cost nothing, then each one doubles the wait before the next attempt, up to `maxMs`. */
export type DelayRule = { key: string; free: number; baseMs: number; maxMs: number };
/** A fixed window: at most `max` attempts per `windowMs`. */
export type WindowRule = { key: string; max: number; windowMs: number };

export type Reservation = { ok: true } | { ok: false; waitMs: number } | { ok: false; busy: true };

export function delayAfter(count: number, rule: Pick<DelayRule, 'free' | 'baseMs' | 'maxMs'>): number {
  if (count <= rule.free) return 0;
  return Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(30, count - rule.free - 1));
}

/**
 * Counts an attempt as a failure before its password is checked (a success is forgiven afterwards), unless
 * one of its keys is still waiting out a delay: then nothing is counted and the wait is returned. `admit`
 * runs last, for a budget that must only be spent on attempts that go ahead; a counter quiet for `quietMs`
 * starts again from zero.
 */
export function reserveAttempt({ rules, now, quietMs, admit }: { rules: DelayRule[]; now: number; quietMs: number; admit: () => boolean }): Reservation {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const rows = rules.length === 0 ? [] : tx.select({ blockedUntil: authThrottle.blockedUntil }).from(authThrottle).where(inArray(authThrottle.key, rules.map((rule) => rule.key))).all();
      const waitMs = Math.max(0, ...rows.map((row) => (row.blockedUntil?.getTime() ?? 0) - now));
      if (waitMs > 0) return { ok: false, waitMs } as const;
      if (!admit()) return { ok: false, busy: true } as const;
      const quiet = sql`${authThrottle.updatedAt} <= ${now - quietMs}`;
      for (const rule of rules) {
        const count = countOne(tx, rule.key, now, quiet);
        const delay = delayAfter(count, rule);
        tx.update(authThrottle).set({ blockedUntil: delay > 0 ? new Date(now + delay) : null }).where(eq(authThrottle.key, rule.key)).run();
      }
      return { ok: true } as const;
    },
    { behavior: 'immediate' },
  );
}

/** After a success: `clear` counters are dropped; `refund` ones take back the failure counted for it. */
export function forgiveAttempt({ clear, refund }: { clear: string[]; refund: DelayRule[] }): void {
  getDb().transaction(
    (tx) => {
      if (clear.length > 0) tx.delete(authThrottle).where(inArray(authThrottle.key, clear)).run();
      for (const rule of refund) {
        tx.update(authThrottle)
          .set({
            count: sql`max(${authThrottle.count} - 1, 0)`,
            // Still over the free failures: the delay others' failures earned stays.
            blockedUntil: sql`case when ${authThrottle.count} - 1 > ${rule.free} then ${authThrottle.blockedUntil} else null end`,
          })
          .where(eq(authThrottle.key, rule.key))
          .run();
      }
    },
    { behavior: 'immediate' },
  );
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

/** Counts one more under `key` (a new counter starts at 1, and so does one for which `restart` holds); returns the count. */
function countOne(tx: Tx, key: string, now: number, restart: SQL): number {
  return tx
    .insert(authThrottle)
    .values({ key, count: 1, windowStart: new Date(now), updatedAt: new Date(now) })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        count: sql`case when ${restart} then 1 else ${authThrottle.count} + 1 end`,
        windowStart: sql`case when ${restart} then ${now} else ${authThrottle.windowStart} end`,
        updatedAt: new Date(now),
      },
    })
    .returning({ count: authThrottle.count })
    .get().count;
}

/** Counts an attempt in every window, unless one of them is full: then nothing is counted and the wait until it reopens is returned. */
export function reserveInWindows({ rules, now }: { rules: WindowRule[]; now: number }): Reservation {
  return getDb().transaction(
    (tx) => {
      let waitMs = 0;
      for (const rule of rules) {
        const row = tx.select().from(authThrottle).where(eq(authThrottle.key, rule.key)).get();
        const start = row?.windowStart.getTime() ?? 0;
        if (row && start > now - rule.windowMs && row.count >= rule.max) waitMs = Math.max(waitMs, start + rule.windowMs - now);
      }
      if (waitMs > 0) return { ok: false, waitMs } as const;
      for (const rule of rules) countOne(tx, rule.key, now, sql`${authThrottle.windowStart} <= ${now - rule.windowMs}`);
      return { ok: true } as const;
    },
    { behavior: 'immediate' },
  );
}

/** Drops counters nobody has touched since `before` and that hold no delay past it (unknown emails pile up otherwise). */
export function pruneThrottle({ before }: { before: number }): number {
  return getDb()
    .delete(authThrottle)
    .where(and(lt(authThrottle.updatedAt, new Date(before)), or(isNull(authThrottle.blockedUntil), lt(authThrottle.blockedUntil, new Date(before)))))
    .run().changes;
}
