import 'server-only';
import { and, count, desc, eq, gte, inArray, isNotNull, lt, sql, sum, type SQL } from 'drizzle-orm';
import { stateGroups } from '../../lib/generation/states';
import { getDb } from '../index';
import { generations, users } from '../schema';
import { started } from './spend';

// Usage over a period, for one member in a team or the whole team. Every read is a range on
// (team_id, created_at): generations_team_created_idx, never a scan of the table.
// Counted: every clip started here in the period, trashed ones included (their cost was spent); imported
// clips are not (they were made elsewhere). Spend is cost_cents, the same figure the daily budgets add up.

export type UsageScopeFilter = { teamId: string; userId?: string };
export type UsageDayInput = { day: string; start: number; end: number };
export type UsageDay = { day: string; succeeded: number; failed: number; cancelled: number; running: number; seconds: number; cents: number };

const failedStates = stateGroups.failed;
const isSuccess = sql`${generations.state} = 'success'`;

function inScope({ teamId, userId }: UsageScopeFilter, from: number, to: number): SQL | undefined {
  return and(
    eq(generations.teamId, teamId),
    userId === undefined ? undefined : eq(generations.userId, userId),
    gte(generations.createdAt, new Date(from)),
    lt(generations.createdAt, new Date(to)),
    started,
  );
}

/** Each day's clips by outcome, seconds made and spend; days are given as ranges so any time zone buckets exactly. */
export async function listUsageByDay({ scope, days }: { scope: UsageScopeFilter; days: UsageDayInput[] }): Promise<UsageDay[]> {
  if (days.length === 0) return [];
  const ranges = sql.join(days.map((d) => sql`(${d.day}, ${d.start}, ${d.end})`), sql`, `);
  const userFilter = scope.userId === undefined ? sql`` : sql` and g.user_id = ${scope.userId}`;
  const rows = getDb().all<{ day: string; total: number; succeeded: number; failed: number; cancelled: number; seconds: number; cents: number }>(sql`
    with days(day, start, finish) as (values ${ranges})
    select days.day as day, count(*) as total,
      sum(g.state = 'success') as succeeded,
      sum(g.state in ('failed', 'unknown')) as failed,
      sum(g.state = 'cancelled') as cancelled,
      coalesce(sum(case when g.state = 'success' then g.duration end), 0) as seconds,
      coalesce(sum(g.cost_cents), 0) as cents
    from days cross join generations g
    where g.team_id = ${scope.teamId} and g.created_at >= days.start and g.created_at < days.finish${userFilter}
      and (g.state <> 'success' or g.task_id is not null)
    group by days.day`);
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return days.map(({ day }) => {
    const row = byDay.get(day);
    if (!row) return { day, succeeded: 0, failed: 0, cancelled: 0, running: 0, seconds: 0, cents: 0 };
    const { total, succeeded, failed, cancelled, seconds, cents } = row;
    return { day, succeeded, failed, cancelled, running: total - succeeded - failed - cancelled, seconds, cents };
  });
}

/** How often each fail code ended a clip in the period, most frequent first; a lost send counts as OUTCOME_UNKNOWN, a failure without a code as GENERATION_FAILED. */
export async function listFailCodes({ scope, from, to }: { scope: UsageScopeFilter; from: number; to: number }): Promise<{ code: string; count: number }[]> {
  const code = sql<string>`coalesce(${generations.failCode}, case ${generations.state} when 'unknown' then 'OUTCOME_UNKNOWN' else 'GENERATION_FAILED' end)`;
  return getDb()
    .select({ code, count: count() })
    .from(generations)
    .where(and(inScope(scope, from, to), inArray(generations.state, failedStates)))
    .groupBy(code)
    .orderBy(desc(count()), code)
    .all();
}

/** The median time from start to finish of the period's successful clips, in ms (the middle pair's mean when even); null when none. */
export async function getMedianGenerationMs({ scope, from, to }: { scope: UsageScopeFilter; from: number; to: number }): Promise<number | null> {
  const where = and(inScope(scope, from, to), isSuccess, isNotNull(generations.completedAt));
  const row = getDb().get<{ median: number | null }>(sql`
    with finished as (select ${generations.completedAt} - ${generations.createdAt} as took from ${generations} where ${where}),
      n as (select count(*) as n from finished)
    select avg(took) as median from (
      select took from finished order by took
      limit 2 - (select n from n) % 2 offset ((select n from n) - 1) / 2
    )`);
  return row?.median ?? null;
}

export type UsagePerson = { userId: string; name: string; email: string; clips: number; seconds: number; cents: number };

/** The team's people by spend in the period (team view only). */
export async function listUsageByPerson({ teamId, from, to }: { teamId: string; from: number; to: number }): Promise<UsagePerson[]> {
  const cents = sum(generations.costCents);
  const rows = getDb()
    .select({ userId: generations.userId, name: users.name, email: users.email, clips: count(), seconds: sql<number>`coalesce(sum(case when ${isSuccess} then ${generations.duration} end), 0)`, cents })
    .from(generations)
    .innerJoin(users, eq(users.id, generations.userId))
    .where(inScope({ teamId }, from, to))
    .groupBy(generations.userId)
    .orderBy(desc(cents), desc(count()))
    .all();
  return rows.map((row) => ({ ...row, cents: Number(row.cents ?? 0) }));
}
