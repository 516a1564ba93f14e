import 'server-only';
import { getEnv } from '@/lib/env';
import type { InstanceLimits } from '@/lib/teams/schemas';

/** The limits the operator set for the whole studio; team settings live below them. */
export function instanceLimits(): InstanceLimits {
  const env = getEnv();
  return { sweepBudgetCents: env.sweepBudgetCents, hourlyQuota: env.hourlyQuota, dailyBudgetCents: env.budgets.studioDailyCents };
}
