import 'server-only';
import { checkLimits, LimitExceededError, type LimitRefusal, type SpendGuard, type SpendLimits } from '@/db/queries/spend';
import { getTeam } from '@/db/queries/teams';
import { getEnv } from '@/lib/env';
import { costCents, type Priced } from '@/lib/generation/schema';
import type { InstanceLimits } from '@/lib/teams/schemas';
import { refusalMessage, type OverCap } from './refusal-message';

// The budget a clip is started within (not authorization): the studio's limits, a team's lower ones, and the spend so far.

/** The limits the operator set for the whole studio; team settings live below them. */
export function instanceLimits(): InstanceLimits {
  const env = getEnv();
  return { sweepBudgetCents: env.sweepBudgetCents, hourlyQuota: env.hourlyQuota, dailyBudgetCents: env.budgets.studioDailyCents };
}

/** A team's own settings may lower the instance's limits, never raise them. */
const lower = (own: number | null | undefined, instance: number) => (own === null || own === undefined ? instance : Math.min(own, instance));

export type TeamLimits = SpendLimits & { sweepCapCents: number };

/** Every limit a clip started in `teamId` must stay within: the same instance values that bound the team's settings. */
export async function limitsFor(teamId: string): Promise<TeamLimits> {
  const instance = instanceLimits();
  const team = await getTeam({ teamId });
  const teamDaily = team?.dailyBudgetCents;
  return {
    memberHourly: lower(team?.hourlyQuota, instance.hourlyQuota),
    personHourly: instance.hourlyQuota,
    personDailyCents: getEnv().budgets.personDailyCents,
    teamDailyCents: teamDaily === null || teamDaily === undefined ? null : lower(teamDaily, instance.dailyBudgetCents),
    studioDailyCents: instance.dailyBudgetCents,
    sweepCapCents: lower(team?.sweepBudgetCents, instance.sweepBudgetCents),
  };
}

type Scope = { teamId: string; userId: string; requests: Priced[]; now: Date };

/** A sweep or an import is refused as a whole when it would cost more than the team's cap per sweep. */
export async function checkCap({ teamId, requests }: { teamId: string; requests: Priced[] }): Promise<{ ok: true; costCents: number } | ({ ok: false } & OverCap)> {
  const cost = costCents(requests, getEnv().prices);
  const capCents = (await limitsFor(teamId)).sweepCapCents;
  return cost > capCents ? { ok: false, clips: requests.length, costCents: cost, capCents } : { ok: true, costCents: cost };
}

/** The guard that `insertGenerations` enforces atomically for these requests. */
export async function guardFor({ teamId, userId, requests, now }: Scope): Promise<SpendGuard> {
  return { teamId, userId, now, clips: requests.length, cents: costCents(requests, getEnv().prices), limits: await limitsFor(teamId) };
}

/** An early, read-only check (nothing fetched or stored yet); the insert checks again under its lock. */
export async function checkSpend(scope: Scope): Promise<{ ok: true } | { ok: false; message: string }> {
  const guard = await guardFor(scope);
  const refusal = await checkLimits(guard);
  return refusal ? { ok: false, message: refusalMessage(refusal, guard) } : { ok: true };
}

/**
 * Checks every limit (for a clear message), then stores with the same limits as the insert's guard, so
 * requests racing each other cannot exceed them either; a race lost at the insert gets the same kind of message.
 */
export async function withinLimits<T>(scope: Scope, store: (guard: SpendGuard) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; message: string; refusal: LimitRefusal }> {
  const guard = await guardFor(scope);
  const early = await checkLimits(guard);
  if (early) return { ok: false, message: refusalMessage(early, guard), refusal: early };
  try {
    return { ok: true, value: await store(guard) };
  } catch (error) {
    if (!(error instanceof LimitExceededError)) throw error;
    return { ok: false, message: refusalMessage(error.refusal, guard), refusal: error.refusal };
  }
}
