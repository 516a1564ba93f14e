import 'server-only';
import { getMedianGenerationMs, listFailCodes, listUsageCells, listUserNames } from '@/db/queries/usage';
import { explainFailure } from '@/lib/generation/fail-codes';
import { addUpDays, addUpPeople } from './add-up';
import { dayRanges, type UsageQuery } from './period';
import type { UsageReport, UsageTotals } from './report';

/** One usage report: the member's own clips in the team, or the whole team's (the caller checked the role). */
export async function loadUsage({ teamId, userId, query, now }: { teamId: string; userId: string; query: UsageQuery; now: Date }): Promise<UsageReport> {
  const ranges = dayRanges({ period: query.period, timeZone: query.tz, now });
  const from = ranges[0]?.start ?? now.getTime();
  const to = ranges.at(-1)?.end ?? now.getTime();
  const scope = query.scope === 'team' ? { teamId } : { teamId, userId };
  const cells = await listUsageCells({ scope, days: ranges });
  const timed = cells.reduce((total, cell) => total + cell.timed, 0);
  const [failCodes, medianMs, names] = await Promise.all([
    listFailCodes({ scope, from, to }),
    getMedianGenerationMs({ scope, from, to, timed }),
    query.scope === 'team' ? listUserNames({ ids: [...new Set(cells.map((cell) => cell.userId))] }) : [],
  ]);
  const days = addUpDays(
    ranges.map((range) => range.day),
    cells,
  );
  const add = (pick: (day: (typeof days)[number]) => number) => days.reduce((total, day) => total + pick(day), 0);
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
    days,
    people: query.scope === 'team' ? addUpPeople(cells, new Map(names.map((user) => [user.id, user]))) : null,
  };
}
