import 'server-only';
import { QuotaExceededError } from '@/db/queries/generations';
import { recentGenerations } from '@/db/queries/quota';
import { getTeam } from '@/db/queries/teams';
import { getEnv } from '@/lib/env';

const HOUR_MS = 60 * 60_000;

/**
 * The per-member hourly limit on starting clips, so one member cannot drain the team's API budget.
 * `adding` is how many clips the request would start (a sweep starts many).
 */
export async function checkQuota({ teamId, userId, adding, now }: { teamId: string; userId: string; adding: number; now: Date }): Promise<{ ok: true; limit: number } | { ok: false; message: string }> {
  const limit = (await getTeam({ teamId }))?.hourlyQuota ?? getEnv().hourlyQuota;
  const recent = await recentGenerations({ teamId, userId, since: new Date(now.getTime() - HOUR_MS) });
  if (recent.count + adding <= limit) return { ok: true, limit };
  const freeAt = recent.oldest ? new Date(recent.oldest.getTime() + HOUR_MS) : now;
  const minutes = Math.max(1, Math.ceil((freeAt.getTime() - now.getTime()) / 60_000));
  const left = Math.max(0, limit - recent.count);
  return {
    ok: false,
    message:
      left > 0
        ? `This would start ${adding} clips, but you have ${left} of your ${limit} clips an hour left in this team. Try fewer, or wait about ${minutes} min.`
        : `You have started ${limit} clips in the last hour, this team’s limit per member. The next one is possible in about ${minutes} min.`,
  };
}

type QuotaScope = { teamId: string; userId: string; adding: number; now: Date };

/**
 * Checks the limit (for a clear message), then stores with the limit as an insert guard, so requests racing
 * each other cannot exceed it either; a race lost at the insert gets the same message.
 */
export async function withinQuota<T>(scope: QuotaScope, store: (hourlyLimit: number) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  const quota = await checkQuota(scope);
  if (!quota.ok) return quota;
  try {
    return { ok: true, value: await store(quota.limit) };
  } catch (error) {
    if (!(error instanceof QuotaExceededError)) throw error;
    const again = await checkQuota(scope);
    return again.ok ? { ok: false, message: 'Too many clips were started at once; try again.' } : again;
  }
}
