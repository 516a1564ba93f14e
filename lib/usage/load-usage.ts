import 'server-only';
import { getMedianGenerationMs, listFailCodes, listUsageByDay, listUsageByPerson } from '@/db/queries/usage';
import { explainFailure } from '@/lib/generation/fail-codes';
import { dayRanges, type UsageQuery } from './period';
import type { UsageReport, UsageTotals } from './report';

/** One usage report: the member's own clips in the team, or the whole team's (the caller checked the role). */
export async function loadUsage({ teamId, userId, query, now }: { teamId: string; userId: string; query: UsageQuery; now: Date }): Promise<UsageReport> {
  const days = dayRanges({ period: query.period, timeZone: query.tz, now });
  const from = days[0]?.start ?? now.getTime();
  const to = days.at(-1)?.end ?? now.getTime();
  const scope = query.scope === 'team' ? { teamId } : { teamId, userId };
  const [byDay, failCodes, medianMs, people] = await Promise.all([
    listUsageByDay({ scope, days }),
    listFailCodes({ scope, from, to }),
    getMedianGenerationMs({ scope, from, to }),
    query.scope === 'team' ? listUsageByPerson({ teamId, from, to }) : null,
  ]);
  const add = (pick: (day: (typeof byDay)[number]) => number) => byDay.reduce((total, day) => total + pick(day), 0);
  const succeeded = add((d) => d.succeeded);
  const failed = add((d) => d.failed);
  const cancelled = add((d) => d.cancelled);
  const running = add((d) => d.running);
  const totals: UsageTotals = {
    clips: succeeded + failed + cancelled + running,
    succeeded,
    failed,
    cancelled,
    running,
    seconds: add((d) => d.seconds),
    cents: add((d) => d.cents),
    successRate: succeeded + failed === 0 ? null : succeeded / (succeeded + failed),
    medianMs,
  };
  return {
    period: query.period,
    scope: query.scope,
    timeZone: query.tz,
    totals,
    failCodes: failCodes.map(({ code, count }) => ({ code, count, ...explainFailure(code) })),
    days: byDay,
    people,
  };
}
